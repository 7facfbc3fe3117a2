import {
  firstDayOfMonth,
  groupBy,
  lastDayOfMonth,
  monthOf,
  type PairingMonthShare,
  type VisitCompliance,
  visitCompliance,
} from '@gongjian/rules';
import { type SQL, sql } from 'drizzle-orm';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { isHelperOnly } from '../../auth/permissions';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ValidationError } from '../../errors';
import { clock, policyForYear, runRule } from '../../policy';
import { rowsOf } from '../../shared/rows';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';

/**
 * 走访达标: each household's visits in a Shanghai calendar month against the rules' visitCompliance (at
 * least 2, pro rata for partial months, either helper's visits when helpers changed), computed live in two
 * statements: the month's pairings with their households, then the month's visits of those households.
 */

export interface ComplianceRow {
  householdId: number;
  householdNumber: string;
  headName: string | null;
  villageId: number;
  villageName: string;
  townshipId: number;
  townshipName: string;
  helperIds: number[];
  helperNames: string[];
  compliance: VisitCompliance;
}

const PairShareRef = builder
  .objectRef<PairingMonthShare & { helperName: string }>('PairingMonthCompliance')
  .implement({
    description:
      '结对当月走访 (one pairing’s share of the household’s month: its days, its pro-rated requirement, its counted visits)',
    fields: (t) => ({
      pairingId: t.globalID({ resolve: (p) => ({ type: 'Pairing', id: p.pairingId }) }),
      helperName: t.exposeString('helperName', { description: '帮扶责任人' }),
      activeDays: t.exposeInt('activeDays', { description: '当月结对天数' }),
      requiredVisits: t.exposeInt('requiredVisits', { description: '按天数折算应走访次数 (informative)' }),
      countedVisitDays: t.exposeInt('countedVisitDays', { description: '有效走访天数' }),
    }),
  });

const HouseholdComplianceRef = builder.objectRef<ComplianceRow>('HouseholdVisitCompliance').implement({
  description: '农户当月走访达标情况 (the rule VISIT.MONTHLY applied to one household in one month)',
  fields: (t) => ({
    householdId: t.globalID({ resolve: (r) => ({ type: 'Household', id: r.householdId }) }),
    householdNumber: t.exposeString('householdNumber', { description: '户编号' }),
    headName: t.exposeString('headName', { nullable: true, description: '户主' }),
    villageName: t.exposeString('villageName', { description: '村' }),
    townshipName: t.exposeString('townshipName', { description: '乡镇' }),
    helperNames: t.exposeStringList('helperNames', { description: '当月帮扶责任人' }),
    requiredVisits: t.int({ description: '应走访次数', resolve: (r) => r.compliance.requiredVisits }),
    countedVisitDays: t.int({
      description: '有效走访次数 (distinct days)',
      resolve: (r) => r.compliance.countedVisitDays,
    }),
    coveredDays: t.int({ description: '当月有结对的天数', resolve: (r) => r.compliance.coveredDays }),
    outcome: t.string({
      description: 'COMPLIANT / NON_COMPLIANT / NOT_REQUIRED',
      resolve: (r) => r.compliance.outcome,
    }),
    decision: t.field({ type: RuleDecisionRef, description: '规则判断', resolve: (r) => r.compliance }),
    pairs: t.field({
      type: [PairShareRef],
      description: '各结对当月情况 (drill-down to the pairs)',
      resolve: (r) =>
        r.compliance.pairings.map((share) => ({
          ...share,
          helperName: r.helperNames[r.compliance.pairings.indexOf(share)] ?? '',
        })),
    }),
  }),
});

export interface CompliancePage {
  month: string;
  households: number;
  compliant: number;
  short: ComplianceRow[];
  rows: ComplianceRow[];
}

const ComplianceLevelEnum = builder.enumType('ComplianceLevel', {
  description: '走访达标汇总层级',
  values: {
    TOWNSHIP: { description: '按乡镇' },
    VILLAGE: { description: '按村' },
    HELPER: { description: '按帮扶责任人 (a household of two helpers in the month counts for each)' },
  },
});

interface ComplianceGroup {
  id: { type: 'Region' | 'Cadre'; id: number };
  name: string;
  households: number;
  short: number;
}

const ComplianceGroupRef = builder.objectRef<ComplianceGroup>('VisitComplianceGroup').implement({
  description: '走访达标汇总 (one township, village or helper of the month’s list)',
  fields: (t) => ({
    id: t.globalID({ description: '乡镇或村 (Region) 或帮扶责任人 (Cadre)', resolve: (g) => g.id }),
    name: t.exposeString('name', { description: '名称' }),
    households: t.exposeInt('households', { description: '当月有结对的户数' }),
    shortCount: t.exposeInt('short', { description: '未达标户数' }),
    compliant: t.int({ description: '达标户数', resolve: (g) => g.households - g.short }),
  }),
});

/** The month's households summed by township, village or helper, in the list's order. */
function breakdown(
  rows: readonly ComplianceRow[],
  level: 'TOWNSHIP' | 'VILLAGE' | 'HELPER',
): ComplianceGroup[] {
  const groups = new Map<string, ComplianceGroup>();
  const add = (key: string, id: ComplianceGroup['id'], name: string, short: boolean) => {
    const group = groups.get(key) ?? { id, name, households: 0, short: 0 };
    group.households += 1;
    if (short) group.short += 1;
    groups.set(key, group);
  };
  for (const row of rows) {
    const short = row.compliance.outcome === 'NON_COMPLIANT';
    if (level === 'TOWNSHIP')
      add(`t${row.townshipId}`, { type: 'Region', id: row.townshipId }, row.townshipName, short);
    else if (level === 'VILLAGE')
      add(
        `v${row.villageId}`,
        { type: 'Region', id: row.villageId },
        `${row.townshipName} ${row.villageName}`,
        short,
      );
    else
      for (const helperId of new Set(row.helperIds))
        add(
          `c${helperId}`,
          { type: 'Cadre', id: helperId },
          row.helperNames[row.helperIds.indexOf(helperId)] ?? '',
          short,
        );
  }
  return [...groups.values()];
}

const CompliancePageRef = builder.objectRef<
  CompliancePage & { first: number; offset: number; onlyShort: boolean }
>('VisitCompliancePage');
CompliancePageRef.implement({
  description: '走访达标名单 (households paired in the month, live; by default those not visited enough)',
  fields: (t) => ({
    month: t.exposeString('month', { description: '月份 (Asia/Shanghai)' }),
    households: t.exposeInt('households', { description: '当月有结对的户数' }),
    compliant: t.exposeInt('compliant', { description: '达标户数 (including NOT_REQUIRED)' }),
    shortCount: t.int({ description: '未达标户数', resolve: (p) => p.short.length }),
    totalCount: t.int({ description: '名单总数', resolve: (p) => (p.onlyShort ? p.short : p.rows).length }),
    breakdown: t.field({
      type: [ComplianceGroupRef],
      description:
        '汇总 (by township, village or helper: households and how many are short; drill down by regionId or helperId)',
      args: { by: t.arg({ type: ComplianceLevelEnum, required: true }) },
      resolve: (p, args) => breakdown(p.rows, args.by),
    }),
    items: t.field({
      type: [HouseholdComplianceRef],
      description: '本页名单 (by township, village and household number)',
      resolve: (p) => (p.onlyShort ? p.short : p.rows).slice(p.offset, p.offset + p.first),
    }),
  }),
});

interface PairRow {
  id: number;
  householdId: number;
  helperId: number;
  startDate: string;
  endDate: string | null;
  householdNumber: string;
  headName: string | null;
  villageId: number;
  villageName: string;
  villageCode: string;
  townshipId: number;
  townshipName: string;
  helperName: string;
}

/** Compliance of every household the filter selects in `month`: two statements, whatever the size. */
export async function monthCompliance(
  ctx: Pick<Context, 'db' | 'viewer'>,
  month: string,
  filter: { regionId?: { id: string | number } | null; helperId?: { id: string | number } | null },
): Promise<CompliancePage> {
  const from = firstDayOfMonth(month);
  const to = lastDayOfMonth(month);
  const overlapping = (alias: string) =>
    sql.raw(
      `${alias}.start_date <= '${to}' and (${alias}.end_date is null or ${alias}.end_date >= '${from}')`,
    );
  const helperId = isHelperOnly(ctx.viewer!.roles)
    ? (ctx.viewer!.cadreId ?? -1)
    : filter.helperId
      ? Number(filter.helperId.id)
      : null;
  const helperFilter: SQL | undefined =
    helperId === null
      ? undefined
      : sql`p.household_id in (select q.household_id from pairings q where q.helper_id = ${helperId} and ${overlapping('q')})`;
  const pairs = rowsOf<PairRow>(
    await ctx.db.execute(sql`
      select p.id, p.household_id as "householdId", p.helper_id as "helperId", p.start_date::text as "startDate",
             p.end_date::text as "endDate", h.household_number as "householdNumber",
             (select m.name from household_members m where m.household_id = h.id and m.relation = 'HEAD' limit 1) as "headName",
             v.id as "villageId", v.name as "villageName", v.code as "villageCode", t.id as "townshipId",
             t.name as "townshipName", c.name as "helperName"
      from pairings p
      join households h on h.id = p.household_id
      join regions v on v.id = h.village_id
      join regions t on t.id = v.parent_id
      join cadres c on c.id = p.helper_id
      where ${inJurisdiction(sql`p.region_path`, ctx.viewer)} and ${overlapping('p')}
        ${filter.regionId ? sql`and ${inRegionSubtree(sql`p.region_path`, filter.regionId)}` : sql``}
        ${helperFilter ? sql`and ${helperFilter}` : sql``}
      order by t.name, v.name, h.household_number, p.start_date`),
  );
  const householdIds = [...new Set(pairs.map((p) => p.householdId))];
  const next = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  const visitRows =
    householdIds.length === 0
      ? []
      : rowsOf<{ id: number; householdId: number; helperId: number; occurredAt: string }>(
          await ctx.db.execute(sql`
            select id, household_id as "householdId", helper_id as "helperId", occurred_at as "occurredAt"
            from visits where household_id = any(${`{${householdIds.join(',')}}`}::int[])
              and occurred_at >= ${`${from}T00:00:00+08:00`}::timestamptz and occurred_at < ${next}::timestamptz`),
        );
  if (pairs.length === 0) return { month, households: 0, compliant: 0, short: [], rows: [] };
  const policy = runRule(() => policyForYear(Number(month.slice(0, 4)), pairs[0]!.villageCode));
  const visitsByHousehold = groupBy(visitRows, (v) => String(v.householdId));
  const rows = [...groupBy(pairs, (p) => String(p.householdId))].map(([key, own]) => {
    const householdId = Number(key);
    const compliance = visitCompliance(
      String(householdId),
      month,
      own.map((p) => ({
        id: String(p.id),
        helperId: String(p.helperId),
        householdId: String(householdId),
        startDate: p.startDate,
        endDate: p.endDate,
      })),
      (visitsByHousehold.get(key) ?? []).map((v) => ({
        id: String(v.id),
        householdId: String(householdId),
        visitorId: String(v.helperId),
        at: new Date(v.occurredAt).toISOString(),
      })),
      policy,
    );
    const first = own[0]!;
    const names = new Map(own.map((p) => [String(p.id), p.helperName]));
    const helpers = new Map(own.map((p) => [String(p.id), p.helperId]));
    return {
      householdId,
      householdNumber: first.householdNumber,
      headName: first.headName,
      villageId: first.villageId,
      villageName: first.villageName,
      townshipId: first.townshipId,
      townshipName: first.townshipName,
      helperIds: compliance.pairings.map((share) => helpers.get(share.pairingId) ?? 0),
      helperNames: compliance.pairings.map((share) => names.get(share.pairingId) ?? ''),
      compliance,
    };
  });
  const short = rows.filter((r) => r.compliance.outcome === 'NON_COMPLIANT');
  return { month, households: rows.length, compliant: rows.length - short.length, short, rows };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

builder.queryFields((t) => ({
  visitCompliance: t.field({
    type: CompliancePageRef,
    description:
      '走访达标名单 (live: households not visited enough in the month by default; filter by township or village and helper; a helper sees their own)',
    authScopes: { permission: 'assistance.read' },
    args: {
      month: t.arg.string({ required: false, description: '月份 YYYY-MM (默认本月, Asia/Shanghai)' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村' }),
      helperId: t.arg.globalID({ required: false, for: [Cadre], description: '帮扶责任人' }),
      onlyShort: t.arg.boolean({ required: false, description: '只列未达标户 (默认 true)' }),
      first: t.arg.int({ required: false, description: '每页条数 (默认 50, 最多 500)' }),
      offset: t.arg.int({ required: false, description: '跳过条数' }),
    },
    resolve: async (_root, args, ctx) => {
      const month = args.month ?? monthOf(clock.today());
      if (!MONTH.test(month)) throw ValidationError.field('month', '月份格式应为 YYYY-MM');
      const first = Math.min(Math.max(args.first ?? 50, 0), 500);
      const offset = Math.max(args.offset ?? 0, 0);
      const page = await monthCompliance(ctx, month, args);
      return { ...page, first, offset, onlyShort: args.onlyShort !== false };
    },
  }),
}));
