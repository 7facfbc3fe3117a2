import { accountabilityCases } from '@gongjian/db/schema';
import { canRecordAccountability } from '@gongjian/rules';
import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock } from '../../policy';
import { WRITE_ERRORS } from '../../shared/error-types';
import { rowsOf } from '../../shared/rows';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { referencedRow, writableRow } from '../../spine/load';
import { reread, writeAudited } from '../../spine/write';
import { AuditFinding } from '../funds/audit-finding';
import { Unit } from '../organisation/unit';
import { AccountabilityKindEnum } from './enums';
import { InspectionFinding } from './inspection-finding';
import { Report } from './report';

/**
 * 作风问责 / 立案: a person held accountable or a case opened, each resting on exactly one report, inspection
 * finding or audit finding (ACCOUNTABILITY.ONE_BASIS and a check constraint); counted by year and kind.
 */

const AccountabilityBasisEnum = builder.enumType('AccountabilityBasis', {
  description: '问责依据',
  values: {
    REPORT: { description: '举报' },
    INSPECTION_FINDING: { description: '督查发现问题' },
    AUDIT_FINDING: { description: '审计发现' },
  },
});

export const AccountabilityCase = builder.drizzleNode('accountabilityCases', {
  name: 'AccountabilityCase',
  description: '作风问责 / 立案 (with the report, inspection finding or audit finding behind it)',
  id: { column: (row) => row.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    kind: t.expose('kind', { type: AccountabilityKindEnum, description: '类型' }),
    decidedOn: t.expose('decidedOn', { type: 'Date', description: '决定日期' }),
    year: t.exposeInt('year', { description: '年度' }),
    personName: t.exposeString('personName', { description: '被问责人 / 立案对象' }),
    personPost: t.exposeString('personPost', { description: '职务' }),
    unit: t.relation('unit', { type: Unit, nullable: true, description: '所在单位' }),
    measure: t.exposeString('measure', { description: '处理方式' }),
    summary: t.exposeString('summary', { description: '事由' }),
    basis: t.field({
      type: AccountabilityBasisEnum,
      description: '问责依据',
      select: { columns: { reportId: true, inspectionFindingId: true } },
      resolve: (row) =>
        row.reportId !== null
          ? 'REPORT'
          : row.inspectionFindingId !== null
            ? 'INSPECTION_FINDING'
            : 'AUDIT_FINDING',
    }),
    report: t.relation('report', { type: Report, nullable: true, description: '依据的举报' }),
    inspectionFinding: t.relation('inspectionFinding', {
      type: InspectionFinding,
      nullable: true,
      description: '依据的督查问题',
    }),
    auditFinding: t.relation('auditFinding', {
      type: AuditFinding,
      nullable: true,
      description: '依据的审计发现',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

const AccountabilityFilter = builder.inputType('AccountabilityFilter', {
  description: '问责筛选',
  fields: (t) => ({
    year: t.int({ required: false, description: '年度' }),
    kind: t.field({ type: AccountabilityKindEnum, required: false, description: '类型' }),
    search: t.string({ required: false, description: '姓名、职务或事由包含' }),
  }),
});

export type AccountabilityFilterInput = typeof AccountabilityFilter.$inferInput;

export function accountabilityListFilter(
  table: typeof accountabilityCases,
  viewer: Context['viewer'],
  filter: AccountabilityFilterInput | null | undefined,
): SQL {
  const search = filter?.search?.trim();
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.year ? eq(table.year, filter.year) : undefined,
    filter?.kind ? eq(table.kind, filter.kind) : undefined,
    search
      ? or(
          ilike(table.personName, `%${search}%`),
          ilike(table.personPost, `%${search}%`),
          ilike(table.summary, `%${search}%`),
        )
      : undefined,
  )!;
}

interface CountRow {
  year: number;
  kind: 'CONDUCT_ACCOUNTABILITY' | 'CASE_OPENED';
  count: number;
}

const CountRef = builder.objectRef<CountRow>('AccountabilityCount').implement({
  description: '问责统计 (by year and kind, inside your jurisdiction)',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    kind: t.field({ type: AccountabilityKindEnum, description: '类型', resolve: (c) => c.kind }),
    count: t.exposeInt('count', { description: '人数 / 件数' }),
  }),
});

builder.queryFields((t) => ({
  accountabilityCases: t.drizzleConnection({
    type: 'accountabilityCases',
    description: '问责记录 (inside your jurisdiction, newest first)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: AccountabilityFilter, required: false }) },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(
        accountabilityCases,
        accountabilityListFilter(accountabilityCases, ctx.viewer, args.filter),
      ),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.accountabilityCases.findMany(
        query({
          where: { RAW: (table) => accountabilityListFilter(table, ctx.viewer, args.filter) },
          orderBy: { decidedOn: 'desc', id: 'desc' },
        }),
      ),
  }),
  accountabilityCounts: t.field({
    type: [CountRef],
    description: '问责统计 (人数 held accountable and 件数 of cases, by year; one statement)',
    authScopes: { permission: 'supervision.read' },
    resolve: async (_root, _args, ctx) =>
      rowsOf<CountRow>(
        await ctx.db.execute(sql`
          select year, kind, count(*)::int as count from accountability_cases
          where ${inJurisdiction(sql`region_path`, ctx.viewer)}
          group by year, kind order by year desc, kind`),
      ),
  }),
}));

const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const CaseSchema = z.object({
  decidedOn: day,
  personName: text(50, 2),
  personPost: text(100, 2),
  measure: text(200, 2),
  summary: text(1000, 4),
});

const RecordInput = builder.inputType('RecordAccountabilityInput', {
  description:
    '登记问责 / 立案 (name exactly one basis: a report, an inspection finding or an audit finding)',
  fields: (t) => ({
    kind: t.field({ type: AccountabilityKindEnum, required: true, description: '类型' }),
    decidedOn: t.field({ type: 'Date', required: true, description: '决定日期' }),
    personName: t.string({ required: true, description: '被问责人 / 立案对象' }),
    personPost: t.string({ required: true, description: '职务' }),
    unitId: t.globalID({ required: false, for: [Unit], description: '所在单位' }),
    measure: t.string({ required: true, description: '处理方式 (诫勉谈话、党内警告、立案审查…)' }),
    summary: t.string({ required: true, description: '事由' }),
    reportId: t.globalID({ required: false, for: [Report], description: '依据的举报' }),
    inspectionFindingId: t.globalID({
      required: false,
      for: [InspectionFinding],
      description: '依据的督查问题',
    }),
    auditFindingId: t.globalID({ required: false, for: [AuditFinding], description: '依据的审计发现' }),
  }),
});

type RecordInputValue = typeof RecordInput.$inferInput;

/** The basis row, inside the jurisdiction; the case takes its region. */
async function basisOf(ctx: Context, input: RecordInputValue) {
  if (input.reportId) {
    const id = Number(input.reportId.id);
    return writableRow(
      ctx,
      await ctx.db.query.reports.findFirst({ where: { id }, columns: { countyId: true, regionPath: true } }),
      {
        entity: '举报',
        argument: 'reportId',
        id,
      },
    );
  }
  if (input.inspectionFindingId) {
    const id = Number(input.inspectionFindingId.id);
    return writableRow(
      ctx,
      await ctx.db.query.inspectionFindings.findFirst({
        where: { id },
        columns: { countyId: true, regionPath: true },
      }),
      { entity: '督查问题', argument: 'inspectionFindingId', id },
    );
  }
  const id = Number(input.auditFindingId!.id);
  return writableRow(
    ctx,
    await ctx.db.query.auditFindings.findFirst({
      where: { id },
      columns: { countyId: true, regionPath: true },
    }),
    { entity: '审计发现', argument: 'auditFindingId', id },
  );
}

builder.mutationFields((t) => ({
  recordAccountability: t.drizzleField({
    type: AccountabilityCase,
    description: '登记问责 / 立案 (ACCOUNTABILITY.ONE_BASIS)',
    authScopes: { permission: 'supervision.write' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: RecordInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const ids = {
        reportId: input.reportId ? String(input.reportId.id) : null,
        inspectionFindingId: input.inspectionFindingId ? String(input.inspectionFindingId.id) : null,
        auditFindingId: input.auditFindingId ? String(input.auditFindingId.id) : null,
      };
      refuseUnless(canRecordAccountability(ids));
      const basis = await basisOf(ctx, input);
      const values = validate(CaseSchema, input);
      if (values.decidedOn > clock.today())
        throw ValidationError.field('decidedOn', `决定日期不能晚于今天 (${clock.today()})`);
      const unitId = input.unitId ? Number(input.unitId.id) : null;
      if (unitId !== null)
        referencedRow(await ctx.db.query.units.findFirst({ where: { id: unitId }, columns: { id: true } }), {
          entity: '单位',
          argument: 'unitId',
          id: unitId,
        });
      const tenant = { countyId: basis.countyId, regionPath: basis.regionPath };
      const id = await writeAudited(ctx, async (tx) => {
        const [created] = await tx
          .insert(accountabilityCases)
          .values({
            ...tenant,
            ...values,
            kind: input.kind,
            year: Number(values.decidedOn.slice(0, 4)),
            unitId,
            reportId: ids.reportId === null ? null : Number(ids.reportId),
            inspectionFindingId: ids.inspectionFindingId === null ? null : Number(ids.inspectionFindingId),
            auditFindingId: ids.auditFindingId === null ? null : Number(ids.auditFindingId),
            recordedById: ctx.viewer!.id,
          })
          .returning();
        return {
          id: created!.id,
          audit: {
            action: 'accountability.record',
            entityType: 'AccountabilityCase',
            entityId: created!.id,
            regionPath: tenant.regionPath,
            after: created,
          },
        };
      });
      return reread(ctx.db.query.accountabilityCases.findFirst(query({ where: { id } })), '问责记录', id);
    },
  }),
}));
