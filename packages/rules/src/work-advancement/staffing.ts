import { InvalidInputError } from '../errors';
import { type Decision, makeReason } from '../explanation';
import type { Policy } from '../parameters';

export type StaffChange = 'ADD' | 'REMOVE';

function requireStaffCount(staff: number) {
  if (!Number.isInteger(staff) || staff < 0)
    throw new InvalidInputError('staff', `expected a whole number ≥ 0, got ${staff}`);
}

/** A township work station (扶贫工作站) has 2–5 staff (ARTICLE_2019 [A]); the range is a county parameter. */
export function checkWorkStationStaffing(staff: number, policy: Policy): Decision<'PASS' | 'FAIL'> {
  requireStaffCount(staff);
  const range = policy.resolve('workStation.staffRange');
  const { min, max } = range.value;
  const passed = staff >= min && staff <= max;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'WORK_STATION.STAFF',
        passed,
        params: { minStaff: min, maxStaff: max },
        facts: { staff },
        source: range.source,
        zh: passed
          ? `扶贫工作站现有 ${staff} 人, 在 ${min}–${max} 人之间`
          : `扶贫工作站现有 ${staff} 人, 不在 ${min}–${max} 人之间`,
        en: passed
          ? `the work station has ${staff} staff, within ${min}–${max}`
          : `the work station has ${staff} staff, outside ${min}–${max}`,
      }),
    ],
  };
}

/**
 * A change of a work station's staff: refused when it would take a station that is inside the range out of
 * it (a 6th person, or leaving 1). A station already outside the range may move toward it.
 */
export function checkWorkStationStaffChange(
  staffBefore: number,
  change: StaffChange,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  requireStaffCount(staffBefore);
  const range = policy.resolve('workStation.staffRange');
  const { min, max } = range.value;
  const after = change === 'ADD' ? staffBefore + 1 : staffBefore - 1;
  const passed = change === 'ADD' ? after <= max || staffBefore < min : after >= min || staffBefore > max;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'WORK_STATION.STAFF',
        passed,
        params: { minStaff: min, maxStaff: max },
        facts: { staffBefore, staffAfter: after, change },
        source: range.source,
        zh: passed
          ? `调整后扶贫工作站 ${after} 人`
          : change === 'ADD'
            ? `扶贫工作站已有 ${staffBefore} 人, 不能超过 ${max} 人`
            : `扶贫工作站仅有 ${staffBefore} 人, 不能少于 ${min} 人`,
        en: passed
          ? `the work station would have ${after} staff`
          : change === 'ADD'
            ? `the work station already has ${staffBefore} staff; at most ${max}`
            : `the work station has only ${staffBefore} staff; at least ${min}`,
      }),
    ],
  };
}
