import { describe, expect, it } from 'vitest';
import {
  type ActorRole,
  type CompletedStep,
  classifyMonitoring,
  decideRiskElimination,
  failedRuleIds,
  type MonitoringStep,
  monitoringCeiling,
  monitoringDeadline,
  nextMonitoringStep,
  yuan,
} from '../src';
import { adult, jianghua, reason, secureGuarantees, wagesOnly } from './helpers';

describe('the monitoring range by year and province', () => {
  it.each([
    [2019, yuan(4827), 'EDGE_MULTIPLIER'],
    [2020, yuan(6000), 'EDGE_MULTIPLIER'],
    [2021, yuan(6000), 'ANNUAL_RANGE'],
    [2022, yuan(6900), 'ANNUAL_RANGE'],
  ])('%i in Hunan: %i fen (%s)', (year, ceilingFen, basis) => {
    const range = monitoringCeiling(jianghua(year));
    expect(range.ceilingFen).toBe(ceilingFen);
    expect(range.params.basis).toBe(basis);
  });
});

describe('classification into the three monitoring types', () => {
  const policy = jianghua(2022); // range 6,900 yuan
  it.each([
    ['an exited household just within the range', 'EXITED', '13799.98', false, 'UNSTABLE_EXITED'],
    [
      'an exited household no longer receiving policies within the range',
      'EXITED_NO_POLICY',
      '10000',
      false,
      'UNSTABLE_EXITED',
    ],
    ['an exited household exactly at the range', 'EXITED', '13800', false, 'NOT_MONITORED'],
    ['an ordinary household within the range', 'NON_POOR', '9000', false, 'EDGE_PRONE'],
    ['an ordinary household above the range after a disaster', 'NON_POOR', '30000', true, 'SUDDEN_HARDSHIP'],
    ['an exited household above the range after an illness', 'EXITED', '30000', true, 'SUDDEN_HARDSHIP'],
    ['an ordinary household above the range, no hardship', 'NON_POOR', '30000', false, 'NOT_MONITORED'],
    ['a registered poor household within the range', 'POOR', '5000', true, 'NOT_MONITORED'],
    ['a returned household', 'RETURNED', '30000', true, 'NOT_MONITORED'],
  ] as const)('%s → %s', (_, status, wages, hardship, outcome) => {
    const decision = classifyMonitoring(
      {
        status,
        income: wagesOnly(wages),
        householdSize: 2,
        rigidSpendingSurge: hardship,
        sharpIncomeDrop: false,
      },
      policy,
    );
    expect(decision.outcome).toBe(outcome);
  });

  it('counts a sharp income drop as sudden hardship', () => {
    const decision = classifyMonitoring(
      {
        status: 'NON_POOR',
        income: wagesOnly(30_000),
        householdSize: 2,
        rigidSpendingSurge: false,
        sharpIncomeDrop: true,
      },
      policy,
    );
    expect(decision.outcome).toBe('SUDDEN_HARDSHIP');
    expect(reason(decision.reasons, 'MONITOR.INCOME_IN_RANGE').messageZh).toContain(
      '不低于监测范围 6900.00 元',
    );
  });

  it('uses 1.5 × the 2019 line for edge households', () => {
    const decision = classifyMonitoring(
      {
        status: 'NON_POOR',
        income: wagesOnly('9653.98'),
        householdSize: 2,
        rigidSpendingSurge: false,
        sharpIncomeDrop: false,
      },
      jianghua(2019),
    );
    expect(decision.outcome).toBe('EDGE_PRONE');
    expect(reason(decision.reasons, 'MONITOR.INCOME_IN_RANGE').params).toEqual({
      basis: 'EDGE_MULTIPLIER',
      nbsLineFen: yuan(3218),
      multiplier: '3/2',
    });
  });
});

describe('risk elimination', () => {
  const policy = jianghua(2022);
  const facts = {
    income: wagesOnly(20_000),
    householdSize: 2,
    incomeAboveRangeSince: '2022-01-15' as string | null,
    guarantees: secureGuarantees(),
    rigidSpendingResolved: true,
  };

  it.each([
    ['six months to the day', facts, '2022-07-15', 'ELIMINATED', []],
    [
      'one day short of six months',
      facts,
      '2022-07-14',
      'NOT_ELIMINATED',
      ['RISK_ELIMINATION.INCOME_STABLE'],
    ],
    [
      'six months from 31 Aug end on 1 Mar',
      { ...facts, incomeAboveRangeSince: '2021-08-31' },
      '2022-02-28',
      'NOT_ELIMINATED',
      ['RISK_ELIMINATION.INCOME_STABLE'],
    ],
    [
      'never above the range',
      { ...facts, incomeAboveRangeSince: null },
      '2022-12-31',
      'NOT_ELIMINATED',
      ['RISK_ELIMINATION.INCOME_STABLE'],
    ],
    [
      'income back within the range',
      { ...facts, income: wagesOnly(10_000) },
      '2022-12-31',
      'NOT_ELIMINATED',
      ['RISK_ELIMINATION.INCOME_STABLE'],
    ],
    [
      'rigid spending unresolved',
      { ...facts, rigidSpendingResolved: false },
      '2022-12-31',
      'NOT_ELIMINATED',
      ['RISK_ELIMINATION.RIGID_SPENDING_RESOLVED'],
    ],
    [
      'a dangerous house',
      { ...facts, guarantees: secureGuarantees({ housing: { grade: 'D' } }) },
      '2022-12-31',
      'NOT_ELIMINATED',
      ['GUARANTEE.HOUSING'],
    ],
  ] as const)('%s → %s', (_, input, asOf, outcome, failing) => {
    const decision = decideRiskElimination(input, policy, asOf);
    expect(decision.outcome).toBe(outcome);
    expect(failedRuleIds(decision)).toEqual(failing);
  });

  it('never eliminates a household without labour capacity: it stays monitored', () => {
    const noLabour = secureGuarantees({
      members: [adult('m1', { labourCapacity: 'NONE' }), adult('m2', { labourCapacity: 'NONE' })],
    });
    const decision = decideRiskElimination({ ...facts, guarantees: noLabour }, policy, '2022-12-31');
    expect(decision.outcome).toBe('KEEP_MONITORING_NO_LABOUR');
    expect(reason(decision.reasons, 'RISK_ELIMINATION.HAS_LABOUR').messageZh).toMatch(
      /^无劳动能力家庭不标注风险消除/,
    );
    const partial = secureGuarantees({
      members: [adult('m1', { labourCapacity: 'NONE' }), adult('m2', { labourCapacity: 'PARTIAL' })],
    });
    expect(decideRiskElimination({ ...facts, guarantees: partial }, policy, '2022-12-31').outcome).toBe(
      'ELIMINATED',
    );
  });
});

describe('identifying a monitoring object: one notice of 5 days, 15 days from the first clue', () => {
  const policy = jianghua(2022);
  const roles: Record<MonitoringStep, ActorRole> = {
    RISK_CLUE: 'TOWNSHIP_CLERK',
    HOUSEHOLD_VISIT: 'VILLAGE_CLERK',
    DATA_CROSS_CHECK: 'COUNTY_ADMIN',
    VILLAGE_NOTICE: 'VILLAGE_CLERK',
    TOWNSHIP_REVIEW: 'TOWNSHIP_CLERK',
    COUNTY_APPROVAL: 'COUNTY_ADMIN',
  };
  const path: [MonitoringStep, string][] = [
    ['RISK_CLUE', '2022-05-01'],
    ['HOUSEHOLD_VISIT', '2022-05-02'],
    ['DATA_CROSS_CHECK', '2022-05-03'],
    ['VILLAGE_NOTICE', '2022-05-04'],
    ['TOWNSHIP_REVIEW', '2022-05-09'],
  ];
  const done: CompletedStep<MonitoringStep>[] = path.map(([step, date]) => ({
    step,
    date,
    actorRole: roles[step],
  }));

  it('records each step in order', () => {
    let completed: CompletedStep<MonitoringStep>[] = [];
    for (const [step, date] of path) {
      const result = nextMonitoringStep(completed, step, roles[step], date, policy);
      expect(result).toMatchObject({ outcome: 'ACCEPTED', withinTimeLimit: null });
      completed = result.completedSteps;
    }
    expect(completed).toEqual(done);
  });

  it('refuses the township review on day 5 of the notice', () => {
    const result = nextMonitoringStep(
      done.slice(0, 4),
      'TOWNSHIP_REVIEW',
      'TOWNSHIP_CLERK',
      '2022-05-08',
      policy,
    );
    expect(result.refusals).toEqual(['NOTICE_NOT_ELAPSED']);
    expect(result.withinTimeLimit).toBeNull();
  });

  it.each([
    ['on day 15', '2022-05-16', true],
    ['on day 16', '2022-05-17', false],
  ])('approval %s is within the limit: %s (late approvals are still recorded)', (_, date, within) => {
    expect(monitoringDeadline('2022-05-01', policy)).toBe('2022-05-16');
    const result = nextMonitoringStep(done, 'COUNTY_APPROVAL', 'COUNTY_ADMIN', date, policy);
    expect(result).toMatchObject({ outcome: 'ACCEPTED', complete: true, withinTimeLimit: within });
    expect(reason(result.reasons, 'MONITOR_PROCEDURE.TIME_LIMIT').passed).toBe(within);
  });
});
