import { addDays, type CalendarDate, daysBetween } from './calendar';
import type { FundSourceCategory, NoticeKind, ProjectState } from './enums';
import { InvalidInputError } from './errors';
import { allPassed, type Decision, makeReason, type Reason } from './explanation';
import { groupBy } from './grouping';
import { type Fen, formatWanYuan, formatYuan, requireNonNegativeFen, sumFen } from './money';
import type { Policy } from './parameters';
import { source } from './sources';

export interface FundSource {
  key: string;
  category: FundSourceCategory;
  amountFen: Fen;
}

/** "Source `containerKey` includes `amountFen` of source `containedKey`" (资金包含关系). */
export interface FundOverlap {
  containerKey: string;
  containedKey: string;
  amountFen: Fen;
}

export interface FundReconciliation extends Decision<'MATCHES_GROSS' | 'MATCHES_NET' | 'UNEXPLAINED'> {
  /** A mismatch is a warning to look into, never a failure: the published figures are kept as they are. */
  severity: 'OK' | 'WARNING';
  grossFen: Fen;
  netFen: Fen;
  reportedTotalFen: Fen;
  /** gross − reported (positive: the sources add up to more than the reported total). */
  grossDifferenceFen: Fen;
  netDifferenceFen: Fen;
}

const INTEGRATION = source('INTEGRATE_2016', 'N', '渠道不乱、用途不变: each yuan counted once');

function wan(fen: Fen): string {
  return `${formatWanYuan(fen)} 万元`;
}

/**
 * Reconciles fund sources with a reported total, read two ways: gross (every source as listed) and net
 * (less the declared overlaps). Says which reading matches, or that neither does (a WARNING). Also checks
 * each overlap fits inside both sources it links.
 */
export function reconcileFunds(
  sources: readonly FundSource[],
  overlaps: readonly FundOverlap[],
  reportedTotalFen: Fen,
): FundReconciliation {
  const amounts = new Map(sources.map((s) => [s.key, requireNonNegativeFen(s.amountFen, `source ${s.key}`)]));
  const grossFen = sumFen([...amounts.values()]);
  const overlapReasons: Reason[] = overlaps.map((overlap) => {
    const container = amounts.get(overlap.containerKey);
    const contained = amounts.get(overlap.containedKey);
    if (container === undefined || contained === undefined) {
      throw new InvalidInputError(
        'overlaps',
        `unknown source in ${overlap.containerKey} ⊇ ${overlap.containedKey}`,
      );
    }
    const amount = requireNonNegativeFen(overlap.amountFen, 'overlap amountFen');
    const fits = amount <= container && amount <= contained;
    return makeReason({
      ruleId: 'FUNDS.OVERLAP_FITS',
      passed: fits,
      facts: {
        containerKey: overlap.containerKey,
        containedKey: overlap.containedKey,
        overlapFen: amount,
        containerFen: container,
        containedFen: contained,
      },
      source: INTEGRATION,
      zh: fits
        ? `${overlap.containerKey} 含 ${overlap.containedKey} ${wan(amount)}, 未超过两项来源金额`
        : `${overlap.containerKey} 含 ${overlap.containedKey} ${wan(amount)}, 超过 ${amount > container ? overlap.containerKey : overlap.containedKey} 列示金额 ${wan(amount > container ? container : contained)}: 重叠部分不可能全部计入该来源`,
      en: fits
        ? `${overlap.containerKey} includes ${wan(amount)} of ${overlap.containedKey}, within both sources`
        : `${overlap.containerKey} includes ${wan(amount)} of ${overlap.containedKey}, more than ${amount > container ? overlap.containerKey : overlap.containedKey} lists`,
    });
  });
  const overlapFen = sumFen(overlaps.map((overlap) => overlap.amountFen));
  const netFen = grossFen - overlapFen;
  const reported = requireNonNegativeFen(reportedTotalFen, 'reportedTotalFen');
  const grossDifferenceFen = grossFen - reported;
  const netDifferenceFen = netFen - reported;
  const outcome =
    grossDifferenceFen === 0 ? 'MATCHES_GROSS' : netDifferenceFen === 0 ? 'MATCHES_NET' : 'UNEXPLAINED';
  const describe = (difference: Fen): string =>
    difference === 0 ? '相符' : difference > 0 ? `多 ${wan(difference)}` : `少 ${wan(-difference)}`;
  const reading = (ruleId: string, labelZh: string, labelEn: string, total: Fen, difference: Fen): Reason =>
    makeReason({
      ruleId,
      passed: difference === 0,
      facts: { totalFen: total, reportedTotalFen: reported, differenceFen: difference },
      source: INTEGRATION,
      zh: `${labelZh} ${wan(total)}, 与上报总额 ${wan(reported)} ${describe(difference)}`,
      en: `${labelEn} ${wan(total)} vs reported ${wan(reported)}: difference ${formatWanYuan(difference)} 万元`,
    });
  const summaryZh = {
    MATCHES_GROSS: '上报总额等于各来源直接相加',
    MATCHES_NET: '上报总额等于扣除重叠后的净额',
    UNEXPLAINED: '警告: 上报总额既不等于各来源直接相加, 也不等于扣除重叠后的净额',
  }[outcome];
  const summaryEn = {
    MATCHES_GROSS: 'The reported total is the gross sum of the sources',
    MATCHES_NET: 'The reported total is the sum net of overlaps',
    UNEXPLAINED: 'Warning: the reported total matches neither the gross nor the net sum',
  }[outcome];
  return {
    outcome,
    severity: outcome === 'UNEXPLAINED' ? 'WARNING' : 'OK',
    grossFen,
    netFen,
    reportedTotalFen: reported,
    grossDifferenceFen,
    netDifferenceFen,
    reasons: [
      makeReason({
        ruleId: 'FUNDS.RECONCILIATION',
        passed: outcome !== 'UNEXPLAINED',
        facts: { grossFen, netFen, reportedTotalFen: reported },
        source: INTEGRATION,
        zh: summaryZh,
        en: summaryEn,
      }),
      reading('FUNDS.GROSS_READING', '各来源直接相加', 'Gross sum', grossFen, grossDifferenceFen),
      reading('FUNDS.NET_READING', '扣除重叠后净额', 'Net of overlaps', netFen, netDifferenceFen),
      ...overlapReasons,
    ],
  };
}

export interface Allocation {
  sourceKey: string;
  projectId: string;
  amountFen: Fen;
}

export interface Payment {
  id: string;
  projectId: string;
  amountFen: Fen;
}

export interface CapUsage {
  key: string;
  capFen: Fen;
  usedFen: Fen;
  /** cap − used; negative when over the cap. */
  remainingFen: Fen;
}

function capReason(ruleId: string, usage: CapUsage, zhWhat: string, enWhat: string): Reason {
  const passed = usage.remainingFen >= 0;
  return makeReason({
    ruleId,
    passed,
    facts: { key: usage.key, capFen: usage.capFen, usedFen: usage.usedFen, remainingFen: usage.remainingFen },
    source: source('INTEGRATE_2016', 'N'),
    zh: `${usage.key}: ${zhWhat} ${formatYuan(usage.usedFen)} 元, 上限 ${formatYuan(usage.capFen)} 元${passed ? '' : ', 超出上限'}`,
    en: `${usage.key}: ${enWhat} ${formatYuan(usage.usedFen)} of ${formatYuan(usage.capFen)} yuan${passed ? '' : ', over the cap'}`,
  });
}

/** Allocations from each source must not exceed the source's amount. */
export function checkAllocationCaps(
  sources: readonly FundSource[],
  allocations: readonly Allocation[],
): Decision<'PASS' | 'FAIL'> & { usage: CapUsage[] } {
  const keys = new Set(sources.map((s) => s.key));
  for (const allocation of allocations) {
    if (!keys.has(allocation.sourceKey)) {
      throw new InvalidInputError('allocations', `unknown source ${allocation.sourceKey}`);
    }
  }
  const usage = sources.map((s) => {
    const usedFen = sumFen(
      allocations
        .filter((a) => a.sourceKey === s.key)
        .map((a) => requireNonNegativeFen(a.amountFen, 'allocation')),
    );
    return { key: s.key, capFen: s.amountFen, usedFen, remainingFen: s.amountFen - usedFen };
  });
  const reasons = usage.map((u) => capReason('FUNDS.ALLOCATION_CAP', u, '已安排', 'allocated'));
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', usage, reasons };
}

/** Payments to each project must not exceed what is allocated to it. */
export function checkDisbursementCaps(
  allocations: readonly Allocation[],
  payments: readonly Payment[],
): Decision<'PASS' | 'FAIL'> & { usage: CapUsage[] } {
  const allocationsByProject = groupBy(allocations, (a) => a.projectId);
  const paymentsByProject = groupBy(payments, (p) => p.projectId);
  const projects = [...new Set([...allocationsByProject.keys(), ...paymentsByProject.keys()])];
  const usage = projects.map((projectId) => {
    const capFen = sumFen((allocationsByProject.get(projectId) ?? []).map((a) => a.amountFen));
    const usedFen = sumFen(
      (paymentsByProject.get(projectId) ?? []).map((p) =>
        requireNonNegativeFen(p.amountFen, `payment ${p.id}`),
      ),
    );
    return { key: projectId, capFen, usedFen, remainingFen: capFen - usedFen };
  });
  const reasons = usage.map((u) => capReason('FUNDS.DISBURSEMENT_CAP', u, '已拨付', 'paid'));
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', usage, reasons };
}

/**
 * The project library lifecycle (PROJLIB_2018, ASSET_2021): each stage leads to the next; a project
 * can be removed (调整出库) at any stage before implementation starts.
 */
export const PROJECT_TRANSITIONS: Record<ProjectState, readonly ProjectState[]> = {
  APPLICATION: ['TOWNSHIP_REVIEW', 'REMOVED'],
  TOWNSHIP_REVIEW: ['COUNTY_APPRAISAL', 'REMOVED'],
  COUNTY_APPRAISAL: ['APPROVED', 'REMOVED'],
  APPROVED: ['IN_LIBRARY', 'REMOVED'],
  IN_LIBRARY: ['IMPLEMENTATION', 'REMOVED'],
  IMPLEMENTATION: ['COMPLETION_ACCEPTANCE'],
  COMPLETION_ACCEPTANCE: ['ASSET_HANDOVER'],
  ASSET_HANDOVER: [],
  REMOVED: [],
};

export interface ProjectFacts {
  id: string;
  state: ProjectState;
  /** 绩效目标: mandatory to enter the library. */
  performanceTarget: string | null;
}

/** May the project move to `to`? Refuses a transition the lifecycle lacks, and library entry without a target. */
export function transitionProject(project: ProjectFacts, to: ProjectState): Decision<'ACCEPTED' | 'REFUSED'> {
  const allowed = PROJECT_TRANSITIONS[project.state];
  const transitionOk = allowed.includes(to);
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'PROJECT.TRANSITION',
      passed: transitionOk,
      params: { allowed: [...allowed] },
      facts: { projectId: project.id, from: project.state, to },
      source: source('PROJLIB_2018', 'N'),
      zh: transitionOk ? `项目可由 ${project.state} 进入 ${to}` : `项目不能由 ${project.state} 进入 ${to}`,
      en: transitionOk ? `${project.state} → ${to} is allowed` : `${project.state} → ${to} is not allowed`,
    }),
  ];
  if (to === 'IN_LIBRARY') {
    const hasTarget = (project.performanceTarget ?? '').trim() !== '';
    reasons.push(
      makeReason({
        ruleId: 'PROJECT.PERFORMANCE_TARGET',
        passed: hasTarget,
        facts: { projectId: project.id, performanceTarget: project.performanceTarget },
        source: source('PROJLIB_2018', 'N', '绩效目标 mandatory'),
        zh: hasTarget ? '已填报绩效目标' : '未填报绩效目标, 不得入库',
        en: hasTarget ? 'Performance target set' : 'No performance target: cannot enter the library',
      }),
    );
  }
  return { outcome: allPassed(reasons) ? 'ACCEPTED' : 'REFUSED', reasons };
}

/** Last day a notice posted on `postedOn` must stay up (the posting day counts as day 1). */
export function earliestTakeDown(kind: NoticeKind, postedOn: CalendarDate, policy: Policy): CalendarDate {
  return addDays(postedOn, policy.get('disclosure.noticeDays')[kind].minDays - 1, 'postedOn');
}

/**
 * Disclosure period (公告公示): days posted = last day − posting day + 1. Fewer than the minimum
 * (fund and project boards 10 days; household and village notices 5) fails; more than a maximum
 * (household and village notices 7) is a warning.
 */
export function checkNoticePeriod(
  kind: NoticeKind,
  postedOn: CalendarDate,
  lastDayPosted: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL' | 'WARNING'> & { daysPosted: number } {
  const period = policy.resolve('disclosure.noticeDays');
  const { minDays, maxDays } = period.value[kind];
  const daysPosted = daysBetween(postedOn, lastDayPosted) + 1;
  if (daysPosted < 1) throw new InvalidInputError('lastDayPosted', 'is before the posting day');
  const outcome =
    daysPosted < minDays ? 'FAIL' : maxDays !== null && daysPosted > maxDays ? 'WARNING' : 'PASS';
  const limits = maxDays === null ? `≥ ${minDays}` : `${minDays}–${maxDays}`;
  return {
    outcome,
    daysPosted,
    reasons: [
      makeReason({
        ruleId: 'DISCLOSURE.PERIOD',
        passed: outcome !== 'FAIL',
        params: { minDays, maxDays },
        facts: { kind, postedOn, lastDayPosted, daysPosted },
        source: period.source,
        zh: `公示 ${postedOn} 至 ${lastDayPosted} 共 ${daysPosted} 天, 要求 ${limits} 天${outcome === 'PASS' ? '' : outcome === 'FAIL' ? ', 不足' : ', 超出常规'}`,
        en: `Posted ${daysPosted} day(s) (${postedOn} to ${lastDayPosted}); required ${limits}`,
      }),
    ],
  };
}
