import { performanceAssessments, units } from '@gongjian/db/schema';
import { checkBonusShare, type Policy } from '@gongjian/rules';
import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { fenToWanYuan, fenToYuan, yuanSchema } from '../../shared/money';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Unit } from '../organisation/unit';
import { listPolicy } from './list-policy';
import { oneDecimal, scoreTenths } from './village-assessment';

/**
 * 绩效考核: a unit's performance score for a year and its bonuses, at least half of them tied to the campaign
 * (PERFORMANCE.BONUS_SHARE). A unit below the share is recorded and listed, not refused: it is what the
 * supervision group reports on.
 */

type PerformanceRow = typeof performanceAssessments.$inferSelect;

const SHARE_COLUMNS = {
  columns: { unitId: true, year: true, totalBonusFen: true, campaignBonusFen: true },
  with: { unit: { columns: { id: true }, with: { region: { columns: { code: true } } } } },
} as const;

const bonusShare = (
  row: Pick<PerformanceRow, 'unitId' | 'year' | 'totalBonusFen' | 'campaignBonusFen'>,
  code: string,
) =>
  checkBonusShare(
    {
      unitId: String(row.unitId),
      totalBonusFen: row.totalBonusFen,
      campaignLinkedBonusFen: row.campaignBonusFen,
    },
    policyForYear(row.year, code),
  );

export const PerformanceAssessment = builder.drizzleNode('performanceAssessments', {
  name: 'PerformanceAssessment',
  description: '绩效考核 (a unit’s score and the share of its bonuses tied to the campaign)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    unit: t.relation('unit', { type: Unit, description: '单位' }),
    year: t.exposeInt('year', { description: '年度' }),
    score: t.float({ description: '考核得分', resolve: (row) => row.scoreTenths / 10 }),
    totalBonusWanYuan: t.string({
      description: '绩效奖金总额 (万元)',
      resolve: (row) => fenToWanYuan(row.totalBonusFen),
    }),
    campaignBonusWanYuan: t.string({
      description: '与脱贫攻坚挂钩的奖金 (万元)',
      resolve: (row) => fenToWanYuan(row.campaignBonusFen),
    }),
    campaignSharePercent: t.float({
      description: '挂钩比例 (%)',
      resolve: (row) => Math.round((row.campaignBonusFen / row.totalBonusFen) * 10_000) / 100,
    }),
    meetsBonusShare: t.boolean({
      description: '挂钩比例达到要求 (PERFORMANCE.BONUS_SHARE, ≥ 50 %)',
      select: SHARE_COLUMNS,
      resolve: (row) => bonusShare(row, row.unit.region.code).outcome === 'PASS',
    }),
    bonusShare: t.field({
      type: RuleDecisionRef,
      description: '挂钩比例判断',
      select: SHARE_COLUMNS,
      resolve: (row) => bonusShare(row, row.unit.region.code),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const PerformanceFilter = builder.inputType('PerformanceAssessmentFilter', {
  description: '绩效考核筛选',
  fields: (t) => ({
    year: t.int({ required: false, description: '年度' }),
    belowBonusShare: t.boolean({ required: false, description: '只看挂钩比例不足的单位' }),
    search: t.string({ required: false, description: '单位名称包含' }),
  }),
});

export type PerformanceFilterInput = typeof PerformanceFilter.$inferInput;

export async function performancePolicy(ctx: Context, filter: PerformanceFilterInput | null | undefined) {
  if (!filter?.belowBonusShare || !ctx.viewer?.countyId) return null;
  return listPolicy(ctx, ctx.viewer.countyId, filter.year ?? Number(clock.today().slice(0, 4)));
}

export function performanceListFilter(
  table: typeof performanceAssessments,
  viewer: Context['viewer'],
  filter: PerformanceFilterInput | null | undefined,
  policy: Policy | null,
): SQL {
  const share = policy?.resolve('performance.minBonusShare').value;
  const search = filter?.search?.trim();
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.year ? eq(table.year, filter.year) : undefined,
    search
      ? sql`${table.unitId} in (select ${units.id} from ${units} where ${ilike(units.name, `%${search}%`)})`
      : undefined,
    share
      ? sql`${table.campaignBonusFen} * ${share.denominator} < ${table.totalBonusFen} * ${share.numerator}`
      : undefined,
  )!;
}

builder.queryFields((t) => ({
  performanceAssessments: t.drizzleConnection(
    {
      type: 'performanceAssessments',
      description: '绩效考核 (inside your jurisdiction, by year then unit)',
      authScopes: { permission: 'supervision.read' },
      args: { filter: t.arg({ type: PerformanceFilter, required: false }) },
      totalCount: async (_parent, args, ctx) =>
        ctx.db.$count(
          performanceAssessments,
          performanceListFilter(
            performanceAssessments,
            ctx.viewer,
            args.filter,
            await performancePolicy(ctx, args.filter),
          ),
        ),
      resolve: async (query, _root, args, ctx) => {
        const policy = await performancePolicy(ctx, args.filter);
        return ctx.db.query.performanceAssessments.findMany(
          query({
            where: { RAW: (table) => performanceListFilter(table, ctx.viewer, args.filter, policy) },
            orderBy: { year: 'desc', unitId: 'asc' },
          }),
        );
      },
    },
    {
      fields: (c) => ({
        viewerCanRecord: c.boolean({
          description: '您可登记绩效考核 (the role may write supervision records in its jurisdiction)',
          resolve: (_connection, _args, ctx) =>
            ctx.viewer !== null && viewerMayChange(ctx, 'supervision.write', ctx.viewer.regionPath),
        }),
      }),
    },
  ),
}));

const PerformanceSchema = z.object({
  year: z.number().int().min(2014, '年度不能早于 2014 年'),
  score: oneDecimal.refine((v) => v >= 0 && v <= 100, '得分应在 0 至 100 之间'),
  totalBonusYuan: yuanSchema,
  campaignBonusYuan: yuanSchema,
});

const RecordPerformanceInput = builder.inputType('RecordPerformanceAssessmentInput', {
  description: '登记单位绩效考核 (one per unit and year)',
  fields: (t) => ({
    unitId: t.globalID({ required: true, for: [Unit], description: '单位' }),
    year: t.int({ required: true, description: '年度' }),
    score: t.float({ required: true, description: '考核得分 (0–100)' }),
    totalBonusYuan: t.string({ required: true, description: '绩效奖金总额 (元)' }),
    campaignBonusYuan: t.string({ required: true, description: '与脱贫攻坚挂钩的奖金 (元)' }),
  }),
});

function mapDuplicate(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('year', '该单位本年度已有绩效考核记录');
  throw error;
}

builder.mutationFields((t) => ({
  recordPerformanceAssessment: t.drizzleField({
    type: PerformanceAssessment,
    description:
      '登记单位绩效考核 (the bonus share is judged by PERFORMANCE.BONUS_SHARE and shown; a year without the parameter is refused)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordPerformanceInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const unitId = Number(input.unitId.id);
      const unit = writableRow(
        ctx,
        await ctx.db.query.units.findFirst({
          where: { id: unitId },
          with: { region: { columns: { code: true } } },
        }),
        { entity: '单位', argument: 'unitId', id: unitId },
      );
      const values = validate(PerformanceSchema, input);
      if (values.year > Number(clock.today().slice(0, 4)))
        throw ValidationError.field('year', '年度不能晚于今年');
      if (values.totalBonusYuan <= 0) throw ValidationError.field('totalBonusYuan', '奖金总额应大于 0');
      if (values.campaignBonusYuan > values.totalBonusYuan)
        throw ValidationError.field(
          'campaignBonusYuan',
          `挂钩奖金不能超过总额 (${fenToYuan(values.totalBonusYuan)} 元)`,
        );
      runRule(() =>
        bonusShare(
          {
            unitId,
            year: values.year,
            totalBonusFen: values.totalBonusYuan,
            campaignBonusFen: values.campaignBonusYuan,
          },
          unit.region.code,
        ),
      );
      const tenant = { countyId: unit.countyId, regionPath: unit.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(performanceAssessments)
          .values({
            ...tenant,
            unitId,
            year: values.year,
            scoreTenths: scoreTenths(values.score),
            totalBonusFen: values.totalBonusYuan,
            campaignBonusFen: values.campaignBonusYuan,
          })
          .returning()
          .catch(mapDuplicate);
        return {
          id: created!.id,
          audit: {
            action: 'performance.record',
            entityType: 'PerformanceAssessment',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.performanceAssessments.findFirst(query({ where: { id } })), '绩效考核', id);
    },
  }),
}));
