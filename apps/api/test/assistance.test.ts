import { pairings, visits } from '@gongjian/db/schema';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import {
  END_PAIRING,
  foreignCadre,
  freshHelper,
  freshHouseholds,
  householdOutside,
  type PairResult,
  pair,
  recordVisit,
} from './assistance-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** 帮扶工作机制 on the API: pairing under the cap, visits, compliance by Shanghai month, coverage, the helper's view. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const decode = (gid: string) => Number(Buffer.from(gid, 'base64').toString('utf8').split(':')[1]);
const openPairingsOf = (householdGid: string) =>
  s.handle.db
    .select()
    .from(pairings)
    .where(and(eq(pairings.householdId, decode(householdGid)), isNull(pairings.endDate)));

describe('pairing a helper with households', () => {
  it('takes 5 households and refuses the 6th with the helper’s count and the cap', async () => {
    const helper = await freshHelper(s);
    const homes = await freshHouseholds(s, 6);
    for (const householdId of homes.slice(0, 5)) {
      expect((await pair(s, 'village', { householdId, helperId: helper.gid })).__typename).toBe(
        'MutationPairHelperSuccess',
      );
    }
    const sixth = await pair(s, 'village', { householdId: homes[5], helperId: helper.gid });
    expect(sixth).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      ruleId: 'PAIRING.CAP',
    });
    expect(sixth.message).toMatch(/^该帮扶责任人已结对5户, 上限5户/);
    expect(await openPairingsOf(homes[5]!)).toHaveLength(0);
  });

  it('refuses a household already paired unless asked to replace, and a replacement ends the old pairing the day before', async () => {
    const [first, second] = [await freshHelper(s), await freshHelper(s)];
    const [householdId] = await freshHouseholds(s, 1);
    const start = '2026-01-05';
    expect(
      (await pair(s, 'village', { householdId, helperId: first.gid, startDate: start })).__typename,
    ).toBe('MutationPairHelperSuccess');
    const refused = await pair(s, 'village', { householdId, helperId: second.gid });
    expect(refused).toMatchObject({ ruleId: 'PAIRING.ALREADY_PAIRED' });
    expect(refused.message).toContain('自 2026-01-05 起');
    const same = await pair(s, 'village', { householdId, helperId: first.gid, replaceCurrent: true });
    expect(same).toMatchObject({ ruleId: 'PAIRING.SAME_HELPER' });
    const replaced = await pair(s, 'village', {
      householdId,
      helperId: second.gid,
      replaceCurrent: true,
      startDate: '2026-03-01',
    });
    expect(replaced.data).toMatchObject({ startDate: '2026-03-01', endDate: null });
    const all = await s.handle.db.query.pairings.findMany({
      where: { householdId: decode(householdId!) },
      orderBy: { id: 'asc' },
    });
    expect(all.map((p) => [p.helperId, p.startDate, p.endDate])).toEqual([
      [first.id, start, '2026-02-28'],
      [second.id, '2026-03-01', null],
    ]);
  });

  it('refuses a start in the future and names the day', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const tomorrow = new Date(clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const refused = await pair(s, 'village', { householdId, helperId: helper.gid, startDate: tomorrow });
    expect(refused).toMatchObject({ ruleId: 'PAIRING.START_DATE' });
    expect(refused.message).toContain(tomorrow);
  });

  it('refuses a household or a helper outside the jurisdiction, before validating anything', async () => {
    const helper = await freshHelper(s);
    const outside = await householdOutside(s);
    expect(
      await pair(s, 'village', { householdId: outside, helperId: helper.gid, startDate: '2099-01-01' }),
    ).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
    });
    const village = (await s.handle.db.query.users.findFirst({ where: { username: 'village' } }))!;
    const [householdId] = await freshHouseholds(s, 1);
    const stranger = await foreignCadre(s, village.regionPath);
    const refused = await pair(s, 'village', { householdId, helperId: stranger });
    expect(refused).toMatchObject({ __typename: 'ForbiddenError' });
    expect(refused.message).toMatch(/^helperId:/);
  });

  it('names the argument of a helper that does not exist', async () => {
    const [householdId] = await freshHouseholds(s, 1);
    expect(await pair(s, 'village', { householdId, helperId: globalId('Cadre', 999_999) })).toMatchObject({
      __typename: 'NotFoundError',
      argument: 'helperId',
    });
  });

  it('lets only the pairing roles pair: a helper may not', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const r = await s.run(
      'helper',
      `mutation ($input: PairHelperInput!) { pairHelper(input: $input) { __typename } }`,
      {
        input: { householdId, helperId: helper.gid },
      },
    );
    expect(JSON.stringify(r)).toMatch(/FORBIDDEN|ForbiddenError/);
  });
});

describe('ending a pairing', () => {
  it('ends an open pairing at the version read, refuses a stale version and a second end', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const created = (await pair(s, 'village', { householdId, helperId: helper.gid, startDate: '2026-02-01' }))
      .data!;
    expect(created.viewerCanEnd).toBe(true);
    const run = (input: Record<string, unknown>) =>
      s.run<{ endPairing: PairResult & { currentVersion?: number } }>('village', END_PAIRING, { input });
    const stale = (await run({ id: created.id, version: 7 })).data!.endPairing;
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 1 });
    const ended = (await run({ id: created.id, version: 1, endDate: '2026-06-30' })).data!.endPairing;
    expect(ended.data).toMatchObject({ endDate: '2026-06-30', version: 2, viewerCanEnd: false });
    const again = (await run({ id: created.id, version: 2 })).data!.endPairing;
    expect(again).toMatchObject({ ruleId: 'PAIRING.ALREADY_ENDED' });
  });
});

describe('recording visits', () => {
  async function pairingFor(startDate = '2026-11-10') {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const created = await pair(s, 'village', { householdId, helperId: helper.gid, startDate });
    return { helper, householdId: householdId!, pairingId: created.data!.id };
  }

  it('refuses a visit before the pairing began (in Shanghai days) and one in the future', async () => {
    const { pairingId } = await pairingFor('2026-11-10');
    const before = await recordVisit(s, 'village', { pairingId, occurredAt: '2026-11-09T15:59:00Z' });
    expect(before).toMatchObject({ ruleId: 'VISIT.WITHIN_PAIRING' });
    expect(before.message).toMatch(/^走访日期 2026-11-09 早于结对开始日期 2026-11-10/);
    const future = new Date(clock.now().getTime() + 3_600_000).toISOString();
    expect(await recordVisit(s, 'village', { pairingId, occurredAt: future })).toMatchObject({
      ruleId: 'VISIT.NOT_IN_FUTURE',
    });
    expect(
      (await recordVisit(s, 'village', { pairingId, occurredAt: '2026-11-09T16:00:00Z' })).__typename,
    ).toBe('MutationRecordVisitSuccess');
  });

  it('returns the original visit when the same idempotency key is sent again, storing one', async () => {
    const { pairingId } = await pairingFor();
    const input = { pairingId, occurredAt: '2026-11-20T02:00:00Z', idempotencyKey: 'device-1-visit-0001' };
    const first = await recordVisit(s, 'village', input);
    const replay = await recordVisit(s, 'village', {
      ...input,
      occurredAt: '2026-11-21T02:00:00Z',
      mode: 'PHONE',
    });
    expect(replay.data).toEqual(first.data);
    const stored = await s.handle.db.$count(visits, eq(visits.pairingId, decode(pairingId)));
    expect(stored).toBe(1);
  });

  it('lets a helper record visits of their own pairings only', async () => {
    const helperUser = (await s.handle.db.query.users.findFirst({ where: { username: 'helper' } }))!;
    const own = (await s.handle.db.query.pairings.findFirst({
      where: { helperId: helperUser.cadreId!, endDate: { isNull: true } },
    }))!;
    const other = await pairingFor();
    const mine = await recordVisit(s, 'helper', {
      pairingId: globalId('Pairing', own.id),
      occurredAt: clock.now().toISOString(),
      idempotencyKey: 'helper-own-visit-1',
    });
    expect(mine.__typename).toBe('MutationRecordVisitSuccess');
    const theirs = await recordVisit(s, 'helper', {
      pairingId: other.pairingId,
      occurredAt: '2026-11-20T02:00:00Z',
    });
    expect(theirs).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'VISIT.OWN_PAIRING' });
    expect(theirs.message).toMatch(/^帮扶责任人只能登记本人结对户的走访/);
  });
});

describe('what a helper sees (viewerCan fields and the household list)', () => {
  it('shows a helper only the households paired with them, and the pairing buttons to the clerk', async () => {
    const helperUser = (await s.handle.db.query.users.findFirst({ where: { username: 'helper' } }))!;
    const own = await s.handle.db.$count(
      pairings,
      and(eq(pairings.helperId, helperUser.cadreId!), isNull(pairings.endDate)),
    );
    const list = `{ households(first: 100) { totalCount edges { node { id viewerCanPair helper { name } activePairing { viewerCanRecordVisit } } } } }`;
    const asHelper = await s.run<{
      households: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>('helper', list);
    expect(asHelper.errors).toBeUndefined();
    expect(own).toBeGreaterThan(0);
    expect(asHelper.data!.households.totalCount).toBe(own);
    for (const { node } of asHelper.data!.households.edges) {
      expect(node).toMatchObject({ viewerCanPair: false, activePairing: { viewerCanRecordVisit: true } });
    }
    const asClerk = await s.run<{
      households: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>('village', list);
    expect(asClerk.data!.households.totalCount).toBeGreaterThan(own);
    expect(asClerk.data!.households.edges[0]!.node).toMatchObject({ viewerCanPair: true });

    const elsewhere = asClerk
      .data!.households.edges.map(({ node }) => node.id as string)
      .find((id) => !asHelper.data!.households.edges.some(({ node }) => node.id === id))!;
    const direct = await s.run<{ household: unknown }>(
      'helper',
      `query ($id: ID!) { household(id: $id) { id } }`,
      { id: elsewhere },
    );
    expect(direct.data?.household ?? null).toBeNull();
    const node = await s.run('helper', `query ($id: ID!) { node(id: $id) { id } }`, { id: elsewhere });
    expect(JSON.stringify(node)).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});

describe('monthly compliance in the Asia/Shanghai calendar', () => {
  it('counts a visit at 2026-11-30T16:30Z in December, not November', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const pairingId = (
      await pair(s, 'village', { householdId, helperId: helper.gid, startDate: '2026-10-01' })
    ).data!.id;
    await recordVisit(s, 'village', { pairingId, occurredAt: '2026-11-30T16:30:00Z' });
    const query = `query ($month: String, $helperId: ID) { visitCompliance(month: $month, helperId: $helperId, onlyShort: false) {
      month households shortCount items { householdId requiredVisits countedVisitDays outcome pairs { activeDays countedVisitDays } } } }`;
    const month = async (m: string) =>
      (
        await s.run<{
          visitCompliance: { items: { countedVisitDays: number; outcome: string; requiredVisits: number }[] };
        }>('village', query, { month: m, helperId: helper.gid })
      ).data!.visitCompliance.items[0]!;
    expect(await month('2026-11')).toMatchObject({
      countedVisitDays: 0,
      requiredVisits: 2,
      outcome: 'NON_COMPLIANT',
    });
    expect(await month('2026-12')).toMatchObject({
      countedVisitDays: 1,
      requiredVisits: 2,
      outcome: 'NON_COMPLIANT',
    });
    await recordVisit(s, 'village', { pairingId, occurredAt: '2026-12-01T01:00:00Z' });
    expect((await month('2026-12')).countedVisitDays).toBe(1);
  });

  it('leaves a household off the short list once its second visit day is recorded', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const pairingId = (
      await pair(s, 'village', { householdId, helperId: helper.gid, startDate: '2026-09-01' })
    ).data!.id;
    const short = async () =>
      (
        await s.run<{ visitCompliance: { shortCount: number; items: { householdId: string }[] } }>(
          'village',
          `query ($helperId: ID) { visitCompliance(month: "2026-10", helperId: $helperId) { shortCount items { householdId } } }`,
          { helperId: helper.gid },
        )
      ).data!.visitCompliance;
    await recordVisit(s, 'village', { pairingId, occurredAt: '2026-10-05T02:00:00Z' });
    expect((await short()).items.map((i) => i.householdId)).toEqual([householdId]);
    await recordVisit(s, 'village', { pairingId, occurredAt: '2026-10-20T02:00:00Z' });
    expect((await short()).shortCount).toBe(0);
  });

  it('lists this month’s short households of the demo by township for the county, with the rule’s explanation', async () => {
    const r = await s.run<{
      visitCompliance: {
        month: string;
        households: number;
        shortCount: number;
        items: { decision: { reasons: { ruleId: string; messageZh: string }[] } }[];
      };
    }>(
      'admin',
      `{ visitCompliance(first: 3) { month households shortCount items { decision { reasons { ruleId messageZh } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const page = r.data!.visitCompliance;
    expect(page.month).toBe(clock.today().slice(0, 7));
    expect(page.households).toBeGreaterThan(0);
    expect(page.shortCount).toBeGreaterThan(0);
    expect(page.items[0]!.decision.reasons[0]).toMatchObject({ ruleId: 'VISIT.MONTHLY' });
  });
});

describe('coverage (两个全覆盖) and work teams', () => {
  it('reports no helper over the cap, every village with a team, and the article’s 358 members short of 3 per village', async () => {
    const r = await s.run<{
      assistanceCoverage: Record<string, unknown> & {
        staffing: { outcome: string; reasons: { messageZh: string }[] }[];
      };
    }>(
      'admin',
      `{ assistanceCoverage { requiringHelper withoutHelper helpersOverCap villages villagesWithoutTeam teamsBelowStrength
          coverage { outcome } helperLoads { outcome } staffing { outcome reasons { messageZh } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const c = r.data!.assistanceCoverage;
    expect(c).toMatchObject({
      helpersOverCap: 0,
      villages: 304,
      villagesWithoutTeam: 0,
      helperLoads: { outcome: 'PASS' },
    });
    expect(c.teamsBelowStrength).toBe(192);
    expect(c.staffing.map((d) => d.outcome)).toEqual(['PASS', 'FAIL']);
    expect(c.staffing[1]!.reasons[0]!.messageZh).toMatch(/192 个村至少需 576 名队员, 仅有 358 名/);
  });

  it('refuses a second open team in a village and keeps a roster with its viewerCan fields', async () => {
    const team = (await s.handle.db.query.workTeams.findFirst({
      orderBy: { id: 'asc' },
      with: { village: true },
    }))!;
    const unit = (await s.handle.db.query.units.findFirst({ where: { kind: 'BACKING_UNIT' } }))!;
    const create = await s.run<{ createWorkTeam: PairResult }>(
      'admin',
      `mutation ($input: CreateWorkTeamInput!) { createWorkTeam(input: $input) { __typename ... on RuleViolationError { ruleId message } } }`,
      { input: { villageId: globalId('Region', team.villageId), backingUnitId: globalId('Unit', unit.id) } },
    );
    expect(create.data!.createWorkTeam).toMatchObject({ ruleId: 'TEAM.VILLAGE_HAS_TEAM' });
    const cadre = await freshHelper(s, '新队员');
    const add = `mutation ($input: AddWorkTeamMemberInput!) { addWorkTeamMember(input: $input) {
      __typename ... on MutationAddWorkTeamMemberSuccess { data { id version role viewerCanEnd term { outcome } } } ... on RuleViolationError { ruleId } } }`;
    const input = {
      workTeamId: globalId('WorkTeam', team.id),
      cadreId: cadre.gid,
      role: 'MEMBER',
      startDate: '2026-06-01',
    };
    const added = await s.run<{
      addWorkTeamMember: { data: { id: string; viewerCanEnd: boolean; term: { outcome: string } } };
    }>('admin', add, { input });
    expect(added.data!.addWorkTeamMember.data).toMatchObject({
      viewerCanEnd: true,
      term: { outcome: 'SERVING' },
    });
    const twice = await s.run<{ addWorkTeamMember: PairResult }>('admin', add, { input });
    expect(twice.data!.addWorkTeamMember).toMatchObject({ ruleId: 'TEAM.ALREADY_MEMBER' });
    const end = `mutation ($input: EndWorkTeamMembershipInput!) { endWorkTeamMembership(input: $input) {
      __typename ... on MutationEndWorkTeamMembershipSuccess { data { endDate viewerCanEnd term { outcome } } } ... on RuleViolationError { ruleId } } }`;
    const ended = await s.run<{ endWorkTeamMembership: { data: Record<string, unknown> } }>('admin', end, {
      input: { id: added.data!.addWorkTeamMember.data.id, version: 1, endDate: '2026-09-30' },
    });
    expect(ended.data!.endWorkTeamMembership.data).toEqual({
      endDate: '2026-09-30',
      viewerCanEnd: false,
      term: { outcome: 'SHORT' },
    });
    const roster = await s.run<{
      workTeams: {
        totalCount: number;
        edges: { node: { viewerCanAddMember: boolean; strength: { outcome: string } } }[];
      };
    }>(
      'village',
      `{ workTeams(first: 5) { totalCount edges { node { viewerCanAddMember strength { outcome } members { cadreName role } } } } }`,
    );
    expect(roster.data!.workTeams.totalCount).toBe(1);
    expect(roster.data!.workTeams.edges[0]!.node.viewerCanAddMember).toBe(false);
  });
});
