import { type EnumValue, graphql } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  enumLabel,
  fill,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, App, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { type Application, ApplicationProcedure_application } from './application.ts';
import { applicationWords } from './words.ts';

const RecordStepMutation = graphql.persisted(
  'admin/AdminRecordApplicationStep',
  graphql(
    `
    mutation AdminRecordApplicationStep($input: RecordApplicationStepInput!) {
      recordApplicationStep(input: $input) {
        __typename
        ... on MutationRecordApplicationStepSuccess {
          data {
            id
            ...ApplicationProcedure_application
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [ApplicationProcedure_application, MutationFailure_error],
  ),
);

const WithdrawMutation = graphql.persisted(
  'admin/AdminWithdrawApplication',
  graphql(
    `
    mutation AdminWithdrawApplication($input: WithdrawApplicationInput!) {
      withdrawApplication(input: $input) {
        __typename
        ... on MutationWithdrawApplicationSuccess {
          data {
            id
            ...ApplicationProcedure_application
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [ApplicationProcedure_application, MutationFailure_error],
  ),
);

interface StepValues {
  decision: EnumValue<'StepDecision'>;
  date: string;
  notes?: string;
}

/** The form of the step that is the viewer's: decision, day acted (not after today) and notes. */
export function StepForm({ application, onChanged }: { application: Application; onChanged: () => void }) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordStepMutation);
  const today = useCountyToday();
  const step = application.nextStep;
  if (!step) return null;

  async function submit(values: StepValues) {
    if (!step) return;
    setFailure(null);
    const result = await record({
      input: {
        applicationId: application.id,
        step,
        decision: values.decision,
        date: values.date || null,
        notes: values.notes?.trim() || null,
        version: application.version,
      },
    });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.recordApplicationStep;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationRecordApplicationStepSuccess') {
      message.success(fill(words.stepRecorded, { step: enumLabel('ProcedureStep', step, locale) }));
      form.resetFields(['notes']);
      return onChanged();
    }
    setFailure(describeFailure(outcome, locale));
  }

  return (
    <div className="gj-step-form" data-testid="step-form">
      <Typography.Title level={5}>
        {fill(words.doStep, { step: enumLabel('ProcedureStep', step, locale) })}
      </Typography.Title>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={words.stepRefused}
          description={failure}
          style={{ marginBottom: 12 }}
          data-testid="step-refused"
        />
      )}
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={{ decision: 'APPROVED', date: today }}
        style={{ rowGap: 8 }}
      >
        <Form.Item label={words.decision} name="decision">
          <Radio.Group
            options={(['APPROVED', 'REJECTED'] as const).map((value) => ({
              value,
              label: enumLabel('StepDecision', value, locale),
            }))}
          />
        </Form.Item>
        <Form.Item label={words.actedOn} name="date" rules={[{ required: true, message: words.required }]}>
          <DateInput id="step-date" max={today} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={words.notes} name="notes" style={{ minWidth: 320, flex: 1 }}>
          <Input.TextArea id="step-notes" rows={1} maxLength={500} autoSize />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {words.submitStep}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

export function WithdrawButton({
  application,
  onChanged,
}: {
  application: Application;
  onChanged: () => void;
}) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, withdraw] = useMutation(WithdrawMutation);
  async function submit({ reason }: { reason: string }) {
    setFailure(null);
    const result = await withdraw({
      input: { applicationId: application.id, version: application.version, reason: reason.trim() },
    });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.withdrawApplication;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationWithdrawApplicationSuccess') {
      setOpen(false);
      return onChanged();
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <>
      <Button danger size="small" onClick={() => setOpen(true)}>
        {words.withdraw}
      </Button>
      <Modal
        open={open}
        title={words.withdraw}
        okText={words.withdraw}
        cancelText={words.cancel}
        confirmLoading={fetching}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            label={words.withdrawReason}
            name="reason"
            rules={[{ required: true, whitespace: true, min: 2, message: words.required }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
