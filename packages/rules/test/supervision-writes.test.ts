import { describe, expect, it } from 'vitest';
import {
  canAppointVillageSupervisor,
  canAssignReport,
  canCloseInspectionFinding,
  canMergeReport,
  canRecordAccountability,
  canTakeReportStep,
  checkAssessmentScore,
  checkReportTimeliness,
  checkScoreSheet,
  failedRuleIds,
  type ReportFacts,
  reportTimeLimits,
  type ScoreSheetItem,
  transitionReport,
} from '../src';
import { jianghua } from './helpers';

/** The refusals of supervision writes, each a rule whose Chinese message says why. */

const policy = jianghua(2019);
const report = (overrides: Partial<ReportFacts> = {}): ReportFacts => ({
  id: '1',
  state: 'RECEIVED',
  mergedIntoId: null,
  ...overrides,
});

describe('a report takes its next step only, and only while it stands alone (REPORT.TRANSITION, REPORT.NOT_MERGED)', () => {
  it.each([
    [report(), 'ASSIGNED', []],
    [report(), 'HANDLED', ['REPORT.TRANSITION']],
    [report({ state: 'REPLIED' }), 'CLOSED', []],
    [report({ state: 'CLOSED' }), 'CLOSED', ['REPORT.TRANSITION']],
    [report({ mergedIntoId: '2' }), 'ASSIGNED', ['REPORT.NOT_MERGED']],
    [report({ mergedIntoId: '2', state: 'ASSIGNED' }), 'CLOSED', ['REPORT.NOT_MERGED', 'REPORT.TRANSITION']],
  ] as const)('%j → %s fails %j', (facts, to, ids) => {
    expect(failedRuleIds(canTakeReportStep(facts, to))).toEqual(ids);
  });

  it('names the current and the next step in Chinese', () => {
    expect(transitionReport('RECEIVED', 'CLOSED').reasons[0]!.messageZh).toContain(
      '举报当前为「已受理」, 下一步只能是「已交办」, 不能进入「已办结」',
    );
    expect(transitionReport('CLOSED', 'ASSIGNED').reasons[0]!.messageZh).toContain('举报已办结');
    expect(canTakeReportStep(report({ mergedIntoId: '9' }), 'ASSIGNED').reasons[0]!.messageZh).toContain(
      '已作为重复件并入另一举报',
    );
  });
});

describe('a duplicate report is merged into another standing report (REPORT.MERGE_*)', () => {
  it.each([
    [report({ id: '1' }), report({ id: '2' }), []],
    [report({ id: '1' }), report({ id: '1' }), ['REPORT.MERGE_DISTINCT']],
    [report({ id: '1', mergedIntoId: '3' }), report({ id: '2' }), ['REPORT.MERGE_DUPLICATE_OPEN']],
    [report({ id: '1', state: 'CLOSED' }), report({ id: '2' }), ['REPORT.MERGE_DUPLICATE_OPEN']],
    [report({ id: '1', state: 'REPLIED' }), report({ id: '2', state: 'CLOSED' }), []],
    [report({ id: '1' }), report({ id: '2', mergedIntoId: '3' }), ['REPORT.MERGE_TARGET_STANDING']],
  ] as const)('%j into %j fails %j', (duplicate, target, ids) => {
    expect(failedRuleIds(canMergeReport(duplicate, target))).toEqual(ids);
  });

  it('explains each refusal in Chinese', () => {
    const messages = (d: ReportFacts, t: ReportFacts) =>
      canMergeReport(d, t)
        .reasons.filter((r) => !r.passed)
        .map((r) => r.messageZh);
    expect(messages(report(), report())[0]).toContain('不能并入它自己');
    expect(messages(report({ mergedIntoId: '5' }), report({ id: '2' }))[0]).toContain('不能再次合并');
    expect(messages(report({ state: 'CLOSED' }), report({ id: '2' }))[0]).toContain('已办结, 不能作为重复件');
    expect(messages(report(), report({ id: '2', mergedIntoId: '1' }))[0]).toContain('目标举报本身已并入');
  });
});

describe('a report goes to a unit whose region contains it (REPORT.ASSIGNEE_COVERS)', () => {
  const village = { id: '1', regionPath: '/1/2/3/', regionName: '码市村' };
  it.each([
    ['/1/2/', 'PASS'],
    ['/1/', 'PASS'],
    ['/1/2/3/', 'PASS'],
    ['/1/4/', 'FAIL'],
  ] as const)('a unit at %s → %s', (unitPath, outcome) => {
    expect(canAssignReport(village, { name: '沱江镇人民政府', regionPath: unitPath }).outcome).toBe(outcome);
  });

  it('names the unit and the region in Chinese', () => {
    expect(
      canAssignReport(village, { name: '白芒营镇人民政府', regionPath: '/1/9/' }).reasons[0]!.messageZh,
    ).toContain('「白芒营镇人民政府」的辖区不含举报涉及的「码市村」');
  });
});

describe('time limits by category (report.categoryTimeLimitDays, else report.timeLimitDays)', () => {
  it.each([
    [null, { assignDays: 2, handleDays: 15, replyDays: 20 }],
    ['IDENTIFICATION', { assignDays: 2, handleDays: 15, replyDays: 20 }],
    ['POLICY_CONSULTATION', { assignDays: 1, handleDays: 3, replyDays: 5 }],
    ['FUND_MISUSE', { assignDays: 2, handleDays: 30, replyDays: 30 }],
  ] as const)('%s → %j', (category, limits) => {
    expect(reportTimeLimits(policy, category).value).toEqual(limits);
  });

  it('a consultation is overdue for its reply after 5 days, a fund report is not', () => {
    const dates = {
      receivedAt: '2019-05-01',
      assignedAt: '2019-05-01',
      handledAt: '2019-05-03',
      repliedAt: null,
    };
    expect(checkReportTimeliness(dates, '2019-05-07', policy, 'POLICY_CONSULTATION').outcome).toBe('OVERDUE');
    expect(checkReportTimeliness(dates, '2019-05-07', policy, 'FUND_MISUSE').outcome).toBe('ON_TIME');
  });
});

describe('scores are from 0 to 100 (ASSESSMENT.SCORE_RANGE)', () => {
  it.each([
    [0, 'PASS'],
    [100, 'PASS'],
    [79.9, 'PASS'],
    [-0.1, 'FAIL'],
    [100.1, 'FAIL'],
    [Number.NaN, 'FAIL'],
  ])('%s → %s', (score, outcome) => {
    expect(checkAssessmentScore('selfScore', score).outcome).toBe(outcome);
  });

  it('says the range in Chinese', () => {
    expect(checkAssessmentScore('reviewScore', 101).reasons[0]!.messageZh).toContain(
      '得分 101 超出 0 至 100 的范围',
    );
  });
});

describe('a score sheet: each item within its weight, weights add up to 100, veto items (ASSESSMENT.*)', () => {
  const item = (name: string, weight: number, score: number): ScoreSheetItem => ({
    name,
    weight,
    score,
    veto: false,
    vetoHit: false,
  });
  const veto = (vetoHit: boolean): ScoreSheetItem => ({
    name: '错评漏评',
    weight: 0,
    score: 0,
    veto: true,
    vetoHit,
  });

  it.each([
    [[item('两不愁三保障', 60, 48), item('帮扶措施', 40, 31.9)], [], 79.9, false],
    [[item('两不愁三保障', 60, 60), item('帮扶措施', 40, 40), veto(true)], [], 100, true],
    [[item('两不愁三保障', 60, 60.5), item('帮扶措施', 40, 40)], ['ASSESSMENT.ITEM_WEIGHT'], 100.5, false],
    [[item('两不愁三保障', 60, -1), item('帮扶措施', 40, 0)], ['ASSESSMENT.ITEM_WEIGHT'], -1, false],
    [[item('两不愁三保障', 120, 50)], ['ASSESSMENT.ITEM_WEIGHT', 'ASSESSMENT.WEIGHTS_TOTAL'], 50, false],
    [[item('两不愁三保障', 60, 50), veto(false)], ['ASSESSMENT.WEIGHTS_TOTAL'], 50, false],
    [[veto(true)], ['ASSESSMENT.ITEMS_PRESENT', 'ASSESSMENT.WEIGHTS_TOTAL'], 0, true],
  ] as const)('%j fails %j, total %s, veto %s', (items, ids, total, vetoHit) => {
    const sheet = checkScoreSheet(items);
    expect(failedRuleIds(sheet)).toEqual(ids);
    expect(sheet.total).toBe(total);
    expect(sheet.vetoHit).toBe(vetoHit);
  });

  it('names the item over its weight and the weight total in Chinese', () => {
    const sheet = checkScoreSheet([item('产业发展', 30, 31), item('基础设施', 60, 50)]);
    const zh = sheet.reasons.filter((r) => !r.passed).map((r) => r.messageZh);
    expect(zh[0]).toContain('「产业发展」得分 31 超出 0 至满分 30 的范围');
    expect(zh[1]).toContain('计分项满分合计 90 分, 应为 100 分');
    expect(checkScoreSheet([veto(false)]).reasons[0]!.messageZh).toContain('至少要有一个计分项');
  });
});

describe('an inspection finding closes only when its rectification task is done (INSPECTION.*)', () => {
  it.each([
    [{ closed: false, taskDone: true }, []],
    [{ closed: false, taskDone: false }, ['INSPECTION.TASK_DONE']],
    [{ closed: true, taskDone: true }, ['INSPECTION.FINDING_OPEN']],
  ] as const)('%j fails %j', (facts, ids) => {
    expect(failedRuleIds(canCloseInspectionFinding({ id: '1', ...facts }))).toEqual(ids);
  });

  it('says the task is not done in Chinese', () => {
    const reasons = canCloseInspectionFinding({ id: '1', closed: true, taskDone: false }).reasons;
    expect(reasons.map((r) => r.messageZh).join()).toMatch(/已销号.*尚未办结/);
  });
});

describe('an accountability case rests on exactly one basis (ACCOUNTABILITY.ONE_BASIS)', () => {
  const none = { reportId: null, inspectionFindingId: null, auditFindingId: null };
  it.each([
    [{ ...none, reportId: '1' }, 'PASS', '问责依据已指明'],
    [{ ...none, auditFindingId: '1' }, 'PASS', '问责依据已指明'],
    [none, 'FAIL', '请指明问责依据'],
    [{ ...none, reportId: '1', inspectionFindingId: '2' }, 'FAIL', '只能是'],
  ] as const)('%j → %s', (basis, outcome, zh) => {
    const decision = canRecordAccountability(basis);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.messageZh).toContain(zh);
  });
});

describe('village supervisors serve villages with poor residents (SUPERVISOR.VILLAGE_WITH_POOR)', () => {
  it.each([
    ['POOR_VILLAGE', 'PASS', '设村级扶贫监督员'],
    ['NON_POOR_WITH_POOR', 'PASS', '设村级扶贫监督员'],
    ['NON_POOR', 'FAIL', '不设'],
    ['COMMUNITY', 'FAIL', '不设'],
  ] as const)('%s → %s', (kind, outcome, zh) => {
    const decision = canAppointVillageSupervisor({ name: '码市村', kind });
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.messageZh).toContain(zh);
  });
});
