import {
  addDays,
  addYears,
  type CalendarDate,
  type CalendarMonth,
  daysInMonth,
  firstDayOfMonth,
  parseCalendarMonth,
  requireCalendarDate,
  shanghaiDate,
} from './calendar';
import type { HouseholdStatus } from './enums';
import { requireCount, requirePositiveCount } from './errors';
import { allPassed, type Decision, makeReason, type Reason } from './explanation';
import { groupBy } from './grouping';
import type { Policy } from './parameters';
import { ceilRatio, type Ratio, ratio } from './ratio';
import { source } from './sources';

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

export interface Visit {
  id: string;
  householdId: string;
  visitorId: string;
  /** The instant of the visit (ISO string with Z or an offset, or a Date). */
  at: string | Date;
}

export type UncountedVisitReason = 'NOT_PAIRED_HELPER' | 'OUTSIDE_PAIRING_PERIOD' | 'SAME_DAY_REPEAT';

export interface PairingMonthShare {
  pairingId: string;
  helperId: string;
  activeDays: number;
  /** This pairing's own pro-rated requirement (informative; the verdict is the household's). */
  requiredVisits: number;
  countedVisitDays: number;
}

export interface VisitCompliance extends Decision<'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_REQUIRED'> {
  householdId: string;
  month: CalendarMonth;
  daysInMonth: number;
  /** Days of the month on which the household had at least one active pairing. */
  coveredDays: number;
  requiredVisits: number;
  countedVisitDays: number;
  pairings: PairingMonthShare[];
  uncounted: { visitId: string; day: CalendarDate; reason: UncountedVisitReason }[];
}

/**
 * Visits required for `activeDays` of a `monthDays`-day month: visitsPerMonth pro rata, rounded half up.
 * With 2 a month in a 31-day month: 24+ days → 2, 8–23 days → 1, under 8 days → 0.
 */
export function requiredVisits(activeDays: number, monthDays: number, visitsPerMonth: number): number {
  return Math.floor((2 * visitsPerMonth * activeDays + monthDays) / (2 * monthDays));
}

/**
 * Visit compliance of one household in one calendar month (Asia/Shanghai). A visit counts when its
 * visitor is the helper of one of the household's pairings active on the visit's Shanghai day; visits
 * are counted as distinct days (two on one day count once). When helpers change mid-month the household's
 * requirement covers the days any pairing was active, and visits of every paired helper count toward it.
 */
export function visitCompliance(
  householdId: string,
  month: CalendarMonth,
  pairings: readonly Pairing[],
  visits: readonly Visit[],
  policy: Policy,
): VisitCompliance {
  const { year, month: monthNumber } = parseCalendarMonth(month);
  const monthDays = daysInMonth(year, monthNumber);
  const visitsPerMonth = policy.resolve('pairing.visitsPerMonth');
  const own = pairings.filter((p) => p.householdId === householdId);
  const days = Array.from({ length: monthDays }, (_, index) => addDays(firstDayOfMonth(month), index));
  const coveredDays = days.filter((day) => own.some((p) => isPairingActive(p, day))).length;
  const counted = new Map<CalendarDate, string>();
  const uncounted: VisitCompliance['uncounted'] = [];
  const monthVisits = visits
    .filter((visit) => visit.householdId === householdId)
    .map((visit) => ({
      visit,
      day: shanghaiDate(visit.at, `visit ${visit.id}`),
      time: new Date(visit.at).getTime(),
    }))
    .filter((entry) => entry.day.startsWith(`${month}-`))
    .sort((a, b) => a.time - b.time);
  for (const { visit, day } of monthVisits) {
    const pairing = own.find((p) => p.helperId === visit.visitorId && isPairingActive(p, day));
    if (!pairing) {
      const isHelper = own.some((p) => p.helperId === visit.visitorId);
      uncounted.push({
        visitId: visit.id,
        day,
        reason: isHelper ? 'OUTSIDE_PAIRING_PERIOD' : 'NOT_PAIRED_HELPER',
      });
    } else if (counted.has(day)) {
      uncounted.push({ visitId: visit.id, day, reason: 'SAME_DAY_REPEAT' });
    } else {
      counted.set(day, pairing.id);
    }
  }
  const shares = own
    .map((p) => ({ pairing: p, activeDays: days.filter((day) => isPairingActive(p, day)).length }))
    .filter((entry) => entry.activeDays > 0)
    .map(({ pairing, activeDays }) => ({
      pairingId: pairing.id,
      helperId: pairing.helperId,
      activeDays,
      requiredVisits: requiredVisits(activeDays, monthDays, visitsPerMonth.value),
      countedVisitDays: [...counted.values()].filter((id) => id === pairing.id).length,
    }));
  const required = requiredVisits(coveredDays, monthDays, visitsPerMonth.value);
  const outcome = required === 0 ? 'NOT_REQUIRED' : counted.size >= required ? 'COMPLIANT' : 'NON_COMPLIANT';
  const reason = makeReason({
    ruleId: 'VISIT.MONTHLY',
    passed: outcome !== 'NON_COMPLIANT',
    params: {
      visitsPerMonth: visitsPerMonth.value,
      proRata: 'round half up of visitsPerMonth × coveredDays ÷ daysInMonth',
    },
    facts: {
      householdId,
      month,
      daysInMonth: monthDays,
      coveredDays,
      requiredVisits: required,
      countedVisitDays: counted.size,
    },
    source: visitsPerMonth.source,
    zh: `${month} 应走访 ${required} 次 (结对 ${coveredDays}/${monthDays} 天), 有效走访 ${counted.size} 次`,
    en: `${month}: ${required} visit(s) required (paired ${coveredDays}/${monthDays} days), ${counted.size} counted`,
  });
  return {
    outcome,
    reasons: [reason],
    householdId,
    month,
    daysInMonth: monthDays,
    coveredDays,
    requiredVisits: required,
    countedVisitDays: counted.size,
    pairings: shares,
    uncounted,
  };
}

/** visitCompliance for every household with a pairing active at some point in `month`. */
export function monthlyVisitCompliance(
  month: CalendarMonth,
  pairings: readonly Pairing[],
  visits: readonly Visit[],
  policy: Policy,
): VisitCompliance[] {
  const pairingsByHousehold = groupBy(pairings, (p) => p.householdId);
  const visitsByHousehold = groupBy(visits, (v) => v.householdId);
  return [...pairingsByHousehold]
    .map(([householdId, own]) =>
      visitCompliance(householdId, month, own, visitsByHousehold.get(householdId) ?? [], policy),
    )
    .filter((result) => result.coveredDays > 0);
}

export interface TeamMember {
  cadreId: string;
  startDate: CalendarDate;
  /** Last day served (inclusive); null = still serving. */
  endDate: CalendarDate | null;
}

/**
 * Whether a member's service meets the minimum term. Service through day X (inclusive) counts as N
 * years when X + 1 day is on or after the Nth anniversary of the start (29 Feb rolls to 1 Mar):
 * 2024-01-01 → 2025-12-31 is 2 years; 2024-02-29 → 2026-02-28 is 2 years.
 */
export function checkMemberTerm(
  member: TeamMember,
  policy: Policy,
  asOf: CalendarDate,
): Decision<'MET' | 'SHORT' | 'SERVING'> & { lastDayToComplete: CalendarDate } {
  requireCalendarDate(asOf, 'asOf');
  const minYears = policy.resolve('team.minYears');
  const lastDayToComplete = addDays(addYears(member.startDate, minYears.value, 'startDate'), -1);
  const servedThrough = member.endDate ?? asOf;
  const met = servedThrough >= lastDayToComplete;
  const outcome = met ? 'MET' : member.endDate === null ? 'SERVING' : 'SHORT';
  const zh = {
    MET: `自 ${member.startDate} 起已驻村满 ${minYears.value} 年`,
    SERVING: `在岗, ${lastDayToComplete} 期满 ${minYears.value} 年`,
    SHORT: `驻村 ${member.startDate} 至 ${member.endDate} 不满 ${minYears.value} 年`,
  }[outcome];
  const en = {
    MET: `Served ${minYears.value} years from ${member.startDate}`,
    SERVING: `Serving; the ${minYears.value}-year term completes on ${lastDayToComplete}`,
    SHORT: `Served ${member.startDate} to ${member.endDate}, under ${minYears.value} years`,
  }[outcome];
  return {
    outcome,
    lastDayToComplete,
    reasons: [
      makeReason({
        ruleId: 'TEAM.TERM',
        passed: outcome !== 'SHORT',
        params: { minYears: minYears.value },
        facts: { cadreId: member.cadreId, startDate: member.startDate, endDate: member.endDate, asOf },
        source: minYears.source,
        zh,
        en,
      }),
    ],
  };
}

/** A village work team (驻村工作队): at least the minimum members active on `asOf`; no member left short of the term. */
export function checkWorkTeam(
  team: { villageId: string; members: TeamMember[] },
  asOf: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> & { activeMembers: number } {
  requireCalendarDate(asOf, 'asOf');
  const minMembers = policy.resolve('team.minMembers');
  const active = team.members.filter((m) => m.startDate <= asOf && (m.endDate === null || asOf <= m.endDate));
  const strong = active.length >= minMembers.value;
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'TEAM.STRENGTH',
      passed: strong,
      params: { minMembers: minMembers.value },
      facts: { villageId: team.villageId, asOf, activeMembers: active.length },
      source: minMembers.source,
      zh: `工作队在岗 ${active.length} 人${strong ? ', 不少于' : ', 少于'} ${minMembers.value} 人`,
      en: `${active.length} active member(s), ${strong ? 'at least' : 'fewer than'} ${minMembers.value}`,
    }),
  ];
  const departedShort = team.members
    .filter((m) => m.endDate !== null && m.endDate < asOf)
    .map((m) => checkMemberTerm(m, policy, asOf))
    .filter((result) => result.outcome === 'SHORT');
  for (const result of departedShort) reasons.push(...result.reasons);
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', activeMembers: active.length, reasons };
}

export interface StaffingFeasibility extends Decision<'PASS' | 'FAIL'> {
  minimumMembers: number;
  averagePerVillage: Ratio;
  shortfall: number;
}

/**
 * Can `members` cadres staff `villages` teams at the minimum size each? Used on published totals, where
 * individual teams are unknown: the total must reach villages × minimum.
 */
export function teamStaffingFeasibility(
  input: { members: number; villages: number },
  policy: Policy,
): StaffingFeasibility {
  requireCount(input.members, 'members');
  requirePositiveCount(input.villages, 'villages');
  const minMembers = policy.resolve('team.minMembers');
  const minimumMembers = input.villages * minMembers.value;
  const passed = input.members >= minimumMembers;
  const shortfall = Math.max(0, minimumMembers - input.members);
  const averagePerVillage = ratio(input.members, input.villages);
  // Display only, truncated to two decimals: 358 ÷ 192 → "1.86".
  const average = (Math.floor((input.members * 100) / input.villages) / 100).toFixed(2);
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    minimumMembers,
    averagePerVillage,
    shortfall,
    reasons: [
      makeReason({
        ruleId: 'TEAM.STRENGTH_TOTAL',
        passed,
        params: { minMembers: minMembers.value },
        facts: {
          members: input.members,
          villages: input.villages,
          minimumMembers,
          shortfall,
          averagePerVillage: average,
        },
        source: minMembers.source,
        zh: passed
          ? `${input.villages} 个村至少需 ${minimumMembers} 名队员, 现有 ${input.members} 名, 可每村 ${minMembers.value} 人以上`
          : `${input.villages} 个村至少需 ${minimumMembers} 名队员, 仅有 ${input.members} 名 (平均每村 ${average} 人), 缺 ${shortfall} 名, 不可能每村 ${minMembers.value} 人以上`,
        en: passed
          ? `${input.villages} villages need at least ${minimumMembers} members; ${input.members} suffice`
          : `${input.villages} villages need at least ${minimumMembers} members; only ${input.members} (${average} per village), ${shortfall} short`,
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
