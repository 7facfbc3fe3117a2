import { inspectionFindings, inspections } from '@gongjian/db/schema';
import { and, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, jurisdictionWhere, visibleUpOrDown } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, ValidationError } from '../../errors';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { text, validate } from '../../shared/validate';
import { viewerMayChange } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { CombatGroup } from '../work-advancement/command-post';

/**
 * 督查巡查: a round of inspection by the supervision group over a scope and a span of days. Its findings
 * (inspection-finding.ts) are each rectified by a task of the task tree.
 */

export const Inspection = builder.drizzleNode('inspections', {
  name: 'Inspection',
  description: '督查巡查 (a round of inspection: scope, days, inspectors and the problems found)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { regionVisible: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    title: t.exposeString('title', { description: '督查名称' }),
    scope: t.exposeString('scope', { description: '督查范围' }),
    startsOn: t.expose('startsOn', { type: 'Date', description: '开始日期' }),
    endsOn: t.expose('endsOn', { type: 'Date', description: '结束日期' }),
    inspectors: t.exposeString('inspectors', { description: '督查人员' }),
    combatGroup: t.relation('combatGroup', {
      type: CombatGroup,
      nullable: true,
      description: '组织督查的作战组',
    }),
    findingCount: t.relatedCount('findings', {
      description: '发现问题数 (inside your jurisdiction)',
      where: (_args, ctx) => inJurisdiction(inspectionFindings.regionPath, ctx.viewer),
    }),
    findings: t.relation('findings', {
      description: '发现问题 (inside your jurisdiction, in the order found)',
      query: (_args, ctx) => ({ where: jurisdictionWhere(ctx.viewer), orderBy: { id: 'asc' } }),
    }),
    viewerCanRecordFinding: t.boolean({
      description: '我可登记发现问题',
      resolve: (row, _args, ctx) => viewerMayChange(ctx, 'supervision.write', row.regionPath),
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const InspectionFilter = builder.inputType('InspectionFilter', {
  description: '督查筛选',
  fields: (t) => ({
    search: t.string({ required: false, description: '名称或范围包含' }),
    from: t.field({ type: 'Date', required: false, description: '结束日期不早于' }),
    to: t.field({ type: 'Date', required: false, description: '开始日期不晚于' }),
  }),
});

export type InspectionFilterInput = typeof InspectionFilter.$inferInput;

export function inspectionListFilter(
  table: typeof inspections,
  viewer: Context['viewer'],
  filter: InspectionFilterInput | null | undefined,
): SQL {
  const search = filter?.search?.trim();
  return and(
    visibleUpOrDown(table.regionPath, viewer),
    filter?.from ? gte(table.endsOn, filter.from) : undefined,
    filter?.to ? lte(table.startsOn, filter.to) : undefined,
    search ? or(ilike(table.title, `%${search}%`), ilike(table.scope, `%${search}%`)) : undefined,
  )!;
}

builder.queryFields((t) => ({
  inspections: t.drizzleConnection({
    type: 'inspections',
    description: "督查巡查列表 (the county's and those inside your jurisdiction, newest first)",
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: InspectionFilter, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(inspections, inspectionListFilter(inspections, ctx.viewer, args.filter)),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.inspections.findMany(
        query({
          where: { RAW: (table) => inspectionListFilter(table, ctx.viewer, args.filter) },
          orderBy: { startsOn: 'desc', id: 'desc' },
        }),
      ),
  }),
}));

/** Inspections are the county's: only a county-level viewer records one. */
export function countyTenant(ctx: Context) {
  const viewer = ctx.viewer;
  if (!viewer?.countyId || viewer.jurisdictionId !== viewer.countyId)
    throw new ForbiddenError('督查巡查由县级督查考核组登记');
  return { countyId: viewer.countyId, regionPath: viewer.regionPath };
}

const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const InspectionSchema = z.object({
  title: text(100, 4),
  scope: text(500, 4),
  inspectors: text(200, 2),
  startsOn: day,
  endsOn: day,
});

const RecordInspectionInput = builder.inputType('RecordInspectionInput', {
  description: '登记督查巡查 (county-wide, by the supervision group)',
  fields: (t) => ({
    title: t.string({ required: true, description: '督查名称' }),
    scope: t.string({ required: true, description: '督查范围' }),
    startsOn: t.field({ type: 'Date', required: true, description: '开始日期' }),
    endsOn: t.field({ type: 'Date', required: true, description: '结束日期' }),
    inspectors: t.string({ required: true, description: '督查人员' }),
    combatGroupId: t.globalID({ required: false, for: [CombatGroup], description: '组织督查的作战组' }),
  }),
});

builder.mutationFields((t) => ({
  recordInspection: t.drizzleField({
    type: Inspection,
    description: '登记督查巡查 (kept at the county; its findings are recorded next)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordInspectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const tenant = countyTenant(ctx);
      const values = validate(InspectionSchema, input);
      if (values.endsOn < values.startsOn) throw ValidationError.field('endsOn', '结束日期不能早于开始日期');
      if (values.startsOn > clock.today())
        throw ValidationError.field('startsOn', `开始日期不能晚于今天 (${clock.today()})`);
      const combatGroupId = input.combatGroupId ? Number(input.combatGroupId.id) : null;
      if (combatGroupId !== null) {
        const group = await ctx.db.query.combatGroups.findFirst({
          where: { id: combatGroupId },
          columns: { id: true, countyId: true },
        });
        if (!group || group.countyId !== tenant.countyId)
          throw ValidationError.field('combatGroupId', '作战组不存在或不在本县');
      }
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(inspections)
          .values({ ...tenant, ...values, combatGroupId, recordedById: ctx.viewer!.id })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'inspection.record',
            entityType: 'Inspection',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.inspections.findFirst(query({ where: { id } })), '督查', id);
    },
  }),
}));
