import { type SQL, sql } from 'drizzle-orm';

/**
 * 某日的贫困状态: each household of a region subtree with the status it held at the end of a day, read from
 * the records' own history rather than from stored snapshots (decision 0018). A status changes only when an
 * application completes, so the status on a day is the result of the last application completed on or
 * before it, else the starting status of the first one completed after it; a household no application has
 * touched holds the status its registration years (识别年度, 脱贫年度) give for that day's year.
 *
 * The subquery has the columns `id`, `village_id`, `region_path` and `status`, one row per household.
 */
export function householdsOnDay(regionPrefix: string, day: string): SQL {
  const year = Number(day.slice(0, 4));
  return sql`(
    select h.id, h.village_id, h.region_path,
      coalesce(c.after_status, c.before_status, case
        when h.status = 'NON_POOR' or h.identified_year is null or h.identified_year > ${year} then 'NON_POOR'
        when h.exited_year is not null and h.exited_year <= ${year} then 'EXITED'
        else 'POOR' end::household_status) as status
    from households h
      left join (
        select household_id,
          (array_agg(to_status order by completed_on desc, id desc)
            filter (where completed_on <= ${day}::date))[1] as after_status,
          (array_agg(from_status order by completed_on, id) filter (where completed_on > ${day}::date))[1]
            as before_status
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
