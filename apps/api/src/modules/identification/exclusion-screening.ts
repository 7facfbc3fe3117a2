import { createHash } from 'node:crypto';
import { exclusionFindings, type sectorRecordKind } from '@gongjian/db/schema';
import { applyExclusions } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { WRITE_ERRORS } from '../../shared/error-types';
import { rowsOf } from '../../shared/rows';
import { validate } from '../../shared/validate';
import { writableRow } from '../../spine/load';
import { Region } from '../geography/region';
import { ExclusionFinding } from './exclusion-finding';
import { Household, writableHousehold } from './household';
import { clock, exclusionFactsOf, policyForYear, RULE_OF_RECORD, runRule } from './policy';
import { yearSchema } from './validation';

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
        const regionId = Number(input.regionId.id);
        const region = await ctx.db.query.regions.findFirst({ where: { id: regionId } });
        const { regionPath } = writableRow(ctx, region, {
          entity: '区划',
          argument: 'regionId',
          id: regionId,
        });
        return screen(ctx, { regionPath }, year);
      }
      return screen(ctx, {}, year);
    },
  }),
}));
