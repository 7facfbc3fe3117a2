import { describe, expect, it } from 'vitest';
import {
  canAddCombatGroupMember,
  canAddCommandPostMember,
  canChangeRecord,
  canCreateCommandPost,
  canEndCombatGroupMembership,
  canEndCommandPostMembership,
  checkWithdrawalDate,
} from '../src';

describe('command-structure writes', () => {
  it.each([
    [0, 'PASS'],
    [1, 'FAIL'],
  ])('a county with %i command posts may create one → %s', (existing, outcome) => {
    expect(canCreateCommandPost(existing).outcome).toBe(outcome);
  });

  it.each([
    [{ cadreId: '9', role: 'COMMANDER' as const }, { cadreIds: [], hasCommander: false }, 'PASS'],
    [{ cadreId: '9', role: 'COMMANDER' as const }, { cadreIds: ['1'], hasCommander: true }, 'FAIL'],
    [{ cadreId: '9', role: 'DEPUTY_COMMANDER' as const }, { cadreIds: ['1'], hasCommander: true }, 'PASS'],
    [{ cadreId: '1', role: 'DEPUTY_COMMANDER' as const }, { cadreIds: ['1'], hasCommander: true }, 'FAIL'],
  ])('command post member %j with %j → %s', (member, current, outcome) => {
    expect(canAddCommandPostMember(member, current).outcome).toBe(outcome);
  });

  it('a second commander is refused with the rule and a Chinese reason', () => {
    const decision = canAddCommandPostMember(
      { cadreId: '9', role: 'COMMANDER' },
      { cadreIds: ['1'], hasCommander: true },
    );
    const failed = decision.reasons.filter((r) => !r.passed);
    expect(failed.map((r) => r.ruleId)).toEqual(['COMMAND_POST.ONE_COMMANDER']);
    expect(failed[0]!.messageZh).toMatch(/已有指挥长/);
  });

  it.each([
    ['5', 'PASS'],
    ['2', 'FAIL'],
    ['1', 'FAIL'],
  ])('cadre %s joining a group led by 1 with member 2 → %s', (cadre, outcome) => {
    expect(canAddCombatGroupMember(cadre, { leaderId: '1', currentMemberIds: ['2'] }).outcome).toBe(outcome);
  });

  it.each([
    [null, 'PASS'],
    ['2019-05-01', 'FAIL'],
  ])('a membership ended on %s may end → %s', (endedOn, outcome) => {
    expect(canEndCombatGroupMembership({ endedOn }).outcome).toBe(outcome);
  });

  it.each([
    [null, 'PASS'],
    ['2019-05-01', 'FAIL'],
  ])('a commander or deputy who left office on %s may leave → %s', (endedOn, outcome) => {
    const decision = canEndCommandPostMembership({ endedOn });
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.ruleId).toBe('COMMAND_POST.MEMBERSHIP_OPEN');
  });
});

describe('withdrawn records', () => {
  it.each([
    [null, 'EDIT' as const, 'PASS'],
    ['2019-05-01', 'EDIT' as const, 'FAIL'],
    ['2019-05-01', 'WITHDRAW' as const, 'FAIL'],
  ])('a record withdrawn on %s, action %s → %s', (withdrawnOn, action, outcome) => {
    const decision = canChangeRecord({ withdrawnOn }, action);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]!.ruleId).toBe('RECORD.WITHDRAWN');
  });

  it.each([
    ['2019-03-01', 'PASS'],
    ['2019-03-02', 'PASS'],
    ['2019-02-28', 'FAIL'],
    ['2019-03-03', 'FAIL'],
  ])('a record of 2019-03-01 withdrawn on %s when today is 2019-03-02 → %s', (on, outcome) => {
    expect(checkWithdrawalDate('2019-03-01', on, '2019-03-02').outcome).toBe(outcome);
  });
});
