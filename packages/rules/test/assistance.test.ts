import { describe, expect, it } from 'vitest';
import {
  type CoverageHousehold,
  canAddPairing,
  checkCoverage,
  checkHelperLoads,
  checkMemberTerm,
  checkWorkTeam,
  InvalidInputError,
  monthlyVisitCompliance,
  type Pairing,
  pairingCapacityFeasibility,
  requiredVisits,
  teamStaffingFeasibility,
  type Visit,
  visitCompliance,
} from '../src';
import { jianghua, reason } from './helpers';

const policy = jianghua(2026);

describe('pairing cap: at most 5 households per helper', () => {
  it.each([
    [0, 'PASS'],
    [4, 'PASS'],
    [5, 'FAIL'],
  ])('a helper with %i households asking for one more → %s', (active, outcome) => {
    const decision = canAddPairing(active, policy);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]?.facts).toEqual({ activeHouseholds: active, afterAdding: active + 1 });
  });

  it('explains the 6th household in Chinese', () => {
    expect(canAddPairing(5, policy).reasons[0]?.messageZh).toMatch(/^结对后将帮扶 6 户, 超过每人 5 户上限/);
  });

  const pairing = (
    id: string,
    helperId: string,
    householdId: string,
    startDate = '2026-01-01',
    endDate: string | null = null,
  ): Pairing => ({
    id,
    helperId,
    householdId,
    startDate,
    endDate,
  });

  it('finds helpers above the cap among active pairings only', () => {
    const pairings = [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((hh, i) => pairing(`a${i}`, 'alice', hh)),
      pairing('a-old', 'alice', 'h7', '2025-01-01', '2025-12-31'),
      ...['h8', 'h9', 'h10', 'h11', 'h12'].map((hh, i) => pairing(`b${i}`, 'bob', hh)),
    ];
    const result = checkHelperLoads(pairings, '2026-03-01', policy);
    expect(result.loads).toEqual([
      { helperId: 'alice', activeHouseholds: 6 },
      { helperId: 'bob', activeHouseholds: 5 },
    ]);
    expect(result.overloaded).toEqual([{ helperId: 'alice', activeHouseholds: 6 }]);
    expect(result.outcome).toBe('FAIL');
    expect(checkHelperLoads(pairings.slice(1), '2026-03-01', policy).outcome).toBe('PASS');
  });

  it('rejects a negative count', () => {
    expect(() => canAddPairing(-1, policy)).toThrow(InvalidInputError);
  });
});

describe('coverage: every poor and edge household has exactly one active helper', () => {
  const households: CoverageHousehold[] = [
    { id: 'poor-covered', status: 'POOR', monitored: false },
    { id: 'poor-uncovered', status: 'POOR', monitored: false },
    { id: 'edge-double', status: 'NON_POOR', monitored: true },
    { id: 'returned-ended', status: 'RETURNED', monitored: false },
    { id: 'exited', status: 'EXITED', monitored: false },
    { id: 'non-poor', status: 'NON_POOR', monitored: false },
  ];
  const pairings: Pairing[] = [
    { id: 'p1', helperId: 'h1', householdId: 'poor-covered', startDate: '2026-01-01', endDate: null },
    { id: 'p2', helperId: 'h1', householdId: 'edge-double', startDate: '2026-01-01', endDate: null },
    { id: 'p3', helperId: 'h2', householdId: 'edge-double', startDate: '2026-02-01', endDate: null },
    {
      id: 'p4',
      helperId: 'h3',
      householdId: 'returned-ended',
      startDate: '2025-01-01',
      endDate: '2026-01-31',
    },
  ];

  it('reports uncovered and double-covered households', () => {
    const result = checkCoverage(households, pairings, '2026-02-01');
    expect(result.requiringHelper).toBe(4);
    expect(result.uncovered).toEqual(['poor-uncovered', 'returned-ended']);
    expect(result.doubleCovered).toEqual([{ householdId: 'edge-double', helperIds: ['h1', 'h2'] }]);
    expect(result.outcome).toBe('FAIL');
    expect(reason(result.reasons, 'PAIRING.COVERAGE').messageZh).toMatch(
      /^4 户贫困户和边缘户中 2 户没有帮扶责任人/,
    );
  });

  it('counts a pairing on its last day (end date inclusive)', () => {
    const result = checkCoverage(households, pairings, '2026-01-31');
    expect(result.uncovered).toEqual(['poor-uncovered']);
    expect(result.doubleCovered).toEqual([]);
  });

  it('passes when each household has one helper', () => {
    const result = checkCoverage(households.slice(0, 1), pairings, '2026-02-01');
    expect(result.outcome).toBe('PASS');
  });
});

describe('visits: at least 2 a month per household, Shanghai calendar month', () => {
  const whole: Pairing = {
    id: 'p1',
    helperId: 'alice',
    householdId: 'hh',
    startDate: '2025-06-01',
    endDate: null,
  };
  const visit = (id: string, at: string, visitorId = 'alice'): Visit => ({
    id,
    householdId: 'hh',
    visitorId,
    at,
  });

  it.each([
    ['no visit', [], 'NON_COMPLIANT', 0],
    ['the 1st visit', [visit('v1', '2026-01-05T02:00:00Z')], 'NON_COMPLIANT', 1],
    [
      'the 2nd visit on another day',
      [visit('v1', '2026-01-05T02:00:00Z'), visit('v2', '2026-01-20T02:00:00Z')],
      'COMPLIANT',
      2,
    ],
    [
      'two visits on the same Shanghai day',
      [visit('v1', '2026-01-05T02:00:00Z'), visit('v2', '2026-01-05T09:00:00Z')],
      'NON_COMPLIANT',
      1,
    ],
  ])('%s → %s', (_, visits, outcome, counted) => {
    const result = visitCompliance('hh', '2026-01', [whole], visits, policy);
    expect(result).toMatchObject({ outcome, requiredVisits: 2, countedVisitDays: counted, coveredDays: 31 });
  });

  it.each([
    ['2026-01-31T15:59:59Z', '2026-01', 1, '2026-02', 0],
    ['2026-01-31T16:00:00Z', '2026-01', 0, '2026-02', 1],
    ['2026-01-31T17:00:00Z', '2026-01', 0, '2026-02', 1],
    ['2025-12-31T16:30:00Z', '2025-12', 0, '2026-01', 1],
  ])('a visit at %s counts in %s (%i) and in %s (%i)', (at, monthA, countA, monthB, countB) => {
    const visits = [visit('v', at)];
    expect(visitCompliance('hh', monthA, [whole], visits, policy).countedVisitDays).toBe(countA);
    expect(visitCompliance('hh', monthB, [whole], visits, policy).countedVisitDays).toBe(countB);
  });

  it.each([
    [31, 31, 2],
    [24, 31, 2],
    [23, 31, 1],
    [8, 31, 1],
    [7, 31, 0],
    [21, 28, 2],
    [20, 28, 1],
    [0, 30, 0],
  ])('active %i of %i days → %i visits required', (active, days, required) => {
    expect(requiredVisits(active, days, 2)).toBe(required);
  });

  it('pro-rates a pairing that starts mid-month', () => {
    const late: Pairing = { ...whole, startDate: '2026-01-20' };
    const result = visitCompliance('hh', '2026-01', [late], [visit('v1', '2026-01-25T01:00:00Z')], policy);
    expect(result).toMatchObject({
      coveredDays: 12,
      requiredVisits: 1,
      countedVisitDays: 1,
      outcome: 'COMPLIANT',
    });
    const veryLate: Pairing = { ...whole, startDate: '2026-01-28' };
    expect(visitCompliance('hh', '2026-01', [veryLate], [], policy)).toMatchObject({
      requiredVisits: 0,
      outcome: 'NOT_REQUIRED',
    });
  });

  it('pro-rates a pairing that ends mid-month and ignores visits after it ends', () => {
    const ending: Pairing = { ...whole, endDate: '2026-02-10' };
    const result = visitCompliance(
      'hh',
      '2026-02',
      [ending],
      [visit('v1', '2026-02-05T01:00:00Z'), visit('v2', '2026-02-15T01:00:00Z')],
      policy,
    );
    expect(result).toMatchObject({
      coveredDays: 10,
      requiredVisits: 1,
      countedVisitDays: 1,
      outcome: 'COMPLIANT',
    });
    expect(result.uncounted).toEqual([
      { visitId: 'v2', day: '2026-02-15', reason: 'OUTSIDE_PAIRING_PERIOD' },
    ]);
  });

  it('carries the household requirement across a change of helper mid-month', () => {
    const first: Pairing = {
      id: 'p1',
      helperId: 'alice',
      householdId: 'hh',
      startDate: '2025-01-01',
      endDate: '2026-03-15',
    };
    const second: Pairing = {
      id: 'p2',
      helperId: 'bob',
      householdId: 'hh',
      startDate: '2026-03-16',
      endDate: null,
    };
    const visits = [visit('v1', '2026-03-03T01:00:00Z', 'alice'), visit('v2', '2026-03-20T01:00:00Z', 'bob')];
    const result = visitCompliance('hh', '2026-03', [first, second], visits, policy);
    expect(result).toMatchObject({
      coveredDays: 31,
      requiredVisits: 2,
      countedVisitDays: 2,
      outcome: 'COMPLIANT',
    });
    expect(result.pairings).toEqual([
      { pairingId: 'p1', helperId: 'alice', activeDays: 15, requiredVisits: 1, countedVisitDays: 1 },
      { pairingId: 'p2', helperId: 'bob', activeDays: 16, requiredVisits: 1, countedVisitDays: 1 },
    ]);
    const aliceLate = [
      visit('v1', '2026-03-03T01:00:00Z', 'alice'),
      visit('v2', '2026-03-20T01:00:00Z', 'alice'),
    ];
    const late = visitCompliance('hh', '2026-03', [first, second], aliceLate, policy);
    expect(late.outcome).toBe('NON_COMPLIANT');
    expect(late.uncounted).toEqual([{ visitId: 'v2', day: '2026-03-20', reason: 'OUTSIDE_PAIRING_PERIOD' }]);
  });

  it('does not count visits by someone other than the paired helper', () => {
    const visits = [visit('v1', '2026-01-05T01:00:00Z', 'carol'), visit('v2', '2026-01-06T01:00:00Z')];
    const result = visitCompliance('hh', '2026-01', [whole], visits, policy);
    expect(result).toMatchObject({ countedVisitDays: 1, outcome: 'NON_COMPLIANT' });
    expect(result.uncounted).toEqual([{ visitId: 'v1', day: '2026-01-05', reason: 'NOT_PAIRED_HELPER' }]);
    expect(result.reasons[0]?.messageZh).toMatch(/^2026-01 应走访 2 次 \(结对 31\/31 天\), 有效走访 1 次/);
  });

  it('reports same-day repeats and ignores other households’ visits', () => {
    const visits = [
      visit('v2', '2026-01-05T09:00:00Z'),
      visit('v1', '2026-01-05T01:00:00Z'),
      { id: 'x', householdId: 'other', visitorId: 'alice', at: '2026-01-07T01:00:00Z' },
    ];
    const result = visitCompliance('hh', '2026-01', [whole], visits, policy);
    expect(result.uncounted).toEqual([{ visitId: 'v2', day: '2026-01-05', reason: 'SAME_DAY_REPEAT' }]);
  });

  it('works out every paired household of a month', () => {
    const other: Pairing = {
      id: 'p9',
      helperId: 'bob',
      householdId: 'gone',
      startDate: '2024-01-01',
      endDate: '2025-12-31',
    };
    const results = monthlyVisitCompliance(
      '2026-01',
      [whole, other],
      [visit('v1', '2026-01-05T01:00:00Z')],
      policy,
    );
    expect(results.map((r) => [r.householdId, r.outcome])).toEqual([['hh', 'NON_COMPLIANT']]);
  });

  it('rejects a visit time without a zone', () => {
    expect(() => visitCompliance('hh', '2026-01', [whole], [visit('v', '2026-01-05 10:00')], policy)).toThrow(
      InvalidInputError,
    );
  });
});

describe('work teams: at least 3 members, terms of at least 2 years', () => {
  const member = (cadreId: string, startDate: string, endDate: string | null = null) => ({
    cadreId,
    startDate,
    endDate,
  });

  it.each([
    [[member('a', '2018-01-01'), member('b', '2018-01-01'), member('c', '2018-01-01')], 'PASS', 3],
    [[member('a', '2018-01-01'), member('b', '2018-01-01')], 'FAIL', 2],
    [[member('a', '2018-01-01'), member('b', '2018-01-01'), member('c', '2019-07-01')], 'FAIL', 2],
    [
      [member('a', '2018-01-01'), member('b', '2018-01-01'), member('c', '2017-01-01', '2019-05-31')],
      'FAIL',
      2,
    ],
  ])('team %# → %s with %i active', (members, outcome, active) => {
    const result = checkWorkTeam({ villageId: 'v1', members }, '2019-06-01', jianghua(2019));
    expect(result.outcome).toBe(outcome);
    expect(result.activeMembers).toBe(active);
  });

  it('flags a member who left before serving the term', () => {
    const members = [
      member('a', '2018-01-01'),
      member('b', '2018-01-01'),
      member('c', '2018-01-01'),
      member('d', '2018-06-01', '2019-05-31'),
    ];
    const result = checkWorkTeam({ villageId: 'v1', members }, '2019-06-01', jianghua(2019));
    expect(result.outcome).toBe('FAIL');
    expect(result.reasons.map((r) => [r.ruleId, r.passed])).toEqual([
      ['TEAM.STRENGTH', true],
      ['TEAM.TERM', false],
    ]);
  });

  it.each([
    ['2024-01-01', '2025-12-31', 'MET'],
    ['2024-01-01', '2025-12-30', 'SHORT'],
    ['2024-02-29', '2026-02-28', 'MET'],
    ['2024-02-29', '2026-02-27', 'SHORT'],
    ['2022-03-01', '2024-02-29', 'MET'],
    ['2022-03-01', '2024-02-28', 'SHORT'],
    ['2023-03-01', '2025-02-28', 'MET'],
  ])('served %s to %s → %s', (start, end, outcome) => {
    expect(checkMemberTerm(member('x', start, end), policy, '2026-06-01').outcome).toBe(outcome);
  });

  it('tells a serving member when the term completes, leap day included', () => {
    const serving = checkMemberTerm(member('x', '2024-02-29'), policy, '2025-06-01');
    expect(serving).toMatchObject({ outcome: 'SERVING', lastDayToComplete: '2026-02-28' });
    expect(checkMemberTerm(member('x', '2024-02-29'), policy, '2026-02-28').outcome).toBe('MET');
  });

  it('checks published totals: villages × 3 members needed', () => {
    const ok = teamStaffingFeasibility({ members: 336, villages: 112 }, policy);
    expect(ok).toMatchObject({ outcome: 'PASS', minimumMembers: 336, shortfall: 0 });
    const short = teamStaffingFeasibility({ members: 335, villages: 112 }, policy);
    expect(short).toMatchObject({ outcome: 'FAIL', shortfall: 1 });
    expect(() => teamStaffingFeasibility({ members: 3, villages: 0 }, policy)).toThrow(InvalidInputError);
  });

  it('checks published totals: households ÷ 5 helpers needed, rounded up', () => {
    expect(pairingCapacityFeasibility({ helpers: 2, households: 10 }, policy)).toMatchObject({
      outcome: 'PASS',
      minimumHelpers: 2,
    });
    expect(pairingCapacityFeasibility({ helpers: 2, households: 11 }, policy)).toMatchObject({
      outcome: 'FAIL',
      minimumHelpers: 3,
    });
  });
});
