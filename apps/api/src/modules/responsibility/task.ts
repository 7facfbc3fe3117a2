import type { DbExecutor } from '@gongjian/db';
import { tasks } from '@gongjian/db/schema';
import { type DerivedTaskStatus, deriveTaskStatus, shanghaiDate } from '@gongjian/rules';
import { and, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inJurisdiction, insideJurisdiction, jurisdictionWhere } from '../../auth/jurisdiction';
import { builder } from '../../builder';
import type { Context } from '../../context';
import { ForbiddenError, ValidationError } from '../../errors';
import { clock } from '../../policy';
import { referencedRow } from '../../spine/load';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';
import { Unit } from '../organisation/unit';
import { CombatGroup } from '../work-advancement/command-post';
import { MeetingDecision } from '../work-advancement/meeting';
import { PolicyDocument } from '../work-advancement/policy-document';
import { Resolution } from '../work-advancement/resolution';

/**
 * 攻坚责任机制: tasks of the six-level responsibility list. A task is readable by anyone whose
 * jurisdiction lies inside or below its region (a township clerk sees the county task above their own),
 * lists stay inside the jurisdiction, and only rows inside it can be changed. The task tree's writes live in
 * task-tree.ts and task-progress.ts, reassignment in task-reassignment.ts, the battle map in battle-map.ts.
 */

/** Today in the county's calendar; queries take `asOf` so tests and reports can fix the day. */
export const countyToday = () => clock.today();

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
 * DONE when completed on or before `asOf` (Shanghai day); otherwise OVERDUE once the deadline day is before
 * `asOf`; else the stored status, a task completed later being IN_PROGRESS.
 * test/responsibility.test.ts checks the two agree at the date edges.
 */
export function derivedStatusIs(table: typeof tasks, status: DerivedTaskStatus, asOf: string): SQL {
  const doneBy = sql`(${table.status} = 'DONE' and (${table.completedAt} at time zone 'Asia/Shanghai')::date <= ${asOf}::date)`;
  switch (status) {
    case 'DONE':
      return doneBy;
    case 'OVERDUE':
      return sql`(not ${doneBy} and ${table.deadline} < ${asOf})`;
    case 'IN_PROGRESS':
      return sql`(not ${doneBy} and ${table.status} in ('IN_PROGRESS', 'DONE') and ${table.deadline} >= ${asOf})`;
    default:
      return sql`(${table.status} = ${status} and ${table.deadline} >= ${asOf})`;
  }
}

/** The rules' view of a stored task's history: the county day it was completed. */
export const withCompletedOn = (
  task: Pick<typeof tasks.$inferSelect, 'status' | 'deadline' | 'completedAt'>,
) => ({
  ...task,
  completedOn: task.completedAt === null ? null : shanghaiDate(new Date(task.completedAt)),
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
      select: { columns: { status: true, deadline: true, completedAt: true } },
      resolve: (task, args) => deriveTaskStatus(withCompletedOn(task), args.asOf ?? countyToday()),
    }),
    overdue: t.boolean({
      description: '是否逾期',
      args: { asOf: t.arg({ type: 'Date', required: false, description: '统计日期 (default: today)' }) },
      select: { columns: { status: true, deadline: true, completedAt: true } },
      resolve: (task, args) =>
        deriveTaskStatus(withCompletedOn(task), args.asOf ?? countyToday()) === 'OVERDUE',
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
      where: (_args, ctx) => inJurisdiction(tasks.regionPath, ctx.viewer),
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
  responsibleUnitId?: { id: string | number } | null;
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
  const viewerId = ctx.viewer?.id ?? -1;
  const asOf = args.asOf ?? countyToday();
  const term = args.search?.trim().slice(0, 50);
  const myCadre = sql`(select u.cadre_id from users u where u.id = ${viewerId})`;
  return and(
    inJurisdiction(table.regionPath, ctx.viewer),
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
    args.responsibleUnitId ? eq(table.responsibleUnitId, Number(args.responsibleUnitId.id)) : undefined,
    args.withoutCombatGroup ? sql`${table.combatGroupId} is null` : undefined,
    args.policyDocumentId ? eq(table.policyDocumentId, Number(args.policyDocumentId.id)) : undefined,
    args.parentId ? eq(table.parentId, Number(args.parentId.id)) : undefined,
    args.topOfJurisdiction
      ? sql`(${table.parentId} is null or not exists (select 1 from ${tasks} p where p.id = ${table.parentId} and ${inJurisdiction(sql`p.region_path`, ctx.viewer)}))`
      : undefined,
    args.leavesOnly ? sql`not exists (select 1 from ${tasks} c where c.parent_id = ${table.id})` : undefined,
    term ? ilike(table.title, `%${term}%`) : undefined,
  )!;
}

builder.queryFields((t) => ({
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
      responsibleUnitId: t.arg.globalID({ required: false, for: [Unit], description: '按责任单位' }),
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

const id = (message: string) => z.number({ error: message }).int();
export const assignmentFields = {
  responsibleUnitId: id('请选择责任单位'),
  responsiblePersonId: id('请选择责任人'),
  deadline: z.string({ error: '请填写完成时限' }),
};
export const titleSchema = z.string().trim().min(2, '至少2个字').max(200, '不能超过200个字');
export const versionSchema = z.number().int().min(1, '版本号无效');

export const optionalId = (value: { id: string | number } | null | undefined) =>
  value ? Number(value.id) : null;

interface Assignment {
  responsibleUnitId: number;
  responsiblePersonId: number;
}

/**
 * Loads the units of several assignments with those of their people who belong to them, in one statement,
 * and checks each: the unit exists (NOT_FOUND naming the argument), lies in the jurisdiction, and the person
 * is one of its cadres.
 */
export async function checkAssignments(
  db: DbExecutor,
  ctx: Context,
  assignments: Assignment[],
  fieldPrefix: (index: number) => string,
) {
  const unitRows = await db.query.units.findMany({
    columns: { id: true, regionPath: true },
    where: { id: { in: [...new Set(assignments.map((a) => a.responsibleUnitId))] } },
    with: {
      cadres: {
        columns: { id: true },
        where: { id: { in: [...new Set(assignments.map((a) => a.responsiblePersonId))] } },
      },
    },
  });
  for (const [index, assignment] of assignments.entries()) {
    const argument = `${fieldPrefix(index)}responsibleUnitId`;
    const unit = referencedRow(
      unitRows.find((u) => u.id === assignment.responsibleUnitId),
      { entity: '责任单位', argument, id: assignment.responsibleUnitId },
    );
    if (!insideJurisdiction(ctx.viewer, unit.regionPath))
      throw new ForbiddenError(`${argument}: 责任单位不在您的管辖范围内`);
    if (!unit.cadres.some((person) => person.id === assignment.responsiblePersonId))
      throw ValidationError.field(`${fieldPrefix(index)}responsiblePersonId`, '责任人须为责任单位的干部');
  }
}
