import { graphql } from '@gongjian/schema';
import { EmptyState, fill, QueryErrorAlert, useWords } from '@gongjian/ui';
import { Card, Col, Row, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { RuleDecision_decision, RuleDecisionView } from '../../shared/RuleReasons.tsx';
import { householdWords } from './words.ts';

const AssessmentQuery = graphql.persisted(
  'admin/AdminHouseholdRules',
  graphql(
    `
    query AdminHouseholdRules($id: ID!, $year: Int!) {
      household(id: $id) {
        id
        assessment(year: $year) {
          year
          perCapitaNetIncomeYuan
          inclusion {
            ...RuleDecision_decision
          }
          exit {
            ...RuleDecision_decision
          }
          monitoring {
            ...RuleDecision_decision
          }
        }
      }
    }
  `,
    [RuleDecision_decision],
  ),
);

/** What the rules say about the household for a year with facts: inclusion, exit and monitoring. */
export function AssessmentPanel({
  householdId,
  years,
}: {
  householdId: string;
  years: ReadonlyArray<number>;
}) {
  const words = useWords(householdWords);
  const [year, setYear] = useState<number | null>(years[0] ?? null);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AssessmentQuery,
    variables: { id: householdId, year: year ?? 0 },
    pause: year === null,
  });
  if (year === null) return <EmptyState description={words.noFactYearsHousehold} />;
  const assessment = data?.household?.assessment;
  return (
    <div data-testid="household-assessment">
      <Segmented<number> value={year} onChange={setYear} options={[...years]} style={{ marginBottom: 12 }} />
      {error && (
        <QueryErrorAlert error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {fetching && <Spin />}
      {!fetching && data && !assessment && <EmptyState description={words.assessmentHidden} />}
      {assessment && (
        <>
          <Typography.Paragraph>
            {fill(words.perCapitaOfYear, {
              year: assessment.year,
              income: assessment.perCapitaNetIncomeYuan,
            })}
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small" title={words.inclusionDecision}>
                <RuleDecisionView decision={assessment.inclusion} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title={words.exitDecision}>
                <RuleDecisionView decision={assessment.exit} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small" title={words.monitoringDecision}>
                <RuleDecisionView decision={assessment.monitoring} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
