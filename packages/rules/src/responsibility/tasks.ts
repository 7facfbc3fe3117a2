import { type CalendarDate, requireCalendarDate, toCountyDay } from '../calendar';
import type { DerivedTaskStatus, RegionLevel, TaskStatus } from '../enums';
import { InvalidInputError } from '../errors';
import { allPassed, type Decision, makeReason } from '../explanation';
import type { Policy, ResponsibilityLevel } from '../parameters';
import { addRatios, divideRatio, floorRatio, multiplyRatio, type Ratio, ratio } from '../ratio';
import { source } from '../sources';
import { taskStillOpen } from './task-writes';

/** A task of the responsibility list (责任清单): a unit, a person and a deadline at one level. */
export interface Task {
  id: string;
  parentId: string | null;
  /** Id of a level in 'responsibility.levels'. */
  levelId: string;
  /** Region (county, township or village) the task belongs to, for the battle map. */
  regionId: string;
  responsibleUnit: string;
  responsiblePerson: string;
  deadline: CalendarDate;
  status: TaskStatus;
  /** The county day a DONE task was completed (its history); unknown counts as done on any day. */
  completedOn?: CalendarDate | null;
  /** Whole percent 0–100; read only for IN_PROGRESS leaf tasks. */
  progressPercent: number;
}

/** Position of a level in the configured order (0 = the top, county leaders by default). */
export function levelIndex(levelId: string, levels: readonly ResponsibilityLevel[]): number {
  const index = levels.findIndex((level) => level.id === levelId);
  if (index < 0)
    throw new InvalidInputError('levelId', `"${levelId}" is not a configured responsibility level`);
  return index;
}

/**
 * Decomposing a task (层层分解): the child sits exactly one level below its parent, and its deadline is
 * not after the parent's.
 */
export function checkDecomposition(parent: Task, child: Task, policy: Policy): Decision<'PASS' | 'FAIL'> {
  const levels = policy.resolve('responsibility.levels');
  const parentIndex = levelIndex(parent.levelId, levels.value);
  const childIndex = levelIndex(child.levelId, levels.value);
  const expected = levels.value[parentIndex + 1];
  const levelOk = childIndex === parentIndex + 1;
  const deadlineOk =
    requireCalendarDate(child.deadline, 'deadline') <= requireCalendarDate(parent.deadline, 'deadline');
  const reasons = [
    makeReason({
      ruleId: 'TASK.LEVEL',
      passed: levelOk,
      params: { levels: levels.value.map((level) => level.id) },
      facts: { parentLevel: parent.levelId, childLevel: child.levelId },
      source: levels.source,
      zh: levelOk
        ? `子任务层级 ${child.levelId} 比上级任务低一级`
        : expected
          ? `子任务应在 ${expected.labelZh} 层级, 而不是 ${child.levelId}`
          : `${parent.levelId} 已是最低层级, 不能再分解`,
      en: levelOk
        ? `Child level ${child.levelId} is one below the parent`
        : expected
          ? `The child belongs at ${expected.id}, not ${child.levelId}`
          : `${parent.levelId} is the lowest level and cannot be decomposed`,
    }),
    makeReason({
      ruleId: 'TASK.DEADLINE',
      passed: deadlineOk,
      facts: { parentDeadline: parent.deadline, childDeadline: child.deadline },
      source: source('ARTICLE_2019', 'A', '明确责任单位、责任人和完成时限'),
      zh: deadlineOk
        ? `子任务时限 ${child.deadline} 不晚于上级任务 ${parent.deadline}`
        : `子任务时限 ${child.deadline} 晚于上级任务 ${parent.deadline}`,
      en: deadlineOk
        ? `Child deadline ${child.deadline} is not after the parent's ${parent.deadline}`
        : `Child deadline ${child.deadline} is after the parent's ${parent.deadline}`,
    }),
  ];
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', reasons };
}

/**
 * A task's status on a day: DONE when completed on or before the day; otherwise OVERDUE once the deadline
 * day has passed in Asia/Shanghai (`asOf` is a calendar day or an instant), else the stored status, and a
 * task completed after the day was IN_PROGRESS on it.
 */
export function deriveTaskStatus(
  task: Pick<Task, 'status' | 'deadline' | 'completedOn'>,
  asOf: string | Date,
): DerivedTaskStatus {
  const day = toCountyDay(asOf, 'asOf');
  if (task.status === 'DONE' && (task.completedOn == null || task.completedOn <= day)) return 'DONE';
  if (day > requireCalendarDate(task.deadline, 'deadline')) return 'OVERDUE';
  return task.status === 'DONE' ? 'IN_PROGRESS' : task.status;
}

export interface TaskProgress {
  taskId: string;
  /** Fraction done, exact (1 = 100 %). */
  progress: Ratio;
  /** Whole percent, rounded down (so 100 only when everything is done). */
  percent: number;
  fromChildren: boolean;
}

function ownProgress(task: Task): Ratio {
  if (task.status === 'DONE') return ratio(1, 1);
  if (task.status === 'NOT_STARTED') return ratio(0, 1);
  if (!Number.isInteger(task.progressPercent) || task.progressPercent < 0 || task.progressPercent > 100) {
    throw new InvalidInputError(`task ${task.id}.progressPercent`, `must be a whole number 0–100`);
  }
  return ratio(task.progressPercent, 100);
}

function childrenByParent(tasks: readonly Task[]): Map<string, Task[]> {
  const ids = new Set(tasks.map((task) => task.id));
  const children = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.parentId === null) continue;
    if (!ids.has(task.parentId))
      throw new InvalidInputError(`task ${task.id}.parentId`, `unknown task ${task.parentId}`);
    children.set(task.parentId, [...(children.get(task.parentId) ?? []), task]);
  }
  return children;
}

/**
 * Progress up the task tree: a leaf counts DONE as 100 %, NOT_STARTED as 0 and IN_PROGRESS as its
 * recorded percent; a task with children takes the unweighted mean of its children's progress (its own
 * recorded percent is ignored). Returned for every task, exact.
 */
export function rollUpProgress(tasks: readonly Task[]): TaskProgress[] {
  const children = childrenByParent(tasks);
  const done = new Map<string, TaskProgress>();
  const visiting = new Set<string>();
  const visit = (task: Task): TaskProgress => {
    const known = done.get(task.id);
    if (known) return known;
    if (visiting.has(task.id))
      throw new InvalidInputError(`task ${task.id}.parentId`, 'the task tree has a cycle');
    visiting.add(task.id);
    const kids = children.get(task.id) ?? [];
    const progress =
      kids.length === 0
        ? ownProgress(task)
        : divideRatio(addRatios(kids.map((kid) => visit(kid).progress)), kids.length);
    const result = {
      taskId: task.id,
      progress,
      percent: floorRatio(multiplyRatio(progress, ratio(100, 1))),
      fromChildren: kids.length > 0,
    };
    visiting.delete(task.id);
    done.set(task.id, result);
    return result;
  };
  return tasks.map(visit);
}

/** A task with children may be marked DONE only when every child is DONE. */
export function canCompleteTask(task: Task, tasks: readonly Task[]): Decision<'PASS' | 'FAIL'> {
  const open = (childrenByParent(tasks).get(task.id) ?? []).filter((child) => child.status !== 'DONE');
  const passed = open.length === 0;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'TASK.CHILDREN_DONE',
        passed,
        facts: { taskId: task.id, openChildren: open.map((child) => child.id) },
        source: source('ARTICLE_2019', 'A', 'progress of a parent is derived from its children'),
        zh: passed ? '下级任务均已完成' : `还有 ${open.length} 项下级任务未完成`,
        en: passed ? 'Every child task is done' : `${open.length} child task(s) still open`,
      }),
    ],
  };
}

/** Completing a task (办结): it is still open (TASK.ALREADY_DONE) and every child is done (TASK.CHILDREN_DONE). */
export function decideTaskCompletion(task: Task, tasks: readonly Task[]): Decision<'PASS' | 'FAIL'> {
  const reasons = [taskStillOpen(task, 'COMPLETE'), ...canCompleteTask(task, tasks).reasons];
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', reasons };
}

export interface RegionNode {
  id: string;
  parentId: string | null;
  level: RegionLevel;
}

export interface StatusCounts {
  total: number;
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
}

export interface BattleMapNode {
  regionId: string;
  level: RegionLevel;
  /** Tasks held by the region itself. */
  own: StatusCounts;
  /** Own tasks plus every task below it (village → township → county). */
  total: StatusCounts;
}

function emptyCounts(): StatusCounts {
  return { total: 0, done: 0, inProgress: 0, overdue: 0, notStarted: 0 };
}

function add(target: StatusCounts, other: StatusCounts): void {
  target.total += other.total;
  target.done += other.done;
  target.inProgress += other.inProgress;
  target.overdue += other.overdue;
  target.notStarted += other.notStarted;
}

const COUNT_FIELD: Record<DerivedTaskStatus, keyof StatusCounts> = {
  DONE: 'done',
  IN_PROGRESS: 'inProgress',
  OVERDUE: 'overdue',
  NOT_STARTED: 'notStarted',
};

/** 三级挂图作战: task counts by derived status per region, rolled up village → township → county. */
export function battleMap(
  regions: readonly RegionNode[],
  tasks: readonly Task[],
  asOf: string | Date,
): BattleMapNode[] {
  const day = toCountyDay(asOf, 'asOf');
  const nodes = new Map<string, BattleMapNode>(
    regions.map((region) => [
      region.id,
      { regionId: region.id, level: region.level, own: emptyCounts(), total: emptyCounts() },
    ]),
  );
  for (const task of tasks) {
    const node = nodes.get(task.regionId);
    if (!node) throw new InvalidInputError(`task ${task.id}.regionId`, `unknown region ${task.regionId}`);
    node.own.total += 1;
    node.own[COUNT_FIELD[deriveTaskStatus(task, day)]] += 1;
  }
  const parentOf = new Map(regions.map((region) => [region.id, region.parentId]));
  for (const region of regions) {
    const own = (nodes.get(region.id) as BattleMapNode).own;
    const seen = new Set<string>();
    for (let current: string | null = region.id; current !== null; ) {
      if (seen.has(current))
        throw new InvalidInputError(`region ${region.id}.parentId`, 'the region tree has a cycle');
      seen.add(current);
      const ancestor = nodes.get(current);
      if (!ancestor) throw new InvalidInputError(`region ${region.id}.parentId`, `unknown region ${current}`);
      add(ancestor.total, own);
      current = parentOf.get(current) as string | null;
    }
  }
  return [...nodes.values()];
}
