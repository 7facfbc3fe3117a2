import type { CalendarDate } from '../calendar';
import { type Decision, makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * The refusals of the assistance records beside the pairings: a campaign or publicity drive (专项活动,
 * 政策宣传) as it was held, and withdrawing a village work team (撤销驻村工作队), which keeps its history.
 */

const ACTIVITY_SOURCE = source('ARTICLE_2019', 'A', '三走访三签字, 千名干部下基层, 政策入户宣传20余万份');
const TEAM_SOURCE = source('TEAM_2017', 'N', '驻村工作队选派管理');

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: reasons.every((reason) => reason.passed) ? 'PASS' : 'FAIL',
  reasons,
});

export interface ActivityRecord {
  kind: 'CAMPAIGN' | 'PUBLICITY';
  startDate: CalendarDate;
  endDate: CalendarDate;
  participants: number;
  copiesDistributed: number;
}

/**
 * ACTIVITY.DATES, ACTIVITY.NOT_IN_FUTURE and ACTIVITY.PUBLICITY_COPIES: an activity is recorded as held,
 * so it starts no later than today and ends on or after its start; a publicity drive distributed copies.
 */
export function canRecordActivity(activity: ActivityRecord, today: CalendarDate): Decision<'PASS' | 'FAIL'> {
  const { startDate, endDate } = activity;
  const ordered = endDate >= startDate;
  const held = startDate <= today;
  const copies = activity.kind !== 'PUBLICITY' || activity.copiesDistributed > 0;
  return decide([
    makeReason({
      ruleId: 'ACTIVITY.DATES',
      passed: ordered,
      facts: { startDate, endDate },
      source: ACTIVITY_SOURCE,
      zh: ordered ? `${startDate} 至 ${endDate}` : `结束日期 ${endDate} 早于开始日期 ${startDate}`,
      en: ordered ? `From ${startDate} to ${endDate}` : `The end ${endDate} is before the start ${startDate}`,
    }),
    makeReason({
      ruleId: 'ACTIVITY.NOT_IN_FUTURE',
      passed: held,
      facts: { startDate, today },
      source: ACTIVITY_SOURCE,
      zh: held ? '活动已开展' : `开始日期 ${startDate} 晚于今天 ${today}, 活动开展后再登记`,
      en: held
        ? 'The activity has begun'
        : `The start ${startDate} is after today ${today}; record it once held`,
    }),
    makeReason({
      ruleId: 'ACTIVITY.PUBLICITY_COPIES',
      passed: copies,
      facts: { kind: activity.kind, copiesDistributed: activity.copiesDistributed },
      source: ACTIVITY_SOURCE,
      zh: copies ? `发放资料 ${activity.copiesDistributed} 份` : '政策宣传须填写发放资料份数 (大于0)',
      en: copies
        ? `${activity.copiesDistributed} copies distributed`
        : 'A publicity drive needs the number of copies distributed (more than 0)',
    }),
  ]);
}

export interface TeamWithdrawal {
  team: { id: string; startDate: CalendarDate; endDate: CalendarDate | null };
  /** Open memberships of the team, and the latest start among them. */
  openMembers: number;
  latestMemberStart: CalendarDate | null;
  /** Open pairings its open members hold with households of the team's village. */
  openMemberPairings: number;
  /** The request ends the open memberships and those pairings on the withdrawal day, in the same write. */
  endTogether: boolean;
  endDate: CalendarDate;
  today: CalendarDate;
}

/**
 * TEAM.WITHDRAWN, TEAM.WITHDRAW_DATE, TEAM.WITHDRAW_MEMBERS and TEAM.WITHDRAW_PAIRINGS: an open team is
 * withdrawn on a day from its start (and its open members' starts) to today; while members serve on it or
 * hold pairings in its village it is withdrawn only together with ending them.
 */
export function canWithdrawWorkTeam(input: TeamWithdrawal): Decision<'PASS' | 'FAIL'> {
  const { team, endDate, today } = input;
  const open = team.endDate === null;
  const earliest =
    input.latestMemberStart !== null && input.latestMemberStart > team.startDate
      ? input.latestMemberStart
      : team.startDate;
  const dated = endDate >= earliest && endDate <= today;
  const membersFree = input.openMembers === 0 || input.endTogether;
  const pairingsFree = input.openMemberPairings === 0 || input.endTogether;
  return decide([
    makeReason({
      ruleId: 'TEAM.WITHDRAWN',
      passed: open,
      facts: { teamId: team.id, endDate: team.endDate },
      source: TEAM_SOURCE,
      zh: open ? '工作队在岗' : `该工作队已于 ${team.endDate} 撤离`,
      en: open ? 'The team is serving' : `The team left on ${team.endDate}`,
    }),
    makeReason({
      ruleId: 'TEAM.WITHDRAW_DATE',
      passed: dated,
      facts: { endDate, earliest, today },
      source: TEAM_SOURCE,
      zh: dated
        ? `于 ${endDate} 撤离`
        : endDate > today
          ? `撤离日期 ${endDate} 晚于今天 ${today}`
          : `撤离日期 ${endDate} 早于进驻日期 ${earliest}`,
      en: dated
        ? `Leaves on ${endDate}`
        : endDate > today
          ? `The withdrawal day ${endDate} is after today ${today}`
          : `The withdrawal day ${endDate} is before the start ${earliest}`,
    }),
    makeReason({
      ruleId: 'TEAM.WITHDRAW_MEMBERS',
      passed: membersFree,
      facts: { openMembers: input.openMembers, endTogether: input.endTogether },
      source: TEAM_SOURCE,
      zh: membersFree
        ? input.openMembers > 0
          ? `${input.openMembers} 名在岗队员同日离队`
          : '无在岗队员'
        : `该工作队尚有 ${input.openMembers} 名在岗队员, 须选择"队员同日离队"`,
      en: membersFree
        ? `${input.openMembers} serving members leave with the team`
        : `${input.openMembers} members still serve; withdrawing needs endTogether`,
    }),
    makeReason({
      ruleId: 'TEAM.WITHDRAW_PAIRINGS',
      passed: pairingsFree,
      facts: { openMemberPairings: input.openMemberPairings, endTogether: input.endTogether },
      source: TEAM_SOURCE,
      zh: pairingsFree
        ? input.openMemberPairings > 0
          ? `队员在本村的 ${input.openMemberPairings} 个结对同日结束`
          : '队员在本村无在帮结对'
        : `队员在本村尚有 ${input.openMemberPairings} 个在帮结对, 须选择"同日结束"或先更换帮扶责任人`,
      en: pairingsFree
        ? `${input.openMemberPairings} pairings of members in the village end with the team`
        : `Members hold ${input.openMemberPairings} open pairings in the village; end them together or re-pair first`,
    }),
  ]);
}
