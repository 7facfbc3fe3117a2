import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * 某日的贫困状态 (decision 0018). A status changes only when an application completes, so a household's status
 * on day D is the status it left by the first status-change application completed after D; with none, its
 * registration years say it (not yet identified in D's year → not registered; exited in a later year, or in
 * D's year before its 31 December → still poor); otherwise its status today.
 */
export function householdStatusOn(h: HouseholdColumns, day: SQL): SQL {
  const later =
    h.statusLeftAfterDay ??
    sql`(select a.from_status from status_applications a
      where a.household_id = ${h.id} and a.state = 'COMPLETED' and a.completed_on > ${day}
      order by a.completed_on, a.id limit 1)`;
  // Most households have no completed application; a statement that knows which skips the look-up.
  return sql`coalesce(
    ${h.hasApplications ? sql`case when ${h.hasApplications} then ${later} end` : later},
    case
      when ${h.identifiedYear} > extract(year from ${day}) then 'NON_POOR'::household_status
      when ${h.status} in ('EXITED', 'EXITED_NO_POLICY', 'RETURNED')
        and (${h.exitedYear} > extract(year from ${day})
          or (${h.exitedYear} = extract(year from ${day}) and extract(doy from ${day} + 1) <> 1))
        then 'POOR'::household_status
      else ${h.status}
    end)`;
}

type HouseholdColumns = Record<'id' | 'status' | 'identifiedYear' | 'exitedYear', SQL | AnyPgColumn> & {
  hasApplications?: SQL;
  /** The `from_status` of the first application completed after the day, when the statement has joined it. */
  statusLeftAfterDay?: SQL;
};

/** The columns of a households row under an alias of a raw statement. */
export const aliased = (alias: string): HouseholdColumns => ({
  id: sql.raw(`${alias}.id`),
  status: sql.raw(`${alias}.status`),
  identifiedYear: sql.raw(`${alias}.identified_year`),
  exitedYear: sql.raw(`${alias}.exited_year`),
  hasApplications: sql.raw(`${alias}.has_applications`),
});

/**
 * Each household of a region subtree with its status at the end of `day`: the columns `id`, `village_id`,
 * `region_path` and `status`, one row per household.
 */
export function householdsOnDay(regionPrefix: string, day: string): SQL {
  const columns = {
    ...aliased('h'),
    hasApplications: undefined,
    statusLeftAfterDay: sql.raw('c.left_status'),
  };
  return sql`(
    select h.id, h.village_id, h.region_path, ${householdStatusOn(columns, sql`${day}::date`)} as status
    from households h
      left join (
        select household_id,
          (array_agg(from_status order by completed_on, id) filter (where completed_on > ${day}::date))[1]
            as left_status
        from status_applications
        where state = 'COMPLETED' and region_path like ${regionPrefix}
        group by household_id) c on c.household_id = h.id
    where h.region_path like ${regionPrefix})`;
}

/** The households of a subtree with their status today: the register as it stands. */
export function householdsToday(regionPrefix: string): SQL {
  return sql`(select h.id, h.village_id, h.region_path, h.status from households h
    where h.region_path like ${regionPrefix})`;
}
