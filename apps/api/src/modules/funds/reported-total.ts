import { fundReportedTotals } from '@gongjian/db/schema';
import { z } from 'zod';
import { builder } from '../../builder';
import { WRITE_ERRORS } from '../../shared/error-types';
import { enteredAmountSchema, fenToWanYuan } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { reread, writeAudited } from '../../spine/write';
import { countyFunds, yearSchema } from './fund-source';

export const FundReportedTotal = builder.drizzleObject('fundReportedTotals', {
  name: 'FundReportedTotal',
  description: '上报总额 (a total as published or reported upward for a run of years)',
  authScopes: (total) => ({ regionVisible: total.regionPath }),
  fields: (t) => ({
    fromYear: t.exposeInt('fromYear', { description: '起始年度' }),
    toYear: t.exposeInt('toYear', { description: '截止年度' }),
    amountWanYuan: t.string({
      description: '上报总额 (万元, exact)',
      resolve: (r) => fenToWanYuan(r.amountFen),
    }),
    reportedIn: t.exposeString('reportedIn', { description: '发布或上报出处' }),
  }),
});

const ReportedTotalSchema = z
  .object({ fromYear: yearSchema, toYear: yearSchema, reportedIn: text(200, 2) })
  .refine((r) => r.fromYear <= r.toYear, { path: ['toYear'], message: '截止年度不能早于起始年度' });

const RecordReportedTotalInput = builder.inputType('RecordReportedTotalInput', {
  description: '登记上报总额 (amount in 元 or in 万元, exactly one)',
  fields: (t) => ({
    fromYear: t.int({ required: true, description: '起始年度' }),
    toYear: t.int({ required: true, description: '截止年度' }),
    amountYuan: t.string({ required: false, description: '总额 (元)' }),
    amountWanYuan: t.string({ required: false, description: '总额 (万元)' }),
    reportedIn: t.string({ required: true, description: '发布或上报出处' }),
  }),
});

builder.mutationFields((t) => ({
  recordReportedTotal: t.drizzleField({
    type: FundReportedTotal,
    description: '登记上报总额 (reconciled live against the sources of its years)',
    authScopes: { permission: 'funds.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordReportedTotalInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyFunds(ctx);
      const values = validate(ReportedTotalSchema, input);
      const amountFen = validate(enteredAmountSchema, input);
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(fundReportedTotals)
          .values({ ...tenant, ...values, amountFen })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'fund-reported-total.record',
            entityType: 'FundReportedTotal',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.fundReportedTotals.findFirst(query({ where: { id } })), '上报总额', id);
    },
  }),
}));
