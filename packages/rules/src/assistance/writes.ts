import { addDays, type CalendarDate, shanghaiDate } from '../calendar';
import { requireCount } from '../errors';
import { type Decision, makeReason, type Reason } from '../explanation';
import type { Policy } from '../parameters';
import { source } from '../sources';

/**
 * The refusals of assistance writes (pairing, ending a pairing, recording a visit, work-team rosters), each
 * a rule with its explanation, so the API turns them into typed errors and the console can ask first.
 */

const PAIRING_SOURCE = source('ARTICLE_2019', 'A', '结对帮扶: 每户一名帮扶责任人');
const VISIT_SOURCE = source('ARTICLE_2019', 'A', '固定走访日, 三走访三签字');
const TEAM_SOURCE = source('TEAM_2017', 'N', '驻村工作队选派管理');

/** A device's clock may run this far ahead of the server's before a visit counts as "in the future". */
export const VISIT_CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: reasons.every((reason) => reason.passed) ? 'PASS' : 'FAIL',
  reasons,
});

export interface PairingRequest {
  householdId: string;
  helperId: string;
  /** Open pairings the helper has now. */
  helperActiveHouseholds: number;
  /** The household's open pairing, if any. */
  current: { helperId: string; startDate: CalendarDate } | null;
  /** The request says to replace the household's current helper (更换帮扶责任人). */
  replaceCurrent: boolean;
  startDate: CalendarDate;
  today: CalendarDate;
}

/** PAIRING.CAP (as the helper's count before the write), with the numbers the clerk sees. */
export function helperCapReason(helperId: string, activeHouseholds: number, policy: Policy): Reason {
  requireCount(activeHouseholds, 'activeHouseholds');
  const cap = policy.resolve('pairing.maxHouseholdsPerHelper');
  const passed = activeHouseholds < cap.value;
  return makeReason({
    ruleId: 'PAIRING.CAP',
    passed,
    params: { maxHouseholdsPerHelper: cap.value },
    facts: { helperId, activeHouseholds },
    source: cap.source,
    zh: passed
      ? `该帮扶责任人已结对${activeHouseholds}户, 上限${cap.value}户, 可再结对`
      : `该帮扶责任人已结对${activeHouseholds}户, 上限${cap.value}户`,
    en: passed
      ? `The helper has ${activeHouseholds} households, below the cap of ${cap.value}`
      : `The helper already has ${activeHouseholds} households, the cap is ${cap.value}`,
  });
}

/**
 * PAIRING.CAP, PAIRING.ALREADY_PAIRED, PAIRING.SAME_HELPER and PAIRING.START_DATE: a helper under the cap
 * takes a household that has no helper, or replaces its helper when asked to (the old pairing ends the
 * day before the new one starts); the start is not in the future nor before the current pairing began.
 */
export function canPairHelper(request: PairingRequest, policy: Policy): Decision<'PASS' | 'FAIL'> {
  const { current, startDate, today } = request;
  const reasons = [helperCapReason(request.helperId, request.helperActiveHouseholds, policy)];
  const free = current === null || request.replaceCurrent;
  reasons.push(
    makeReason({
      ruleId: 'PAIRING.ALREADY_PAIRED',
      passed: free,
      facts: { householdId: request.householdId, currentHelperId: current?.helperId ?? null },
      source: PAIRING_SOURCE,
      zh: free
        ? '该户可以结对'
        : `该户已有帮扶责任人 (自 ${current?.startDate} 起), 更换须选择"更换帮扶责任人"`,
      en: free
        ? 'The household may be paired'
        : `The household already has a helper (since ${current?.startDate}); replacing needs replaceCurrent`,
    }),
  );
  const same = current !== null && current.helperId === request.helperId;
  reasons.push(
    makeReason({
      ruleId: 'PAIRING.SAME_HELPER',
      passed: !same,
      facts: { householdId: request.householdId, helperId: request.helperId },
      source: PAIRING_SOURCE,
      zh: same ? '该户已由该帮扶责任人结对帮扶' : '新的帮扶责任人',
      en: same ? 'The household is already paired with this helper' : 'A different helper',
    }),
  );
  const earliest = current?.startDate ?? null;
  const dated = startDate <= today && (earliest === null || startDate >= earliest);
  reasons.push(
    makeReason({
      ruleId: 'PAIRING.START_DATE',
      passed: dated,
      facts: { startDate, today, currentStartDate: earliest },
      source: PAIRING_SOURCE,
      zh: dated
        ? `结对自 ${startDate} 起`
        : startDate > today
          ? `结对开始日期 ${startDate} 晚于今天 ${today}`
          : `结对开始日期 ${startDate} 早于原结对开始日期 ${earliest}`,
      en: dated
        ? `Paired from ${startDate}`
        : startDate > today
          ? `The start ${startDate} is after today ${today}`
          : `The start ${startDate} is before the current pairing's start ${earliest}`,
    }),
  );
  return decide(reasons);
}

/** PAIRING.ALREADY_ENDED and PAIRING.END_DATE: an open pairing ends on a day from the day before its start to today. */
export function canEndPairing(
  pairing: { id: string; startDate: CalendarDate; endDate: CalendarDate | null },
  endDate: CalendarDate,
  today: CalendarDate,
): Decision<'PASS' | 'FAIL'> {
  return decide([
    stillOpen('PAIRING.ALREADY_ENDED', pairing, '结对', 'pairing'),
    endDateReason('PAIRING.END_DATE', pairing.startDate, endDate, today, PAIRING_SOURCE, -1),
  ]);
}

function stillOpen(
  ruleId: string,
  row: { id: string; endDate: CalendarDate | null },
  zh: string,
  en: string,
) {
  const open = row.endDate === null;
  return makeReason({
    ruleId,
    passed: open,
    facts: { id: row.id, endDate: row.endDate },
    source: ruleId.startsWith('TEAM') ? TEAM_SOURCE : PAIRING_SOURCE,
    zh: open ? `${zh}尚未结束` : `${zh}已于 ${row.endDate} 结束`,
    en: open ? `The ${en} is open` : `The ${en} ended on ${row.endDate}`,
  });
}

function endDateReason(
  ruleId: string,
  startDate: CalendarDate,
  endDate: CalendarDate,
  today: CalendarDate,
  ref: ReturnType<typeof source>,
  slackDays: number,
) {
  const earliest = addDays(startDate, slackDays);
  const passed = endDate >= earliest && endDate <= today;
  return makeReason({
    ruleId,
    passed,
    facts: { startDate, endDate, today },
    source: ref,
    zh: passed
      ? `结束日期 ${endDate}`
      : endDate > today
        ? `结束日期 ${endDate} 晚于今天 ${today}`
        : `结束日期 ${endDate} 早于开始日期 ${startDate}`,
    en: passed
      ? `Ends on ${endDate}`
      : endDate > today
        ? `The end ${endDate} is after today ${today}`
        : `The end ${endDate} is before the start ${startDate}`,
  });
}

export interface VisitRequest {
  pairing: { id: string; startDate: CalendarDate; endDate: CalendarDate | null };
  /** The instant of the visit (ISO with Z or an offset). */
  occurredAt: string;
  /** The server's instant (the API's clock). */
  now: string;
  /** The recorder is a helper only (no clerk role), and whether the pairing is theirs. */
  helperOnly: boolean;
  ownPairing: boolean;
}

/**
 * VISIT.OWN_PAIRING, VISIT.WITHIN_PAIRING and VISIT.NOT_IN_FUTURE: a helper records visits of their own
 * pairings (clerks any in their jurisdiction), on a Shanghai day the pairing was active, not after now.
 */
export function canRecordVisit(request: VisitRequest): Decision<'PASS' | 'FAIL'> {
  const { pairing } = request;
  const own = !request.helperOnly || request.ownPairing;
  const day = shanghaiDate(request.occurredAt, 'occurredAt');
  const afterStart = day >= pairing.startDate;
  const beforeEnd = pairing.endDate === null || day <= pairing.endDate;
  const aheadMs = Date.parse(request.occurredAt) - Date.parse(request.now);
  const past = aheadMs <= VISIT_CLOCK_TOLERANCE_MS;
  return decide([
    makeReason({
      ruleId: 'VISIT.OWN_PAIRING',
      passed: own,
      facts: { pairingId: pairing.id, helperOnly: request.helperOnly, ownPairing: request.ownPairing },
      source: VISIT_SOURCE,
      zh: own ? '可登记该结对的走访' : '帮扶责任人只能登记本人结对户的走访',
      en: own ? 'May record visits of this pairing' : 'A helper records visits only of their own pairings',
    }),
    makeReason({
      ruleId: 'VISIT.WITHIN_PAIRING',
      passed: afterStart && beforeEnd,
      facts: { day, startDate: pairing.startDate, endDate: pairing.endDate },
      source: VISIT_SOURCE,
      zh: !afterStart
        ? `走访日期 ${day} 早于结对开始日期 ${pairing.startDate}`
        : !beforeEnd
          ? `走访日期 ${day} 晚于结对结束日期 ${pairing.endDate}`
          : `走访日期 ${day} 在结对期内`,
      en: !afterStart
        ? `The visit day ${day} is before the pairing began on ${pairing.startDate}`
        : !beforeEnd
          ? `The visit day ${day} is after the pairing ended on ${pairing.endDate}`
          : `The visit day ${day} is within the pairing`,
    }),
    makeReason({
      ruleId: 'VISIT.NOT_IN_FUTURE',
      passed: past,
      params: { toleranceMinutes: VISIT_CLOCK_TOLERANCE_MS / 60_000 },
      facts: { occurredAt: request.occurredAt, now: request.now },
      source: VISIT_SOURCE,
      zh: past ? '走访时间不晚于当前时间' : `走访时间 ${request.occurredAt} 晚于当前时间 ${request.now}`,
      en: past
        ? 'The visit is not in the future'
        : `The visit at ${request.occurredAt} is after now (${request.now})`,
    }),
  ]);
}

/** TEAM.VILLAGE_HAS_TEAM and TEAM.START_DATE: a village has one open work team; it starts no later than today. */
export function canCreateWorkTeam(input: {
  villageId: string;
  openTeamId: string | null;
  startDate: CalendarDate;
  today: CalendarDate;
}): Decision<'PASS' | 'FAIL'> {
  const free = input.openTeamId === null;
  const dated = input.startDate <= input.today;
  return decide([
    makeReason({
      ruleId: 'TEAM.VILLAGE_HAS_TEAM',
      passed: free,
      facts: { villageId: input.villageId, openTeamId: input.openTeamId },
      source: TEAM_SOURCE,
      zh: free ? '该村尚无在岗工作队' : '该村已有在岗驻村工作队',
      en: free ? 'The village has no open work team' : 'The village already has an open work team',
    }),
    makeReason({
      ruleId: 'TEAM.START_DATE',
      passed: dated,
      facts: { startDate: input.startDate, today: input.today },
      source: TEAM_SOURCE,
      zh: dated ? `自 ${input.startDate} 起驻村` : `开始日期 ${input.startDate} 晚于今天 ${input.today}`,
      en: dated ? `From ${input.startDate}` : `The start ${input.startDate} is after today ${input.today}`,
    }),
  ]);
}

/** TEAM.OPEN, TEAM.ALREADY_MEMBER and TEAM.MEMBER_START: an open team takes a cadre not on it, from its start to today. */
export function canAddTeamMember(input: {
  team: { id: string; startDate: CalendarDate; endDate: CalendarDate | null };
  cadreId: string;
  alreadyMember: boolean;
  startDate: CalendarDate;
  today: CalendarDate;
}): Decision<'PASS' | 'FAIL'> {
  const { team, startDate, today } = input;
  const dated = startDate >= team.startDate && startDate <= today;
  return decide([
    stillOpen('TEAM.OPEN', team, '工作队', 'work team'),
    makeReason({
      ruleId: 'TEAM.ALREADY_MEMBER',
      passed: !input.alreadyMember,
      facts: { teamId: team.id, cadreId: input.cadreId },
      source: TEAM_SOURCE,
      zh: input.alreadyMember ? '该干部已是本工作队在岗队员' : '该干部不在本工作队',
      en: input.alreadyMember ? 'The cadre is already on the team' : 'The cadre is not on the team',
    }),
    makeReason({
      ruleId: 'TEAM.MEMBER_START',
      passed: dated,
      facts: { startDate, teamStartDate: team.startDate, today },
      source: TEAM_SOURCE,
      zh: dated
        ? `自 ${startDate} 起驻村`
        : startDate > today
          ? `开始日期 ${startDate} 晚于今天 ${today}`
          : `开始日期 ${startDate} 早于工作队成立日期 ${team.startDate}`,
      en: dated
        ? `From ${startDate}`
        : startDate > today
          ? `The start ${startDate} is after today ${today}`
          : `The start ${startDate} is before the team's start ${team.startDate}`,
    }),
  ]);
}

/** TEAM.MEMBERSHIP_ENDED and TEAM.MEMBERSHIP_END_DATE: an open membership ends between its start and today. */
export function canEndTeamMembership(
  member: { id: string; startDate: CalendarDate; endDate: CalendarDate | null },
  endDate: CalendarDate,
  today: CalendarDate,
): Decision<'PASS' | 'FAIL'> {
  return decide([
    stillOpen('TEAM.MEMBERSHIP_ENDED', member, '驻村任职', 'membership'),
    endDateReason('TEAM.MEMBERSHIP_END_DATE', member.startDate, endDate, today, TEAM_SOURCE, 0),
  ]);
}
