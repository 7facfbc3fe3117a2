import { graphql } from '@gongjian/schema';
import { describeQueryError, useLocale, useWords } from '@gongjian/ui';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { UnitSelect } from '../cadres/UnitSelect.tsx';
import { describeFailure, PersonSelect } from './shared.tsx';
import type { TaskRow } from './TasksTable.tsx';
import { taskWords } from './words.ts';

const ReportMutation = graphql(`
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
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on RuleViolationError {
        ruleId
      }
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

const CompleteMutation = graphql(`
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
      ... on Error {
        code
      }
      ... on RuleViolationError {
        ruleId
      }
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

const ReassignMutation = graphql(`
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
      ... on Error {
        code
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on RuleViolationError {
        ruleId
      }
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

export function ProgressModal({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const words = useWords(taskWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ progress: number; note?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, report] = useMutation(ReportMutation);
  async function submit(values: { progress: number; note?: string }) {
    const result = await report({
      input: { id: task.id, version: task.version, progress: values.progress, note: values.note || null },
    });
    const outcome = result.data?.reportTaskProgress;
    if (result.error || !outcome)
      return setFailure(result.error ? describeQueryError(result.error, locale) : null);
    if (outcome.__typename === 'MutationReportTaskProgressSuccess') {
      message.success(words.saved);
      return onClose();
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <Modal
      open
      title={`${words.reportProgress}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={words.submit}
      cancelText={words.cancel}
      confirmLoading={fetching}
      destroyOnHidden
    >
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 16 }}
          data-testid="task-action-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ progress: task.progress }}>
        <Form.Item
          label={words.progress}
          name="progress"
          rules={[{ required: true, message: words.required }]}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={words.progressNote} name="note">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReassignModal({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const words = useWords(taskWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; personId: string; reason: string }>();
  const unitId = Form.useWatch('unitId', form);
  const [failure, setFailure] = useState<string | null>(null);
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
    const outcome = result.data?.reassignTask;
    if (result.error || !outcome)
      return setFailure(result.error ? describeQueryError(result.error, locale) : null);
    if (outcome.__typename === 'MutationReassignTaskSuccess') {
      message.success(words.saved);
      return onClose();
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <Modal
      open
      title={`${words.reassign}：${task.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={words.submit}
      cancelText={words.cancel}
      confirmLoading={fetching}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
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
    </Modal>
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
