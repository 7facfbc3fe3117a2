import {
  addDays,
  type CalendarDate,
  type CalendarMonth,
  daysInMonth,
  firstDayOfMonth,
  parseCalendarMonth,
  shanghaiDate,
} from '../calendar';
import { type Decision, makeReason } from '../explanation';
import { groupBy } from '../grouping';
import type { Policy } from '../parameters';
import { isPairingActive, type Pairing } from './pairing';

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
