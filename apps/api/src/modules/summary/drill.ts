import { households } from '@gongjian/db/schema';
import { and, type SQL, sql } from 'drizzle-orm';
import { inJurisdiction, inSubtree } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { NotFoundError, ValidationError } from '../../errors';
import { clock } from '../../policy';
import { oncePerRequest } from '../../shared/once-per-request';
import { Region } from '../geography/region';
import { HouseholdStatusEnum } from '../identification/enums';
import { householdStatusOn } from '../identification/status-history';
import { activeOn } from './assistance';
import type { HouseholdDrill } from './drill-link';
import { dayOf } from './households';
import { HouseholdDrillEnum } from './warnings';

/**
 * 下钻到户: the households behind a cockpit figure, for a leader who does not work the register. Paged,
 * inside the jurisdiction in SQL, and masked: the head's name shows its first character only, and
 * nothing else personal is exposed.
 */

const maskName = (name: string | null | undefined) =>
  name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : null;

const CockpitHousehold = builder.drizzleObject('households', {
  variant: 'CockpitHousehold',
  description: '驾驶舱下钻农户 (masked: no personal data beyond the head’s surname)',
  authScopes: (h) => ({ jurisdiction: h.regionPath }),
  fields: (t) => ({
    householdNumber: t.exposeString('householdNumber', { description: '户编号' }),
    village: t.relation('village', { type: Region, description: '所在村' }),
    status: t.expose('status', { type: HouseholdStatusEnum, description: '当前贫困状态' }),
    identifiedYear: t.exposeInt('identifiedYear', { nullable: true, description: '识别年度' }),
    exitedYear: t.exposeInt('exitedYear', { nullable: true, description: '脱贫年度' }),
    monitored: t.exposeBoolean('monitored', { description: '监测对象' }),
    memberCount: t.relatedCount('members', { description: '家庭人口' }),
    headName: t.string({
      nullable: true,
      description: '户主 (masked: 张**)',
      select: { with: { head: { columns: { name: true } } } },
      resolve: (h) => maskName(h.head?.name),
    }),
  }),
});

interface DrillScope<F = HouseholdDrill> {
  regionPath: string;
  /** The region's code, for the county policy of the day. */
  code: string;
  asOf: string;
  filter: F;
}

function drillFilter(table: typeof households, ctx: Context, scope: DrillScope): SQL {
  const day = dayOf(scope.asOf);
  const status = householdStatusOn(table, day);
  const pairedOn = sql`exists (select 1 from pairings p where p.household_id = ${table.id} and ${activeOn('p', scope.asOf)})`;
  const byFilter: Record<HouseholdDrill, SQL> = {
    POOR: sql`${status} in ('POOR', 'RETURNED')`,
    REGISTERED: sql`${status} <> 'NON_POOR'`,
    EXITED: sql`${status} in ('EXITED', 'EXITED_NO_POLICY')`,
    WITHOUT_HELPER: sql`${status} in ('POOR', 'RETURNED') and not ${pairedOn}`,
    NOT_VISITED_THIS_MONTH: sql`${pairedOn} and not exists (select 1 from visits v where v.household_id = ${table.id}
      and (v.occurred_at at time zone 'Asia/Shanghai')::date between ${`${scope.asOf.slice(0, 7)}-01`}::date and ${day})`,
    MONITORED: sql`exists (select 1 from monitoring_objects o where o.household_id = ${table.id}
      and o.identified_on <= ${day} and (o.eliminated_on is null or o.eliminated_on > ${day}) and o.state <> 'REJECTED')`,
  };
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inSubtree(table.regionPath, scope.regionPath),
    byFilter[scope.filter],
  )!;
}

export async function drillScope<F>(
  ctx: Context,
  args: { regionId?: { id: string | number } | null; asOf?: string | null; filter: F },
): Promise<DrillScope<F>> {
  const viewer = ctx.viewer!;
  const id = args.regionId ? Number(args.regionId.id) : viewer.jurisdictionId;
  // The page and its total both ask; the region is read once per request.
  const region = await oncePerRequest(ctx, `cockpit:drill-region:${id}`, async () =>
    ctx.db.query.regions.findFirst({ where: { id }, columns: { regionPath: true, code: true } }),
  );
  if (!region?.regionPath.startsWith(viewer.regionPath)) throw new NotFoundError('区划', String(id));
  const today = clock.today();
  const asOf = args.asOf ?? today;
  if (asOf > today) throw ValidationError.field('asOf', `统计日期不能晚于今天 (${today})`);
  return { regionPath: region.regionPath, code: region.code, asOf, filter: args.filter };
}

builder.queryFields((t) => ({
  cockpitHouseholds: t.drizzleConnection({
    type: CockpitHousehold,
    description:
      '驾驶舱下钻农户 (the households behind a cockpit figure; paged, masked, in your jurisdiction)',
    authScopes: { permission: 'summary.read' },
    args: {
      filter: t.arg({ type: HouseholdDrillEnum, required: true, description: '口径' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '范围 (默认您的管辖范围)' }),
      asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (默认今天)' }),
    },
    totalCount: async (_parent, args, ctx) => {
      const scope = await drillScope(ctx, args);
      return ctx.db.$count(households, drillFilter(households, ctx, scope));
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = await drillScope(ctx, args);
      const rows = await ctx.db.query.households.findMany(
        query({
          where: { RAW: (table) => drillFilter(table, ctx, scope) },
          orderBy: { householdNumber: 'asc' },
        }),
      );
      // The variant's rows are the table's rows; Pothos types a variant's connection query apart.
      return rows as unknown as (typeof households.$inferSelect)[];
    },
  }),
}));
