import { describe, expect, it } from 'vitest';
import { canSaveUnitKind, failedRuleIds } from '../src';

describe('unit writes', () => {
  it.each([
    ['COUNTY_LEADERSHIP', 0, 'PASS'],
    ['COUNTY_LEADERSHIP', 1, 'FAIL'],
    ['COUNTY_LEADERSHIP', 2, 'FAIL'],
    ['COUNTY_DEPARTMENT', 1, 'PASS'],
    ['VILLAGE_COMMITTEE', 0, 'PASS'],
  ])('saving a %s unit while the county has %i other leadership units → %s', (kind, others, outcome) => {
    expect(canSaveUnitKind(kind, others).outcome).toBe(outcome);
  });

  it('a second county leadership is refused with the rule and a Chinese and English reason', () => {
    const decision = canSaveUnitKind('COUNTY_LEADERSHIP', 1);
    expect(failedRuleIds(decision)).toEqual(['UNIT.ONE_COUNTY_LEADERSHIP']);
    expect(decision.reasons[0]!.messageZh).toMatch(/本县已有县领导班子/);
    expect(decision.reasons[0]!.messageEn).toMatch(/already has its one county leadership/);
  });
});
