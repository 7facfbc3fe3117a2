import { tasks } from '@gongjian/db/schema';
import { type DerivedTaskStatus, deriveTaskStatus } from '@gongjian/rules';
import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { jurisdictionWhere, pathPrefix } from '../auth/jurisdiction';
import { builder } from '../builder';
import type { Context } from '../context';
import { clock, countyPolicy } from '../policy';
import { Region } from './geography';
import { Cadre, Unit } from './organisation';
import { CombatGroup, MeetingDecision, PolicyDocument, Resolution } from './work-advancement';

/**
 * 攻坚责任机制: tasks of the six-level responsibility list. A task is readable by anyone whose
 * jurisdiction lies inside or below its region (a township clerk sees the county task above their own),
 * lists stay inside the jurisdiction, and only rows inside it can be changed. Writes live in
 * responsibility-mutations.ts; the battle map in battle-map.ts.
 */

/** Today in the county's calendar; queries take `asOf` so tests and reports can fix the day. */
export const countyToday = () => clock.today();

export { countyPolicy };

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  description: '任务状态 (as recorded)',
  values: {
    NOT_STARTED: { description: '未启动' },
    IN_PROGRESS: { description: '推进中' },
    DONE: { description: '已完成' },
  },
});

export const DerivedTaskStatusEnum = builder.enumType('DerivedTaskStatus', {
  description: '任务状态 (on a day: OVERDUE is derived from the deadline, never stored)',
  values: {
    NOT_STARTED: { description: '未启动' },
    IN_PROGRESS: { description: '推进中' },
    DONE: { description: '已完成' },
    OVERDUE: { description: '已逾期 (deadline passed, not done)' },
  },
});

export const TaskSourceKindEnum = builder.enumType('TaskSourceKind', {
  description: '任务来源',
  values: {
    MEETING_DECISION: { description: '会议决定' },
    RESOLUTION: { description: '决议' },
    POLICY_DOCUMENT: { description: '政策文件' },
    INSPECTION_FINDING: { description: '督查发现问题' },
    AUDIT_FINDING: { description: '审计发现问题' },
  },
});

/**
 * The SQL twin of the rules' `deriveTaskStatus` (lists and the battle map filter and count in SQL):
 * DONE stays DONE; otherwise OVERDUE once the deadline day is before `asOf`; else the stored status.
 * test/responsibility.test.ts checks the two agree at the date edges.
 */
export function derivedStatusIs(table: typeof tasks, status: DerivedTaskStatus, asOf: string): SQL {
  switch (status) {
    case 'DONE':
      return sql`${table.status} = 'DONE'`;
    case 'OVERDUE':
      return sql`(${table.status} <> 'DONE' and ${table.deadline} < ${asOf})`;
    default:
      return sql`(${table.status} = ${status} and ${table.deadline} >= ${asOf})`;
  }
}

const TaskReassignment = builder.drizzleObject('taskReassignments', {
  name: 'TaskReassignment',
  description: '改派记录 (who moved the task from which unit and person to which, when and why)',
  authScopes: (row) => ({ regionVisible: row.regionPath }),
  fields: (t) => ({
    reassignedAt: t.expose('reassignedAt', { type: 'DateTime', description: '改派时间' }),
    reason: t.exposeString('reason', { description: '改派理由' }),
    fromUnitName: t.string({
      description: '原责任单位',
      select: { with: { fromUnit: { columns: { name: true } } } },
      resolve: (row) => row.fromUnit.name,
    }),
    fromPersonName: t.string({
      description: '原责任人',
      select: { with: { fromPerson: { columns: { name: true } } } },
      resolve: (row) => row.fromPerson.name,
    }),
    toUnitName: t.string({
      description: '新责任单位',
      select: { with: { toUnit: { columns: { name: true } } } },
      resolve: (row) => row.toUnit.name,
    }),
    toPersonName: t.string({
      description: '新责任人',
      select: { with: { toPerson: { columns: { name: true } } } },
      resolve: (row) => row.toPerson.name,
    }),
    reassignedByName: t.string({
      nullable: true,
      description: '操作人',
      select: { with: { reassignedBy: { columns: { displayName: true } } } },
      resolve: (row) => row.reassignedBy?.displayName ?? null,
    }),
  }),
});

export const Task = builder.drizzleNode('tasks', {
  name: 'Task',
  description: '任务 (a task of the six-level responsibility list: unit, person, deadline, level, region)',
  id: { column: (task) => task.id },
  authScopes: (task) => ({ regionVisible: task.regionPath }),
  fields: (t) => ({
    title: t.exposeString('title', { description: '任务内容' }),
    description: t.exposeString('description', { nullable: true, description: '说明' }),
    sourceKind: t.expose('sourceKind', { type: TaskSourceKindEnum, description: '来源类别' }),
    findingReference: t.exposeString('findingReference', {
      nullable: true,
      description: '督查/审计问题出处 (inspection or audit finding, as cited)',
    }),
    meetingDecision: t.relation('meetingDecision', {
      type: MeetingDecision,
      nullable: true,
      description: '来源会议决定',
    }),
    resolution: t.relation('resolution', { type: Resolution, nullable: true, description: '来源决议' }),
    policyDocument: t.relation('policyDocument', {
      type: PolicyDocument,
      nullable: true,
      description: '来源政策文件',
    }),
    combatGroup: t.relation('combatGroup', { type: CombatGroup, nullable: true, description: '所属战斗组' }),
    level: t.exposeString('levelId', {
      description: '责任层级 (id of a level in responsibilityLevels: COUNTY_LEADER … HELPER)',
    }),
    region: t.relation('region', { type: Region, description: '所在区划' }),
    responsibleUnit: t.relation('responsibleUnit', {
      type: Unit,
      description: '责任单位 (as a unit; inside your jurisdiction only)',
    }),
    responsibleUnitName: t.string({
      description: '责任单位名称',
      select: { with: { responsibleUnit: { columns: { name: true } } } },
      resolve: (task) => task.responsibleUnit.name,
    }),
    responsiblePerson: t.relation('responsiblePerson', {
      type: Cadre,
      description: '责任人 (as a cadre; inside your jurisdiction only)',
    }),
    responsiblePersonName: t.string({
      description: '责任人姓名',
      select: { with: { responsiblePerson: { columns: { name: true } } } },
      resolve: (task) => task.responsiblePerson.name,
    }),
    deadline: t.expose('deadline', { type: 'Date', description: '完成时限' }),
    recordedStatus: t.expose('status', { type: TaskStatusEnum, description: '记录状态 (as stored)' }),
    status: t.field({
      type: DerivedTaskStatusEnum,
      description: '当前状态 (OVERDUE derived from the deadline and the day)',
      args: { asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (default: today)' }) },
      select: { columns: { status: true, deadline: true } },
      resolve: (task, args) => deriveTaskStatus(task, args.asOf ?? countyToday()),
    }),
    overdue: t.boolean({
      description: '是否逾期',
      args: { asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (default: today)' }) },
      select: { columns: { status: true, deadline: true } },
      resolve: (task, args) => deriveTaskStatus(task, args.asOf ?? countyToday()) === 'OVERDUE',
    }),
    progress: t.exposeInt('progress', {
      description: '进度% (reported at leaves; on a parent, rolled up from its children)',
    }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: '完成时间' }),
    completedByName: t.string({
      nullable: true,
      description: '办结人',
      select: { with: { completedBy: { columns: { displayName: true } } } },
      resolve: (task) => task.completedBy?.displayName ?? null,
    }),
    parent: t.relation('parent', { nullable: true, description: '上级任务' }),
    isLeaf: t.boolean({
      description: '是否末级任务 (progress is reported only on leaves)',
      select: {
        extras: {
          isLeaf: (table) =>
            sql<boolean>`not exists (select 1 from ${tasks} c where c.parent_id = ${table.id})`,
        },
      },
      resolve: (task) => task.isLeaf,
    }),
    childCount: t.relatedCount('children', {
      description: '下级任务数 (inside your jurisdiction)',
      where: (_args, ctx) => sql`${tasks.regionPath} like ${pathPrefix(ctx.viewer?.regionPath ?? '/0/')}`,
    }),
    children: t.relatedConnection('children', {
      description: '下级任务 (inside your jurisdiction)',
      totalCount: true,
      query: (_args, ctx) => ({
        where: jurisdictionWhere(ctx.viewer),
        orderBy: { deadline: 'asc', id: 'asc' },
      }),
    }),
    reassignments: t.relation('reassignments', {
      type: TaskReassignment,
      description: '改派记录 (oldest first)',
      query: { orderBy: { reassignedAt: 'asc', id: 'asc' } },
    }),
    version: t.exposeInt('version', { description: '版本号 (send it back when changing the task)' }),
  }),
});

export interface TaskListArgs {
  mine?: boolean | null;
  myUnit?: boolean | null;
  overdue?: boolean | null;
  status?: DerivedTaskStatus | null;
  level?: string | null;
  regionId?: { id: string | number } | null;
  combatGroupId?: { id: string | number } | null;
  withoutCombatGroup?: boolean | null;
  policyDocumentId?: { id: string | number } | null;
  parentId?: { id: string | number } | null;
  topOfJurisdiction?: boolean | null;
  leavesOnly?: boolean | null;
  search?: string | null;
  asOf?: string | null;
}

/** One filter for the task list and its count; every part is SQL, so the page and total are two statements. */
export function taskListFilter(table: typeof tasks, ctx: Context, args: TaskListArgs): SQL {
  const viewerPath = ctx.viewer?.regionPath ?? '/0/';
  const viewerId = ctx.viewer?.id ?? -1;
  const asOf = args.asOf ?? countyToday();
  const term = args.search?.trim().slice(0, 50);
  const myCadre = sql`(select u.cadre_id from users u where u.id = ${viewerId})`;
  return and(
    sql`${table.regionPath} like ${pathPrefix(viewerPath)}`,
    args.mine ? sql`${table.responsiblePersonId} = ${myCadre}` : undefined,
    args.myUnit
      ? sql`${table.responsibleUnitId} = (select c.unit_id from cadres c where c.id = ${myCadre})`
      : undefined,
    args.overdue ? derivedStatusIs(table, 'OVERDUE', asOf) : undefined,
    args.status ? derivedStatusIs(table, args.status, asOf) : undefined,
    args.level ? eq(table.levelId, args.level) : undefined,
    args.regionId
      ? sql`${table.regionPath} like (select r.region_path from regions r where r.id = ${Number(args.regionId.id)}) || '%'`
      : undefined,
    args.combatGroupId ? eq(table.combatGroupId, Number(args.combatGroupId.id)) : undefined,
    args.withoutCombatGroup ? sql`${table.combatGroupId} is null` : undefined,
    args.policyDocumentId ? eq(table.policyDocumentId, Number(args.policyDocumentId.id)) : undefined,
    args.parentId ? eq(table.parentId, Number(args.parentId.id)) : undefined,
    args.topOfJurisdiction
      ? sql`(${table.parentId} is null or not exists (select 1 from ${tasks} p where p.id = ${table.parentId} and p.region_path like ${pathPrefix(viewerPath)}))`
      : undefined,
    args.leavesOnly ? sql`not exists (select 1 from ${tasks} c where c.parent_id = ${table.id})` : undefined,
    term ? ilike(table.title, `%${term}%`) : undefined,
  )!;
}

const ResponsibilityLevel = builder
  .objectRef<{ id: string; labelZh: string; labelEn: string; index: number }>('ResponsibilityLevel')
  .implement({
    description: '责任层级 (one level of the configurable six-level list, top first)',
    fields: (t) => ({
      id: t.exposeString('id', { description: '层级代码' }),
      labelZh: t.exposeString('labelZh', { description: '中文名称' }),
      labelEn: t.exposeString('labelEn', { description: 'English name' }),
      index: t.exposeInt('index', { description: '序号 (0 = the top)' }),
    }),
  });

builder.queryFields((t) => ({
  responsibilityLevels: t.field({
    type: [ResponsibilityLevel],
    description: '六级责任清单的层级 (configured for your county and this year)',
    resolve: async (_root, _args, ctx) => {
      const policy = await countyPolicy(
        ctx.db,
        ctx.viewer?.countyId ?? -1,
        Number(countyToday().slice(0, 4)),
      );
      return policy.get('responsibility.levels').map((level, index) => ({ ...level, index }));
    },
  }),
  tasks: t.drizzleConnection({
    type: 'tasks',
    description:
      '任务列表 (inside your jurisdiction; by deadline; filters for mine, my unit, overdue, level, region…)',
    args: {
      mine: t.arg.boolean({ required: false, description: '我负责的 (you are the responsible person)' }),
      myUnit: t.arg.boolean({ required: false, description: '本单位的 (your unit is responsible)' }),
      overdue: t.arg.boolean({ required: false, description: '只看逾期' }),
      status: t.arg({ type: DerivedTaskStatusEnum, required: false, description: '按状态' }),
      level: t.arg.string({ required: false, description: '按责任层级 (level id)' }),
      regionId: t.arg.globalID({ required: false, for: [Region], description: '该区划及其下级' }),
      combatGroupId: t.arg.globalID({ required: false, for: [CombatGroup], description: '按战斗组' }),
      withoutCombatGroup: t.arg.boolean({ required: false, description: '只看未分组的 (no combat group)' }),
      policyDocumentId: t.arg.globalID({ required: false, for: [PolicyDocument], description: '按来源文件' }),
      parentId: t.arg.globalID({ required: false, for: [Task], description: '某任务的下级任务' }),
      topOfJurisdiction: t.arg.boolean({
        required: false,
        description: '只看本辖区顶层任务 (whose parent is outside your jurisdiction, or none)',
      }),
      leavesOnly: t.arg.boolean({ required: false, description: '只看末级任务 (as the battle map counts)' }),
      search: t.arg.string({ required: false, description: '按任务内容搜索' }),
      asOf: t.arg({ type: 'Date', required: false, description: '判断逾期的日期 (default: today)' }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.$count(tasks, taskListFilter(tasks, ctx, args)),
    resolve: async (query, _root, args, ctx) =>
      await ctx.db.query.tasks.findMany(
        query({
          where: { RAW: (table) => taskListFilter(table, ctx, args) },
          orderBy: { deadline: 'asc', id: 'asc' },
        }),
      ),
  }),
}));
