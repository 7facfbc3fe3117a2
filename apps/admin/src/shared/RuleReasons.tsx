import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { EmptyState, useLocale, useWords } from '@gongjian/ui';
import { List, Space, Tag, Typography } from 'antd';
import { RuleIdDetail } from './RuleIdDetail.tsx';
import { evidenceGradeText, outcomeText, reasonText } from './ruleText.ts';
import { sharedWords } from './words.ts';

export const RuleReasons_reason = graphql(`
  fragment RuleReasons_reason on RuleReason {
    ruleId
    passed
    messageZh
    messageEn
    sourceDocument
    evidenceGrade
  }
`);

export const RuleDecision_decision = graphql(
  `
    fragment RuleDecision_decision on RuleDecision {
      outcome
      outcomeZh
      reasons {
        ...RuleReasons_reason
      }
    }
  `,
  [RuleReasons_reason],
);

/** The rules' explanations as the API gives them: each message with its rule id, result and source. */
export function RuleReasons({
  reasons,
  testId,
}: {
  reasons: ReadonlyArray<FragmentOf<typeof RuleReasons_reason>>;
  testId?: string;
}) {
  const words = useWords(sharedWords);
  const { locale } = useLocale();
  const rows = reasons.map((reason) => readFragment(RuleReasons_reason, reason));
  if (rows.length === 0) return <EmptyState description={words.noReasons} />;
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={rows}
      renderItem={(reason) => (
        <List.Item>
          <Space direction="vertical" size={0} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={reason.passed ? 'success' : 'error'}>
                {reason.passed ? words.rulePassed : words.ruleFailed}
              </Tag>
              <Typography.Text>{reasonText(reason, locale)}</Typography.Text>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {words.evidenceGrade}：{evidenceGradeText(reason.evidenceGrade, locale)}
            </Typography.Text>
            <RuleIdDetail ruleId={reason.ruleId} source={reason.sourceDocument} />
          </Space>
        </List.Item>
      )}
    />
  );
}

/** A decision of the rules: its conclusion, then every reason behind it. */
export function RuleDecisionView({
  decision,
  testId,
}: {
  decision: FragmentOf<typeof RuleDecision_decision>;
  testId?: string;
}) {
  const words = useWords(sharedWords);
  const { locale } = useLocale();
  const value = readFragment(RuleDecision_decision, decision);
  return (
    <div data-testid={testId}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {words.conclusion}
        <Tag color="blue" style={{ marginInlineStart: 8 }}>
          {outcomeText(value, locale)}
        </Tag>
      </Typography.Paragraph>
      <RuleReasons reasons={value.reasons} />
    </div>
  );
}
