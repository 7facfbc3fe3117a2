import { addDays, type CalendarDate, toCountyDay } from './calendar';
import type { AssessmentClass, ReportState, VillageKind } from './enums';
import { InvalidInputError, requireCount } from './errors';
import { allPassed, type Decision, makeReason, type Reason } from './explanation';
import { type Fen, formatYuan, requireNonNegativeFen } from './money';
import type { Policy } from './parameters';
import { formatPercent, isAtLeast, ratio } from './ratio';
import { source } from './sources';

export interface VillageAssessmentFacts {
  villageId: string;
  /** 自查自评 score. */
  selfScore: number;
  /** 县级复核 score; when present it is the score that counts. */
  reviewScore: number | null;
  /** A veto item failed (一票否决). */
  vetoHit: boolean;
  problemCount: number;
}

/**
 * Village assessment classes (ARTICLE_2019): ≥ 90 and no veto → 达标巩固; 80 up to 90, or a veto at
 * ≥ 80 → 整改提升; under 80 → 黄牌警告; under 80 with at least N problems → 重点管理. Exactly 80 is not
 * "under 80". Only the "<80 with many problems" band is from the article; the rest are parameters.
 */
export function classifyVillageAssessment(
  facts: VillageAssessmentFacts,
  policy: Policy,
): Decision<AssessmentClass> {
  const bands = policy.resolve('villageAssessment.bands');
  const { consolidateMinScore, rectifyMinScore, keyManagementMinProblems } = bands.value;
  const score = facts.reviewScore ?? facts.selfScore;
  requireCount(facts.problemCount, 'problemCount');
  if (!Number.isFinite(score) || score < 0) throw new InvalidInputError('score', `not a score: ${score}`);
  let outcome: AssessmentClass;
  if (score < rectifyMinScore)
    outcome = facts.problemCount >= keyManagementMinProblems ? 'KEY_MANAGEMENT' : 'YELLOW_CARD';
  else if (score >= consolidateMinScore && !facts.vetoHit) outcome = 'CONSOLIDATE';
  else outcome = 'RECTIFY';
  const scoreOrigin = facts.reviewScore === null ? '自评' : '县级复核';
  const zh = {
    CONSOLIDATE: `${scoreOrigin}得分 ${score} 不低于 ${consolidateMinScore} 且无否决项: 达标巩固`,
    RECTIFY: facts.vetoHit
      ? `${scoreOrigin}得分 ${score}, 有否决项: 整改提升`
      : `${scoreOrigin}得分 ${score} 在 ${rectifyMinScore} 至 ${consolidateMinScore} 之间: 整改提升`,
    YELLOW_CARD: `${scoreOrigin}得分 ${score} 低于 ${rectifyMinScore}: 黄牌警告`,
    KEY_MANAGEMENT: `${scoreOrigin}得分 ${score} 低于 ${rectifyMinScore} 且问题 ${facts.problemCount} 个 (≥ ${keyManagementMinProblems}): 黄牌警告、重点管理, 挂牌督办`,
  }[outcome];
  return {
    outcome,
    reasons: [
      makeReason({
        ruleId: `VILLAGE_ASSESSMENT.${outcome}`,
        passed: true,
        params: { consolidateMinScore, rectifyMinScore, keyManagementMinProblems },
        facts: {
          villageId: facts.villageId,
          score,
          selfScore: facts.selfScore,
          reviewScore: facts.reviewScore,
          vetoHit: facts.vetoHit,
          problemCount: facts.problemCount,
        },
        source: bands.source,
        zh,
        en: `Score ${score} (${facts.reviewScore === null ? 'self' : 'county review'}), ${facts.problemCount} problem(s), veto ${facts.vetoHit}: ${outcome}`,
      }),
    ],
  };
}

/** The report (举报) workflow: each state leads to the next. */
export const REPORT_TRANSITIONS: Record<ReportState, ReportState | null> = {
  RECEIVED: 'ASSIGNED',
  ASSIGNED: 'HANDLED',
  HANDLED: 'REPLIED',
  REPLIED: 'CLOSED',
  CLOSED: null,
};

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
        source: source('ARTICLE_2019', 'A'),
        zh: passed ? `举报由 ${from} 进入 ${to}` : `举报不能由 ${from} 进入 ${to}`,
        en: passed ? `${from} → ${to}` : `${from} → ${to} is not allowed`,
      }),
    ],
  };
}

/** When each step happened: a calendar day, an instant, or null while not done. */
export interface ReportDates {
  receivedAt: string | Date;
  assignedAt: string | Date | null;
  handledAt: string | Date | null;
  repliedAt: string | Date | null;
}

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
): Decision<'ON_TIME' | 'OVERDUE'> & { steps: ReportStepTimeliness[] } {
  const limits = policy.resolve('report.timeLimitDays');
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
        ON_TIME: `${s.step} 于 ${s.doneOn} 完成, 未超过 ${s.dueBy}`,
        LATE: `${s.step} 于 ${s.doneOn} 完成, 超过期限 ${s.dueBy}`,
        PENDING: `${s.step} 尚未完成, 期限 ${s.dueBy}`,
        OVERDUE: `${s.step} 已超期: 期限 ${s.dueBy}, 至 ${today} 仍未完成`,
      }[s.status],
      en: `${s.step}: due ${s.dueBy}, ${s.doneOn === null ? 'not done' : `done ${s.doneOn}`} (${s.status})`,
    }),
  );
  return { outcome: steps.some((s) => s.status === 'OVERDUE') ? 'OVERDUE' : 'ON_TIME', steps, reasons };
}

export interface ExitRewardFacts {
  villageId: string;
  villageKind: VillageKind;
  /** The year the village was planned to exit. */
  scheduledExitYear: number;
  /** The year it exited; null if it has not. */
  exitYear: number | null;
  rewardAlreadyPaid: boolean;
}

/** 如期脱贫出列的贫困村一次性奖励 (ARTICLE_2019): a poor village that exits on or before schedule, once. */
export function decideExitReward(
  facts: ExitRewardFacts,
  policy: Policy,
): Decision<'ELIGIBLE' | 'NOT_ELIGIBLE'> & { amountFen: Fen } {
  const reward = policy.resolve('villageExitReward');
  const poorVillage = facts.villageKind === 'POOR_VILLAGE';
  const onSchedule = facts.exitYear !== null && facts.exitYear <= facts.scheduledExitYear;
  const reasons = [
    makeReason({
      ruleId: 'EXIT_REWARD.POOR_VILLAGE',
      passed: poorVillage,
      facts: { villageId: facts.villageId, villageKind: facts.villageKind },
      source: reward.source,
      zh: poorVillage ? '该村为贫困村' : '该村不是贫困村, 不享受出列奖励',
      en: poorVillage ? 'A poor village' : 'Not a poor village',
    }),
    makeReason({
      ruleId: 'EXIT_REWARD.ON_SCHEDULE',
      passed: onSchedule,
      facts: { scheduledExitYear: facts.scheduledExitYear, exitYear: facts.exitYear },
      source: reward.source,
      zh: onSchedule
        ? `${facts.exitYear} 年出列, 未晚于计划 ${facts.scheduledExitYear} 年`
        : facts.exitYear === null
          ? '尚未出列'
          : `${facts.exitYear} 年出列, 晚于计划 ${facts.scheduledExitYear} 年`,
      en: onSchedule ? 'Exited on schedule' : 'Not exited on schedule',
    }),
    makeReason({
      ruleId: 'EXIT_REWARD.ONCE',
      passed: !facts.rewardAlreadyPaid,
      facts: { rewardAlreadyPaid: facts.rewardAlreadyPaid },
      source: reward.source,
      zh: facts.rewardAlreadyPaid ? '出列奖励已发放过, 不再发放' : '尚未发放出列奖励',
      en: facts.rewardAlreadyPaid ? 'Already rewarded once' : 'Not yet rewarded',
    }),
  ];
  const eligible = allPassed(reasons);
  return { outcome: eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE', amountFen: eligible ? reward.value : 0, reasons };
}

/** Performance bonus (ARTICLE_2019): at least 50 % of bonuses tied to the campaign; exactly 50 % passes. */
export function checkBonusShare(
  input: { unitId: string; totalBonusFen: Fen; campaignLinkedBonusFen: Fen },
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  const minShare = policy.resolve('performance.minBonusShare');
  const total = requireNonNegativeFen(input.totalBonusFen, 'totalBonusFen');
  const linked = requireNonNegativeFen(input.campaignLinkedBonusFen, 'campaignLinkedBonusFen');
  if (total === 0 || linked > total) {
    throw new InvalidInputError(
      'campaignLinkedBonusFen',
      'needs a total above 0 and a linked part not above it',
    );
  }
  const share = ratio(linked, total);
  const passed = isAtLeast(share, minShare.value);
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'PERFORMANCE.BONUS_SHARE',
        passed,
        params: {
          minShare: { numerator: minShare.value.numerator, denominator: minShare.value.denominator },
        },
        facts: {
          unitId: input.unitId,
          totalBonusFen: total,
          campaignLinkedBonusFen: linked,
          share: formatPercent(share),
        },
        source: minShare.source,
        zh: `绩效奖金 ${formatYuan(total)} 元中与脱贫攻坚挂钩 ${formatYuan(linked)} 元 (${formatPercent(share)}), ${passed ? '达到' : '低于'} ${formatPercent(minShare.value)}`,
        en: `${formatPercent(share)} of bonuses tied to the campaign, ${passed ? 'at least' : 'below'} ${formatPercent(minShare.value)}`,
      }),
    ],
  };
}
