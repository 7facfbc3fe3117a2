import { fundSources } from '@gongjian/db/schema';
import { FUND_SOURCE_CATEGORIES } from '@gongjian/rules';
import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError } from '../../errors';
import { WRITE_ERRORS } from '../../shared/error-types';
import { enteredAmountSchema, fenToWanYuan, fenToYuan } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { viewerMayChange } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { FundSourceCategoryEnum } from './enums';

/** Fund sources, overlaps and reported totals are kept at the county: the viewer's jurisdiction must be all of it. */
export function countyFunds(ctx: Context) {
  const viewer = ctx.viewer;
  if (!viewer?.countyId || viewer.jurisdictionId !== viewer.countyId)
    throw new ForbiddenError('资金来源、包含关系和上报总额由县级登记');
  return { countyId: viewer.countyId, regionPath: viewer.regionPath };
}

export const FundSource = builder.drizzleNode('fundSources', {
  name: 'FundSource',
  description: '资金来源 (a category of money for a year or a run of years)',
  id: { column: (source) => source.id },
  authScopes: (source) => ({ regionVisible: source.regionPath }),
  fields: (t) => ({
    category: t.expose('category', { type: FundSourceCategoryEnum, description: '类别' }),
    name: t.exposeString('name', { description: '名称' }),
    fromYear: t.exposeInt('fromYear', { description: '起始年度' }),
    toYear: t.exposeInt('toYear', { description: '截止年度 (= fromYear for one year)' }),
    amountYuan: t.string({ description: '金额 (元, exact)', resolve: (s) => fenToYuan(s.amountFen) }),
    amountWanYuan: t.string({ description: '金额 (万元, exact)', resolve: (s) => fenToWanYuan(s.amountFen) }),
    allocatedWanYuan: t.string({
      description: '已安排 (万元)',
      resolve: (s) => fenToWanYuan(s.allocatedFen),
    }),
    remainingYuan: t.string({
      description: '可安排余额 (元: amount − allocated)',
      select: { columns: { amountFen: true, allocatedFen: true } },
      resolve: (s) => fenToYuan(s.amountFen - s.allocatedFen),
    }),
    remainingWanYuan: t.string({
      description: '可安排余额 (万元)',
      select: { columns: { amountFen: true, allocatedFen: true } },
      resolve: (s) => fenToWanYuan(s.amountFen - s.allocatedFen),
    }),
    notes: t.exposeString('notes', { nullable: true, description: '说明' }),
    includes: t.relation('includes', { description: '本来源包含的其他来源金额 (declared overlaps)' }),
    allocations: t.relatedConnection('allocations', {
      description: '资金安排 (newest first)',
      totalCount: true,
      query: { orderBy: { allocatedOn: 'desc', id: 'desc' } },
    }),
    viewerCanAllocate: t.boolean({
      description: '我可从本来源安排资金 (role, county jurisdiction and something left to allocate)',
      select: { columns: { regionPath: true, amountFen: true, allocatedFen: true } },
      resolve: (s, _args, ctx) =>
        viewerMayChange(ctx, 'funds.write', s.regionPath) && s.allocatedFen < s.amountFen,
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

/** Sources inside a run of years (both ends optional), visible to the viewer. */
export function sourcesInYears(
  table: typeof fundSources,
  ctx: Context,
  years: { fromYear?: number | null; toYear?: number | null },
): SQL {
  return and(
    visibleUpOrDown(table.regionPath, ctx.viewer),
    years.fromYear != null ? gte(table.fromYear, years.fromYear) : undefined,
    years.toYear != null ? lte(table.toYear, years.toYear) : undefined,
  )!;
}

builder.queryFields((t) => ({
  fundSources: t.drizzleConnection({
    type: 'fundSources',
    description: '资金来源列表 (by period, then category)',
    args: {
      fromYear: t.arg.int({ required: false, description: '起始年度 (sources starting in or after it)' }),
      toYear: t.arg.int({ required: false, description: '截止年度 (sources ending in or before it)' }),
      category: t.arg({ type: FundSourceCategoryEnum, required: false }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(
        fundSources,
        and(
          sourcesInYears(fundSources, ctx, args),
          args.category ? eq(fundSources.category, args.category) : undefined,
        ),
      ),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.fundSources.findMany(
        query({
          where: {
            RAW: (table) =>
              and(
                sourcesInYears(table, ctx, args),
                args.category ? eq(table.category, args.category) : undefined,
              )!,
          },
          orderBy: { fromYear: 'desc', toYear: 'desc', category: 'asc', id: 'asc' },
        }),
      ),
  }),
}));

export const yearSchema = z
  .number()
  .int()
  .min(2000, '年度应在2000至2100之间')
  .max(2100, '年度应在2000至2100之间');

const SourceSchema = z
  .object({
    category: z.enum(FUND_SOURCE_CATEGORIES),
    name: text(100, 2),
    fromYear: yearSchema,
    toYear: yearSchema,
    notes: text(500).nullish(),
  })
  .refine((s) => s.fromYear <= s.toYear, { path: ['toYear'], message: '截止年度不能早于起始年度' });

const CreateFundSourceInput = builder.inputType('CreateFundSourceInput', {
  description: '登记资金来源 (amount in 元 or in 万元, exactly one)',
  fields: (t) => ({
    category: t.field({ type: FundSourceCategoryEnum, required: true }),
    name: t.string({ required: true, description: '名称' }),
    fromYear: t.int({ required: true, description: '起始年度' }),
    toYear: t.int({ required: true, description: '截止年度' }),
    amountYuan: t.string({ required: false, description: '金额 (元, decimal string)' }),
    amountWanYuan: t.string({ required: false, description: '金额 (万元, decimal string)' }),
    notes: t.string({ required: false, description: '说明' }),
  }),
});

builder.mutationFields((t) => ({
  createFundSource: t.drizzleField({
    type: FundSource,
    description: '登记资金来源 (county level)',
    authScopes: { permission: 'funds.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: CreateFundSourceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyFunds(ctx);
      const values = validate(SourceSchema, input);
      const amountFen = validate(enteredAmountSchema, input);
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(fundSources)
          .values({ ...tenant, ...values, notes: values.notes ?? null, amountFen })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'fund-source.create',
            entityType: 'FundSource',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.fundSources.findFirst(query({ where: { id } })), '资金来源', id);
    },
  }),
}));
