import { graphql } from '@gongjian/schema';
import { describeQueryError, useLocale, useWords } from '@gongjian/ui';
import { App, Form, Input, InputNumber } from 'antd';
import { useMutation } from 'urql';
import { FormModal } from '../../shared/FormModal.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { PersonSelect } from '../../shared/pickers.tsx';
import { UnitSelect } from '../../shared/UnitSelect.tsx';
import { useMutationForm } from '../../shared/useMutationForm.ts';
import { taskWords } from '../words.ts';
import type { TaskRow } from './TasksTable.tsx';

const ReportMutation = graphql.persisted(
  'admin/AdminReportTaskProgress',
  graphql(
    `
  mutation AdminReportTaskProgress($input: ReportTaskProgressInput!) {
    reportTaskProgress(input: $input) {
      __typename
      ... on MutationReportTaskProgressSuccess {
        data {
          id
          progress
          version
          recordedStatus
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const CompleteMutation = graphql.persisted(
  'admin/AdminCompleteTask',
  graphql(
    `
  mutation AdminCompleteTask($input: CompleteTaskInput!) {
    completeTask(input: $input) {
      __typename
      ... on MutationCompleteTaskSuccess {
        data {
          id
          recordedStatus
          progress
          version
          completedAt
          completedByName
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

const ReassignMutation = graphql.persisted(
  'admin/AdminReassignTask',
  graphql(
    `
  mutation AdminReassignTask($input: ReassignTaskInput!) {
    reassignTask(input: $input) {
      __typename
      ... on MutationReassignTaskSuccess {
        data {
          id
          version
          responsibleUnitName
          responsiblePersonName
        }
      }
      ...MutationFailure_error
    }
  }
`,
    [MutationFailure_error],
  ),
);

export function ProgressModal({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const words = useWords(taskWords);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ progress: number; note?: string }>();
  const { failure, settle } = useMutationForm();
  const [{ fetching }, report] = useMutation(ReportMutation);
  async function submit(values: { progress: number; note?: string }) {
    const result = await report({
      input: { id: task.id, version: task.version, progress: values.progress, note: values.note || null },
    });
    if (!settle(result, result.data?.reportTaskProgress)) return;
    message.success(words.saved);
    onClose();
  }
  return (
    <FormModal
      title={`${words.reportProgress}：${task.title}`}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.submit}
      failure={failure}
      failureTestId="task-action-error"
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ progress: task.progress }}>
        <Form.Item
          label={words.progress}
          name="progress"
          rules={[{ required: true, message: words.required }]}
        >
          <InputNumber style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={words.progressNote} name="note">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ReassignModal({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const words = useWords(taskWords);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; personId: string; reason: string }>();
  const unitId = Form.useWatch('unitId', form);
  const { failure, settle } = useMutationForm();
  const [{ fetching }, reassign] = useMutation(ReassignMutation);
  async function submit(values: { unitId: string; personId: string; reason: string }) {
    const result = await reassign({
      input: {
        id: task.id,
        version: task.version,
        responsibleUnitId: values.unitId,
        responsiblePersonId: values.personId,
        reason: values.reason,
      },
    });
    if (!settle(result, result.data?.reassignTask)) return;
    message.success(words.saved);
    onClose();
  }
  return (
    <FormModal
      title={`${words.reassign}：${task.title}`}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={fetching}
      cancelText={words.cancel}
      submitText={words.submit}
      failure={failure}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          label={words.fieldUnit}
          name="unitId"
          rules={[{ required: true, message: words.required }]}
        >
          <UnitSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={words.fieldPerson}
          name="personId"
          rules={[{ required: true, message: words.required }]}
        >
          <PersonSelect unitId={unitId} placeholder={words.pickUnitFirst} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={words.fieldReason}
          name="reason"
          rules={[{ required: true, min: 2, message: words.required }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** Completes a task (after the table's confirmation) and reports the outcome as a message. */
export function useCompleteTask() {
  const words = useWords(taskWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [, complete] = useMutation(CompleteMutation);
  return async (task: TaskRow) => {
    const result = await complete({ input: { id: task.id, version: task.version } });
    const outcome = result.data?.completeTask;
    if (result.error || !outcome)
      return message.error(result.error ? describeQueryError(result.error, locale) : '');
    if (outcome.__typename === 'MutationCompleteTaskSuccess') return message.success(words.completed);
    return message.error(describeFailure(outcome, locale));
  };
}
