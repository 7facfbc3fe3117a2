import { type EnumValue, type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import {
  commonWords,
  describeQueryError,
  EmptyState,
  fill,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import {
  Alert,
  App,
  Button,
  Collapse,
  Descriptions,
  Form,
  Input,
  Modal,
  Radio,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { DateInput } from '../../shared/DateInput.tsx';
import { describeFailure, MutationFailure_error } from '../../shared/failure.ts';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { applicationStateColours, label } from '../labels.ts';
import { applicationWords } from './words.ts';

export const ApplicationProcedure_application = graphql(
  `
    fragment ApplicationProcedure_application on StatusApplication {
      id
      kind
      state
      year
      fromStatus
      toStatus
      startedOn
      completedOn
      nextStep
      nextStepRoles
      noticeEndsOn
      procedureSteps
      stepsDone
      reason
      againstAdviceReason
      rulesAdvice
      rulesOutcome
      rulesExplanation {
        ...RuleReasons_reason
      }
      steps {
        sequence
        step
        decision
        actorName
        actorRole
        actedOn
        notes
        recordedAt
      }
      version
    }
  `,
  [RuleReasons_reason],
);

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

type ActorRole = EnumValue<'ActorRole'>;
type Application = ReturnType<typeof readApplication>;

function readApplication(application: FragmentOf<typeof ApplicationProcedure_application>) {
  return readFragment(ApplicationProcedure_application, application);
}

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar days). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days a posted notice still has to run before the next step, or null when no notice is running. */
export function noticeDaysLeft(noticeEndsOn: string | null, today: string): number | null {
  if (!noticeEndsOn) return null;
  const left = daysBetween(today, noticeEndsOn);
  return left > 0 ? left : null;
}

interface StepValues {
  decision: EnumValue<'StepDecision'>;
  date: string;
  notes?: string;
}

/** The form of the step that is the viewer's: decision, day acted (not after today) and notes. */
function StepForm({ application, onChanged }: { application: Application; onChanged: () => void }) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, record] = useMutation(RecordStepMutation);
  const step = application.nextStep;
  if (!step) return null;
  const today = useCountyToday();

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
      message.success(fill(words.stepRecorded, { step: label('ProcedureStep', step, locale) }));
      form.resetFields(['notes']);
      return onChanged();
    }
    setFailure(describeFailure(outcome, locale));
  }

  return (
    <div className="gj-step-form" data-testid="step-form">
      <Typography.Title level={5}>
        {fill(words.doStep, { step: label('ProcedureStep', step, locale) })}
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
              label: label('StepDecision', value, locale),
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

function WithdrawButton({ application, onChanged }: { application: Application; onChanged: () => void }) {
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

/**
 * What the viewer may do with the application: record its current step (their role does it) or withdraw it.
 * A copy of the server's role check, kept here alone until StatusApplication.viewerCanRecordStep and
 * viewerCanWithdraw replace it.
 */
function viewerPartIn(application: Application, viewerRoles: ReadonlyArray<string>) {
  return {
    mayRecordStep: application.nextStepRoles.some((role) => viewerRoles.includes(role)),
    mayWithdraw: viewerRoles.some((role) =>
      ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'].includes(role),
    ),
  };
}

export interface ApplicationProcedureProps {
  application: FragmentOf<typeof ApplicationProcedure_application>;
  viewerRoles: ReadonlyArray<string>;
  onChanged: () => void;
}

/**
 * One application through its procedure: the rules' advice and explanation, the steps done (who, when,
 * decision, notes), the current step with who may act and the notice days left, and — for the viewer
 * whose role does the current step — the form to record it.
 */
export function ApplicationProcedure({
  application: ref,
  viewerRoles,
  onChanged,
}: ApplicationProcedureProps) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const application = readApplication(ref);
  const today = useCountyToday();
  const daysLeft = noticeDaysLeft(application.noticeEndsOn, today);
  const open = application.state === 'IN_PROGRESS';
  const { mayRecordStep, mayWithdraw } = viewerPartIn(application, viewerRoles);
  const roles = (list: ReadonlyArray<ActorRole>) =>
    list.map((role) => label('ActorRole', role, locale)).join(' / ');

  const stepItems = application.procedureSteps.map((step, index) => {
    const done = application.steps.find((record) => record.sequence === index + 1);
    const current = open && index === application.stepsDone;
    const status: 'finish' | 'process' | 'wait' | 'error' = done
      ? done.decision === 'REJECTED'
        ? 'error'
        : 'finish'
      : current
        ? 'process'
        : 'wait';
    const description = done
      ? `${done.actorName} · ${done.actedOn}`
      : current
        ? daysLeft
          ? fill(words.noticeRunning, { days: daysLeft, date: application.noticeEndsOn ?? '' })
          : fill(words.waitingFor, { roles: roles(application.nextStepRoles) })
        : '';
    return { key: step, title: label('ProcedureStep', step, locale), description, status };
  });

  return (
    <div data-testid="application-procedure">
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={words.kind}>
          {label('ApplicationKind', application.kind, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={words.change}>
          {label('HouseholdStatus', application.fromStatus, locale)} →{' '}
          {label('HouseholdStatus', application.toStatus, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={words.state}>
          <Tag color={applicationStateColours[application.state]} data-testid="application-state">
            {label('ApplicationState', application.state, locale)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={words.startedOn}>{application.startedOn}</Descriptions.Item>
        <Descriptions.Item label={words.completedOn}>{application.completedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={words.year}>{application.year}</Descriptions.Item>
        <Descriptions.Item label={words.reason} span={3}>
          {application.reason}
        </Descriptions.Item>
        {application.againstAdviceReason && (
          <Descriptions.Item label={words.againstAdviceReason} span={3}>
            {application.againstAdviceReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Steps
        size="small"
        current={Math.min(application.stepsDone, application.procedureSteps.length - 1)}
        items={stepItems}
        style={{ marginBottom: 16 }}
        data-testid="procedure-steps"
      />
      {open && !mayRecordStep && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={fill(words.notYourStep, {
            step: application.nextStep ? label('ProcedureStep', application.nextStep, locale) : '',
            roles: roles(application.nextStepRoles),
          })}
        />
      )}
      {open && mayRecordStep && <StepForm application={application} onChanged={onChanged} />}
      <Table
        rowKey="sequence"
        size="small"
        data-testid="procedure-records"
        pagination={false}
        dataSource={application.steps}
        locale={{ emptyText: <EmptyState description={words.noStepsYet} /> }}
        columns={[
          { title: '#', dataIndex: 'sequence', key: 'sequence', width: 40 },
          {
            title: words.step,
            key: 'step',
            render: (_, record) => label('ProcedureStep', record.step, locale),
          },
          {
            title: words.actor,
            key: 'actor',
            render: (_, record) => `${record.actorName}（${label('ActorRole', record.actorRole, locale)}）`,
          },
          { title: words.actedOn, dataIndex: 'actedOn', key: 'actedOn', width: 110 },
          {
            title: words.decision,
            key: 'decision',
            render: (_, record) => (
              <Tag color={record.decision === 'APPROVED' ? 'success' : 'error'}>
                {label('StepDecision', record.decision, locale)}
              </Tag>
            ),
          },
          { title: words.notes, dataIndex: 'notes', key: 'notes' },
          {
            title: words.recordedAt,
            key: 'recordedAt',
            width: 170,
            render: (_, record) => new Date(record.recordedAt).toLocaleString(locale),
          },
        ]}
      />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'advice',
            label: (
              <Space>
                {words.rulesAdvice}
                <Tag color={application.rulesAdvice === 'SUPPORTS' ? 'success' : 'warning'}>
                  {label('RulesAdvice', application.rulesAdvice, locale)}
                </Tag>
                <Typography.Text type="secondary">{application.rulesOutcome}</Typography.Text>
              </Space>
            ),
            children: <RuleReasons reasons={application.rulesExplanation} />,
          },
        ]}
      />
      {open && mayWithdraw && (
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <WithdrawButton application={application} onChanged={onChanged} />
        </div>
      )}
    </div>
  );
}
