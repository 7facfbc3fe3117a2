import { type Decision, teamStaffingFeasibility } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { runRule } from '../../policy';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { RuleDecisionRef } from '../../shared/rule-decisions';
import { aliased, householdStatusOn } from '../identification/status-history';
import { dayOf, householdsWithPeople } from './households';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 帮扶 as of a day: helpers and pairings active that day, poor households without one, the paired
 * households not visited in the month up to the day, and the work teams and their members serving that
 * day, with the teams below the minimum strength. One statement.
 */

export interface AssistanceFigures {
  helpers: number;
  pairings: number;
  pairedHouseholds: number;
  poorHouseholds: number;
  poorWithoutHelper: number;
  visitedThisMonth: number;
  teams: number;
  teamMembers: number;
  teamsBelowStrength: number;
  villages: number;
  villagesWithoutTeam: number;
  minMembers: number;
  staffing: Decision<string>[];
}

/** SQL: a dated row (start_date, end_date inclusive or null) is active on the day. */
export const activeOn = (alias: string, asOf: string) =>
  sql.raw(
    `${alias}.start_date <= '${asOf}'::date and (${alias}.end_date is null or ${alias}.end_date >= '${asOf}'::date)`,
  );

export function assistanceFigures(ctx: Context, scope: CockpitScope): Promise<AssistanceFigures> {
  return oncePerRequest(ctx, sectionKey('assistance', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const minMembers = scope.policy.resolve('team.minMembers').value;
    const row = rowsOf<Record<string, number>>(
      await ctx.db.execute(sql`
        with p as (select p.household_id, p.helper_id from pairings p
            where p.region_path like ${prefix} and ${activeOn('p', scope.asOf)}),
          h as (${householdsWithPeople(prefix)}),
          poor as (select h.id from h where ${householdStatusOn(aliased('h'), dayOf(scope.asOf))} in ('POOR', 'RETURNED')),
          visited as (select distinct v.household_id from visits v
            where v.region_path like ${prefix}
              and (v.occurred_at at time zone 'Asia/Shanghai')::date between ${`${scope.month}-01`}::date and ${scope.asOf}::date),
          teams as (select t.id, t.village_id, r.village_kind,
              (select count(*) from work_team_members m where m.work_team_id = t.id and ${activeOn('m', scope.asOf)})::int as members
            from work_teams t join regions r on r.id = t.village_id
            where t.region_path like ${prefix} and ${activeOn('t', scope.asOf)})
        select
          (select count(distinct helper_id) from p)::int as "helpers",
          (select count(*) from p)::int as "pairings",
          (select count(distinct household_id) from p)::int as "pairedHouseholds",
          (select count(*) from poor)::int as "poorHouseholds",
          (select count(*) from poor where poor.id not in (select household_id from p))::int as "poorWithoutHelper",
          (select count(*) from (select distinct household_id from p) x where x.household_id in (select household_id from visited))::int as "visitedThisMonth",
          (select count(*) from teams)::int as "teams",
          (select coalesce(sum(members), 0) from teams)::int as "teamMembers",
          (select count(*) from teams where members < ${minMembers})::int as "teamsBelowStrength",
          (select count(*) from regions v where v.level = 'VILLAGE' and v.region_path like ${prefix})::int as "villages",
          (select count(*) from regions v where v.level = 'VILLAGE' and v.region_path like ${prefix}
             and not exists (select 1 from teams where teams.village_id = v.id))::int as "villagesWithoutTeam",
          (select count(*) from regions v where v.village_kind = 'POOR_VILLAGE' and v.region_path like ${prefix})::int as "poorVillages",
          (select coalesce(sum(members), 0) from teams where village_kind = 'POOR_VILLAGE')::int as "poorVillageMembers"`),
    )[0]!;
    const n = (key: string) => Number(row[key] ?? 0);
    const staffing =
      n('poorVillages') > 0
        ? [
            runRule(() =>
              teamStaffingFeasibility(
                { members: n('poorVillageMembers'), villages: n('poorVillages') },
                scope.policy,
              ),
            ),
          ]
        : [];
    return {
      helpers: n('helpers'),
      pairings: n('pairings'),
      pairedHouseholds: n('pairedHouseholds'),
      poorHouseholds: n('poorHouseholds'),
      poorWithoutHelper: n('poorWithoutHelper'),
      visitedThisMonth: n('visitedThisMonth'),
      teams: n('teams'),
      teamMembers: n('teamMembers'),
      teamsBelowStrength: n('teamsBelowStrength'),
      villages: n('villages'),
      villagesWithoutTeam: n('villagesWithoutTeam'),
      minMembers,
      staffing,
    };
  });
}

const AssistanceRef = builder.objectRef<AssistanceFigures>('CockpitAssistance').implement({
  description: '帮扶 (helpers, pairings, visits this month and work teams on the day)',
  fields: (t) => ({
    helpers: t.exposeInt('helpers', { description: '帮扶责任人数 (with an active pairing)' }),
    pairings: t.exposeInt('pairings', { description: '有效结对数' }),
    pairedHouseholds: t.exposeInt('pairedHouseholds', { description: '已结对户数' }),
    poorHouseholds: t.exposeInt('poorHouseholds', { description: '未脱贫户数 (应结对)' }),
    poorWithoutHelper: t.exposeInt('poorWithoutHelper', { description: '未结对的未脱贫户数 (应为 0)' }),
    visitedThisMonth: t.exposeInt('visitedThisMonth', {
      description: '本月已走访户数 (paired households with a visit from the 1st to the day)',
    }),
    notVisitedThisMonth: t.int({
      description: '本月未走访户数 (paired households with no visit yet this month)',
      resolve: (a) => a.pairedHouseholds - a.visitedThisMonth,
    }),
    teams: t.exposeInt('teams', { description: '驻村工作队数' }),
    teamMembers: t.exposeInt('teamMembers', { description: '在岗队员数' }),
    teamsBelowStrength: t.exposeInt('teamsBelowStrength', { description: '队员不足的工作队数' }),
    minMembers: t.exposeInt('minMembers', { description: '每队最少队员 (team.minMembers)' }),
    villages: t.exposeInt('villages', { description: '村数' }),
    villagesWithoutTeam: t.exposeInt('villagesWithoutTeam', { description: '没有工作队的村数' }),
    staffing: t.field({
      type: [RuleDecisionRef],
      description: 'TEAM.STRENGTH_TOTAL: can the poor villages’ members staff every poor village',
      resolve: (a) => a.staffing,
    }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  assistance: t.field({
    type: AssistanceRef,
    description: '帮扶 (one statement)',
    resolve: (scope, _args, ctx) => assistanceFigures(ctx, scope),
  }),
}));
