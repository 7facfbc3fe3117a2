import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { fenToWanYuan } from '../../shared/money';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { aliased, householdStatusOn } from '../identification/status-history';
import { householdsWithPeople } from './households';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/**
 * 历年趋势 from 2014 to the day's year: households and people still poor at each year end (the day itself
 * for its own year), read from the households' history as the households section reads it; the tasks
 * completed, the meetings held and the fund sources starting in each year. One statement. Households
 * without a completed application are read by their registration columns only, so they are counted as
 * groups of equal columns (a few hundred rows for the county, not 28,000 per year).
 */

export const FIRST_TREND_YEAR = 2014;

export interface TrendYear {
  year: number;
  day: string;
  poorHouseholds: number;
  poorPeople: number;
  registeredHouseholds: number;
  tasksDone: number;
  meetings: number;
  fundsFen: number;
}

export function trendFigures(ctx: Context, scope: CockpitScope): Promise<TrendYear[]> {
  return oncePerRequest(ctx, sectionKey('trends', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const day = sql`y.day`;
    const rows = rowsOf<TrendYear>(
      await ctx.db.execute(sql`
        with y as (
          select g.year::int as year, least(make_date(g.year::int, 12, 31), ${scope.asOf}::date) as day
          from generate_series(${FIRST_TREND_YEAR}::int, ${scope.year}::int) as g(year)),
        h as (${householdsWithPeople(prefix)}),
        g as (select case when h.has_applications then h.id end as id, h.status, h.identified_year, h.exited_year,
            h.has_applications, count(*)::int as households, sum(h.people)::int as people
          from h group by 1, 2, 3, 4, 5),
        s as (select y.year, ${householdStatusOn(aliased('g'), day)} as status, g.households, g.people
          from y cross join g),
        a as (select year,
            coalesce(sum(households) filter (where status in ('POOR', 'RETURNED')), 0)::int as poor,
            coalesce(sum(people) filter (where status in ('POOR', 'RETURNED')), 0)::int as poor_people,
            coalesce(sum(households) filter (where status <> 'NON_POOR'), 0)::int as registered
          from s group by year)
        select y.year, y.day::text as day,
          coalesce(a.poor, 0) as "poorHouseholds", coalesce(a.poor_people, 0) as "poorPeople",
          coalesce(a.registered, 0) as "registeredHouseholds",
          (select count(*) from tasks t where t.region_path like ${prefix}
             and not exists (select 1 from tasks c where c.parent_id = t.id)
             and t.completed_at is not null
             and extract(year from (t.completed_at at time zone 'Asia/Shanghai')) = y.year
             and (t.completed_at at time zone 'Asia/Shanghai')::date <= ${scope.asOf}::date)::int as "tasksDone",
          (select count(*) from meetings m where m.region_path like ${prefix}
             and extract(year from m.held_on) = y.year and m.held_on <= ${scope.asOf}::date)::int as "meetings",
          (select coalesce(sum(f.amount_fen), 0) from fund_sources f where f.region_path like ${prefix}
             and f.from_year = y.year)::bigint as "fundsFen"
        from y left join a on a.year = y.year order by y.year`),
    );
    return rows.map((r) => ({
      year: Number(r.year),
      day: r.day,
      poorHouseholds: Number(r.poorHouseholds),
      poorPeople: Number(r.poorPeople),
      registeredHouseholds: Number(r.registeredHouseholds),
      tasksDone: Number(r.tasksDone),
      meetings: Number(r.meetings),
      fundsFen: Number(r.fundsFen),
    }));
  });
}

const TrendYearRef = builder.objectRef<TrendYear>('CockpitTrendYear').implement({
  description: '一年的趋势 (one year: the year end, or the day for its own year)',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年度' }),
    day: t.field({
      type: 'Date',
      description: '统计日 (31 Dec, or the day asked about)',
      resolve: (y) => y.day,
    }),
    poorHouseholds: t.exposeInt('poorHouseholds', { description: '未脱贫户数' }),
    poorPeople: t.exposeInt('poorPeople', { description: '未脱贫人数' }),
    registeredHouseholds: t.exposeInt('registeredHouseholds', { description: '建档立卡户数' }),
    tasksDone: t.exposeInt('tasksDone', { description: '当年完成任务数' }),
    meetings: t.exposeInt('meetings', { description: '当年会议次数' }),
    fundsWanYuan: t.string({
      description: '当年起的资金来源 (万元)',
      resolve: (y) => fenToWanYuan(y.fundsFen),
    }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  trends: t.field({
    type: [TrendYearRef],
    description: '历年趋势 (from 2014; one statement)',
    resolve: (scope, _args, ctx) => trendFigures(ctx, scope),
  }),
}));
