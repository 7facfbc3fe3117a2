import { describe, expect, it } from 'vitest';
import {
  checkBonusShare,
  checkReportTimeliness,
  classifyVillageAssessment,
  decideExitReward,
  failedRuleIds,
  InvalidInputError,
  REPORT_STATES,
  transitionReport,
  yuan,
} from '../src';
import { jianghua } from './helpers';

const policy = jianghua(2019);

describe('village assessment classes (bands 90 / 80, key management at 5 problems)', () => {
  const village = { villageId: 'v1', selfScore: 95, reviewScore: null, vetoHit: false, problemCount: 0 };
  it.each([
    [{ selfScore: 90 }, 'CONSOLIDATE'],
    [{ selfScore: 89.9 }, 'RECTIFY'],
    [{ selfScore: 80 }, 'RECTIFY'],
    [{ selfScore: 80, problemCount: 12 }, 'RECTIFY'],
    [{ selfScore: 79.9 }, 'YELLOW_CARD'],
    [{ selfScore: 79, problemCount: 4 }, 'YELLOW_CARD'],
    [{ selfScore: 79, problemCount: 5 }, 'KEY_MANAGEMENT'],
    [{ selfScore: 98, vetoHit: true }, 'RECTIFY'],
    [{ selfScore: 60, vetoHit: true, problemCount: 1 }, 'YELLOW_CARD'],
    [{ selfScore: 95, reviewScore: 78, problemCount: 6 }, 'KEY_MANAGEMENT'],
    [{ selfScore: 70, reviewScore: 92 }, 'CONSOLIDATE'],
  ])('%j → %s', (overrides, outcome) => {
    expect(classifyVillageAssessment({ ...village, ...overrides }, policy).outcome).toBe(outcome);
  });

  it('explains key management with the county review score and the problem count', () => {
    const decision = classifyVillageAssessment({ ...village, reviewScore: 75, problemCount: 8 }, policy);
    expect(decision.reasons[0]?.ruleId).toBe('VILLAGE_ASSESSMENT.KEY_MANAGEMENT');
    expect(decision.reasons[0]?.messageZh).toMatch(
      /^县级复核得分 75 低于 80 且问题 8 个 \(≥ 5\): 黄牌警告、重点管理, 挂牌督办/,
    );
    const vetoed = classifyVillageAssessment({ ...village, vetoHit: true }, policy);
    expect(vetoed.reasons[0]?.messageZh).toMatch(/^自评得分 95, 有否决项: 整改提升/);
  });

  it.each([
    ['a negative score', { selfScore: -1 }],
    ['a score that is not a number', { selfScore: Number.NaN }],
    ['a fractional problem count', { problemCount: 1.5 }],
  ])('rejects %s', (_, overrides) => {
    expect(() => classifyVillageAssessment({ ...village, ...overrides }, policy)).toThrow(InvalidInputError);
  });
});

describe('reports: received → assigned → handled → replied → closed, with time limits', () => {
  it('moves only to the next state', () => {
    for (let i = 0; i + 1 < REPORT_STATES.length; i += 1) {
      expect(transitionReport(REPORT_STATES[i]!, REPORT_STATES[i + 1]!).outcome).toBe('ACCEPTED');
    }
    expect(transitionReport('RECEIVED', 'HANDLED').outcome).toBe('REFUSED');
    expect(transitionReport('CLOSED', 'RECEIVED').outcome).toBe('REFUSED');
  });

  const received = { receivedAt: '2019-05-01T02:00:00Z', assignedAt: null, handledAt: null, repliedAt: null };

  it.each([
    [
      'nothing done on the assignment due day',
      received,
      '2019-05-03',
      'ON_TIME',
      ['PENDING', 'PENDING', 'PENDING'],
    ],
    ['nothing done the day after', received, '2019-05-04', 'OVERDUE', ['OVERDUE', 'PENDING', 'PENDING']],
    [
      'assigned late, handled on the last day',
      { ...received, assignedAt: '2019-05-04', handledAt: '2019-05-16' },
      '2019-05-20',
      'ON_TIME',
      ['LATE', 'ON_TIME', 'PENDING'],
    ],
    [
      'the reply overdue after 20 days',
      { ...received, assignedAt: '2019-05-02', handledAt: '2019-05-10' },
      '2019-05-22',
      'OVERDUE',
      ['ON_TIME', 'ON_TIME', 'OVERDUE'],
    ],
    [
      'received just before Shanghai midnight',
      { ...received, receivedAt: '2019-04-30T15:59:00Z', assignedAt: '2019-05-03T01:00:00Z' },
      '2019-05-03',
      'ON_TIME',
      ['LATE', 'PENDING', 'PENDING'],
    ],
  ] as const)('%s → %s', (_, report, asOf, outcome, statuses) => {
    const result = checkReportTimeliness(report, asOf, policy);
    expect(result.outcome).toBe(outcome);
    expect(result.steps.map((s) => s.status)).toEqual(statuses);
  });

  it('says in Chinese which step is overdue', () => {
    const result = checkReportTimeliness(received, '2019-05-04', policy);
    expect(result.reasons[0]?.messageZh).toMatch(/^交办 已超期: 期限 2019-05-03, 至 2019-05-04 仍未完成/);
    expect(failedRuleIds(result)).toEqual(['REPORT.TIME_LIMIT.ASSIGNED']);
  });
});

describe('exit reward: 100,000 yuan once for a poor village that exits on schedule', () => {
  const village = {
    villageId: 'v1',
    villageKind: 'POOR_VILLAGE' as const,
    scheduledExitYear: 2017,
    exitYear: 2017,
    rewardAlreadyPaid: false,
  };
  it.each([
    ['on schedule', {}, 'ELIGIBLE', []],
    ['a year early', { exitYear: 2016 }, 'ELIGIBLE', []],
    ['a year late', { exitYear: 2018 }, 'NOT_ELIGIBLE', ['EXIT_REWARD.ON_SCHEDULE']],
    ['not yet exited', { exitYear: null }, 'NOT_ELIGIBLE', ['EXIT_REWARD.ON_SCHEDULE']],
    ['already rewarded', { rewardAlreadyPaid: true }, 'NOT_ELIGIBLE', ['EXIT_REWARD.ONCE']],
    [
      'not a poor village',
      { villageKind: 'NON_POOR_WITH_POOR' as const },
      'NOT_ELIGIBLE',
      ['EXIT_REWARD.POOR_VILLAGE'],
    ],
  ])('%s → %s', (_, overrides, outcome, failing) => {
    const decision = decideExitReward({ ...village, ...overrides }, policy);
    expect(decision.outcome).toBe(outcome);
    expect(decision.amountFen).toBe(outcome === 'ELIGIBLE' ? yuan(100_000) : 0);
    expect(failedRuleIds(decision)).toEqual(failing);
  });

  it('explains a late exit and a missing exit differently', () => {
    expect(decideExitReward({ ...village, exitYear: 2018 }, policy).reasons[1]?.messageZh).toMatch(
      /^2018 年出列, 晚于计划 2017 年/,
    );
    expect(decideExitReward({ ...village, exitYear: null }, policy).reasons[1]?.messageZh).toMatch(
      /^尚未出列/,
    );
  });
});

describe('performance bonus: at least 50 % tied to the campaign', () => {
  it.each([
    [yuan(10_000), yuan(5000), 'PASS'],
    [yuan(10_000), yuan('4999.99'), 'FAIL'],
    [yuan(10_000), yuan(10_000), 'PASS'],
  ])('%i fen total, %i linked → %s', (total, linked, outcome) => {
    const decision = checkBonusShare(
      { unitId: 'u1', totalBonusFen: total, campaignLinkedBonusFen: linked },
      policy,
    );
    expect(decision.outcome).toBe(outcome);
  });

  it('shows the share', () => {
    const decision = checkBonusShare(
      { unitId: 'u1', totalBonusFen: yuan(3), campaignLinkedBonusFen: yuan(2) },
      policy,
    );
    expect(decision.reasons[0]?.facts.share).toBe('66.67%');
  });

  it.each([
    ['a zero total', 0, 0],
    ['a linked part above the total', 100, 101],
  ])('rejects %s', (_, total, linked) => {
    expect(() =>
      checkBonusShare({ unitId: 'u1', totalBonusFen: total, campaignLinkedBonusFen: linked }, policy),
    ).toThrow(InvalidInputError);
  });
});
