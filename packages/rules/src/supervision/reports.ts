import { addDays, type CalendarDate, toCountyDay } from '../calendar';
import type { ReportCategory, ReportState } from '../enums';
import { type Decision, makeReason, type Reason } from '../explanation';
import type { Policy, ReportTimeLimits } from '../parameters';
import { type SourceRef, source } from '../sources';

/** The report (举报) workflow: each state leads to the next. */
export const REPORT_TRANSITIONS: Record<ReportState, ReportState | null> = {
  RECEIVED: 'ASSIGNED',
  ASSIGNED: 'HANDLED',
  HANDLED: 'REPLIED',
  REPLIED: 'CLOSED',
  CLOSED: null,
};

const WORKFLOW = source('ARTICLE_2019', 'A', '设立12345扶贫监督举报电话');

const STATE_ZH: Record<ReportState, string> = {
  RECEIVED: '已受理',
  ASSIGNED: '已交办',
  HANDLED: '已办理',
  REPLIED: '已答复',
  CLOSED: '已办结',
};

/** REPORT.TRANSITION: a report moves only to the next state (受理 → 交办 → 办理 → 答复 → 办结). */
export function transitionReport(from: ReportState, to: ReportState): Decision<'ACCEPTED' | 'REFUSED'> {
  const next = REPORT_TRANSITIONS[from];
  const passed = next === to;
  return {
    outcome: passed ? 'ACCEPTED' : 'REFUSED',
    reasons: [
      makeReason({
        ruleId: 'REPORT.TRANSITION',
        passed,
        params: { next },
        facts: { from, to },
        source: WORKFLOW,
        zh: passed
          ? `举报由「${STATE_ZH[from]}」进入「${STATE_ZH[to]}」`
          : next === null
            ? `举报已办结, 不能再进入「${STATE_ZH[to]}」`
            : `举报当前为「${STATE_ZH[from]}」, 下一步只能是「${STATE_ZH[next]}」, 不能进入「${STATE_ZH[to]}」`,
        en: passed ? `${from} → ${to}` : `${from} → ${to} is not allowed (next: ${next ?? 'none'})`,
      }),
    ],
  };
}

export interface ReportFacts {
  id: string;
  state: ReportState;
  /** The report this one was merged into as a duplicate; null while it stands alone. */
  mergedIntoId: string | null;
}

const notMerged = (report: ReportFacts): Reason =>
  makeReason({
    ruleId: 'REPORT.NOT_MERGED',
    passed: report.mergedIntoId === null,
    facts: { id: report.id, mergedIntoId: report.mergedIntoId },
    source: WORKFLOW,
    zh:
      report.mergedIntoId === null
        ? '举报未被合并'
        : '该举报已作为重复件并入另一举报, 请在被并入的举报上办理',
    en: report.mergedIntoId === null ? 'Not merged' : 'Merged into another report; act on that one',
  });

/** REPORT.NOT_MERGED and REPORT.TRANSITION: a standing report takes its next step only. */
export function canTakeReportStep(report: ReportFacts, to: ReportState): Decision<'PASS' | 'FAIL'> {
  const reasons = [notMerged(report), ...transitionReport(report.state, to).reasons];
  return { outcome: reasons.every((r) => r.passed) ? 'PASS' : 'FAIL', reasons };
}

/**
 * REPORT.MERGE_DISTINCT, REPORT.MERGE_DUPLICATE_OPEN and REPORT.MERGE_TARGET_STANDING: a duplicate that is
 * neither merged nor closed goes into another report that is not itself merged; both records stay.
 */
export function canMergeReport(duplicate: ReportFacts, target: ReportFacts): Decision<'PASS' | 'FAIL'> {
  const distinct = duplicate.id !== target.id;
  const duplicateOpen = duplicate.mergedIntoId === null && duplicate.state !== 'CLOSED';
  const targetStanding = target.mergedIntoId === null;
  const reasons = [
    makeReason({
      ruleId: 'REPORT.MERGE_DISTINCT',
      passed: distinct,
      facts: { duplicateId: duplicate.id, targetId: target.id },
      source: WORKFLOW,
      zh: distinct ? '并入另一件举报' : '举报不能并入它自己',
      en: distinct ? 'Merging into another report' : 'A report cannot be merged into itself',
    }),
    makeReason({
      ruleId: 'REPORT.MERGE_DUPLICATE_OPEN',
      passed: duplicateOpen,
      facts: { duplicateId: duplicate.id, state: duplicate.state, mergedIntoId: duplicate.mergedIntoId },
      source: WORKFLOW,
      zh: duplicateOpen
        ? '重复件尚未办结'
        : duplicate.mergedIntoId !== null
          ? '该举报已并入另一举报, 不能再次合并'
          : '该举报已办结, 不能作为重复件合并',
      en: duplicateOpen ? 'The duplicate is open' : 'The duplicate is already merged or closed',
    }),
    makeReason({
      ruleId: 'REPORT.MERGE_TARGET_STANDING',
      passed: targetStanding,
      facts: { targetId: target.id, mergedIntoId: target.mergedIntoId },
      source: WORKFLOW,
      zh: targetStanding ? '目标举报未被合并' : '目标举报本身已并入其他举报, 请并入最终的那一件',
      en: targetStanding ? 'The target stands alone' : 'The target is itself merged into another report',
    }),
  ];
  return { outcome: reasons.every((r) => r.passed) ? 'PASS' : 'FAIL', reasons };
}

/**
 * REPORT.ASSIGNEE_COVERS: a report is handed to a unit whose region contains the report's region (a
 * township for its own villages, a county unit for any).
 */
export function canAssignReport(
  report: { id: string; regionPath: string; regionName: string },
  unit: { name: string; regionPath: string },
): Decision<'PASS' | 'FAIL'> {
  const passed = report.regionPath.startsWith(unit.regionPath);
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'REPORT.ASSIGNEE_COVERS',
        passed,
        facts: { reportId: report.id, reportRegion: report.regionPath, unitRegion: unit.regionPath },
        source: WORKFLOW,
        zh: passed
          ? `交由「${unit.name}」办理`
          : `「${unit.name}」的辖区不含举报涉及的「${report.regionName}」, 不能交其办理`,
        en: passed ? `Assigned to ${unit.name}` : `${unit.name} does not cover ${report.regionName}`,
      }),
    ],
  };
}

/** The time limits of a category: its own ('report.categoryTimeLimitDays') or the general ones. */
export function reportTimeLimits(
  policy: Policy,
  category: ReportCategory | null,
): { value: ReportTimeLimits; source: SourceRef } {
  if (category !== null) {
    const own = policy.resolve('report.categoryTimeLimitDays');
    const limits = own.value[category];
    if (limits) return { value: limits, source: own.source };
  }
  return policy.resolve('report.timeLimitDays');
}

/** When each step happened: a calendar day, an instant, or null while not done. */
export interface ReportDates {
  receivedAt: string | Date;
  assignedAt: string | Date | null;
  handledAt: string | Date | null;
  repliedAt: string | Date | null;
}

const STEP_ZH: Record<ReportStepTimeliness['step'], string> = {
  ASSIGNED: '交办',
  HANDLED: '办理',
  REPLIED: '答复',
};

export type StepTimeliness = 'ON_TIME' | 'LATE' | 'PENDING' | 'OVERDUE';

export interface ReportStepTimeliness {
  step: 'ASSIGNED' | 'HANDLED' | 'REPLIED';
  dueBy: CalendarDate;
  doneOn: CalendarDate | null;
  status: StepTimeliness;
}

/**
 * Time limits counted in calendar days from receipt (Asia/Shanghai): a step done after its due day is
 * LATE; not done with the due day passed is OVERDUE. The outcome is OVERDUE while any step is.
 */
export function checkReportTimeliness(
  report: ReportDates,
  asOf: string | Date,
  policy: Policy,
  category: ReportCategory | null = null,
): Decision<'ON_TIME' | 'OVERDUE'> & { steps: ReportStepTimeliness[] } {
  const limits = reportTimeLimits(policy, category);
  const received = toCountyDay(report.receivedAt, 'receivedAt');
  const today = toCountyDay(asOf, 'asOf');
  const plan: [ReportStepTimeliness['step'], string | Date | null, number][] = [
    ['ASSIGNED', report.assignedAt, limits.value.assignDays],
    ['HANDLED', report.handledAt, limits.value.handleDays],
    ['REPLIED', report.repliedAt, limits.value.replyDays],
  ];
  const steps = plan.map(([step, at, days]): ReportStepTimeliness => {
    const dueBy = addDays(received, days);
    const doneOn = at === null ? null : toCountyDay(at, step);
    const status =
      doneOn === null ? (today > dueBy ? 'OVERDUE' : 'PENDING') : doneOn > dueBy ? 'LATE' : 'ON_TIME';
    return { step, dueBy, doneOn, status };
  });
  const reasons: Reason[] = steps.map((s) =>
    makeReason({
      ruleId: `REPORT.TIME_LIMIT.${s.step}`,
      passed: s.status === 'ON_TIME' || s.status === 'PENDING',
      params: limits.value as unknown as Record<string, number>,
      facts: { receivedOn: received, asOf: today, dueBy: s.dueBy, doneOn: s.doneOn, status: s.status },
      source: limits.source,
      zh: {
        ON_TIME: `${STEP_ZH[s.step]} 于 ${s.doneOn} 完成, 未超过 ${s.dueBy}`,
        LATE: `${STEP_ZH[s.step]} 于 ${s.doneOn} 完成, 超过期限 ${s.dueBy}`,
        PENDING: `${STEP_ZH[s.step]} 尚未完成, 期限 ${s.dueBy}`,
        OVERDUE: `${STEP_ZH[s.step]} 已超期: 期限 ${s.dueBy}, 至 ${today} 仍未完成`,
      }[s.status],
      en: `${s.step}: due ${s.dueBy}, ${s.doneOn === null ? 'not done' : `done ${s.doneOn}`} (${s.status})`,
    }),
  );
  return { outcome: steps.some((s) => s.status === 'OVERDUE') ? 'OVERDUE' : 'ON_TIME', steps, reasons };
}
