import { type Decision, makeReason } from '../explanation';
import { source } from '../sources';

/**
 * The refusals of unit writes: a county has one county leadership (县领导班子), and a unit's or a cadre's
 * name fits the registers and the Excel sheets (no document sets the length; 50 characters is the
 * project's choice).
 */

export const UNIT_NAME_MAX_LENGTH = 50;
export const CADRE_NAME_MAX_LENGTH = 50;

const SOURCE = source('PROJECT_DEFAULT', 'P', '一县一个县领导班子 (单位登记口径)');

/**
 * UNIT.ONE_COUNTY_LEADERSHIP: a unit may be (or become) the county leadership only while the county has no
 * other. `otherLeadershipUnits` counts the county's leadership units other than the one being saved.
 */
export function canSaveUnitKind(kind: string, otherLeadershipUnits: number): Decision<'PASS' | 'FAIL'> {
  const passed = kind !== 'COUNTY_LEADERSHIP' || otherLeadershipUnits === 0;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'UNIT.ONE_COUNTY_LEADERSHIP',
        passed,
        facts: { kind, otherLeadershipUnits },
        source: SOURCE,
        zh: passed ? '单位类别可以保存' : '本县已有县领导班子, 一县只设一个县领导班子',
        en: passed ? 'The unit kind can be saved' : 'The county already has its one county leadership unit',
      }),
    ],
  };
}
