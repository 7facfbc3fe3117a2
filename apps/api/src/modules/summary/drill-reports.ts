import { reports } from '@gongjian/db/schema';
import { parseCalendarDate } from '@gongjian/rules';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { and, type SQL, sql } from 'drizzle-orm';
import { inJurisdiction, inSubtree, pathPrefix } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { policyForYear, runRule } from '../../policy';
import { Region } from '../geography/region';
import { Unit } from '../organisation/unit';
import { ReportCategoryEnum, ReportChannelEnum, ReportStateEnum } from '../supervision/enums';
import { drillScope } from './drill';
import type { ReportDrill } from './drill-link';
import { overdueOnDay, reportsOnDay } from './supervision';
import { ReportDrillEnum } from './warnings';

/**
 * 下钻到举报: the reports behind the cockpit's report figures, paged, inside the jurisdiction, with neither the
 * reporter, the subject nor the content: a leader sees where and when, not who or what was said.
 */

const CockpitReport = builder.drizzleObject('reports', {
  variant: 'CockpitReport',
  description: '驾驶舱下钻举报 (masked: no reporter, subject or content)',
  authScopes: (r) => ({ jurisdiction: r.regionPath }),
  fields: (t) => ({
    id: t.id({ description: '举报编号 (the Report id)', resolve: (r) => encodeGlobalID('Report', r.id) }),
    category: t.expose('category', { type: ReportCategoryEnum, description: '类别' }),
    channel: t.expose('channel', { type: ReportChannelEnum, description: '渠道' }),
    region: t.relation('region', { type: Region, description: '涉及地区' }),
    receivedOn: t.expose('receivedOn', { type: 'Date', description: '受理日期' }),
    state: t.expose('state', { type: ReportStateEnum, description: '当前办理状态' }),
    assignedUnit: t.relation('assignedUnit', { type: Unit, nullable: true, description: '承办单位' }),
  }),
});

function reportDrillFilter(
  table: typeof reports,
  ctx: Context,
  scope: { regionPath: string; code: string; asOf: string; filter: ReportDrill },
): SQL {
  const policy = runRule(() => policyForYear(parseCalendarDate(scope.asOf).year, scope.code));
  const condition =
    scope.filter === 'OVERDUE'
      ? overdueOnDay('r', scope.asOf, policy)
      : sql`"r"."merged_into_id" is null and "r"."state" <> 'CLOSED'`;
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
    inSubtree(table.regionPath, scope.regionPath),
    sql`${table.id} in (select r.id from (${reportsOnDay(pathPrefix(scope.regionPath), scope.asOf)}) r where ${condition})`,
  )!;
}

builder.queryFields((t) => ({
  cockpitReports: t.drizzleConnection({
    type: CockpitReport,
    description: '驾驶舱下钻举报 (the reports behind a cockpit figure; paged, masked, in your jurisdiction)',
    authScopes: { permission: 'summary.read' },
    args: {
      filter: t.arg({ type: ReportDrillEnum, required: true, description: '口径' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '范围 (默认您的管辖范围)' }),
      asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (默认今天)' }),
    },
    totalCount: async (_parent, args, ctx) => {
      const scope = await drillScope(ctx, args);
      return ctx.db.$count(reports, reportDrillFilter(reports, ctx, scope));
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = await drillScope(ctx, args);
      const rows = await ctx.db.query.reports.findMany(
        query({
          where: { RAW: (table) => reportDrillFilter(table, ctx, scope) },
          orderBy: { receivedOn: 'desc', id: 'desc' },
        }),
      );
      return rows as unknown as (typeof reports.$inferSelect)[];
    },
  }),
}));
