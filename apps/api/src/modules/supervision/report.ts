import { reports } from '@gongjian/db/schema';
import {
  canMergeReport,
  canTakeReportStep,
  checkReportTimeliness,
  type Policy,
  REPORT_CATEGORIES,
  type ReportCategory,
  type ReportState,
  type ReportStepTimeliness,
  reportTimeLimits,
} from '@gongjian/rules';
import { and, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { inJurisdiction } from '../../auth/jurisdiction';
import { hasPermission } from '../../auth/permissions';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { clock, policyForYear } from '../../policy';
import { RuleReasonRef } from '../../shared/rule-decisions';
import { viewerMayChange } from '../../spine/load';
import { Region } from '../geography/region';
import { Unit } from '../organisation/unit';
import {
  ReportCategoryEnum,
  ReportChannelEnum,
  ReportStateEnum,
  ReportStepEnum,
  StepTimelinessEnum,
} from './enums';
import { listPolicy } from './list-policy';
import { maskReporter, type ReporterView } from './reporter-mask';

/**
 * 举报/投诉: reports from the 12345 hotline, published phones, village supervisors and walk-ins. Overdue is the
 * rules' reading of the time limits against today, in SQL for the queue and per report for its steps. A named
 * reporter's identity is the `reporter` field, answered only to `report.identity` (supervision roles).
 */

export const ReportStepTimelinessRef = builder
  .objectRef<ReportStepTimeliness>('ReportStepTimeliness')
  .implement({
    description: '办理步骤时效 (due day from receipt and the category time limit)',
    fields: (t) => ({
      step: t.field({ type: ReportStepEnum, description: '步骤', resolve: (s) => s.step }),
      dueBy: t.field({ type: 'Date', description: '期限', resolve: (s) => s.dueBy }),
      doneOn: t.field({ type: 'Date', nullable: true, description: '完成日期', resolve: (s) => s.doneOn }),
      status: t.field({ type: StepTimelinessEnum, description: '时效', resolve: (s) => s.status }),
    }),
  });

export const ReporterRef = builder.objectRef<ReporterView>('Reporter').implement({
  description: '举报人 (named reporters only; masked; the full identity through revealReporter, audited)',
  fields: (t) => ({
    name: t.exposeString('name', { description: '姓名 (masked: 张**)' }),
    phone: t.exposeString('phone', { nullable: true, description: '联系电话 (masked: 138****1234)' }),
  }),
});

type ReportRow = typeof reports.$inferSelect;

export const reportFacts = (r: Pick<ReportRow, 'id' | 'state' | 'mergedIntoId'>) => ({
  id: String(r.id),
  state: r.state as ReportState,
  mergedIntoId: r.mergedIntoId === null ? null : String(r.mergedIntoId),
});

/** The timeliness of a report's steps today, with the category's limits for the year of receipt. */
export function reportTimeliness(
  r: Pick<ReportRow, 'receivedAt' | 'assignedAt' | 'handledAt' | 'repliedAt' | 'receivedOn' | 'category'>,
  regionCode: string,
) {
  const policy = policyForYear(Number(r.receivedOn.slice(0, 4)), regionCode);
  const instant = (value: string | null) => (value === null ? null : new Date(value));
  return checkReportTimeliness(
    {
      receivedAt: new Date(r.receivedAt),
      assignedAt: instant(r.assignedAt),
      handledAt: instant(r.handledAt),
      repliedAt: instant(r.repliedAt),
    },
    clock.today(),
    policy,
    r.category as ReportCategory,
  );
}

const TIMELINESS_COLUMNS = {
  columns: {
    receivedAt: true,
    receivedOn: true,
    assignedAt: true,
    handledAt: true,
    repliedAt: true,
    category: true,
    state: true,
    mergedIntoId: true,
  },
  with: { region: { columns: { code: true } } },
} as const;

const stepAllowed = (ctx: Context, r: ReportRow, to: ReportState) =>
  viewerMayChange(ctx, to === 'HANDLED' ? 'report.handle' : 'report.intake', r.regionPath) &&
  canTakeReportStep(reportFacts(r), to).outcome === 'PASS';

export const Report = builder.drizzleNode('reports', {
  name: 'Report',
  description: '举报/投诉 (a report, its workflow and time limits; the reporter may be anonymous)',
  id: { column: (r) => r.id },
  authScopes: (r) => ({ $all: { jurisdiction: r.regionPath, permission: 'supervision.read' } }),
  fields: (t) => ({
    channel: t.expose('channel', { type: ReportChannelEnum, description: '渠道' }),
    category: t.expose('category', { type: ReportCategoryEnum, description: '类别' }),
    subject: t.exposeString('subject', { description: '事由' }),
    content: t.exposeString('content', { description: '反映内容' }),
    region: t.relation('region', { type: Region, description: '涉及地区' }),
    anonymous: t.exposeBoolean('anonymous', { description: '匿名举报' }),
    reporter: t.field({
      type: ReporterRef,
      nullable: true,
      description: '举报人 (supervision roles only; null when anonymous or for any other role)',
      select: { with: { reporter: { columns: { name: true, phone: true } } } },
      resolve: (r, _args, ctx) =>
        ctx.viewer && hasPermission(ctx.viewer.roles, 'report.identity') && r.reporter
          ? maskReporter(r.reporter)
          : null,
    }),
    concernedUnit: t.relation('concernedUnit', { type: Unit, nullable: true, description: '被反映单位' }),
    state: t.expose('state', { type: ReportStateEnum, description: '办理状态' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: '受理时间' }),
    receivedOn: t.expose('receivedOn', { type: 'Date', description: '受理日期 (time limits count from it)' }),
    assignedUnit: t.relation('assignedUnit', { type: Unit, nullable: true, description: '承办单位' }),
    assignedAt: t.expose('assignedAt', { type: 'DateTime', nullable: true, description: '交办时间' }),
    handledAt: t.expose('handledAt', { type: 'DateTime', nullable: true, description: '办理时间' }),
    handlingResult: t.exposeString('handlingResult', { nullable: true, description: '办理结果' }),
    repliedAt: t.expose('repliedAt', { type: 'DateTime', nullable: true, description: '答复时间' }),
    reply: t.exposeString('reply', { nullable: true, description: '答复内容' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true, description: '办结时间' }),
    mergedInto: t.relation('mergedInto', { nullable: true, description: '并入的举报 (duplicate of)' }),
    duplicates: t.relation('duplicates', {
      description: '并入本件的重复举报',
      query: { orderBy: { id: 'asc' } },
    }),
    steps: t.field({
      type: [ReportStepTimelinessRef],
      description: '各步骤期限与时效 (today, from the county clock)',
      select: TIMELINESS_COLUMNS,
      resolve: (r) => reportTimeliness(r, r.region.code).steps,
    }),
    overdue: t.boolean({
      description: '是否超期 (derived: a step past its due day and not done; merged reports are not tracked)',
      select: TIMELINESS_COLUMNS,
      resolve: (r) => r.mergedIntoId === null && reportTimeliness(r, r.region.code).outcome === 'OVERDUE',
    }),
    timelinessReasons: t.field({
      type: [RuleReasonRef],
      description: '时限说明 (REPORT.TIME_LIMIT.*)',
      select: TIMELINESS_COLUMNS,
      resolve: (r) => reportTimeliness(r, r.region.code).reasons,
    }),
    viewerCanAssign: t.boolean({
      description: '我可交办',
      resolve: (r, _args, ctx) => stepAllowed(ctx, r, 'ASSIGNED'),
    }),
    viewerCanHandle: t.boolean({
      description: '我可登记办理结果',
      resolve: (r, _args, ctx) => stepAllowed(ctx, r, 'HANDLED'),
    }),
    viewerCanReply: t.boolean({
      description: '我可答复',
      resolve: (r, _args, ctx) => stepAllowed(ctx, r, 'REPLIED'),
    }),
    viewerCanClose: t.boolean({
      description: '我可办结',
      resolve: (r, _args, ctx) => stepAllowed(ctx, r, 'CLOSED'),
    }),
    viewerCanMerge: t.boolean({
      description: '我可作为重复件合并 (into another standing report)',
      resolve: (r, _args, ctx) =>
        viewerMayChange(ctx, 'report.intake', r.regionPath) &&
        canMergeReport(reportFacts(r), { id: '', state: 'RECEIVED', mergedIntoId: null }).outcome === 'PASS',
    }),
    version: t.exposeInt('version', { description: '版本号' }),
  }),
});

/**
 * The overdue condition in SQL, from the same time limits the rules use: a step not done whose due day
 * (receipt + the category's days) is before today, on a report neither closed nor merged.
 */
export function overdueSql(
  table: typeof reports,
  limitsOf: (c: ReportCategory) => ReturnType<typeof reportTimeLimits>,
  today: string,
): SQL {
  const late = (done: SQL | typeof table.assignedAt, days: number) =>
    sql`(${done} is null and ${table.receivedOn} + ${days}::int < ${today}::date)`;
  return and(
    isNull(table.mergedIntoId),
    sql`${table.state} <> 'CLOSED'`,
    or(
      ...REPORT_CATEGORIES.map((category) => {
        const { assignDays, handleDays, replyDays } = limitsOf(category).value;
        return and(
          eq(table.category, category),
          or(
            late(table.assignedAt, assignDays),
            late(table.handledAt, handleDays),
            late(table.repliedAt, replyDays),
          ),
        );
      }),
    ),
  )!;
}

const ReportFilter = builder.inputType('ReportFilter', {
  description: '举报筛选',
  fields: (t) => ({
    state: t.field({ type: ReportStateEnum, required: false, description: '办理状态' }),
    category: t.field({ type: ReportCategoryEnum, required: false, description: '类别' }),
    channel: t.field({ type: ReportChannelEnum, required: false, description: '渠道' }),
    overdue: t.boolean({ required: false, description: '只看超期 (the overdue queue)' }),
    search: t.string({ required: false, description: '事由或内容包含' }),
    includeMerged: t.boolean({ required: false, description: '包括已并入其他举报的重复件' }),
  }),
});

export type ReportFilterInput = typeof ReportFilter.$inferInput;

/** The policy the overdue filter needs: the county's for this year, read only when the queue is asked for. */
async function overduePolicy(ctx: Context, filter: ReportFilterInput | null | undefined) {
  if (!filter?.overdue) return null;
  return listPolicy(ctx, ctx.viewer!.countyId!, Number(clock.today().slice(0, 4)));
}

export function reportListFilter(
  table: typeof reports,
  viewer: Context['viewer'],
  filter: ReportFilterInput | null | undefined,
  policy: Policy | null,
): SQL {
  const search = filter?.search?.trim();
  return and(
    inJurisdiction(table.regionPath, viewer),
    filter?.state ? eq(table.state, filter.state) : undefined,
    filter?.category ? eq(table.category, filter.category) : undefined,
    filter?.channel ? eq(table.channel, filter.channel) : undefined,
    filter?.includeMerged ? undefined : isNull(table.mergedIntoId),
    policy ? overdueSql(table, (c) => reportTimeLimits(policy, c), clock.today()) : undefined,
    search ? or(ilike(table.subject, `%${search}%`), ilike(table.content, `%${search}%`)) : undefined,
  )!;
}

builder.queryFields((t) => ({
  reports: t.drizzleConnection({
    type: 'reports',
    description: '举报列表 (inside your jurisdiction, newest first; overdue: the overdue queue)',
    authScopes: { permission: 'supervision.read' },
    args: { filter: t.arg({ type: ReportFilter, required: false }) },
    totalCount: async (_parent, args, ctx) =>
      ctx.db.$count(
        reports,
        reportListFilter(reports, ctx.viewer, args.filter, await overduePolicy(ctx, args.filter)),
      ),
    resolve: async (query, _root, args, ctx) => {
      const policy = await overduePolicy(ctx, args.filter);
      return ctx.db.query.reports.findMany(
        query({
          where: { RAW: (table) => reportListFilter(table, ctx.viewer, args.filter, policy) },
          orderBy: { receivedAt: 'desc', id: 'desc' },
        }),
      );
    },
  }),
}));
