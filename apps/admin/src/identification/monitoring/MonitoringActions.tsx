import { type EnumValue, type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  enumLabel,
  fill,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Radio, Space } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { monitoringWords } from './words.ts';

const RecordStepMutation = graphql.persisted(
  'admin/AdminRecordMonitoringStep',
  graphql(
    `
    mutation AdminRecordMonitoringStep($input: RecordMonitoringStepInput!) {
      recordMonitoringStep(input: $input) {
        __typename
        ... on MutationRecordMonitoringStepSuccess {
          data {
            id
            state
            version
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

const StartEliminationMutation = graphql.persisted(
  'admin/AdminStartRiskElimination',
  graphql(
    `
    mutation AdminStartRiskElimination($input: StartRiskEliminationInput!) {
      startRiskElimination(input: $input) {
        __typename
        ... on MutationStartRiskEliminationSuccess {
          data {
            id
            state
            version
          }
        }
        ...MutationFailure_error
      }
    }
  `,
    [MutationFailure_error],
  ),
);

/** What the step and elimination forms write against: the object, its version, year and next step. */
export const MonitoringActions_target = graphql(`
  fragment MonitoringActions_target on MonitoringObject {
    id
    version
    year
    nextStep
  }
`);

type MonitoringTarget = FragmentOf<typeof MonitoringActions_target>;

/** Records the monitoring object's next step (identification or risk elimination). */
export function MonitoringStepForm({
  target: targetRef,
  onChanged,
}: {
  target: MonitoringTarget;
  onChanged: () => void;
}) {
  const words = useWords(monitoringWords);
  const target = readFragment(MonitoringActions_target, targetRef);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordStepMutation);
  const today = useCountyToday();
  const step = target.nextStep;
  if (!step) return null;
  type Values = { decision: EnumValue<'StepDecision'>; date: string; notes?: string };
  async function submit(values: Values) {
    if (!step) return;
    setFailure(null);
    const result = await record({
      input: {
        monitoringObjectId: target.id,
        step,
        version: target.version,
        decision: values.decision,
        date: values.date || null,
        notes: values.notes?.trim() || null,
      },
    });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.recordMonitoringStep;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationRecordMonitoringStepSuccess') {
      message.success(fill(words.stepRecorded, { step: enumLabel('MonitoringStep', step, locale) }));
      return onChanged();
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <div>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} />}
      <Form<Values>
        layout="inline"
        onFinish={submit}
        initialValues={{ decision: 'APPROVED', date: today }}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          label={fill(words.doStep, { step: enumLabel('MonitoringStep', step, locale) })}
          name="decision"
        >
          <Radio.Group
            options={(['APPROVED', 'REJECTED'] as const).map((value) => ({
              value,
              label: enumLabel('StepDecision', value, locale),
            }))}
          />
        </Form.Item>
        <Form.Item label={words.actedOn} name="date" rules={[{ required: true, message: words.required }]}>
          <DateInput max={today} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={words.notes} name="notes">
          <Input maxLength={500} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching}>
            {words.submit}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

/** Applies for risk elimination: the rules judge income, guarantees and spending for the year. */
export function StartEliminationForm({
  target: targetRef,
  onChanged,
}: {
  target: MonitoringTarget;
  onChanged: () => void;
}) {
  const words = useWords(monitoringWords);
  const target = readFragment(MonitoringActions_target, targetRef);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, start] = useMutation(StartEliminationMutation);
  const today = useCountyToday();
  type Values = {
    year: number;
    incomeAboveRangeSince?: string;
    rigidSpendingResolved: boolean;
    date: string;
  };
  async function submit(values: Values) {
    setFailure(null);
    const result = await start({
      input: {
        monitoringObjectId: target.id,
        version: target.version,
        year: values.year,
        incomeAboveRangeSince: values.incomeAboveRangeSince || null,
        rigidSpendingResolved: values.rigidSpendingResolved,
        date: values.date || null,
      },
    });
    if (result.error) return setFailure(describeQueryError(result.error, locale));
    const outcome = result.data?.startRiskElimination;
    if (!outcome) return setFailure(commonWords[locale].unexpectedError);
    if (outcome.__typename === 'MutationStartRiskEliminationSuccess') {
      message.success(words.eliminationStarted);
      return onChanged();
    }
    setFailure(describeFailure(outcome, locale));
  }
  return (
    <div>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 8 }} />}
      <Form<Values>
        layout="inline"
        onFinish={submit}
        initialValues={{ year: target.year, rigidSpendingResolved: false, date: today }}
        style={{ rowGap: 8 }}
      >
        <Form.Item label={words.year} name="year" rules={[{ required: true, message: words.required }]}>
          <InputNumber min={2014} max={2100} precision={0} />
        </Form.Item>
        <Form.Item label={words.incomeAboveSince} name="incomeAboveRangeSince">
          <DateInput max={today} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="rigidSpendingResolved" valuePropName="checked">
          <Checkbox>{words.spendingResolved}</Checkbox>
        </Form.Item>
        <Form.Item label={words.actedOn} name="date">
          <DateInput max={today} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button htmlType="submit" loading={fetching}>
              {words.startElimination}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </div>
  );
}
