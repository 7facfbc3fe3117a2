import { createHash } from 'node:crypto';
import { exclusionFindings, sectorRecordKind, sectorRecords } from '@gongjian/db/schema';
import { applyExclusions, LABELS_ZH, type Reason } from '@gongjian/rules';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import { insideJurisdiction, pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { validate, WRITE_ERRORS } from '../common';
import { Region } from '../geography';
import { RuleReasonRef } from '../rule-decisions';
import { FindingStateEnum, SectorRecordKindEnum, StepRefusedError } from './enums';
import { adviceOnStarting, factsRequired } from './facts';
import { actedOn, clock, exclusionFactsOf, policyForYear, RULE_OF_RECORD, rowsOf, runRule } from './policy';
import { insertApplication, StatusApplication } from './procedure';
import { Household, inRegionSubtree } from './registry';
import { writableHousehold } from './registry-mutations';
import { reasonSchema, versionSchema, yearSchema } from './validation';

/**
 * Exclusion screening (七个不纳入): sector data matched to registered members in one statement, the rules
 * applied per household, and every hit kept as a finding with its evidence until someone confirms it
 * (which starts a removal application) or dismisses it with a reason.
 */

export const ExclusionFinding = builder.drizzleNode('exclusionFindings', {
  name: 'ExclusionFinding',
  description:
    '七个不纳入筛查结果 (a household an exclusion rule catches, with the evidence and its sources)',
  id: { column: (f) => f.id },
  authScopes: (row) => ({ $all: { jurisdiction: row.regionPath, permission: 'household.read' } }),
  fields: (t) => ({
    household: t.relation('household', { type: Household, description: '农户' }),
    ruleId: t.exposeString('ruleId', { description: '规则编号 (PUBLIC_EMPLOYEE, VEHICLE, …)' }),
    ruleLabel: t.string({
      description: '规则名称',
      select: { columns: { ruleId: true } },
      resolve: (f) => LABELS_ZH.exclusionRule[f.ruleId as keyof typeof LABELS_ZH.exclusionRule] ?? f.ruleId,
    }),
    evidenceJson: t.string({
      description:
        '证据 (JSON: the rule’s facts and the sector records behind them; members by id, no ID numbers)',
      select: { columns: { evidence: true } },
      resolve: (f) => JSON.stringify(f.evidence),
    }),
    sources: t.exposeStringList('sources', { description: '数据来源' }),
    explanation: t.field({
      type: RuleReasonRef,
      description: '规则说明',
      select: { columns: { explanation: true } },
      resolve: (f) => f.explanation as unknown as Reason,
    }),
    state: t.expose('state', { type: FindingStateEnum, description: '状态' }),
    screenedOn: t.expose('screenedOn', { type: 'Date', description: '筛查日期' }),
    decisionReason: t.exposeString('decisionReason', { nullable: true, description: '确认或排除理由' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: '处理时间' }),
    application: t.relation('application', {
      type: StatusApplication,
      nullable: true,
      description: '确认后发起的错评剔除申请',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

builder.drizzleObjectFields(Household, (t) => ({
  exclusionFindings: t.relation('exclusionFindings', {
    type: ExclusionFinding,
    description: '七个不纳入筛查结果',
    query: { orderBy: { id: 'desc' } },
  }),
}));

interface ScreeningRun {
  screenedHouseholds: number;
  newFindingIds: number[];
  hitHouseholds: number;
}

const ScreeningRunRef = builder.objectRef<ScreeningRun>('ExclusionScreeningRun').implement({
  description: '一次筛查的结果',
  fields: (t) => ({
    screenedHouseholds: t.exposeInt('screenedHouseholds', { description: '筛查户数 (POOR and RETURNED)' }),
    hitHouseholds: t.exposeInt('hitHouseholds', { description: '触及不纳入情形的户数' }),
    newFindingCount: t.int({ description: '新增筛查结果数', resolve: (r) => r.newFindingIds.length }),
    newFindings: t.field({
      type: [ExclusionFinding],
      description: '新增筛查结果 (unchanged evidence already on file never opens a second finding)',
      resolve: async (r, _args, ctx) =>
        r.newFindingIds.length
          ? await ctx.db.query.exclusionFindings.findMany({
              where: { id: { in: r.newFindingIds } },
              orderBy: { id: 'asc' },
            })
          : [],
    }),
  }),
});

interface FactRow {
  household_id: number;
  county_id: number;
  region_path: string;
  village_code: string;
  member_id: number;
  record_id: number;
  kind: (typeof sectorRecordKind.enumValues)[number];
  details: Record<string, string | number | boolean>;
  source: string;
  recorded_on: string;
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * Screens the households of a scope (one household, a region subtree, or the whole jurisdiction): one
 * statement counts them, one gathers every sector record matched to their members, one inserts the hits.
 */
async function screen(ctx: Context, scope: { householdId?: number; regionPath?: string }, year: number) {
  const viewerPath = pathPrefix(ctx.viewer!.regionPath);
  const scopeSql = sql.join(
    [
      sql`h.region_path like ${viewerPath}`,
      // Households a removal can act on (REMOVE_WRONGLY_INCLUDED: POOR → NON_POOR, RETURNED → EXITED).
      sql`h.status in ('POOR', 'RETURNED')`,
      scope.householdId ? sql`h.id = ${scope.householdId}` : sql`true`,
      scope.regionPath ? sql`h.region_path like ${pathPrefix(scope.regionPath)}` : sql`true`,
    ],
    sql` and `,
  );
  const [countResult, factsResult] = await Promise.all([
    ctx.db.execute(sql`select count(*)::int as n from households h where ${scopeSql}`),
    ctx.db.execute(sql`select h.id as household_id, h.county_id, h.region_path, v.code as village_code,
        m.id as member_id, r.id as record_id, r.kind, r.details, r.source, r.recorded_on::text as recorded_on
      from households h
      join regions v on v.id = h.village_id
      join household_members m on m.household_id = h.id
      join sector_records r on r.id_number = m.id_number
      where ${scopeSql}
      order by h.id, m.id, r.id`),
  ]);
  const screenedHouseholds = Number(rowsOf<{ n: number }>(countResult)[0]!.n);
  const byHousehold = new Map<number, FactRow[]>();
  for (const row of rowsOf<FactRow>(factsResult))
    byHousehold.set(row.household_id, [...(byHousehold.get(row.household_id) ?? []), row]);
  const screenedOn = clock.today();
  const findings: (typeof exclusionFindings.$inferInsert)[] = [];
  for (const [householdId, rows] of byHousehold) {
    const first = rows[0]!;
    const members = [...new Set(rows.map((r) => r.member_id))].map((id) => ({
      id,
      sectorRecords: rows.filter((r) => r.member_id === id),
    }));
    const decision = runRule(() =>
      applyExclusions(exclusionFactsOf(members), policyForYear(year, first.village_code)),
    );
    for (const reason of decision.reasons.filter((r) => !r.passed)) {
      const ruleId = reason.ruleId.replace(/^EXCLUSION\./, '');
      const records = rows
        .filter((r) => `EXCLUSION.${ruleKey(r.kind)}` === reason.ruleId)
        .map((r) => ({
          recordId: r.record_id,
          memberId: r.member_id,
          kind: r.kind,
          details: r.details,
          source: r.source,
          recordedOn: r.recorded_on,
        }));
      const evidence = { facts: reason.facts, params: reason.params, records };
      findings.push({
        countyId: first.county_id,
        regionPath: first.region_path,
        householdId,
        ruleId,
        evidence,
        evidenceDigest: digest({ ruleId, records: records.map((r) => [r.recordId, r.kind, r.details]) }),
        sources: [...new Set(records.map((r) => r.source))],
        explanation: reason as never,
        screenedOn,
      });
    }
  }
  const newFindingIds = await ctx.db.transaction(async (tx) => {
    const inserted = findings.length
      ? await tx
          .insert(exclusionFindings)
          .values(findings)
          .onConflictDoNothing()
          .returning({ id: exclusionFindings.id })
      : [];
    await writeAudit(tx, ctx.viewer, {
      action: 'exclusion.screen',
      entityType: 'ExclusionScreening',
      entityId: null,
      regionPath: scope.regionPath ?? ctx.viewer!.regionPath,
      after: { scope, year, screenedHouseholds, hits: findings.length, newFindings: inserted.length },
    });
    return inserted.map((row) => row.id);
  });
  return {
    screenedHouseholds,
    newFindingIds,
    hitHouseholds: new Set(findings.map((f) => f.householdId)).size,
  };
}

const ruleKey = (kind: FactRow['kind']) => RULE_OF_RECORD[kind];

const ScreeningInput = builder.inputType('ExclusionScreeningInput', {
  description:
    '七个不纳入筛查范围: one household, a region (township or village), or (neither) your whole jurisdiction',
  fields: (t) => ({
    householdId: t.globalID({ required: false, for: [Household] }),
    regionId: t.globalID({ required: false, for: [Region] }),
    year: t.int({ required: false, description: '规则年度 (默认今年)' }),
  }),
});

const DecideFindingInput = builder.inputType('DecideExclusionFindingInput', {
  description: '确认 (starts a removal application assessed on `year`) 或排除 (reason required) 筛查结果',
  fields: (t) => ({
    id: t.globalID({ required: true, for: [ExclusionFinding] }),
    version: t.int({ required: true }),
    reason: t.string({ required: true, description: '理由' }),
    year: t.int({ required: false, description: '确认时: 错评剔除申请的研判年度' }),
    date: t.field({ type: 'Date', required: false }),
  }),
});

const SectorRecordInput = builder.inputType('SectorRecordInput', {
  description:
    '录入一条部门比对数据 (keyed by ID number; details as JSON, e.g. {"vehicleKind":"CAR","purchasePriceFen":5000000,"productive":false})',
  fields: (t) => ({
    idNumber: t.string({ required: true }),
    kind: t.field({ type: SectorRecordKindEnum, required: true }),
    detailsJson: t.string({ required: false }),
    source: t.string({ required: true, description: '数据来源部门' }),
    recordedOn: t.field({ type: 'Date', required: false }),
  }),
});

async function loadFinding(ctx: Context, id: number) {
  const finding = await ctx.db.query.exclusionFindings.findFirst({ where: { id } });
  if (!finding) throw new NotFoundError('筛查结果', String(id));
  if (!insideJurisdiction(ctx.viewer, finding.regionPath))
    throw new ForbiddenError('id: 该筛查结果不在您的管辖范围内');
  if (finding.state !== 'OPEN') throw new ConflictError(finding.version, '该筛查结果已处理');
  return finding;
}

builder.queryField('exclusionFindings', (t) =>
  t.drizzleConnection({
    type: 'exclusionFindings',
    description: '七个不纳入筛查结果列表',
    authScopes: { permission: 'household.read' },
    args: {
      state: t.arg({ type: FindingStateEnum, required: false }),
      ruleId: t.arg.string({ required: false }),
      regionId: t.arg.globalID({ required: false, for: [Region] }),
    },
    totalCount: (_parent, args, ctx) =>
      ctx.db.$count(exclusionFindings, findingFilter(exclusionFindings, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.exclusionFindings.findMany(
        query({ where: { RAW: (table) => findingFilter(table, ctx, args)! }, orderBy: { id: 'desc' } }),
      ),
  }),
);

function findingFilter(
  table: typeof exclusionFindings,
  ctx: Context,
  args: {
    state?: 'OPEN' | 'CONFIRMED' | 'DISMISSED' | null;
    ruleId?: string | null;
    regionId?: { id: string | number } | null;
  },
) {
  return and(
    sql`${table.regionPath} like ${pathPrefix(ctx.viewer!.regionPath)}`,
    inRegionSubtree(table.regionPath, args.regionId),
    args.state ? eq(table.state, args.state) : undefined,
    args.ruleId ? eq(table.ruleId, args.ruleId) : undefined,
  );
}

builder.mutationFields((t) => ({
  runExclusionScreening: t.field({
    type: ScreeningRunRef,
    description: '运行七个不纳入筛查 (one household, a village or township, or your whole jurisdiction)',
    authScopes: { permission: 'exclusion.screen' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: ScreeningInput, required: false }) },
    resolve: async (_root, { input }, ctx) => {
      const year = validate(yearSchema, input?.year ?? Number(clock.today().slice(0, 4)));
      if (input?.householdId) {
        const household = await writableHousehold(ctx, Number(input.householdId.id));
        return screen(ctx, { householdId: household.id }, year);
      }
      if (input?.regionId) {
        const region = await ctx.db.query.regions.findFirst({ where: { id: Number(input.regionId.id) } });
        if (!region) throw ValidationError.field('regionId', '区划不存在');
        if (!insideJurisdiction(ctx.viewer, region.regionPath))
          throw new ForbiddenError('regionId: 该区划不在您的管辖范围内');
        return screen(ctx, { regionPath: region.regionPath }, year);
      }
      return screen(ctx, {}, year);
    },
  }),
  confirmExclusionFinding: t.drizzleField({
    type: ExclusionFinding,
    description: '确认筛查结果: starts a REMOVE_WRONGLY_INCLUDED application in the same transaction',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: [StepRefusedError, ...WRITE_ERRORS] },
    args: { input: t.arg({ type: DecideFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { reason, version, year } = validate(
        z.object({ reason: reasonSchema, version: versionSchema, year: yearSchema }),
        input,
      );
      const startedOn = actedOn(input.date);
      const finding = await loadFinding(ctx, Number(input.id.id));
      const household = await writableHousehold(ctx, finding.householdId);
      const advice = await adviceOnStarting(ctx.db, household.id, {
        kind: 'REMOVE_WRONGLY_INCLUDED',
        year,
        onDate: startedOn,
      });
      if (!advice) throw factsRequired(year);
      await ctx.db.transaction(async (tx) => {
        const application = await insertApplication(tx, ctx, {
          household,
          kind: 'REMOVE_WRONGLY_INCLUDED',
          year,
          reason: `七个不纳入筛查确认: ${reason}`,
          againstAdviceReason: advice.supports ? null : reason,
          advice,
          startedOn,
          exclusionFindingId: finding.id,
        });
        const [updated] = await tx
          .update(exclusionFindings)
          .set({
            state: 'CONFIRMED',
            decisionReason: reason,
            decidedByUserId: ctx.viewer!.id,
            decidedAt: sql`now()`,
            applicationId: application.id,
            version: sql`${exclusionFindings.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(exclusionFindings.id, finding.id),
              eq(exclusionFindings.version, version),
              eq(exclusionFindings.state, 'OPEN'),
            ),
          )
          .returning();
        if (!updated) throw new ConflictError(finding.version, '该筛查结果已被他人处理');
        await writeAudit(tx, ctx.viewer, {
          action: 'exclusion.confirm',
          entityType: 'ExclusionFinding',
          entityId: finding.id,
          regionPath: finding.regionPath,
          before: { state: 'OPEN' },
          after: { state: 'CONFIRMED', applicationId: application.id },
          reason,
        });
      });
      return (await ctx.db.query.exclusionFindings.findFirst(query({ where: { id: finding.id } })))!;
    },
  }),
  dismissExclusionFinding: t.drizzleField({
    type: ExclusionFinding,
    description: '排除筛查结果 (a written reason is required; the same evidence never reopens it)',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: DecideFindingInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { reason, version } = validate(z.object({ reason: reasonSchema, version: versionSchema }), input);
      const finding = await loadFinding(ctx, Number(input.id.id));
      await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(exclusionFindings)
          .set({
            state: 'DISMISSED',
            decisionReason: reason,
            decidedByUserId: ctx.viewer!.id,
            decidedAt: sql`now()`,
            version: sql`${exclusionFindings.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(
            and(
              eq(exclusionFindings.id, finding.id),
              eq(exclusionFindings.version, version),
              eq(exclusionFindings.state, 'OPEN'),
            ),
          )
          .returning();
        if (!updated) throw new ConflictError(finding.version, '该筛查结果已被他人处理');
        await writeAudit(tx, ctx.viewer, {
          action: 'exclusion.dismiss',
          entityType: 'ExclusionFinding',
          entityId: finding.id,
          regionPath: finding.regionPath,
          before: { state: 'OPEN' },
          after: { state: 'DISMISSED' },
          reason,
        });
      });
      return (await ctx.db.query.exclusionFindings.findFirst(query({ where: { id: finding.id } })))!;
    },
  }),
  recordSectorData: t.boolean({
    description: '录入部门比对数据 (财政供养、车辆、房产、工商登记…; used by the next screening)',
    authScopes: { permission: 'exclusion.decide' },
    errors: { types: WRITE_ERRORS },
    args: { input: t.arg({ type: SectorRecordInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const values = validate(
        z.object({
          idNumber: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
          kind: z.enum(sectorRecordKind.enumValues),
          source: z.string().trim().min(2).max(60),
          detailsJson: z.string().max(2000).nullish(),
        }),
        input,
      );
      let details: Record<string, string | number | boolean> = {};
      try {
        details = values.detailsJson ? JSON.parse(values.detailsJson) : {};
      } catch {
        throw ValidationError.field('detailsJson', '不是有效的JSON');
      }
      const recordedOn = actedOn(input.recordedOn, 'recordedOn');
      await ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(sectorRecords)
          .values({
            countyId: ctx.viewer!.countyId!,
            regionPath: ctx.viewer!.regionPath,
            idNumber: values.idNumber,
            kind: values.kind,
            details,
            source: values.source,
            recordedOn,
          })
          .returning();
        await writeAudit(tx, ctx.viewer, {
          action: 'sector-data.record',
          entityType: 'SectorRecord',
          entityId: created!.id,
          regionPath: created!.regionPath,
          after: { ...created, idNumber: '(masked)' },
        });
      });
      return true;
    },
  }),
}));
