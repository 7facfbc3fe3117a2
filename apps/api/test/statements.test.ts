import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COCKPIT } from './cockpit-document';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Pins the SQL statements each operation the clients use issues, so an N+1 shows up in review. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

describe('SQL statements per operation', () => {
  it('a page of villages with their township and unit counts is one statement', async () => {
    const r = await s.run<{
      villages: { edges: { node: { name: string; parent: { name: string }; unitCount: number } }[] };
    }>(
      'admin',
      `{ villages(first: 50) { edges { node { name villageKind parent { name code } unitCount } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.villages.edges).toHaveLength(50);
    expect(r.data!.villages.edges.every((e) => e.node.unitCount === 1)).toBe(true);
    expect(s.statements).toHaveLength(1);
  });

  it('a connection of villages with totalCount is two statements (the page and the count)', async () => {
    await s.run(
      'admin',
      `{ villages(first: 20) { totalCount edges { node { name parent { name } unitCount } } } }`,
    );
    expect(s.statements).toHaveLength(2);
  });

  it('a township with its villages (nested connection) and unit counts is one statement', async () => {
    const r = await s.run<{ regions: { edges: { node: { children: { edges: unknown[] } } }[] } }>(
      'admin',
      `{ regions(level: TOWNSHIP, first: 22) { edges { node { name children(first: 50) { edges { node { name unitCount } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.regions.edges).toHaveLength(22);
    expect(s.statements).toHaveLength(1);
  });

  it('the units list page (region, cadre count, total) is two statements', async () => {
    await s.run(
      'admin',
      `{ units(first: 50) { totalCount edges { node { name kind backingLevel version cadreCount region { name } } } } }`,
    );
    expect(s.statements).toHaveLength(2);
  });

  it('the leadership organisation summary is at most three statements', async () => {
    const r = await s.run<{
      organisationSummary: {
        villageCount: number;
        poorVillageCount: number;
        nonPoorWithPoorCount: number;
        townships: unknown[];
      };
    }>(
      'leader',
      `{ organisationSummary { region { name } villageCount poorVillageCount nonPoorWithPoorCount unitCount cadreCount
          townships { township { name } poorVillages nonPoorWithPoor unitCount cadreCount } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.organisationSummary).toMatchObject({
      villageCount: 304,
      poorVillageCount: 112,
      nonPoorWithPoorCount: 192,
    });
    expect(r.data!.organisationSummary.townships).toHaveLength(22);
    expect(s.statements.length).toBeLessThanOrEqual(3);
  });

  it('the whole cockpit is ten statements for the county and a township, today and on 2019-09-11', async () => {
    const township = (await s.handle.db.query.regions.findFirst({ where: { name: '沱江镇' } }))!;
    for (const regionId of [null, globalId('Region', township.id)]) {
      for (const asOf of [null, '2019-09-11']) {
        const r = await s.run('leader', COCKPIT, { regionId, asOf });
        expect(r.errors).toBeUndefined();
        expect(s.statements).toHaveLength(11);
      }
    }
  });

  it('a page of the households behind a cockpit figure is three statements (region, page and count)', async () => {
    const r = await s.run<{ cockpitHouseholds: { totalCount: number; edges: unknown[] } }>(
      'leader',
      `{ cockpitHouseholds(filter: POOR, asOf: "2019-09-11", first: 20) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { householdNumber headName status memberCount village { name } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.cockpitHouseholds.edges).toHaveLength(20);
    expect(s.statements).toHaveLength(3);
  });
});
