import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, onPostgres, type Scenario } from '../harness';

/** Races PGlite cannot show (it runs one transaction at a time): only collected when DATABASE_URL is set. */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

describe('concurrent writers on PostgreSQL', () => {
  it('20 simultaneous edits of one unit at the same version: exactly one wins, 19 get CONFLICT', async () => {
    const unit = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION' },
      with: { region: true },
    }))!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.run<{ updateUnit: { __typename: string } }>(
          'admin',
          `mutation ($input: UpdateUnitInput!) { updateUnit(input: $input) { __typename } }`,
          {
            input: {
              id: globalId('Unit', unit.id),
              version: unit.version,
              name: `${unit.name}(并发${i})`,
              kind: unit.kind,
              regionId: globalId('Region', unit.regionId),
            },
          },
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.updateUnit.__typename);
    expect(kinds.filter((k) => k === 'MutationUpdateUnitSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(19);
    const after = await s.handle.db.query.units.findFirst({ where: { id: unit.id } });
    expect(after!.version).toBe(unit.version + 1);
    const audits = await s.handle.db.query.auditLog.findMany({
      where: { action: 'unit.update', entityId: String(unit.id) },
    });
    expect(audits).toHaveLength(1);
  });

  it('10 simultaneous creations of the same unit name: one unit exists, the rest get a validation error on name', async () => {
    const township = (await s.handle.db.query.regions.findFirst({ where: { level: 'TOWNSHIP' } }))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.run<{ createUnit: { __typename: string } }>(
          'admin',
          `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename } }`,
          {
            input: {
              name: '并发新建单位',
              kind: 'BACKING_UNIT',
              backingLevel: 'COUNTY',
              regionId: globalId('Region', township.id),
            },
          },
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.createUnit.__typename);
    expect(kinds.filter((k) => k === 'MutationCreateUnitSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'ValidationError')).toHaveLength(9);
    expect(await s.handle.db.query.units.findMany({ where: { name: '并发新建单位' } })).toHaveLength(1);
  });

  it('6 simultaneous additions to a work station of 2: exactly 3 succeed, the station ends at 5', async () => {
    const stations = await s.handle.db.query.units.findMany({
      where: { kind: 'WORK_STATION' },
      with: { cadres: true },
    });
    const station = stations.find((st) => st.cadres.length === 2)!;
    expect(station, 'the demo county has a station with 2 staff').toBeDefined();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        s.run<{ createCadre: { __typename: string } }>(
          'admin',
          `mutation ($input: CreateCadreInput!) { createCadre(input: $input) { __typename } }`,
          { input: { unitId: globalId('Unit', station.id), name: `并发专干${i}`, post: '扶贫专干' } },
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.createCadre.__typename);
    expect(kinds.filter((k) => k === 'MutationCreateCadreSuccess')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'RuleViolationError')).toHaveLength(3);
    expect(await s.handle.db.query.cadres.findMany({ where: { unitId: station.id } })).toHaveLength(5);
  });
});
