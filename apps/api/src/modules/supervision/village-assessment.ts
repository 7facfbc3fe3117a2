import { villageAssessments } from '@gongjian/db/schema';
import {
  type AssessmentClass,
  checkAssessmentScore,
  classifyVillageAssessment,
  type Policy,
} from '@gongjian/rules';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, inRegionSubtree, jurisdictionWhere } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { viewerMayChange, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { Region } from '../geography/region';
import { AssessmentClassEnum } from './enums';
import { listPolicy } from './list-policy';
import { auditedRefusal } from './refusal-audit';

/**
 * 村级核查验收: a village's self-assessment, the county review's score sheet (county-review.ts) and the class
 * by the rules (达标巩固 / 整改提升 / 黄牌警告 / 重点管理); yellow-card villages with their rectification tasks
 * (the inspection findings in the village). Scores are kept in tenths and shown as points.
 */

export const points = (tenths: number | null) => (tenths === null ? null : tenths / 10);

type AssessmentRow = typeof villageAssessments.$inferSelect;

const CLASS_COLUMNS = {
  columns: {
    selfScoreTenths: true,
    reviewScoreTenths: true,
    vetoHit: true,
    problemCount: true,
    year: true,
    villageId: true,
  },
  with: { village: { columns: { code: true } } },
} as const;

export function classificationOf(
  row: Pick<
    AssessmentRow,
    'villageId' | 'selfScoreTenths' | 'reviewScoreTenths' | 'vetoHit' | 'problemCount' | 'year'
  >,
  regionCode: string,
) {
  return classifyVillageAssessment(
    {
      villageId: String(row.villageId),
      selfScore: row.selfScoreTenths / 10,
      reviewScore: points(row.reviewScoreTenths),
      vetoHit: row.vetoHit,
      problemCount: row.problemCount,
    },
    policyForYear(row.year, regionCode),
  );
}

export const VillageAssessment = builder.drizzleNode('villageAssessments', {
  name: 'VillageAssessment',
  description: '村级核查验收 (self-assessment, county review score sheet, problems and the class)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    village: t.relation('village', { type: Region, description: '村' }),
    year: t.exposeInt('year', { description: '年度' }),
    selfScore: t.float({ description: '自查自评得分', resolve: (row) => row.selfScoreTenths / 10 }),
    selfAssessedOn: t.expose('selfAssessedOn', { type: 'Date', description: '自评日期' }),
    reviewScore: t.float({
      nullable: true,
      description: '县级复核得分 (the score sheet total; null before the review)',
      resolve: (row) => points(row.reviewScoreTenths),
    }),
    reviewedOn: t.expose('reviewedOn', { type: 'Date', nullable: true, description: '复核日期' }),
    reviewed: t.boolean({ description: '已复核', resolve: (row) => row.reviewScoreTenths !== null }),
    vetoHit: t.exposeBoolean('vetoHit', { description: '触及否决项 (一票否决)' }),
    problemCount: t.exposeInt('problemCount', { description: '发现问题数' }),
    items: t.relation('items', { description: '复核评分表', query: { orderBy: { position: 'asc' } } }),
    assessmentClass: t.field({
      type: AssessmentClassEnum,
      description: '分类 (by the rules: 达标巩固 / 整改提升 / 黄牌警告 / 重点管理)',
      select: CLASS_COLUMNS,
      resolve: (row) => classificationOf(row, row.village.code).outcome,
    }),
    classification: t.field({
      type: RuleDecisionRef,
      description: '分类依据 (VILLAGE_ASSESSMENT.*)',
      select: CLASS_COLUMNS,
      resolve: (row) => classificationOf(row, row.village.code),
    }),
    rectificationFindings: t.relation('findings', {
      description: '挂牌督办与整改 (the inspection findings in the village and their rectification tasks)',
      query: (_args, ctx) => ({
        where: jurisdictionWhere(ctx.viewer),
        orderBy: { foundOn: 'desc', id: 'desc' },
      }),
    }),
    viewerCanReview: t.boolean({
      description: '我可录入县级复核评分表',
      resolve: (row, _args, ctx) => viewerMayChange(ctx, 'supervision.write', row.regionPath),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const AssessmentFilter = builder.inputType('VillageAssessmentFilter', {
  description: '核查验收筛选',
  fields: (t) => ({
    year: t.int({ required: false, description: '年度' }),
    classes: t.field({
      type: [AssessmentClassEnum],
      required: false,
      description: '分类 (黄牌名单: YELLOW_CARD, KEY_MANAGEMENT)',
    }),
    reviewed: t.boolean({ required: false, description: '已复核 / 未复核' }),
    regionId: t.globalID({ required: false, for: [Region], description: '乡镇或村' }),
  }),
});

export type AssessmentFilterInput = typeof AssessmentFilter.$inferInput;

/** The class in SQL, with the bands the rules use (classifyVillageAssessment), for the class filter. */
export function classSql(
  table: typeof villageAssessments,
  policy: Policy,
  wanted: readonly AssessmentClass[],
): SQL {
  const { consolidateMinScore, rectifyMinScore, keyManagementMinProblems } =
    policy.resolve('villageAssessment.bands').value;
  const score = sql`coalesce(${table.reviewScoreTenths}, ${table.selfScoreTenths})`;
  const below = sql`${score} < ${rectifyMinScore * 10}`;
  const when: Record<AssessmentClass, SQL> = {
    KEY_MANAGEMENT: sql`(${below} and ${table.problemCount} >= ${keyManagementMinProblems})`,
    YELLOW_CARD: sql`(${below} and ${table.problemCount} < ${keyManagementMinProblems})`,
    CONSOLIDATE: sql`(${score} >= ${consolidateMinScore * 10} and not ${table.vetoHit})`,
    RECTIFY: sql`(not ${below} and (${score} < ${consolidateMinScore * 10} or ${table.vetoHit}))`,
  };
  return or(...wanted.map((c) => when[c]))!;
}

export async function assessmentPolicy(ctx: Context, filter: AssessmentFilterInput | null | undefined) {
  if (!filter?.classes?.length || !ctx.viewer?.countyId) return null;
  return listPolicy(ctx, ctx.viewer.countyId, filter.year ?? Number(clock.today().slice(0, 4)));
}

export function assessmentListFilter(
  table: typeof villageAssessments,
  viewer: Context['viewer'],
  filter: AssessmentFilterInput | null | undefined,
  policy: Policy | null,
): SQL {
  const reviewed = filter?.reviewed;
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.year ? eq(table.year, filter.year) : undefined,
    policy && filter?.classes?.length ? classSql(table, policy, filter.classes) : undefined,
    reviewed === true
      ? sql`${table.reviewScoreTenths} is not null`
      : reviewed === false
        ? sql`${table.reviewScoreTenths} is null`
        : undefined,
    inRegionSubtree(table.regionPath, filter?.regionId),
  )!;
}

builder.queryFields((t) => ({
  villageAssessments: t.drizzleConnection({
    type: 'villageAssessments',
    description:
      '村级核查验收 (inside your jurisdiction; classes YELLOW_CARD + KEY_MANAGEMENT: the 挂牌督办 list)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: AssessmentFilter, required: false }) },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(
        villageAssessments,
        assessmentListFilter(
          villageAssessments,
          ctx.viewer,
          args.filter,
          await assessmentPolicy(ctx, args.filter),
        ),
      ),
    resolve: async (query, _root, args, ctx) => {
      const policy = await assessmentPolicy(ctx, args.filter);
      return ctx.db.query.villageAssessments.findMany(
        query({
          where: { RAW: (table) => assessmentListFilter(table, ctx.viewer, args.filter, policy) },
          orderBy: { year: 'desc', regionPath: 'asc', id: 'asc' },
        }),
      );
    },
  }),
}));

/** A score in points with at most one decimal (79.9), as tenths. */
export const scoreTenths = (value: number) => Math.round(value * 10);
export const oneDecimal = z
  .number()
  .refine((v) => Number.isFinite(v) && Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, '得分最多保留一位小数');

const SelfSchema = z.object({
  year: z.number().int().min(2014, '年度不能早于 2014 年'),
  score: oneDecimal,
  assessedOn: z.iso.date('日期格式应为 YYYY-MM-DD'),
});

const SelfInput = builder.inputType('RecordSelfAssessmentInput', {
  description: '村级自查自评 (one per village and year)',
  fields: (t) => ({
    villageId: t.globalID({ required: true, for: [Region], description: '村' }),
    year: t.int({ required: true, description: '年度' }),
    score: t.float({ required: true, description: '自评得分 (0–100, one decimal)' }),
    assessedOn: t.field({ type: 'Date', required: true, description: '自评日期' }),
  }),
});

function mapDuplicate(error: unknown): never {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  if (cause?.code === '23505') throw ValidationError.field('year', '该村本年度已有自查自评记录');
  throw error;
}

builder.mutationFields((t) => ({
  recordSelfAssessment: t.drizzleField({
    type: VillageAssessment,
    description:
      '村级自查自评 (ASSESSMENT.SCORE_RANGE; a village outside your jurisdiction is FORBIDDEN; refusals audited)',
    authScopes: { permission: 'assessment.self' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SelfInput, required: true }) },
    resolve: (query, _root, { input }, ctx) =>
      auditedRefusal(
        ctx,
        { action: 'village-assessment.self', entityType: 'VillageAssessment', entityId: null },
        async () => {
          const villageId = Number(input.villageId.id);
          const village = writableRow(
            ctx,
            await ctx.db.query.regions.findFirst({ where: { id: villageId } }),
            {
              entity: '村',
              argument: 'villageId',
              id: villageId,
            },
          );
          const values = validate(SelfSchema, input);
          if (village.level !== 'VILLAGE') throw ValidationError.field('villageId', '请选择一个村');
          const today = clock.today();
          if (values.year > Number(today.slice(0, 4)))
            throw ValidationError.field('year', `年度不能晚于今年 (${today.slice(0, 4)})`);
          if (values.assessedOn > today)
            throw ValidationError.field('assessedOn', `自评日期不能晚于今天 (${today})`);
          refuseUnless(checkAssessmentScore('score', values.score));
          const tenant = { countyId: village.countyId!, regionPath: village.regionPath };
          const id = await writeAudited(ctx, async (tx) => {
            const [created] = await tx
              .insert(villageAssessments)
              .values({
                ...tenant,
                villageId,
                year: values.year,
                selfScoreTenths: scoreTenths(values.score),
                selfAssessedOn: values.assessedOn,
              })
              .returning()
              .catch(mapDuplicate);
            return {
              id: created!.id,
              audit: {
                action: 'village-assessment.self',
                entityType: 'VillageAssessment',
                entityId: created!.id,
                regionPath: tenant.regionPath,
                after: created,
              },
            };
          });
          return reread(ctx.db.query.villageAssessments.findFirst(query({ where: { id } })), '核查验收', id);
        },
      ),
  }),
}));
