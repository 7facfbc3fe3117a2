import type { TaskStatus } from '../enums';
import { type Decision, makeReason, type Reason } from '../explanation';
import type { RegionRank, ResponsibilityLevel } from '../parameters';
import { source } from '../sources';

/**
 * The refusals of task writes (decompose, report progress, complete, reassign), each a rule with its
 * explanation, so the API turns them into typed errors and the console can ask before offering an action.
 */

const SOURCE = source('ARTICLE_2019', 'A', '任务层层分解, 明确责任单位、责任人和完成时限');

export type TaskAction = 'DECOMPOSE' | 'REPORT_PROGRESS' | 'COMPLETE' | 'REASSIGN';

const ACTION_ZH: Record<TaskAction, string> = {
  DECOMPOSE: '分解',
  REPORT_PROGRESS: '填报进度',
  COMPLETE: '办结',
  REASSIGN: '改派',
};

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: reasons.every((reason) => reason.passed) ? 'PASS' : 'FAIL',
  reasons,
});

/** TASK.ALREADY_DONE: a done task takes no further action (one rule for every action). */
export function taskStillOpen(task: { id: string; status: TaskStatus }, action: TaskAction): Reason {
  const passed = task.status !== 'DONE';
  return makeReason({
    ruleId: action === 'DECOMPOSE' ? 'TASK.PARENT_OPEN' : 'TASK.ALREADY_DONE',
    passed,
    facts: { taskId: task.id, status: task.status, action },
    source: SOURCE,
    zh: passed ? '任务未完成' : `任务已完成, 不能再${ACTION_ZH[action]}`,
    en: passed
      ? 'The task is open'
      : `The task is done; it cannot be ${action.toLowerCase().replace('_', ' ')}ed`,
  });
}

/** TASK.PARENT_OPEN: only an open task is decomposed. */
export function canDecomposeTask(task: { id: string; status: TaskStatus }): Decision<'PASS' | 'FAIL'> {
  return decide([taskStillOpen(task, 'DECOMPOSE')]);
}

/** Who reports: a helper only (结对帮扶责任人, no clerk role), and whether they are the task's responsible person. */
export interface Reporter {
  helperOnly: boolean;
  responsible: boolean;
}

/**
 * TASK.REPORTER: a helper reports progress only on a task they are the responsible person of; clerks and
 * administrators report on any task in their jurisdiction (they keep the list for the units below them).
 */
export function reporterMayReport(task: { id: string }, reporter: Reporter): Reason {
  const passed = !reporter.helperOnly || reporter.responsible;
  return makeReason({
    ruleId: 'TASK.REPORTER',
    passed,
    facts: { taskId: task.id, helperOnly: reporter.helperOnly, responsible: reporter.responsible },
    source: SOURCE,
    zh: passed ? '填报人可填报该任务进度' : '帮扶责任人只能填报本人负责的任务进度',
    en: passed
      ? 'The reporter may report on this task'
      : 'A helper reports progress only on tasks assigned to them',
  });
}

/**
 * TASK.REPORTER, TASK.PROGRESS_AT_LEAF and TASK.ALREADY_DONE: progress is reported at an open leaf; a parent's progress
 * is rolled up from its children.
 */
export function canReportTaskProgress(
  task: { id: string; status: TaskStatus },
  childCount: number,
  reporter: Reporter = { helperOnly: false, responsible: false },
): Decision<'PASS' | 'FAIL'> {
  const leaf = childCount === 0;
  return decide([
    reporterMayReport(task, reporter),
    makeReason({
      ruleId: 'TASK.PROGRESS_AT_LEAF',
      passed: leaf,
      facts: { taskId: task.id, childCount },
      source: source('ARTICLE_2019', 'A', 'progress of a parent is derived from its children'),
      zh: leaf ? '末级任务, 可填报进度' : '进度只在末级任务填报,上级任务的进度由下级汇总',
      en: leaf
        ? 'A leaf task: progress is reported here'
        : 'Progress is reported at leaf tasks; a parent’s progress is rolled up from its children',
    }),
    taskStillOpen(task, 'REPORT_PROGRESS'),
  ]);
}

/** TASK.ALREADY_DONE: a done task is not reassigned. */
export function canReassignTask(task: { id: string; status: TaskStatus }): Decision<'PASS' | 'FAIL'> {
  return decide([taskStillOpen(task, 'REASSIGN')]);
}

/**
 * TASK.REGION: a child task's region lies inside its parent's. Regions are named by their paths in the
 * region tree ("/1/20/300/": county 1, township 20, village 300).
 */
export function checkChildRegion(
  parentRegionPath: string,
  child: { regionPath: string; regionName: string },
): Decision<'PASS' | 'FAIL'> {
  const inside = child.regionPath.startsWith(parentRegionPath);
  return decide([
    makeReason({
      ruleId: 'TASK.REGION',
      passed: inside,
      facts: { parentRegionPath, childRegionPath: child.regionPath },
      source: SOURCE,
      zh: inside
        ? `下级任务的区划 ${child.regionName} 在上级任务的区划之内`
        : `下级任务的区划 ${child.regionName} 不在上级任务的区划之内`,
      en: inside
        ? `The child’s region ${child.regionName} lies inside the parent’s`
        : `The child’s region ${child.regionName} is outside the parent’s region`,
    }),
  ]);
}

const RANK_ORDER: Record<RegionRank, number> = { COUNTY: 0, TOWNSHIP: 1, VILLAGE: 2 };
const RANK_ZH: Record<RegionRank, string> = { COUNTY: '县级', TOWNSHIP: '乡镇级', VILLAGE: '村级' };

/**
 * TASK.LEVEL_RANK: a task's responsibility level may not rank above the tier of whoever sets it (a township
 * clerk does not assign county leaders). TASK.LEVEL_REGION: a task sits in a region of its level's tier or
 * below (a county leader may take a township; a village committee's task is in a village).
 */
export function checkTaskLevel(
  level: ResponsibilityLevel,
  region: { rank: RegionRank; name: string },
  setterRank: RegionRank,
): Decision<'PASS' | 'FAIL'> {
  const withinSetter = RANK_ORDER[level.rank] >= RANK_ORDER[setterRank];
  const withinRegion = RANK_ORDER[region.rank] >= RANK_ORDER[level.rank];
  return decide([
    makeReason({
      ruleId: 'TASK.LEVEL_RANK',
      passed: withinSetter,
      facts: { level: level.id, levelRank: level.rank, setterRank },
      source: SOURCE,
      zh: withinSetter
        ? `${RANK_ZH[setterRank]}可下达“${level.labelZh}”任务`
        : `${RANK_ZH[setterRank]}不能下达“${level.labelZh}”(${RANK_ZH[level.rank]})任务`,
      en: withinSetter
        ? `A ${setterRank.toLowerCase()} user may set a ${level.labelEn} task`
        : `A ${setterRank.toLowerCase()} user may not set a task for ${level.labelEn} (${level.rank.toLowerCase()} tier)`,
    }),
    makeReason({
      ruleId: 'TASK.LEVEL_REGION',
      passed: withinRegion,
      facts: { level: level.id, levelRank: level.rank, regionRank: region.rank },
      source: SOURCE,
      zh: withinRegion
        ? `“${level.labelZh}”任务可落在${region.name}`
        : `“${level.labelZh}”任务须落在${RANK_ZH[level.rank]}或以下区划, ${region.name}是${RANK_ZH[region.rank]}区划`,
      en: withinRegion
        ? `A ${level.labelEn} task may sit in ${region.name}`
        : `A ${level.labelEn} task sits at the ${level.rank.toLowerCase()} tier or below; ${region.name} is ${region.rank.toLowerCase()}`,
    }),
  ]);
}
