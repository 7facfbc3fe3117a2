import type { CalendarDate } from '../calendar';
import type { ProjectState } from '../enums';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import { type Fen, formatYuan } from '../money';
import type { Policy } from '../parameters';
import { source } from '../sources';
import { checkNoticePeriod } from './disclosure';
import { noOpenObjection } from './objections';
import { type ProjectFacts, transitionProject } from './projects';

/**
 * The refusals of fund writes (an overlap, an allocation, a payment, a project step, a notice, closing an
 * audit finding), each a rule whose Chinese message carries the figures, so the API turns them into typed
 * errors and the console can ask before offering an action.
 */

const INTEGRATION = source('INTEGRATE_2016', 'N', '渠道不乱、用途不变: each yuan counted once');

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: allPassed(reasons) ? 'PASS' : 'FAIL',
  reasons,
});

const yuanText = (fen: Fen) => `${formatYuan(fen)} 元`;

export interface SourceBalance {
  name: string;
  amountFen: Fen;
  allocatedFen: Fen;
}

/** FUNDS.ALLOCATION_CAP: an allocation fits in what the source has left (总额 − 已安排). */
export function canAllocate(fundSource: SourceBalance, amountFen: Fen): Decision<'PASS' | 'FAIL'> {
  const remainingFen = fundSource.amountFen - fundSource.allocatedFen;
  const passed = amountFen <= remainingFen;
  return decide([
    makeReason({
      ruleId: 'FUNDS.ALLOCATION_CAP',
      passed,
      facts: {
        source: fundSource.name,
        amountFen: fundSource.amountFen,
        allocatedFen: fundSource.allocatedFen,
        remainingFen,
        requestedFen: amountFen,
      },
      source: INTEGRATION,
      zh: `资金来源「${fundSource.name}」总额 ${yuanText(fundSource.amountFen)}, 已安排 ${yuanText(fundSource.allocatedFen)}, 剩余 ${yuanText(remainingFen)}; 本次安排 ${yuanText(amountFen)}${passed ? '' : `, 超出剩余 ${yuanText(amountFen - remainingFen)}`}`,
      en: `Source ${fundSource.name}: ${formatYuan(remainingFen)} of ${formatYuan(fundSource.amountFen)} yuan left; allocating ${formatYuan(amountFen)}${passed ? '' : ', more than is left'}`,
    }),
  ]);
}

/** Project states that take no more money: removed from the library, or handed over. */
export const PROJECT_STATES_CLOSED_TO_ALLOCATION: readonly ProjectState[] = ['REMOVED', 'ASSET_HANDOVER'];

/** Payments follow the work: from implementation until completion acceptance (竣工验收后拨付尾款). */
export const PAYABLE_PROJECT_STATES: readonly ProjectState[] = ['IMPLEMENTATION', 'COMPLETION_ACCEPTANCE'];

export interface ProjectBalance {
  name: string;
  state: ProjectState;
  allocatedFen: Fen;
  disbursedFen: Fen;
}

/** FUNDS.PROJECT_OPEN: a project removed from the library or already handed over takes no allocation. */
export function projectTakesAllocation(project: ProjectBalance): Reason {
  const passed = !PROJECT_STATES_CLOSED_TO_ALLOCATION.includes(project.state);
  return makeReason({
    ruleId: 'FUNDS.PROJECT_OPEN',
    passed,
    facts: { project: project.name, state: project.state },
    source: source('PROJLIB_2018', 'N'),
    zh: passed
      ? `项目「${project.name}」可安排资金`
      : `项目「${project.name}」已出库或已移交 (${project.state}), 不能再安排资金`,
    en: passed ? 'The project takes allocations' : `The project is ${project.state}; it takes no allocation`,
  });
}

/** FUNDS.PROJECT_OPEN and FUNDS.ALLOCATION_CAP: the allocation's whole decision. */
export function canAllocateToProject(
  fundSource: SourceBalance,
  project: ProjectBalance,
  amountFen: Fen,
): Decision<'PASS' | 'FAIL'> {
  return decide([projectTakesAllocation(project), ...canAllocate(fundSource, amountFen).reasons]);
}

/** FUNDS.PAYMENT_STAGE and FUNDS.DISBURSEMENT_CAP: a payment is made during the works and fits in what is allocated but unpaid. */
export function canDisburse(project: ProjectBalance, amountFen: Fen): Decision<'PASS' | 'FAIL'> {
  const remainingFen = project.allocatedFen - project.disbursedFen;
  const staged = PAYABLE_PROJECT_STATES.includes(project.state);
  const fits = amountFen <= remainingFen;
  return decide([
    makeReason({
      ruleId: 'FUNDS.PAYMENT_STAGE',
      passed: staged,
      params: { payable: [...PAYABLE_PROJECT_STATES] },
      facts: { project: project.name, state: project.state },
      source: source('PROJLIB_2018', 'N', '实施、竣工验收后拨付'),
      zh: staged
        ? `项目「${project.name}」处于可拨付阶段`
        : `项目「${project.name}」处于 ${project.state} 阶段, 实施或竣工验收阶段方可拨付`,
      en: staged
        ? 'The project is payable'
        : `The project is ${project.state}; payments start with implementation`,
    }),
    makeReason({
      ruleId: 'FUNDS.DISBURSEMENT_CAP',
      passed: fits,
      facts: {
        project: project.name,
        allocatedFen: project.allocatedFen,
        disbursedFen: project.disbursedFen,
        remainingFen,
        requestedFen: amountFen,
      },
      source: INTEGRATION,
      zh: `项目「${project.name}」已安排 ${yuanText(project.allocatedFen)}, 已拨付 ${yuanText(project.disbursedFen)}, 可拨付 ${yuanText(remainingFen)}; 本次拨付 ${yuanText(amountFen)}${fits ? '' : `, 超出 ${yuanText(amountFen - remainingFen)}`}`,
      en: `Project ${project.name}: ${formatYuan(remainingFen)} of ${formatYuan(project.allocatedFen)} yuan unpaid; paying ${formatYuan(amountFen)}${fits ? '' : ', more than allocated'}`,
    }),
  ]);
}

export interface OverlapSide {
  id: string;
  name: string;
  /** The years the source covers, as written ("2014–2018", "2019"). */
  period: string;
  amountFen: Fen;
}

/**
 * FUNDS.OVERLAP_DISTINCT, FUNDS.OVERLAP_SAME_PERIOD and FUNDS.OVERLAP_WITHIN_CONTAINER: "A includes X of B" links
 * two sources of one period and X fits in A. X larger than B is kept as declared and reported by the
 * reconciliation (FUNDS.OVERLAP_FITS), as the article's 24,758 万 of 22,699 万 is.
 */
export function canDeclareOverlap(
  container: OverlapSide,
  contained: OverlapSide,
  amountFen: Fen,
): Decision<'PASS' | 'FAIL'> {
  const distinct = container.id !== contained.id;
  const samePeriod = container.period === contained.period;
  const fits = amountFen <= container.amountFen;
  return decide([
    makeReason({
      ruleId: 'FUNDS.OVERLAP_DISTINCT',
      passed: distinct,
      facts: { container: container.name, contained: contained.name },
      source: INTEGRATION,
      zh: distinct ? '包含关系连接两个不同来源' : `资金来源「${container.name}」不能包含自身`,
      en: distinct ? 'The overlap links two sources' : 'A source cannot include itself',
    }),
    makeReason({
      ruleId: 'FUNDS.OVERLAP_SAME_PERIOD',
      passed: samePeriod,
      facts: { containerPeriod: container.period, containedPeriod: contained.period },
      source: INTEGRATION,
      zh: samePeriod
        ? `两个来源同属 ${container.period} 年`
        : `「${container.name}」为 ${container.period} 年, 「${contained.name}」为 ${contained.period} 年, 包含关系须在同一期间`,
      en: samePeriod ? 'Both sources cover one period' : 'An overlap links sources of one period',
    }),
    makeReason({
      ruleId: 'FUNDS.OVERLAP_WITHIN_CONTAINER',
      passed: fits,
      facts: { overlapFen: amountFen, containerFen: container.amountFen },
      source: INTEGRATION,
      zh: `「${container.name}」含「${contained.name}」${yuanText(amountFen)}${fits ? `, 未超过「${container.name}」总额` : `, 超过「${container.name}」总额 ${yuanText(container.amountFen)}`}`,
      en: `Overlap of ${formatYuan(amountFen)} yuan${fits ? ' fits in the including source' : ` exceeds the including source, ${formatYuan(container.amountFen)} yuan`}`,
    }),
  ]);
}

export interface PostedNotice {
  postedOn: CalendarDate;
  lastDayPosted: CalendarDate;
  /** Unanswered objections to the notice (公示异议), when the caller loaded them. */
  openObjections?: number;
}

/**
 * PROJECT.NOTICE_RUN: a project leaves "announced" (IN_LIBRARY) for implementation only after a project notice
 * has been posted for its days and taken down before `today` (公告期满).
 */
export function projectNoticeHasRun(
  notices: readonly PostedNotice[],
  today: CalendarDate,
  policy: Policy,
): Reason {
  const run = notices.find(
    (notice) =>
      notice.lastDayPosted < today &&
      checkNoticePeriod('FUND_PROJECT', notice.postedOn, notice.lastDayPosted, policy).outcome !== 'FAIL',
  );
  const { minDays } = policy.get('disclosure.noticeDays').FUND_PROJECT;
  return makeReason({
    ruleId: 'PROJECT.NOTICE_RUN',
    passed: run !== undefined,
    params: { minDays },
    facts: { notices: notices.length, today },
    source: source('DISCLOSE_2018', 'N'),
    zh: run
      ? `项目公告 ${run.postedOn} 至 ${run.lastDayPosted} 已期满`
      : `项目公告未期满: 需公示不少于 ${minDays} 天且在 ${today} 前结束 (现有公告 ${notices.length} 份)`,
    en: run
      ? 'The project notice has run its days'
      : `No project notice of at least ${minDays} days has ended before ${today}`,
  });
}

/** PROJECT.TRANSITION, PROJECT.PERFORMANCE_TARGET, PROJECT.NOTICE_RUN and PROJECT.OBJECTION_OPEN: the decision of one lifecycle step. */
export function canAdvanceProject(
  project: ProjectFacts,
  to: ProjectState,
  notices: readonly PostedNotice[],
  today: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  const reasons = [...transitionProject(project, to).reasons];
  if (project.state === 'IN_LIBRARY' && to === 'IMPLEMENTATION')
    reasons.push(projectNoticeHasRun(notices, today, policy));
  if (to !== 'REMOVED' && notices.some((notice) => notice.openObjections !== undefined))
    reasons.push(noOpenObjection(notices.reduce((sum, notice) => sum + (notice.openObjections ?? 0), 0)));
  return decide(reasons);
}

/** DISCLOSURE.PERIOD: a fund or project notice is posted for at least its days (checkNoticePeriod). */
export function canPublishNotice(
  postedOn: CalendarDate,
  lastDayPosted: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  return decide(checkNoticePeriod('FUND_PROJECT', postedOn, lastDayPosted, policy).reasons);
}

/** AUDIT.TASK_DONE: an audit finding is closed only when its rectification task is done. */
export function canCloseAuditFinding(finding: {
  id: string;
  closed: boolean;
  taskDone: boolean;
}): Decision<'PASS' | 'FAIL'> {
  const passed = !finding.closed && finding.taskDone;
  return decide([
    makeReason({
      ruleId: 'AUDIT.TASK_DONE',
      passed,
      facts: { findingId: finding.id, closed: finding.closed, taskDone: finding.taskDone },
      source: source('INTEGRATE_2016', 'N', '审计发现问题限期整改'),
      zh: finding.closed ? '审计发现已销号' : passed ? '整改任务已完成' : '整改任务未完成, 审计发现不能销号',
      en: finding.closed
        ? 'The finding is already closed'
        : passed
          ? 'The rectification task is done'
          : 'The rectification task is not done; the finding stays open',
    }),
  ]);
}
