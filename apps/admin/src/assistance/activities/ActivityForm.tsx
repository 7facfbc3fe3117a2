import { graphql } from '@gongjian/schema';
import { enumOptions, RegionPicker, useCountyToday, useLocale, useWords } from '@gongjian/ui';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useMutation } from 'urql';
import { RequiredItem } from '../../shared/CreateFormDrawer.tsx';
import { DateInput } from '../../shared/DateInput.tsx';
import { FormModal } from '../../shared/FormModal.tsx';
import { MutationFailure_error } from '../../shared/failure.ts';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { useViewer } from '../../shared/viewer.tsx';
import { assistanceWords } from '../words.ts';
import type { ActivityRow } from './activity.ts';

const CreateActivityMutation = graphql.persisted(
  'admin/AdminCreateAssistanceActivity',
  graphql(
    `
    mutation AdminCreateAssistanceActivity($input: CreateAssistanceActivityInput!) {
      createAssistanceActivity(input: $input) {
        __typename
        ... on MutationCreateAssistanceActivitySuccess {
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

const UpdateActivityMutation = graphql.persisted(
  'admin/AdminUpdateAssistanceActivity',
  graphql(
    `
    mutation AdminUpdateAssistanceActivity($input: UpdateAssistanceActivityInput!) {
      updateAssistanceActivity(input: $input) {
        __typename
        ... on MutationUpdateAssistanceActivitySuccess {
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

interface ActivityValues {
  kind: 'CAMPAIGN' | 'PUBLICITY';
  region: string[];
  name: string;
  startDate: string;
  endDate: string;
  participants?: number | null;
  copiesDistributed?: number | null;
  materials?: string;
  notes?: string;
}

const FIELDS = [
  'name',
  'startDate',
  'endDate',
  'participants',
  'copiesDistributed',
  'materials',
  'notes',
] as const;

/** 登记或修改帮扶活动: a new one (kind and region chosen) or an existing one at its version; refusals show the rule. */
export function ActivityModal({
  activity,
  onClose,
}: {
  activity: ActivityRow | null;
  onClose: (saved: boolean) => void;
}) {
  const words = useWords(assistanceWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const today = useCountyToday();
  const root = useViewer().jurisdiction;
  const [form] = Form.useForm<ActivityValues>();
  const { failure, settle } = useMutationForm<ActivityValues>({ form, fields: [...FIELDS] });
  const [created, create] = useMutation(CreateActivityMutation);
  const [updated, update] = useMutation(UpdateActivityMutation);
  const fieldsOf = (values: ActivityValues) => ({
    name: values.name ?? '',
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    participants: values.participants ?? 0,
    copiesDistributed: values.copiesDistributed ?? 0,
    materials: values.materials ?? '',
    notes: values.notes ?? '',
  });
  return (
    <FormModal
      title={activity ? `${words.editActivity}：${activity.name}` : words.createActivity}
      onClose={() => onClose(false)}
      onSubmit={() => form.submit()}
      submitting={created.fetching || updated.fetching}
      cancelText={words.cancel}
      submitText={words.save}
      failure={failure}
      failureTestId="activity-failure"
    >
      <Form<ActivityValues>
        form={form}
        layout="vertical"
        initialValues={
          activity
            ? { ...activity, region: [activity.region.id] }
            : { kind: 'CAMPAIGN', startDate: today, endDate: today, participants: 0, copiesDistributed: 0 }
        }
        onFinish={async (values) => {
          if (activity) {
            const result = await update({
              input: { id: activity.id, version: activity.version, ...fieldsOf(values) },
            });
            if (!settle(result, result.data?.updateAssistanceActivity)) return;
          } else {
            const result = await create({
              input: {
                kind: values.kind,
                regionId: values.region?.[values.region.length - 1] ?? '',
                ...fieldsOf(values),
              },
            });
            if (!settle(result, result.data?.createAssistanceActivity)) return;
          }
          message.success(words.saved);
          onClose(true);
        }}
      >
        {!activity && (
          <>
            <RequiredItem label={words.activityKind} name="kind">
              <Select options={enumOptions('AssistanceActivityKind', locale)} data-testid="activity-kind" />
            </RequiredItem>
            <RequiredItem label={words.fieldRegion} name="region">
              <RegionPicker root={root} includeRoot />
            </RequiredItem>
          </>
        )}
        <RequiredItem label={words.fieldActivityName} name="name">
          <Input maxLength={60} data-testid="activity-name" />
        </RequiredItem>
        <RequiredItem label={words.fieldActivityStart} name="startDate">
          <DateInput max={today} />
        </RequiredItem>
        <RequiredItem label={words.fieldActivityEnd} name="endDate">
          <DateInput />
        </RequiredItem>
        <Form.Item label={words.fieldParticipants} name="participants">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={words.fieldCopies} name="copiesDistributed">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="activity-copies" />
        </Form.Item>
        <Form.Item label={words.fieldMaterials} name="materials">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={words.fieldNotes} name="notes">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
