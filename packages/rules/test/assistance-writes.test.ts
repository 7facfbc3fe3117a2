import { describe, expect, it } from 'vitest';
import {
  canAddTeamMember,
  canCreateWorkTeam,
  canEndPairing,
  canEndTeamMembership,
  canPairHelper,
  canRecordVisit,
  type Decision,
  type PairingRequest,
} from '../src';
import { jianghua } from './helpers';

/** The refusals of assistance writes, each a rule with its numbers, as tables of their edges. */

const policy = jianghua(2026);
const failed = (decision: Decision<string>) => decision.reasons.filter((r) => !r.passed).map((r) => r.ruleId);
const messages = (decision: Decision<string>) =>
  decision.reasons.filter((r) => !r.passed).map((r) => r.messageZh.replace(/ \(规则 .*\)$/, ''));

const request = (overrides: Partial<PairingRequest> = {}): PairingRequest => ({
  householdId: 'h1',
  helperId: 'c1',
  helperActiveHouseholds: 0,
  current: null,
  replaceCurrent: false,
  startDate: '2026-12-01',
  today: '2026-12-01',
  ...overrides,
});

describe('pairing a helper (PAIRING.CAP, ALREADY_PAIRED, SAME_HELPER, START_DATE)', () => {
  it.each([
    { name: 'a helper with 4 households takes a 5th', o: { helperActiveHouseholds: 4 }, failed: [] },
    {
      name: 'a helper with 5 households is refused a 6th',
      o: { helperActiveHouseholds: 5 },
      failed: ['PAIRING.CAP'],
    },
    {
      name: 'a household already paired is refused without replaceCurrent',
      o: { current: { helperId: 'c2', startDate: '2020-01-01' } },
      failed: ['PAIRING.ALREADY_PAIRED'],
    },
    {
      name: 'replacing the helper is allowed',
      o: { current: { helperId: 'c2', startDate: '2020-01-01' }, replaceCurrent: true },
      failed: [],
    },
    {
      name: 'replacing with the same helper is refused',
      o: { current: { helperId: 'c1', startDate: '2020-01-01' }, replaceCurrent: true },
      failed: ['PAIRING.SAME_HELPER'],
    },
    {
      name: 'a start after today is refused',
      o: { startDate: '2026-12-02' },
      failed: ['PAIRING.START_DATE'],
    },
    {
      name: 'a start before the current pairing began is refused',
      o: {
        current: { helperId: 'c2', startDate: '2026-11-20' },
        replaceCurrent: true,
        startDate: '2026-11-19',
      },
      failed: ['PAIRING.START_DATE'],
    },
  ])('$name', ({ o, failed: expected }) => {
    const decision = canPairHelper(request(o), policy);
    expect(failed(decision)).toEqual(expected);
    expect(decision.outcome).toBe(expected.length === 0 ? 'PASS' : 'FAIL');
  });

  it('says how many households the helper has and the cap, in Chinese and English', () => {
    const full = canPairHelper(request({ helperActiveHouseholds: 5 }), policy);
    expect(messages(full)[0]).toMatch(/^该帮扶责任人已结对5户, 上限5户/);
    expect(full.reasons[0]?.messageEn).toMatch(/already has 5 households, the cap is 5/);
    const room = canPairHelper(request({ helperActiveHouseholds: 3 }), policy);
    expect(room.reasons[0]?.messageZh).toMatch(/^该帮扶责任人已结对3户, 上限5户, 可再结对/);
    const paired = canPairHelper(request({ current: { helperId: 'c2', startDate: '2020-01-01' } }), policy);
    expect(messages(paired)[0]).toMatch(/自 2020-01-01 起/);
    expect(messages(canPairHelper(request({ startDate: '2026-12-09' }), policy))[0]).toMatch(
      /晚于今天 2026-12-01/,
    );
    const early = canPairHelper(
      request({
        current: { helperId: 'c2', startDate: '2026-11-20' },
        replaceCurrent: true,
        startDate: '2026-11-01',
      }),
      policy,
    );
    expect(early.reasons.at(-1)?.messageEn).toMatch(/before the current pairing's start 2026-11-20/);
    expect(canPairHelper(request({ startDate: '2026-12-09' }), policy).reasons.at(-1)?.messageEn).toMatch(
      /after today/,
    );
  });
});

describe('ending a pairing (PAIRING.ALREADY_ENDED, PAIRING.END_DATE)', () => {
  const open = { id: 'p', startDate: '2026-11-10', endDate: null };
  it.each([
    { pairing: open, end: '2026-11-09', failed: [] },
    { pairing: open, end: '2026-12-01', failed: [] },
    { pairing: open, end: '2026-11-08', failed: ['PAIRING.END_DATE'] },
    { pairing: open, end: '2026-12-02', failed: ['PAIRING.END_DATE'] },
    { pairing: { ...open, endDate: '2026-11-30' }, end: '2026-12-01', failed: ['PAIRING.ALREADY_ENDED'] },
  ])('ending on $end: $failed', ({ pairing, end, failed: expected }) => {
    expect(failed(canEndPairing(pairing, end, '2026-12-01'))).toEqual(expected);
  });

  it('names the dates it compares', () => {
    expect(messages(canEndPairing(open, '2026-12-05', '2026-12-01'))).toEqual([
      '结束日期 2026-12-05 晚于今天 2026-12-01',
    ]);
    expect(canEndPairing(open, '2026-10-01', '2026-12-01').reasons[1]?.messageEn).toMatch(/before the start/);
    expect(canEndPairing(open, '2026-12-05', '2026-12-01').reasons[1]?.messageEn).toMatch(/after today/);
    expect(messages(canEndPairing({ ...open, endDate: '2026-11-30' }, '2026-11-30', '2026-12-01'))[0]).toBe(
      '结对已于 2026-11-30 结束',
    );
  });
});

describe('recording a visit (VISIT.OWN_PAIRING, WITHIN_PAIRING, NOT_IN_FUTURE)', () => {
  const pairing = { id: 'p', startDate: '2026-11-10', endDate: null };
  const visit = (o: Partial<Parameters<typeof canRecordVisit>[0]> = {}) =>
    canRecordVisit({
      pairing,
      occurredAt: '2026-11-20T02:00:00Z',
      now: '2026-12-01T02:00:00Z',
      helperOnly: true,
      ownPairing: true,
      ...o,
    });
  it.each([
    { name: 'a helper on their own pairing', o: {}, failed: [] },
    { name: 'a clerk on any pairing', o: { helperOnly: false, ownPairing: false }, failed: [] },
    { name: 'a helper on someone else’s pairing', o: { ownPairing: false }, failed: ['VISIT.OWN_PAIRING'] },
    {
      name: 'the evening before the pairing began, Shanghai time',
      o: { occurredAt: '2026-11-09T15:59:00Z' },
      failed: ['VISIT.WITHIN_PAIRING'],
    },
    {
      name: 'the first minute of the pairing, Shanghai time',
      o: { occurredAt: '2026-11-09T16:00:00Z' },
      failed: [],
    },
    {
      name: 'after the pairing ended',
      o: { pairing: { ...pairing, endDate: '2026-11-15' } },
      failed: ['VISIT.WITHIN_PAIRING'],
    },
    { name: 'five minutes ahead of the server', o: { occurredAt: '2026-12-01T02:05:00Z' }, failed: [] },
    {
      name: 'more than five minutes ahead',
      o: { occurredAt: '2026-12-01T02:05:01Z' },
      failed: ['VISIT.NOT_IN_FUTURE'],
    },
  ])('$name: $failed', ({ o, failed: expected }) => {
    expect(failed(visit(o))).toEqual(expected);
  });

  it('says which date is wrong', () => {
    expect(messages(visit({ occurredAt: '2026-11-01T02:00:00Z' }))).toEqual([
      '走访日期 2026-11-01 早于结对开始日期 2026-11-10',
    ]);
    expect(visit({ pairing: { ...pairing, endDate: '2026-11-15' } }).reasons[1]?.messageEn).toMatch(
      /after the pairing ended/,
    );
    expect(visit({ occurredAt: '2026-11-01T02:00:00Z' }).reasons[1]?.messageEn).toMatch(
      /before the pairing began/,
    );
    expect(messages(visit({ ownPairing: false }))).toEqual(['帮扶责任人只能登记本人结对户的走访']);
    expect(visit({ occurredAt: '2026-12-02T02:00:00Z' }).reasons[2]?.messageEn).toMatch(/after now/);
  });
});

describe('work-team rosters (TEAM.VILLAGE_HAS_TEAM, START_DATE, OPEN, ALREADY_MEMBER, MEMBER_START, MEMBERSHIP_*)', () => {
  it.each([
    { openTeamId: null, startDate: '2026-12-01', failed: [] },
    { openTeamId: 't1', startDate: '2026-12-01', failed: ['TEAM.VILLAGE_HAS_TEAM'] },
    { openTeamId: null, startDate: '2026-12-02', failed: ['TEAM.START_DATE'] },
  ])(
    'a team in a village with open team $openTeamId from $startDate',
    ({ openTeamId, startDate, failed: expected }) => {
      const decision = canCreateWorkTeam({ villageId: 'v', openTeamId, startDate, today: '2026-12-01' });
      expect(failed(decision)).toEqual(expected);
      expect(decision.reasons.map((r) => r.messageEn).join(' ')).toMatch(
        expected.length ? /already|after today/ : /no open/,
      );
    },
  );

  const team = { id: 't', startDate: '2026-01-01', endDate: null };
  it.each([
    { team, alreadyMember: false, startDate: '2026-06-01', failed: [] },
    {
      team: { ...team, endDate: '2026-10-01' },
      alreadyMember: false,
      startDate: '2026-06-01',
      failed: ['TEAM.OPEN'],
    },
    { team, alreadyMember: true, startDate: '2026-06-01', failed: ['TEAM.ALREADY_MEMBER'] },
    { team, alreadyMember: false, startDate: '2025-12-31', failed: ['TEAM.MEMBER_START'] },
    { team, alreadyMember: false, startDate: '2026-12-02', failed: ['TEAM.MEMBER_START'] },
  ])(
    'adding a member from $startDate: $failed',
    ({ team: t, alreadyMember, startDate, failed: expected }) => {
      const decision = canAddTeamMember({
        team: t,
        cadreId: 'c',
        alreadyMember,
        startDate,
        today: '2026-12-01',
      });
      expect(failed(decision)).toEqual(expected);
      expect(decision.reasons.every((r) => r.messageZh.length > 0 && r.messageEn.length > 0)).toBe(true);
    },
  );

  it('explains a member start outside the team’s dates', () => {
    const early = canAddTeamMember({
      team,
      cadreId: 'c',
      alreadyMember: true,
      startDate: '2025-12-31',
      today: '2026-12-01',
    });
    expect(messages(early)).toEqual([
      '该干部已是本工作队在岗队员',
      '开始日期 2025-12-31 早于工作队成立日期 2026-01-01',
    ]);
    expect(early.reasons[2]?.messageEn).toMatch(/before the team's start/);
    const late = canAddTeamMember({
      team,
      cadreId: 'c',
      alreadyMember: false,
      startDate: '2026-12-05',
      today: '2026-12-01',
    });
    expect(late.reasons[2]?.messageEn).toMatch(/after today/);
    expect(messages(late)).toEqual(['开始日期 2026-12-05 晚于今天 2026-12-01']);
  });

  it.each([
    { endDate: null, end: '2026-06-01', failed: [] },
    { endDate: null, end: '2025-12-31', failed: ['TEAM.MEMBERSHIP_END_DATE'] },
    { endDate: '2026-05-01', end: '2026-06-01', failed: ['TEAM.MEMBERSHIP_ENDED'] },
  ])('ending a membership on $end: $failed', ({ endDate, end, failed: expected }) => {
    const decision = canEndTeamMembership({ id: 'm', startDate: '2026-01-01', endDate }, end, '2026-12-01');
    expect(failed(decision)).toEqual(expected);
  });
});
