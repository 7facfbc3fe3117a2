import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { END_PAIRING, freshHelper, freshHouseholds, pair, recordVisit } from './assistance-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/**
 * Pins the SQL statements of the assistance lists, the live compliance and coverage reports and the writes
 * (BEGIN/COMMIT are not logged), so that a list or a write that grows a statement shows up in review.
 */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

async function count(username: string, query: string, variables?: Record<string, unknown>) {
  const r = await s.run(username, query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return s.statements.length;
}

describe('assistance reads', () => {
  it('the pairing and visit lists are 2 statements (page and count), the work-team roster 3 (its members’ terms read apart)', async () => {
    expect(
      await count(
        'admin',
        `{ pairings(first: 20, open: true) { totalCount edges { node { id helperName householdNumber viewerCanEnd viewerCanRecordVisit } } } }`,
      ),
    ).toBe(2);
    expect(
      await count(
        'admin',
        `{ visits(first: 20) { totalCount edges { node { id occurredAt helperName pairing { id } } } } }`,
      ),
    ).toBe(2);
    expect(
      await count(
        'admin',
        `{ workTeams(first: 20) { totalCount edges { node { id backingUnitName strength { outcome } members { cadreName role term { outcome } } } } } }`,
      ),
    ).toBe(3);
  });

  it('the not-visited-enough list is 2 statements for the county, a township or a helper; coverage is 2', async () => {
    const query = `query ($regionId: ID, $helperId: ID) { visitCompliance(regionId: $regionId, helperId: $helperId) {
      households shortCount totalCount items { householdNumber headName villageName helperNames decision { outcome } pairs { activeDays } } } }`;
    expect(await count('admin', query)).toBe(2);
    const township = (await s.handle.db.query.regions.findFirst({ where: { level: 'TOWNSHIP' } }))!;
    expect(await count('admin', query, { regionId: globalId('Region', township.id) })).toBe(2);
    const helper = (await s.handle.db.query.pairings.findFirst({ where: { endDate: { isNull: true } } }))!;
    expect(await count('admin', query, { helperId: globalId('Cadre', helper.helperId) })).toBe(2);
    expect(await count('helper', query)).toBe(2);
    expect(
      await count(
        'admin',
        `{ assistanceCoverage { requiringHelper withoutHelper helpersOverCap villagesWithoutTeam teamsBelowStrength coverage { outcome } staffing { outcome } } }`,
      ),
    ).toBe(2);
  });

  it('the compliance drill-down with its breakdown stays 2 statements; the helper picker is 1 (no count asked); the helper’s page is 5 (its pairings, their count, its paired households, the month’s pairings and visits)', async () => {
    for (const by of ['TOWNSHIP', 'VILLAGE', 'HELPER'])
      expect(
        await count(
          'township',
          `query ($by: ComplianceLevel!) { visitCompliance(first: 20) { shortCount breakdown(by: $by) { id name households shortCount compliant } items { householdNumber } } }`,
          { by },
        ),
        by,
      ).toBe(2);
    expect(
      await count(
        'village',
        `{ helperCandidates(search: "张", first: 30) { edges { node { id name unitName pairingLoad { activeHouseholds cap mayTakeMore decision { outcome } } } } } }`,
      ),
      'candidates',
    ).toBe(1);
    expect(
      await count(
        'helper',
        `{ visitClock pairings(open: true, first: 50) { totalCount edges { node { id householdNumber viewerCanRecordVisit household { id head { name } village { name } } } } }
           visitCompliance(onlyShort: false, first: 50) { month items { householdId requiredVisits countedVisitDays outcome } } }`,
      ),
    ).toBe(5);
  });

  it('a helper’s household list with each helper and pairing is 3 statements (page, count, the helper’s paired households)', async () => {
    expect(
      await count(
        'helper',
        `{ households(first: 20) { totalCount edges { node { id helper { name unitName } activePairing { id } } } } }`,
      ),
    ).toBe(3);
  });
});

describe('assistance writes', () => {
  it('pairHelper is 8 statements (load household, load helper, lock both, read the counts, insert, audit, re-read; 9 with a replacement), endPairing 4, recordVisit 4 (a replay 2)', async () => {
    const [first, second] = [await freshHelper(s), await freshHelper(s)];
    const [householdId] = await freshHouseholds(s, 1);
    const created = await pair(s, 'village', { householdId, helperId: first.gid, startDate: '2026-01-01' });
    expect(s.statements.length).toBe(8);
    await pair(s, 'village', {
      householdId,
      helperId: second.gid,
      replaceCurrent: true,
      startDate: '2026-02-01',
    });
    expect(s.statements.length).toBe(9);
    const visit = {
      pairingId: created.data!.id,
      occurredAt: '2026-01-10T02:00:00Z',
      idempotencyKey: 'pin-visit-00001',
    };
    expect((await recordVisit(s, 'village', visit)).__typename).toBe('MutationRecordVisitSuccess');
    expect(s.statements.length).toBe(4);
    await recordVisit(s, 'village', visit);
    expect(s.statements.length).toBe(2);
    const [other] = await freshHouseholds(s, 1);
    const open = await pair(s, 'village', {
      householdId: other,
      helperId: first.gid,
      startDate: '2026-01-01',
    });
    await s.run('village', END_PAIRING, { input: { id: open.data!.id, version: 1 } });
    expect(s.statements.length).toBe(4);
  });
});

describe('activities and withdrawing a team', () => {
  it('the activity list is 2 statements, its totals 1; recording and editing an activity 4 each (load, write, audit, re-read); withdrawing a team with its members 7', async () => {
    expect(
      await count(
        'admin',
        `{ assistanceActivities(kind: CAMPAIGN, first: 20) { totalCount edges { node { id name region { name } viewerCanEdit } } } }`,
      ),
    ).toBe(2);
    expect(
      await count('admin', `{ assistanceActivityTotals { activities participants copiesDistributed } }`),
    ).toBe(1);
    const township = (await s.handle.db.query.users.findFirst({ where: { username: 'township' } }))!;
    const today = (await import('../src/clock')).clock.today();
    const fields = { name: '千名干部下基层', startDate: today, endDate: today, participants: 30 };
    const created = await s.run<{ createAssistanceActivity: { data: { id: string } } }>(
      'township',
      `mutation ($input: CreateAssistanceActivityInput!) { createAssistanceActivity(input: $input) { ... on MutationCreateAssistanceActivitySuccess { data { id } } } }`,
      { input: { kind: 'CAMPAIGN', regionId: globalId('Region', township.jurisdictionId!), ...fields } },
    );
    expect(s.statements.length).toBe(4);
    await s.run(
      'township',
      `mutation ($input: UpdateAssistanceActivityInput!) { updateAssistanceActivity(input: $input) { __typename } }`,
      {
        input: {
          id: created.data!.createAssistanceActivity.data.id,
          version: 1,
          ...fields,
          participants: 31,
        },
      },
    );
    expect(s.statements.length).toBe(4);
    const team = (await s.handle.db.query.workTeams.findFirst({
      where: { endDate: { isNull: true } },
      orderBy: { id: 'desc' },
    }))!;
    const r = await s.run<{ withdrawWorkTeam: { __typename: string } }>(
      'admin',
      `mutation ($input: WithdrawWorkTeamInput!) { withdrawWorkTeam(input: $input) { __typename ... on MutationWithdrawWorkTeamSuccess { data { endDate members { endDate } } } } }`,
      {
        input: {
          id: globalId('WorkTeam', team.id),
          version: team.version,
          reason: '撤回',
          endTogether: true,
        },
      },
    );
    expect(r.data!.withdrawWorkTeam.__typename).toBe('MutationWithdrawWorkTeamSuccess');
    expect(s.statements.length).toBe(7);
  });
});
