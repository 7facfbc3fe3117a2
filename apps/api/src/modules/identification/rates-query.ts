import type { Policy } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import type { Context } from '../../context';
import { clock } from '../../policy';
import { rowsOf } from '../../shared/rows';
import { policyForYear, runRule } from './policy';
import { householdsOnDay, householdsToday } from './status-history';

/**
 * The four rates (贫困发生率, 漏评率, 错退率, 群众认可度) per village, township and the whole scope, computed
 * live in two statements: the scope's regions, and one aggregate row per village (registered poor people,
 * rural population, survey samples). Townships and the scope are sums of their villages.
 */

export interface Counts {
  /** Null when a village of the scope has no population record for the year (未录入). */
  ruralPopulation: number | null;
  registeredPoorPersons: number;
  sampledExitedPersons: number;
  wrongExitPersons: number;
  sampledNonRegisteredPersons: number;
  missedPersons: number;
  surveyedHouseholds: number;
  recognisingHouseholds: number;
  exitedPersons: number;
  nonRegisteredPersons: number;
}

export interface RatesRow extends Counts {
  regionId: number;
  name: string;
  level: string;
  policy: Policy;
}

const ZERO: Counts = {
  ruralPopulation: 0,
  registeredPoorPersons: 0,
  sampledExitedPersons: 0,
  wrongExitPersons: 0,
  sampledNonRegisteredPersons: 0,
  missedPersons: 0,
  surveyedHouseholds: 0,
  recognisingHouseholds: 0,
  exitedPersons: 0,
  nonRegisteredPersons: 0,
};

function add(a: Counts, b: Counts): Counts {
  const sum = Object.fromEntries(
    Object.keys(ZERO).map((k) => [k, (a[k as keyof Counts] ?? 0) + (b[k as keyof Counts] ?? 0)]),
  ) as unknown as Counts;
  const recorded = a.ruralPopulation !== null && b.ruralPopulation !== null;
  return { ...sum, ruralPopulation: recorded ? sum.ruralPopulation : null };
}

export interface RatesReport {
  year: number;
  total: RatesRow;
  townships: RatesRow[];
  villages: RatesRow[];
}

export interface RegionRow {
  id: number;
  name: string;
  level: string;
  code: string;
  parent_id: number | null;
  region_path: string;
}

interface VillageAggregate extends RegionRow {
  rural_population: number | null;
  poor_persons: number;
  exited_persons: number;
  sampled_exited_persons: number;
  wrong_exit_persons: number;
  sampled_non_registered_persons: number;
  missed_persons: number;
  surveyed_households: number;
  recognising_households: number;
}

export async function ratesFor(ctx: Context, scope: RegionRow, year: number): Promise<RatesReport> {
  const prefix = pathPrefix(scope.region_path);
  const yearEnd = `${year}-12-31`;
  const households = yearEnd < clock.today() ? householdsOnDay(prefix, yearEnd) : householdsToday(prefix);
  const [regionsResult, villagesResult] = await Promise.all([
    ctx.db.execute(sql`select id, name, level, code, parent_id, region_path from regions
      where region_path like ${prefix} and level = 'TOWNSHIP' order by sort_order, id`),
    ctx.db.execute(sql`
      with people as (
        select h.village_id,
          count(m.id) filter (where h.status in ('POOR', 'RETURNED'))::int as poor_persons,
          count(m.id) filter (where h.status in ('EXITED', 'EXITED_NO_POLICY'))::int as exited_persons
        from ${households} h join household_members m on m.household_id = h.id
        group by h.village_id),
      samples as (
        select village_id,
          coalesce(sum(persons) filter (where kind = 'EXITED'), 0)::int as sampled_exited_persons,
          coalesce(sum(persons) filter (where kind = 'EXITED' and wrong_exit), 0)::int as wrong_exit_persons,
          coalesce(sum(persons) filter (where kind = 'NON_REGISTERED'), 0)::int as sampled_non_registered_persons,
          coalesce(sum(persons) filter (where kind = 'NON_REGISTERED' and missed), 0)::int as missed_persons,
          count(*)::int as surveyed_households,
          count(*) filter (where recognises)::int as recognising_households
        from survey_samples where region_path like ${prefix} and year = ${year}
        group by village_id)
      select v.id, v.name, v.level, v.code, v.parent_id, v.region_path,
        p.rural_population::int as rural_population,
        coalesce(people.poor_persons, 0)::int as poor_persons,
        coalesce(people.exited_persons, 0)::int as exited_persons,
        coalesce(s.sampled_exited_persons, 0)::int as sampled_exited_persons,
        coalesce(s.wrong_exit_persons, 0)::int as wrong_exit_persons,
        coalesce(s.sampled_non_registered_persons, 0)::int as sampled_non_registered_persons,
        coalesce(s.missed_persons, 0)::int as missed_persons,
        coalesce(s.surveyed_households, 0)::int as surveyed_households,
        coalesce(s.recognising_households, 0)::int as recognising_households
      from regions v
        left join village_populations p on p.village_id = v.id and p.year = ${year}
        left join people on people.village_id = v.id
        left join samples s on s.village_id = v.id
      where v.level = 'VILLAGE' and v.region_path like ${prefix}
      order by v.parent_id, v.sort_order, v.id`),
  ]);
  const policy = runRule(() => policyForYear(year, scope.code));
  const row = (region: RegionRow, counts: Counts): RatesRow => ({
    regionId: region.id,
    name: region.name,
    level: region.level,
    policy,
    ...counts,
  });
  const villages = rowsOf<VillageAggregate>(villagesResult).map((v) =>
    row(v, {
      ruralPopulation: v.rural_population === null ? null : Number(v.rural_population),
      registeredPoorPersons: Number(v.poor_persons),
      exitedPersons: Number(v.exited_persons),
      nonRegisteredPersons:
        v.rural_population === null
          ? 0
          : Math.max(0, Number(v.rural_population) - Number(v.poor_persons) - Number(v.exited_persons)),
      sampledExitedPersons: Number(v.sampled_exited_persons),
      wrongExitPersons: Number(v.wrong_exit_persons),
      sampledNonRegisteredPersons: Number(v.sampled_non_registered_persons),
      missedPersons: Number(v.missed_persons),
      surveyedHouseholds: Number(v.surveyed_households),
      recognisingHouseholds: Number(v.recognising_households),
    }),
  );
  const villagesOf = (townshipId: number) =>
    rowsOf<VillageAggregate>(villagesResult)
      .map((v, index) => ({ v, r: villages[index]! }))
      .filter(({ v }) => Number(v.parent_id) === townshipId)
      .map(({ r }) => r);
  const townships = rowsOf<RegionRow>(regionsResult).map((t) =>
    row(t, villagesOf(Number(t.id)).reduce(add, ZERO)),
  );
  return { year, total: row(scope, villages.reduce(add, ZERO)), townships, villages };
}
