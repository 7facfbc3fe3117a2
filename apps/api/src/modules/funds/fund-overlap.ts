import { fundOverlaps } from '@gongjian/db/schema';
import { canDeclareOverlap } from '@gongjian/rules';
import { builder } from '../../builder';
import { ValidationError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { enteredAmountSchema, fenToWanYuan } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { countyFunds, FundSource } from './fund-source';

export const FundOverlap = builder.drizzleObject('fundOverlaps', {
  name: 'FundOverlap',
  description: '资金包含关系 ("source container includes amount of source contained")',
  authScopes: (overlap) => ({ regionVisible: overlap.regionPath }),
  fields: (t) => ({
    container: t.relation('container', { type: FundSource, description: '包含方来源' }),
    contained: t.relation('contained', { type: FundSource, description: '被包含来源' }),
    amountWanYuan: t.string({
      description: '重叠金额 (万元, exact)',
      resolve: (o) => fenToWanYuan(o.amountFen),
    }),
    notes: t.exposeString('notes', { nullable: true, description: '说明' }),
  }),
});

const period = (s: { fromYear: number; toYear: number }) =>
  s.fromYear === s.toYear ? String(s.fromYear) : `${s.fromYear}–${s.toYear}`;

const DeclareFundOverlapInput = builder.inputType('DeclareFundOverlapInput', {
  description: '登记资金包含关系 (e.g. 财政涉农整合资金 includes 24,758 万 of 财政扶贫资金)',
  fields: (t) => ({
    containerId: t.globalID({ required: true, for: [FundSource], description: '包含方来源' }),
    containedId: t.globalID({ required: true, for: [FundSource], description: '被包含来源' }),
    amountYuan: t.string({ required: false, description: '重叠金额 (元)' }),
    amountWanYuan: t.string({ required: false, description: '重叠金额 (万元)' }),
    notes: t.string({ required: false, description: '说明' }),
  }),
});

function mapDuplicatePair(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('containedId', '两个来源之间已登记包含关系');
  throw error;
}

builder.mutationFields((t) => ({
  declareFundOverlap: t.drizzleField({
    type: FundOverlap,
    description: '登记资金包含关系 (counted once in the net total; the reconciliation reports it)',
    authScopes: { permission: 'funds.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: DeclareFundOverlapInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyFunds(ctx);
      const load = async (argument: string, id: number) =>
        writableRow(ctx, await ctx.db.query.fundSources.findFirst({ where: { id } }), {
          entity: '资金来源',
          argument,
          id,
        });
      const container = await load('containerId', Number(input.containerId.id));
      const contained = await load('containedId', Number(input.containedId.id));
      const amountFen = validate(enteredAmountSchema, input);
      const notes = validate(text(500).nullish(), input.notes) ?? null;
      const side = (s: typeof container) => ({
        id: String(s.id),
        name: s.name,
        period: period(s),
        amountFen: s.amountFen,
      });
      refuseUnless(canDeclareOverlap(side(container), side(contained), amountFen));
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(fundOverlaps)
          .values({ ...tenant, containerId: container.id, containedId: contained.id, amountFen, notes })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'fund-overlap.declare',
            entityType: 'FundOverlap',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      }).catch(mapDuplicatePair);
      return reread(ctx.db.query.fundOverlaps.findFirst(query({ where: { id } })), '资金包含关系', id);
    },
  }),
}));
