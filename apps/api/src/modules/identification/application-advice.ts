import { z } from 'zod';
import { builder } from '../../builder';
import { actedOn } from '../../shared/dates';
import { fenToYuan } from '../../shared/money';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { ApplicationKindEnum, RulesAdviceEnum } from './enums';
import { type ApplicationAdvice, adviceOnStarting } from './facts';
import { Household } from './household';

import { yearSchema } from './validation';

/**
 * The rules' advice before a status change starts: the same function `startApplication` stores its advice
 * with (`adviceOnStarting`), so what a clerk reads is what the application will carry.
 */

const ApplicationAdviceRef = builder.objectRef<ApplicationAdvice>('ApplicationAdvice').implement({
  description:
    '发起申请的规则意见 (what startApplication stores for this kind, year and start date: advice, conclusion and every reason)',
  fields: (t) => ({
    kind: t.field({ type: ApplicationKindEnum, description: '调整类别', resolve: (a) => a.kind }),
    year: t.exposeInt('year', { description: '研判年度' }),
    date: t.field({ type: 'Date', description: '研判日期 (the start date)', resolve: (a) => a.onDate }),
    rulesAdvice: t.field({
      type: RulesAdviceEnum,
      description: '规则意见 (stored as StatusApplication.rulesAdvice)',
      resolve: (a) => (a.supports ? 'SUPPORTS' : 'OPPOSES'),
    }),
    decision: t.field({
      type: RuleDecisionRef,
      description: '规则判断 (outcome and reasons, stored as rulesOutcome and rulesExplanation)',
      resolve: (a) => a.decision,
    }),
    perCapitaNetIncomeYuan: t.string({
      description: '研判年度人均纯收入 (元)',
      resolve: (a) => fenToYuan(a.perCapitaNetIncomeFen),
    }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  applicationAdvice: t.field({
    type: ApplicationAdviceRef,
    nullable: true,
    description:
      '发起动态调整申请的规则意见 (the advice startApplication would store with these arguments; null when the year lacks an income record or a guarantee check; sensitive roles only)',
    args: {
      kind: t.arg({ type: ApplicationKindEnum, required: true, description: '调整类别' }),
      year: t.arg.int({ required: true, description: '研判年度' }),
      date: t.arg({ type: 'Date', required: false, description: '发起日期 (默认今天, 不能晚于今天)' }),
    },
    authScopes: { permission: 'household.sensitive' },
    unauthorizedResolver: () => null,
    select: { columns: { id: true } },
    resolve: async (household, args, ctx) => {
      const { year } = validate(z.object({ year: yearSchema }), args);
      return await adviceOnStarting(ctx.db, household.id, {
        kind: args.kind,
        year,
        onDate: actedOn(args.date),
      });
    },
  }),
}));
