import { addDays, addYears, type CalendarDate, requireCalendarDate } from '../calendar';
import { requireCount, requirePositiveCount } from '../errors';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import type { Policy } from '../parameters';
import { type Ratio, ratio } from '../ratio';

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
