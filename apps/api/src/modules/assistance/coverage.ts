import {
  type CalendarDate,
  checkCoverage,
  checkHelperLoads,
  checkWorkTeam,
  type Decision,
  type HouseholdStatus,
  teamStaffingFeasibility,
} from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { inJurisdiction, inRegionSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import { rowsOf } from '../../shared/rows';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { Region } from '../geography/region';

/**
 * 两个全覆盖 and the caps, live: households needing a helper without one, helpers over the cap, teams
 * below strength and villages without a team, each with the rule that judges it. Two statements.
 */

interface VillageTeamRow {
  villageId: number;
  villageName: string;
  villageCode: string;
  villageKind: string | null;
  teamId: number | null;
  members: { cadreId: number; startDate: string; endDate: string | null }[] | null;
}

interface VillageStrength {
  villageId: number;
  villageName: string;
  activeMembers: number;
  decision: Decision<string>;
}

interface Coverage {
  asOf: CalendarDate;
  requiringHelper: number;
  withoutHelper: number;
  helpersOverCap: number;
  villages: number;
  villagesWithoutTeam: string[];
  teamsBelowStrength: VillageStrength[];
  coverage: Decision<string>;
  helperLoads: Decision<string>;
  staffing: Decision<string>[];
}

const VillageStrengthRef = builder.objectRef<VillageStrength>('VillageTeamStrength').implement({
  description: '村工作队力量 (TEAM.STRENGTH for one village)',
  fields: (t) => ({
    villageId: t.globalID({ resolve: (v) => ({ type: 'Region', id: v.villageId }) }),
    villageName: t.exposeString('villageName', { description: '村' }),
    activeMembers: t.exposeInt('activeMembers', { description: '在岗队员' }),
    decision: t.field({ type: RuleDecisionRef, resolve: (v) => v.decision }),
  }),
});

const CoverageRef = builder.objectRef<Coverage>('AssistanceCoverage').implement({
  description:
    '帮扶覆盖 (两个全覆盖: every poor and edge household one helper, every village a team; the caps), live',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: '统计日' }),
    requiringHelper: t.exposeInt('requiringHelper', {
      description: '应有帮扶责任人的户数 (贫困户、返贫户、监测户)',
    }),
    withoutHelper: t.exposeInt('withoutHelper', { description: '没有帮扶责任人的户数' }),
    helpersOverCap: t.exposeInt('helpersOverCap', { description: '超过结对上限的帮扶责任人 (应为 0)' }),
    villages: t.exposeInt('villages', { description: '村数' }),
    villagesWithoutTeam: t.int({
      description: '没有驻村工作队的村数',
      resolve: (c) => c.villagesWithoutTeam.length,
    }),
    villageNamesWithoutTeam: t.exposeStringList('villagesWithoutTeam', {
      description: '没有工作队的村 (名称)',
    }),
    teamsBelowStrength: t.int({
      description: '队员不足的工作队数',
      resolve: (c) => c.teamsBelowStrength.length,
    }),
    weakTeams: t.field({
      type: [VillageStrengthRef],
      description: '队员不足的村 (first 100)',
      resolve: (c) => c.teamsBelowStrength.slice(0, 100),
    }),
    coverage: t.field({
      type: RuleDecisionRef,
      description: 'PAIRING.COVERAGE / PAIRING.SINGLE_HELPER',
      resolve: (c) => c.coverage,
    }),
    helperLoads: t.field({
      type: RuleDecisionRef,
      description: 'PAIRING.CAP over every helper',
      resolve: (c) => c.helperLoads,
    }),
    staffing: t.field({
      type: [RuleDecisionRef],
      description: 'TEAM.STRENGTH_TOTAL: can the members staff the villages (poor villages, then the others)',
      resolve: (c) => c.staffing,
    }),
  }),
});

async function coverageOf(
  ctx: Context,
  regionId: { id: string | number } | null | undefined,
): Promise<Coverage> {
  const asOf = clock.today();
  const scope = (column: ReturnType<typeof sql>) =>
    regionId
      ? sql`${inJurisdiction(column, ctx.viewer)} and ${inRegionSubtree(column, regionId)}`
      : inJurisdiction(column, ctx.viewer);
  const households = rowsOf<{
    id: number;
    status: HouseholdStatus;
    monitored: boolean;
    pairingId: number | null;
    helperId: number | null;
    startDate: string | null;
  }>(
    await ctx.db.execute(sql`
      select h.id, h.status, h.monitored, p.id as "pairingId", p.helper_id as "helperId", p.start_date::text as "startDate"
      from households h left join pairings p on p.household_id = h.id and p.end_date is null
      where ${scope(sql`h.region_path`)} and (h.status in ('POOR', 'RETURNED') or h.monitored or p.id is not null)`),
  );
  const villages = rowsOf<VillageTeamRow>(
    await ctx.db.execute(sql`
      select v.id as "villageId", v.name as "villageName", v.code as "villageCode", v.village_kind as "villageKind", t.id as "teamId",
             (select json_agg(json_build_object('cadreId', m.cadre_id, 'startDate', m.start_date, 'endDate', m.end_date))
                from work_team_members m where m.work_team_id = t.id) as members
      from regions v left join work_teams t on t.village_id = v.id and t.end_date is null
      where v.level = 'VILLAGE' and ${scope(sql`v.region_path`)}
      order by v.id`),
  );
  const policy = runRule(() => policyForYear(Number(asOf.slice(0, 4)), villages[0]?.villageCode ?? ''));
  const pairings = households
    .filter((h) => h.pairingId !== null)
    .map((h) => ({
      id: String(h.pairingId),
      helperId: String(h.helperId),
      householdId: String(h.id),
      startDate: h.startDate!,
      endDate: null,
    }));
  const coverage = checkCoverage(
    households.map((h) => ({ id: String(h.id), status: h.status, monitored: h.monitored })),
    pairings,
    asOf,
  );
  const helperLoads = checkHelperLoads(pairings, asOf, policy);
  const strengths = villages
    .filter((v) => v.teamId !== null)
    .map((v) => {
      const decision = checkWorkTeam(
        {
          villageId: String(v.villageId),
          members: (v.members ?? []).map((m) => ({ ...m, cadreId: String(m.cadreId) })),
        },
        asOf,
        policy,
      );
      return {
        villageId: v.villageId,
        villageName: v.villageName,
        activeMembers: decision.activeMembers,
        decision,
      };
    });
  const staffing = (['POOR_VILLAGE', 'NON_POOR_WITH_POOR'] as const)
    .map((kind) => villages.filter((v) => v.villageKind === kind))
    .filter((group) => group.length > 0)
    .map((group) =>
      teamStaffingFeasibility(
        {
          members: strengths
            .filter((s) => group.some((v) => v.villageId === s.villageId))
            .reduce((sum, s) => sum + s.activeMembers, 0),
          villages: group.length,
        },
        policy,
      ),
    );
  return {
    asOf,
    requiringHelper: coverage.requiringHelper,
    withoutHelper: coverage.uncovered.length,
    helpersOverCap: helperLoads.overloaded.length,
    villages: villages.length,
    villagesWithoutTeam: villages.filter((v) => v.teamId === null).map((v) => v.villageName),
    teamsBelowStrength: strengths.filter((s) =>
      s.decision.reasons.some((r) => r.ruleId === 'TEAM.STRENGTH' && !r.passed),
    ),
    coverage,
    helperLoads,
    staffing,
  };
}

builder.queryFields((t) => ({
  assistanceCoverage: t.field({
    type: CoverageRef,
    description:
      '帮扶覆盖 (两个全覆盖 and the caps in your jurisdiction or a township or village of it, live)',
    authScopes: { permission: 'assistance.read' },
    args: { regionId: t.arg.globalID({ required: false, for: [Region], description: '乡镇或村' }) },
    resolve: (_root, args, ctx) => coverageOf(ctx, args.regionId),
  }),
}));
