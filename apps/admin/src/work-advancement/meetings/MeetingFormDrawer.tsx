import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { Button, Form, Input, Select, Space } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
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
  const [form] = Form.useForm<FormValues>();
  const create = useCreateForm({
    form,
    mutation: CreateMeetingMutation,
    fields: ['type', 'heldOn', 'topic'],
    onClose,
  });
  return (
    <CreateFormDrawer<FormValues>
      width={560}
      title={words.createMeeting}
      create={create}
      onFinish={(values) =>
        create.save(
          {
            input: {
              ...values,
              attendees: values.attendees ?? [],
              decisions: (values.decisions ?? []).filter(Boolean),
            },
          },
          (data) => data?.createMeeting,
        )
      }
      initialValues={{ type: 'LEADING_GROUP', attendees: [], decisions: [''] }}
    >
      <RequiredItem label={words.fieldType} name="type">
        <Select options={enumOptions('MeetingType', locale)} />
      </RequiredItem>
      <RequiredItem label={words.fieldHeldOn} name="heldOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.fieldTopic} name="topic" whitespace>
        <Input maxLength={200} />
      </RequiredItem>
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
    </CreateFormDrawer>
  );
}
