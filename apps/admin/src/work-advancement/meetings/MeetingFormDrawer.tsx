import { type EnumValue, graphql } from '@gongjian/schema';
import { enumOptions, useLocale, useWords } from '@gongjian/ui';
import { Button, Form, Input, Select, Space } from 'antd';
import { CreateFormDrawer, RequiredItem, useCreateForm } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { editWords } from '../edit-words.ts';
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

const UpdateMeetingMutation = graphql.persisted(
  'admin/AdminUpdateMeeting',
  graphql(
    `
  mutation AdminUpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      __typename
      ... on MutationUpdateMeetingSuccess {
        data {
          id
          version
          topic
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

interface EditedMeeting {
  id: string;
  version: number;
  type: EnumValue<'MeetingType'>;
  heldOn: string;
  topic: string;
  attendees: string[];
}

/** 登记会议, or 修改会议 when `meeting` is given (its decisions are kept; the audit keeps before and after). */
export function MeetingFormDrawer({
  meeting,
  onClose,
}: {
  meeting?: EditedMeeting;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(commandWords);
  const edit = useWords(editWords);
  const [form] = Form.useForm<FormValues>();
  const fields = ['type', 'heldOn', 'topic'] as const;
  const create = useCreateForm({ form, mutation: CreateMeetingMutation, fields, onClose });
  const update = useCreateForm({ form, mutation: UpdateMeetingMutation, fields, onClose });
  if (meeting)
    return (
      <CreateFormDrawer<FormValues>
        width={560}
        title={edit.editMeeting}
        create={update}
        onFinish={(values) =>
          update.save(
            {
              input: {
                id: meeting.id,
                version: meeting.version,
                type: values.type,
                heldOn: values.heldOn,
                topic: values.topic,
                attendees: values.attendees ?? [],
              },
            },
            (data) => data?.updateMeeting,
          )
        }
        initialValues={meeting}
      >
        <MeetingFields />
      </CreateFormDrawer>
    );
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
      <MeetingFields />
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

function MeetingFields() {
  const words = useWords(commandWords);
  const { locale } = useLocale();
  return (
    <>
      <RequiredItem label={words.fieldType} name="type">
        <Select options={enumOptions('MeetingType', locale)} />
      </RequiredItem>
      <RequiredItem label={words.fieldHeldOn} name="heldOn">
        <DateInput />
      </RequiredItem>
      <RequiredItem label={words.fieldTopic} name="topic" whitespace>
        <Input maxLength={200} data-testid="meeting-topic" />
      </RequiredItem>
      <Form.Item label={words.fieldAttendees} name="attendees">
        <Select mode="tags" open={false} />
      </Form.Item>
    </>
  );
}
