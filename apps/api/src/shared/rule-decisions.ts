import { type Decision, LABELS_ZH, type Reason } from '@gongjian/rules';
import { builder } from '../builder';

/** How the rules' decisions and reasons reach clients, for every mechanism. */

export const RuleReasonRef = builder.objectRef<Reason>('RuleReason').implement({
  description: '规则说明 (one policy rule applied to the facts: its id, result, source and explanation)',
  fields: (t) => ({
    ruleId: t.exposeString('ruleId', { description: '规则编号' }),
    passed: t.exposeBoolean('passed', { description: '是否满足该规则的检验 (see the message)' }),
    messageZh: t.exposeString('messageZh', { description: '中文说明' }),
    messageEn: t.exposeString('messageEn', { description: 'English explanation' }),
    sourceDocument: t.string({ description: '依据文件代码', resolve: (r) => r.source.document }),
    evidenceGrade: t.string({ description: '证据等级 (N/P/L/A/W)', resolve: (r) => r.source.grade }),
    params: t.field({
      type: 'JSON',
      description: '参数 (an object: parameter name → value the rule used, e.g. { "incomeLineFen": 380000 })',
      resolve: (r) => r.params,
    }),
    facts: t.field({
      type: 'JSON',
      description: '事实 (an object: fact name → value the rule was applied to)',
      resolve: (r) => r.facts,
    }),
    paramsJson: t.string({
      description: '参数 (JSON string)',
      deprecationReason: 'use params',
      resolve: (r) => JSON.stringify(r.params),
    }),
    factsJson: t.string({
      description: '事实 (JSON string)',
      deprecationReason: 'use facts',
      resolve: (r) => JSON.stringify(r.facts),
    }),
  }),
});

const OUTCOME_LABELS: Record<string, string> = { ...LABELS_ZH.outcome, ...LABELS_ZH.monitoringType };

/** 规则判断: a decision of the rules with every reason behind it. */
export const RuleDecisionRef = builder.objectRef<Decision<string>>('RuleDecision').implement({
  description: '规则判断 (a decision of the policy rules and every reason behind it)',
  fields: (t) => ({
    outcome: t.exposeString('outcome', { description: '结论代码 (e.g. INCLUDE, ELIGIBLE, EDGE_PRONE)' }),
    outcomeZh: t.string({ description: '结论', resolve: (d) => OUTCOME_LABELS[d.outcome] ?? d.outcome }),
    reasons: t.field({ type: [RuleReasonRef], description: '逐条规则说明', resolve: (d) => d.reasons }),
  }),
});
