import { describe, expect, it } from 'vitest';
import {
  checkWorkStationStaffChange,
  checkWorkStationStaffing,
  DEFAULT_PARAMETERS,
  InvalidInputError,
  MissingParameterError,
  policyFor,
} from '../src';
import { jianghua } from './helpers';

const policy = jianghua(2026);

describe('township work station staff: 2–5 people (article, paragraph 一)', () => {
  it.each([
    [1, 'FAIL'],
    [2, 'PASS'],
    [5, 'PASS'],
    [6, 'FAIL'],
  ])('a station with %i staff → %s', (staff, outcome) => {
    const decision = checkWorkStationStaffing(staff, policy);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]).toMatchObject({
      ruleId: 'WORK_STATION.STAFF',
      params: { minStaff: 2, maxStaff: 5 },
    });
  });

  it('says why in Chinese', () => {
    expect(checkWorkStationStaffing(6, policy).reasons[0]?.messageZh).toMatch(
      /^扶贫工作站现有 6 人, 不在 2–5 人之间/,
    );
    expect(checkWorkStationStaffing(3, policy).reasons[0]?.messageEn).toMatch(/within 2–5/);
  });

  it.each([
    [4, 'ADD', 'PASS', 5],
    [5, 'ADD', 'FAIL', 6],
    [0, 'ADD', 'PASS', 1],
    [3, 'REMOVE', 'PASS', 2],
    [2, 'REMOVE', 'FAIL', 1],
    [7, 'REMOVE', 'PASS', 6],
  ] as const)('%i staff, %s one → %s (%i after)', (before, change, outcome, after) => {
    const decision = checkWorkStationStaffChange(before, change, policy);
    expect(decision.outcome).toBe(outcome);
    expect(decision.reasons[0]?.facts).toEqual({ staffBefore: before, staffAfter: after, change });
  });

  it('explains a 6th person and leaving only one', () => {
    expect(checkWorkStationStaffChange(5, 'ADD', policy).reasons[0]?.messageZh).toMatch(
      /^扶贫工作站已有 5 人, 不能超过 5 人/,
    );
    expect(checkWorkStationStaffChange(2, 'REMOVE', policy).reasons[0]?.messageZh).toMatch(
      /^扶贫工作站仅有 2 人, 不能少于 2 人/,
    );
    expect(checkWorkStationStaffChange(5, 'ADD', policy).reasons[0]?.messageEn).toMatch(/at most 5/);
    expect(checkWorkStationStaffChange(2, 'REMOVE', policy).reasons[0]?.messageEn).toMatch(/at least 2/);
    expect(checkWorkStationStaffChange(3, 'ADD', policy).reasons[0]?.messageZh).toMatch(
      /^调整后扶贫工作站 4 人 \(规则 WORK_STATION.STAFF, 依据 《江华县:建立"六大机制"凝聚攻坚合力》/,
    );
    expect(checkWorkStationStaffChange(3, 'ADD', policy).reasons[0]?.messageEn).toMatch(/would have 4 staff/);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => checkWorkStationStaffing(-1, policy)).toThrow(InvalidInputError);
    expect(() => checkWorkStationStaffChange(2.5, 'ADD', policy)).toThrow(InvalidInputError);
  });

  it('is a county parameter: another county without it gets MissingParameterError', () => {
    const elsewhere = policyFor(DEFAULT_PARAMETERS, 2026, { province: '430000', county: '430100' });
    expect(() => checkWorkStationStaffing(3, elsewhere)).toThrow(MissingParameterError);
  });
});
