import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { enumLabel, fill, useLocale, useWords } from '@gongjian/ui';
import { Alert, Tag, Typography } from 'antd';
import { RuleDecision_decision, RuleReasons } from '../../shared/RuleReasons.tsx';
import { outcomeText } from '../../shared/ruleText.ts';
import { applicationWords } from './words.ts';

export const ApplicationAdvice_advice = graphql(
  `
    fragment ApplicationAdvice_advice on ApplicationAdvice {
      rulesAdvice
      perCapitaNetIncomeYuan
      decision {
        ...RuleDecision_decision
      }
    }
  `,
  [RuleDecision_decision],
);

/**
 * The rules' advice on an application about to start, exactly as the API will store it with the
 * application: for or against, the conclusion with the year's income, and every reason.
 */
export function ApplicationAdviceView({
  advice: ref,
}: {
  advice: FragmentOf<typeof ApplicationAdvice_advice>;
}) {
  const words = useWords(applicationWords);
  const { locale } = useLocale();
  const advice = readFragment(ApplicationAdvice_advice, ref);
  const decision = readFragment(RuleDecision_decision, advice.decision);
  const supports = advice.rulesAdvice === 'SUPPORTS';
  return (
    <div data-testid="rules-advice" style={{ marginBottom: 12 }}>
      <Alert
        type={supports ? 'success' : 'warning'}
        showIcon
        message={
          <span>
            {words.rulesAdvice}
            <Tag color={supports ? 'success' : 'warning'} style={{ marginInlineStart: 8 }}>
              {enumLabel('RulesAdvice', advice.rulesAdvice, locale)}
            </Tag>
            {fill(words.adviceDetail, {
              outcome: outcomeText(decision, locale),
              income: advice.perCapitaNetIncomeYuan,
            })}
          </span>
        }
        description={supports ? undefined : words.opposesHint}
      />
      <Typography.Text type="secondary">{words.explanation}</Typography.Text>
      <div style={{ maxHeight: 260, overflowY: 'auto' }}>
        <RuleReasons reasons={decision.reasons} testId="advice-reasons" />
      </div>
    </div>
  );
}
