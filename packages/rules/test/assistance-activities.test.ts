import { describe, expect, it } from 'vitest';
import {
  type ActivityRecord,
  canRecordActivity,
  canWithdrawWorkTeam,
  type Decision,
  type TeamWithdrawal,
} from '../src';

/** Activities and publicity as held, and withdrawing a work team, as tables of their edges. */

const failed = (decision: Decision<string>) => decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId);

const activity = (o: Partial<ActivityRecord> = {}): ActivityRecord => ({
  kind: 'CAMPAIGN',
  startDate: '2026-11-01',
  endDate: '2026-11-30',
  participants: 1000,
  copiesDistributed: 0,
  ...o,
});

describe('recording an activity (ACTIVITY.DATES, NOT_IN_FUTURE, PUBLICITY_COPIES)', () => {
  it.each([
    {
      name: 'a campaign of one day held today',
      o: { startDate: '2026-12-01', endDate: '2026-12-01' },
      failed: [],
    },
    { name: 'a campaign still running past today', o: { endDate: '2026-12-31' }, failed: [] },
    {
      name: 'a campaign that ends before it starts',
      o: { endDate: '2026-10-31' },
      failed: ['ACTIVITY.DATES'],
    },
    {
      name: 'a campaign that starts tomorrow',
      o: { startDate: '2026-12-02', endDate: '2026-12-02' },
      failed: ['ACTIVITY.NOT_IN_FUTURE'],
    },
    { name: 'publicity with copies', o: { kind: 'PUBLICITY' as const, copiesDistributed: 1 }, failed: [] },
    {
      name: 'publicity without copies',
      o: { kind: 'PUBLICITY' as const, copiesDistributed: 0 },
      failed: ['ACTIVITY.PUBLICITY_COPIES'],
    },
  ])('$name', ({ o, failed: expected }) => {
    expect(failed(canRecordActivity(activity(o), '2026-12-01'))).toEqual(expected);
  });

  it('explains a refusal in Chinese with the rule', () => {
    const [reason] = canRecordActivity(activity({ kind: 'PUBLICITY' }), '2026-12-01').reasons.filter(
      (r) => !r.passed,
    );
    expect(reason!.messageZh).toMatch(/^政策宣传须填写发放资料份数.*ACTIVITY\.PUBLICITY_COPIES/);
    expect(reason!.messageEn).toMatch(/copies distributed/);
  });
});

const withdrawal = (o: Partial<TeamWithdrawal> = {}): TeamWithdrawal => ({
  team: { id: 't1', startDate: '2024-03-01', endDate: null },
  openMembers: 0,
  latestMemberStart: null,
  openMemberPairings: 0,
  endTogether: false,
  endDate: '2026-12-01',
  today: '2026-12-01',
  ...o,
});

describe('withdrawing a work team (TEAM.WITHDRAWN, WITHDRAW_DATE, WITHDRAW_MEMBERS, WITHDRAW_PAIRINGS)', () => {
  it.each([
    { name: 'an empty team today', o: {}, failed: [] },
    { name: 'an empty team on its first day', o: { endDate: '2024-03-01' }, failed: [] },
    { name: 'a day before the team began', o: { endDate: '2024-02-29' }, failed: ['TEAM.WITHDRAW_DATE'] },
    { name: 'tomorrow', o: { endDate: '2026-12-02' }, failed: ['TEAM.WITHDRAW_DATE'] },
    {
      name: 'a day before its newest member began',
      o: { openMembers: 1, latestMemberStart: '2026-06-01', endTogether: true, endDate: '2026-05-31' },
      failed: ['TEAM.WITHDRAW_DATE'],
    },
    { name: 'serving members, not ended together', o: { openMembers: 3 }, failed: ['TEAM.WITHDRAW_MEMBERS'] },
    {
      name: 'members holding pairings in the village, not ended together',
      o: { openMembers: 3, openMemberPairings: 2 },
      failed: ['TEAM.WITHDRAW_MEMBERS', 'TEAM.WITHDRAW_PAIRINGS'],
    },
    {
      name: 'members and pairings ended together',
      o: { openMembers: 3, openMemberPairings: 2, endTogether: true },
      failed: [],
    },
    {
      name: 'a team already withdrawn',
      o: { team: { id: 't1', startDate: '2024-03-01', endDate: '2026-01-31' } },
      failed: ['TEAM.WITHDRAWN'],
    },
  ])('$name', ({ o, failed: expected }) => {
    expect(failed(canWithdrawWorkTeam(withdrawal(o)))).toEqual(expected);
  });

  it('names the serving members in the refusal', () => {
    const reason = canWithdrawWorkTeam(withdrawal({ openMembers: 3 })).reasons.find((r) => !r.passed)!;
    expect(reason.messageZh).toMatch(/^该工作队尚有 3 名在岗队员, 须选择"队员同日离队"/);
  });
});
