import type { HouseholdStatusValue } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { oncePerRequest } from '../../shared/once-per-request';
import { rowsOf } from '../../shared/rows';
import { HouseholdStatusEnum, MonitoringTypeEnum, RiskKindEnum } from '../identification/enums';
import { aliased, householdStatusOn } from '../identification/status-history';
import { Cockpit, type CockpitScope, sectionKey } from './scope';

/** 农户与监测对象 as of a day (each household's status on the day: `householdStatusOn`, decision 0018). */

/** The households of a subtree with their people and whether they have a completed application (`h`). */
export const householdsWithPeople = (prefix: string) => sql`
  select h.id, h.status, h.identified_year, h.exited_year, coalesce(m.people, 0)::int as people,
    (a.household_id is not null) as has_applications
  from households h
    left join (select household_id, count(*) as people from household_members group by household_id) m on m.household_id = h.id
    left join (select distinct household_id from status_applications where state = 'COMPLETED') a on a.household_id = h.id
  where h.region_path like ${prefix}`;

/** The day as a SQL date. */
export const dayOf = (asOf: string) => sql`${asOf}::date`;

/** Statuses of households in the register (建档立卡), i.e. not NON_POOR. */
export const REGISTERED: HouseholdStatusValue[] = ['POOR', 'RETURNED', 'EXITED', 'EXITED_NO_POLICY'];
export const STILL_POOR: HouseholdStatusValue[] = ['POOR', 'RETURNED'];

interface StatusCount {
  status: HouseholdStatusValue;
  households: number;
  people: number;
}

interface HouseholdFigures {
  byStatus: StatusCount[];
  monitoringByType: { type: string; count: number }[];
  monitoringByRisk: { risk: string; count: number }[];
}

export function householdFigures(ctx: Context, scope: CockpitScope): Promise<HouseholdFigures> {
  return oncePerRequest(ctx, sectionKey('households', scope), async () => {
    const prefix = pathPrefix(scope.regionPath);
    const monitoredOn = sql`o.identified_on <= ${scope.asOf}::date and (o.eliminated_on is null or o.eliminated_on > ${scope.asOf}::date) and o.state <> 'REJECTED'`;
    const rows = rowsOf<{ part: string; key: string; households: number; people: number }>(
      await ctx.db.execute(sql`
        with h as (${householdsWithPeople(prefix)}),
        hs as (select ${householdStatusOn(aliased('h'), dayOf(scope.asOf))} as status, people from h),
        o as (select o.type, o.risk_kinds from monitoring_objects o where o.region_path like ${prefix} and ${monitoredOn})
        select 'status' as part, status::text as key, count(*)::int as households, coalesce(sum(people), 0)::int as people
          from hs group by status
        union all
        select 'type', type::text, count(*)::int, 0 from o group by type
        union all
        select 'risk', risk::text, count(*)::int, 0 from o, unnest(o.risk_kinds) as risk group by risk`),
    );
    const byStatus = (['POOR', 'RETURNED', 'EXITED', 'EXITED_NO_POLICY', 'NON_POOR'] as const).map(
      (status) => {
        const row = rows.find((r) => r.part === 'status' && r.key === status);
        return { status, households: Number(row?.households ?? 0), people: Number(row?.people ?? 0) };
      },
    );
    const part = (name: string) =>
      rows
        .filter((r) => r.part === name)
        .map((r) => ({ key: r.key, count: Number(r.households) }))
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    return {
      byStatus,
      monitoringByType: part('type').map((r) => ({ type: r.key, count: r.count })),
      monitoringByRisk: part('risk').map((r) => ({ risk: r.key, count: r.count })),
    };
  });
}

const sum = (rows: StatusCount[], statuses: HouseholdStatusValue[], field: 'households' | 'people') =>
  rows.filter((r) => statuses.includes(r.status)).reduce((total, r) => total + r[field], 0);

const StatusCountRef = builder.objectRef<StatusCount>('CockpitStatusCount').implement({
  description: '按贫困状态 (households and people in one status on the day)',
  fields: (t) => ({
    status: t.field({ type: HouseholdStatusEnum, description: '贫困状态', resolve: (r) => r.status }),
    households: t.exposeInt('households', { description: '户数' }),
    people: t.exposeInt('people', { description: '人数 (members as registered today)' }),
  }),
});

const HouseholdsRef = builder.objectRef<HouseholdFigures>('CockpitHouseholds').implement({
  description: '农户 (households and people by status, and monitoring objects, on the day)',
  fields: (t) => ({
    byStatus: t.field({ type: [StatusCountRef], description: '按状态', resolve: (f) => f.byStatus }),
    registeredHouseholds: t.int({
      description: '建档立卡户数 (poor, returned and exited)',
      resolve: (f) => sum(f.byStatus, REGISTERED, 'households'),
    }),
    registeredPeople: t.int({
      description: '建档立卡人数',
      resolve: (f) => sum(f.byStatus, REGISTERED, 'people'),
    }),
    poorHouseholds: t.int({
      description: '未脱贫户数 (POOR and RETURNED)',
      resolve: (f) => sum(f.byStatus, STILL_POOR, 'households'),
    }),
    poorPeople: t.int({
      description: '未脱贫人数',
      resolve: (f) => sum(f.byStatus, STILL_POOR, 'people'),
    }),
    allHouseholds: t.int({
      description: '农户总数 (every household in the register, poor or not)',
      resolve: (f) => f.byStatus.reduce((total, r) => total + r.households, 0),
    }),
    monitoredObjects: t.int({
      description: '监测对象数 (identified on or before the day, risk not yet eliminated)',
      resolve: (f) => f.monitoringByType.reduce((total, r) => total + r.count, 0),
    }),
    monitoringByType: t.field({
      type: [
        builder.objectRef<{ type: string; count: number }>('CockpitMonitoringType').implement({
          description: '监测对象按类型',
          fields: (u) => ({
            type: u.field({ type: MonitoringTypeEnum, resolve: (r) => r.type as never }),
            count: u.exposeInt('count', { description: '数量' }),
          }),
        }),
      ],
      description: '监测对象按类型 (most first)',
      resolve: (f) => f.monitoringByType,
    }),
    monitoringByRisk: t.field({
      type: [
        builder.objectRef<{ risk: string; count: number }>('CockpitMonitoringRisk').implement({
          description: '监测对象按风险 (an object with two risks counts under both)',
          fields: (u) => ({
            risk: u.field({ type: RiskKindEnum, resolve: (r) => r.risk as never }),
            count: u.exposeInt('count', { description: '数量' }),
          }),
        }),
      ],
      description: '监测对象按风险类别 (most first)',
      resolve: (f) => f.monitoringByRisk,
    }),
  }),
});

builder.objectFields(Cockpit, (t) => ({
  households: t.field({
    type: HouseholdsRef,
    description: '农户与监测对象 (one statement)',
    resolve: (scope, _args, ctx) => householdFigures(ctx, scope),
  }),
}));
