import { type CalendarDate, requireCalendarDate } from '../calendar';
import type { HouseholdStatus } from '../enums';
import { requireCount } from '../errors';
import { type Decision, makeReason } from '../explanation';
import type { Policy } from '../parameters';
import { ceilRatio, ratio } from '../ratio';
import { source } from '../sources';

/** Helper ↔ household. Dates are Shanghai calendar days; endDate is the last day (inclusive), null = open. */
export interface Pairing {
  id: string;
  helperId: string;
  householdId: string;
  startDate: CalendarDate;
  endDate: CalendarDate | null;
}

export function isPairingActive(pairing: Pairing, day: CalendarDate): boolean {
  return pairing.startDate <= day && (pairing.endDate === null || day <= pairing.endDate);
}

/**
 * Pairing cap (每人帮扶不超过5户): may a helper who already has `activeHouseholds` take one more?
 * With the default of 5, the 5th household is allowed and the 6th refused.
 */
export function canAddPairing(activeHouseholds: number, policy: Policy): Decision<'PASS' | 'FAIL'> {
  requireCount(activeHouseholds, 'activeHouseholds');
  const cap = policy.resolve('pairing.maxHouseholdsPerHelper');
  const after = activeHouseholds + 1;
  const passed = after <= cap.value;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'PAIRING.CAP',
        passed,
        params: { maxHouseholdsPerHelper: cap.value },
        facts: { activeHouseholds, afterAdding: after },
        source: cap.source,
        zh: passed
          ? `结对后帮扶 ${after} 户, 不超过 ${cap.value} 户`
          : `结对后将帮扶 ${after} 户, 超过每人 ${cap.value} 户上限`,
        en: passed
          ? `${after} households after pairing, within the cap of ${cap.value}`
          : `${after} households after pairing would exceed the cap of ${cap.value}`,
      }),
    ],
  };
}

export interface HelperLoad {
  helperId: string;
  activeHouseholds: number;
}

/** Active households per helper on `asOf`, and every helper above the cap. */
export function checkHelperLoads(
  pairings: readonly Pairing[],
  asOf: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> & { loads: HelperLoad[]; overloaded: HelperLoad[] } {
  requireCalendarDate(asOf, 'asOf');
  const cap = policy.resolve('pairing.maxHouseholdsPerHelper');
  const households = new Map<string, Set<string>>();
  for (const pairing of pairings.filter((p) => isPairingActive(p, asOf))) {
    const set = households.get(pairing.helperId) ?? new Set<string>();
    set.add(pairing.householdId);
    households.set(pairing.helperId, set);
  }
  const loads = [...households].map(([helperId, set]) => ({ helperId, activeHouseholds: set.size }));
  const overloaded = loads.filter((load) => load.activeHouseholds > cap.value);
  const passed = overloaded.length === 0;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    loads,
    overloaded,
    reasons: [
      makeReason({
        ruleId: 'PAIRING.CAP',
        passed,
        params: { maxHouseholdsPerHelper: cap.value },
        facts: { asOf, helpers: loads.length, overloadedHelperIds: overloaded.map((load) => load.helperId) },
        source: cap.source,
        zh: passed
          ? `${loads.length} 名帮扶责任人均不超过 ${cap.value} 户`
          : `${overloaded.length} 名帮扶责任人超过 ${cap.value} 户`,
        en: passed
          ? `All ${loads.length} helpers within ${cap.value} households`
          : `${overloaded.length} helper(s) above ${cap.value} households`,
      }),
    ],
  };
}

export interface CoverageHousehold {
  id: string;
  status: HouseholdStatus;
  /** Edge household or monitoring object (边缘户/监测对象). */
  monitored: boolean;
}

export interface CoverageResult extends Decision<'PASS' | 'FAIL'> {
  requiringHelper: number;
  uncovered: string[];
  doubleCovered: { householdId: string; helperIds: string[] }[];
}

/** Poor (POOR, RETURNED) and edge/monitored households need exactly one active helper. */
export function needsHelper(household: CoverageHousehold): boolean {
  return household.status === 'POOR' || household.status === 'RETURNED' || household.monitored;
}

/** Coverage (两个全覆盖): every poor and edge household has exactly one active helper on `asOf`. */
export function checkCoverage(
  households: readonly CoverageHousehold[],
  pairings: readonly Pairing[],
  asOf: CalendarDate,
): CoverageResult {
  requireCalendarDate(asOf, 'asOf');
  const helpersByHousehold = new Map<string, Set<string>>();
  for (const pairing of pairings.filter((p) => isPairingActive(p, asOf))) {
    const set = helpersByHousehold.get(pairing.householdId) ?? new Set<string>();
    set.add(pairing.helperId);
    helpersByHousehold.set(pairing.householdId, set);
  }
  const requiring = households.filter(needsHelper);
  const uncovered = requiring.filter((h) => !helpersByHousehold.has(h.id)).map((h) => h.id);
  const doubleCovered = requiring
    .map((h) => ({ householdId: h.id, helperIds: [...(helpersByHousehold.get(h.id) ?? [])] }))
    .filter((entry) => entry.helperIds.length > 1);
  const passed = uncovered.length === 0 && doubleCovered.length === 0;
  const ref = source('ARTICLE_2019', 'A', '两个全覆盖; each edge household one helper');
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    requiringHelper: requiring.length,
    uncovered,
    doubleCovered,
    reasons: [
      makeReason({
        ruleId: 'PAIRING.COVERAGE',
        passed: uncovered.length === 0,
        facts: { asOf, requiringHelper: requiring.length, uncovered },
        source: ref,
        zh: `${requiring.length} 户贫困户和边缘户中 ${uncovered.length} 户没有帮扶责任人`,
        en: `${uncovered.length} of ${requiring.length} poor and edge households have no helper`,
      }),
      makeReason({
        ruleId: 'PAIRING.SINGLE_HELPER',
        passed: doubleCovered.length === 0,
        facts: { asOf, doubleCovered: doubleCovered.map((entry) => entry.householdId) },
        source: ref,
        zh: `${doubleCovered.length} 户同时有多名帮扶责任人`,
        en: `${doubleCovered.length} household(s) have more than one active helper`,
      }),
    ],
  };
}

/** Can `helpers` pair with `households` within the cap? The minimum is ⌈households ÷ cap⌉ helpers. */
export function pairingCapacityFeasibility(
  input: { helpers: number; households: number },
  policy: Policy,
): Decision<'PASS' | 'FAIL'> & { minimumHelpers: number } {
  requireCount(input.helpers, 'helpers');
  requireCount(input.households, 'households');
  const cap = policy.resolve('pairing.maxHouseholdsPerHelper');
  const minimumHelpers = ceilRatio(ratio(input.households, cap.value));
  const passed = input.helpers >= minimumHelpers;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    minimumHelpers,
    reasons: [
      makeReason({
        ruleId: 'PAIRING.CAPACITY_TOTAL',
        passed,
        params: { maxHouseholdsPerHelper: cap.value },
        facts: { helpers: input.helpers, households: input.households, minimumHelpers },
        source: cap.source,
        zh: `${input.households} 户按每人不超过 ${cap.value} 户至少需 ${minimumHelpers} 名帮扶责任人, 现有 ${input.helpers} 名${passed ? ', 可以实现' : ', 无法实现'}`,
        en: `${input.households} households at ≤ ${cap.value} each need ≥ ${minimumHelpers} helpers; ${input.helpers} ${passed ? 'suffice' : 'do not suffice'}`,
      }),
    ],
  };
}
