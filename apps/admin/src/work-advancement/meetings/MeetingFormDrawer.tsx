import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useMutation } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { FormDrawer } from '../../shared/FormDrawer.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { commandWords } from '../words.ts';

const CreateMeetingMutation = graphql.persisted(
  'admin/AdminCreateMeeting',
  graphql(
    `
  mutation AdminCreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      __typename
      ... on MutationCreateMeetingSuccess {
        data {
          id
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

interface FormValues {
  type: EnumValue<'MeetingType'>;
  heldOn: string;
  topic: string;
  attendees: string[];
  decisions: string[];
}

export function MeetingFormDrawer({ onClose }: { onClose: (saved: boolean) => void }) {
  const words = useWords(commandWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const { failure, settle } = useMutationForm({ form, fields: ['type', 'heldOn', 'topic'] });
  const [{ fetching }, createMeeting] = useMutation(CreateMeetingMutation);
  async function submit(values: FormValues) {
    const result = await createMeeting({
      input: {
        ...values,
        attendees: values.attendees ?? [],
        decisions: (values.decisions ?? []).filter(Boolean),
      },
    });
    if (!settle(result, result.data?.createMeeting)) return;
    message.success(words.saved);
    onClose(true);
  }
  return (
    <FormDrawer
      width={560}
      title={words.createMeeting}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ type: 'LEADING_GROUP', attendees: [], decisions: [''] }}
      >
        <Form.Item label={words.fieldType} name="type" rules={[{ required: true, message: words.required }]}>
          <Select options={enumOptions('MeetingType', locale)} />
        </Form.Item>
        <Form.Item
          label={words.fieldHeldOn}
          name="heldOn"
          rules={[{ required: true, message: words.required }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item
          label={words.fieldTopic}
          name="topic"
          rules={[{ required: true, whitespace: true, message: words.required }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={words.fieldAttendees} name="attendees">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Form.Item key={field.key} label={index === 0 ? words.fieldDecisions : undefined}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={field.name} noStyle>
                      <Input.TextArea rows={2} maxLength={1000} placeholder={`${index + 1}.`} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>×</Button>
                  </Space.Compact>
                </Form.Item>
              ))}
              <Button type="dashed" block onClick={() => add('')}>
                {words.addDecision}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
