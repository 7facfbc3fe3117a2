import { graphql } from '@gongjian/schema';
import { fill, QueryErrorAlert, useWords } from '@gongjian/ui';
import { Alert, Card, Descriptions, Skeleton } from 'antd';
import { useQuery } from 'urql';
import { RuleReasons, RuleReasons_reason } from '../../shared/RuleReasons.tsx';
import { ExportButton } from '../shared/ExportButton.tsx';
import { fundsWords } from '../words.ts';

const ReconciliationQuery = graphql.persisted(
  'admin/AdminFundReconciliation',
  graphql(
    `
  query AdminFundReconciliation($fromYear: Int!, $toYear: Int!) {
    fundReconciliation(fromYear: $fromYear, toYear: $toYear) {
      grossWanYuan
      overlapWanYuan
      netWanYuan
      warning
      overlapChecks {
        passed
        ...RuleReasons_reason
      }
      readings {
        reportedIn
        reportedTotalWanYuan
        grossDifferenceWanYuan
        netDifferenceWanYuan
        severity
        explanation {
          ...RuleReasons_reason
        }
      }
    }
  }
`,
    [RuleReasons_reason],
  ),
);

/** 资金对账: the period's sources gross and net of their overlaps, read against each reported total. */
export function ReconciliationCard({ years }: { years: { fromYear: number; toYear: number } }) {
  const words = useWords(fundsWords);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ReconciliationQuery,
    variables: years,
    requestPolicy: 'cache-and-network',
  });
  if (error)
    return <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const reconciliation = data?.fundReconciliation;
  if (!reconciliation) return fetching ? <Skeleton active /> : null;
  return (
    <Card
      title={`${words.reconciliation}（${years.fromYear}–${years.toYear}）`}
      data-testid="fund-reconciliation"
      extra={<ExportButton list="reconciliation" filters={years} />}
    >
      <Descriptions column={3} size="small">
        <Descriptions.Item label={words.gross}>
          {fill(words.wan, { amount: reconciliation.grossWanYuan })}
        </Descriptions.Item>
        <Descriptions.Item label={words.overlap}>
          {fill(words.wan, { amount: reconciliation.overlapWanYuan })}
        </Descriptions.Item>
        <Descriptions.Item label={words.net}>
          {fill(words.wan, { amount: reconciliation.netWanYuan })}
        </Descriptions.Item>
      </Descriptions>
      {reconciliation.readings.length === 0 && <Alert type="info" showIcon message={words.noReportedTotal} />}
      {reconciliation.readings.map((reading) => (
        <Alert
          key={`${reading.reportedIn}-${reading.reportedTotalWanYuan}`}
          style={{ marginTop: 12 }}
          type={reading.severity === 'WARNING' ? 'warning' : 'success'}
          showIcon
          data-testid="reconciliation-reading"
          message={`${fill(words.reported, { total: reading.reportedTotalWanYuan, where: reading.reportedIn })} · ${fill(words.grossDifference, { difference: reading.grossDifferenceWanYuan })} · ${fill(words.netDifference, { difference: reading.netDifferenceWanYuan })} · ${reading.severity === 'WARNING' ? words.warning : words.consistent}`}
          description={<RuleReasons reasons={reading.explanation} />}
        />
      ))}
      {reconciliation.overlapChecks.some((check) => !check.passed) && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message={words.warning}
          description={<RuleReasons reasons={reconciliation.overlapChecks} />}
        />
      )}
    </Card>
  );
}
