import type { EnumValue, FragmentOf } from '@gongjian/schema';
import {
  EmptyState,
  enumLabel,
  fill,
  formatInstant,
  useCountyToday,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, Collapse, Descriptions, Space, Steps, Table, Tag, Typography } from 'antd';
import { RuleReasons } from '../../shared/RuleReasons.tsx';
import { applicationStateColours } from '../../shared/tagColours.ts';
import { StepForm, WithdrawButton } from './ApplicationActions.tsx';
import { ApplicationProcedure_application, noticeDaysLeft, readApplication } from './application.ts';
import { applicationWords } from './words.ts';

export { ApplicationProcedure_application, noticeDaysLeft };

type ActorRole = EnumValue<'ActorRole'>;

export interface ApplicationProcedureProps {
  application: FragmentOf<typeof ApplicationProcedure_application>;
  onChanged: () => void;
}

/**
 * One application through its procedure: the rules' advice and explanation, the steps done (who, when,
 * decision, notes), the current step with who may act and the notice days left, and — for the viewer
 * whose role does the current step — the form to record it.
 */
export function ApplicationProcedure({ application: ref, onChanged }: ApplicationProcedureProps) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const application = readApplication(ref);
  const today = useCountyToday();
  const daysLeft = noticeDaysLeft(application.noticeEndsOn, today);
  const open = application.state === 'IN_PROGRESS';
  const mayRecordStep = application.viewerCanRecordStep;
  const mayWithdraw = application.viewerCanWithdraw;
  const roles = (list: ReadonlyArray<ActorRole>) =>
    list.map((role) => enumLabel('ActorRole', role, locale)).join(' / ');

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
    return { key: step, title: enumLabel('ProcedureStep', step, locale), description, status };
  });

  return (
    <div data-testid="application-procedure">
      <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={words.kind}>
          {enumLabel('ApplicationKind', application.kind, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={words.change}>
          {enumLabel('HouseholdStatus', application.fromStatus, locale)} →{' '}
          {enumLabel('HouseholdStatus', application.toStatus, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={words.state}>
          <Tag color={applicationStateColours[application.state]} data-testid="application-state">
            {enumLabel('ApplicationState', application.state, locale)}
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
            step: application.nextStep ? enumLabel('ProcedureStep', application.nextStep, locale) : '',
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
            render: (_, record) => enumLabel('ProcedureStep', record.step, locale),
          },
          {
            title: words.actor,
            key: 'actor',
            render: (_, record) =>
              `${record.actorName}（${enumLabel('ActorRole', record.actorRole, locale)}）`,
          },
          { title: words.actedOn, dataIndex: 'actedOn', key: 'actedOn', width: 110 },
          {
            title: words.decision,
            key: 'decision',
            render: (_, record) => (
              <Tag color={record.decision === 'APPROVED' ? 'success' : 'error'}>
                {enumLabel('StepDecision', record.decision, locale)}
              </Tag>
            ),
          },
          { title: words.notes, dataIndex: 'notes', key: 'notes' },
          {
            title: words.recordedAt,
            key: 'recordedAt',
            width: 170,
            render: (_, record) => formatInstant(record.recordedAt, locale),
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
                  {enumLabel('RulesAdvice', application.rulesAdvice, locale)}
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
