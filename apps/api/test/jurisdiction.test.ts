import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/**
 * The township clerk of 沱江镇 must never see another township's rows, whatever the path:
 * lists, nested edges, node(id), mutation payloads, aliases.
 */
let s: Scenario;
let own: { id: number; regionPath: string };
let foreign: { id: number; name: string; regionPath: string };
let foreignUnitId: number;
let foreignCadreId: number;

beforeAll(async () => {
  s = await createScenario();
  const tj = await s.handle.db.query.regions.findFirst({ where: { name: '沱江镇' } });
  const tw = await s.handle.db.query.regions.findFirst({ where: { name: '涛圩镇' } });
  own = tj!;
  foreign = tw!;
  foreignUnitId = (await s.handle.db.query.units.findFirst({ where: { regionId: foreign.id } }))!.id;
  foreignCadreId = (await s.handle.db.query.cadres.findFirst({
    where: { regionPath: { like: `${foreign.regionPath}%` } },
  }))!.id;
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

describe('a township clerk sees only their township', () => {
  it('lists: villages, units, cadres and regions hold only rows under 沱江镇', async () => {
    const r = await s.run<{
      villages: { totalCount: number; edges: { node: { parent: { name: string } } }[] };
      units: {
        totalCount: number;
        edges: { node: { region: { name: string; parent: { name: string } | null } } }[];
      };
      cadres: { totalCount: number };
      regions: { edges: { node: { name: string } }[] };
    }>(
      'township',
      `{ villages(first: 100) { totalCount edges { node { parent { name } } } }
         units(first: 100) { totalCount edges { node { region { name parent { name } } } } }
         cadres(first: 1) { totalCount }
         regions(level: TOWNSHIP, first: 50) { edges { node { name } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const villages = await s.handle.db.$count(
      (await import('@gongjian/db/schema')).regions,
      (await import('drizzle-orm')).sql`parent_id = ${own.id}`,
    );
    expect(r.data!.villages.totalCount).toBe(villages);
    expect(new Set(r.data!.villages.edges.map((e) => e.node.parent.name))).toEqual(new Set(['沱江镇']));
    for (const { node } of r.data!.units.edges) {
      expect([node.region.name, node.region.parent?.name]).toContain('沱江镇');
    }
    expect(r.data!.units.totalCount).toBe(2 + villages);
    expect(r.data!.regions.edges.map((e) => e.node.name)).toEqual(['沱江镇']);
  });

  it('nested edges: the county above shows only the branch to 沱江镇, and counts only its units', async () => {
    const r = await s.run<{
      me: {
        jurisdiction: {
          parent: {
            name: string;
            unitCount: number;
            children: { totalCount: number; edges: { node: { name: string } }[] };
          };
        };
      };
    }>(
      'township',
      `{ me { jurisdiction { parent { name unitCount children(first: 50) { totalCount edges { node { name } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const county = r.data!.me.jurisdiction.parent;
    expect(county.name).toBe('江华瑶族自治县');
    expect(county.unitCount).toBe(0);
    expect(county.children.totalCount).toBe(1);
    expect(county.children.edges.map((e) => e.node.name)).toEqual(['沱江镇']);
  });

  it('node(id): a foreign unit, cadre or township is refused, also under aliases', async () => {
    const r = await s.run(
      'township',
      `query ($u: ID!, $c: ID!, $t: ID!) {
        a: node(id: $u) { ... on Unit { name } }
        b: node(id: $c) { ... on Cadre { name phone } }
        c: node(id: $t) { ... on Region { name } }
        d: nodes(ids: [$u, $c]) { id }
      }`,
      {
        u: globalId('Unit', foreignUnitId),
        c: globalId('Cadre', foreignCadreId),
        t: globalId('Region', foreign.id),
      },
    );
    expect(r.data?.a ?? null).toBeNull();
    expect(r.data?.b ?? null).toBeNull();
    expect(r.data?.c ?? null).toBeNull();
    expect(JSON.stringify(r.data ?? {})).not.toContain('涛圩');
    expect(codes(r).length).toBeGreaterThanOrEqual(3);
    expect(new Set(codes(r))).toEqual(new Set(['FORBIDDEN']));
  });

  it('region(id) and summaries of a foreign township are refused', async () => {
    const r = await s.run<{ region: null }>('township', `query ($id: ID!) { region(id: $id) { name } }`, {
      id: globalId('Region', foreign.id),
    });
    expect(r.data!.region).toBeNull();
    const summary = await s.run(
      'township',
      `query ($id: ID!) { organisationSummary(regionId: $id) { villageCount } }`,
      {
        id: globalId('Region', foreign.id),
      },
    );
    expect(summary.data).toBeNull();
    expect(JSON.stringify(summary)).not.toContain('villageCount":');
  });

  it('mutation payloads: editing a foreign unit or creating one in a foreign township is forbidden and writes nothing', async () => {
    const update = await s.run<{ updateUnit: { __typename: string; code: string } }>(
      'township',
      `mutation ($input: UpdateUnitInput!) { updateUnit(input: $input) { __typename ... on Error { code } ... on MutationUpdateUnitSuccess { data { name } } } }`,
      {
        input: {
          id: globalId('Unit', foreignUnitId),
          version: 1,
          name: '被越权修改',
          kind: 'TOWNSHIP_GOVERNMENT',
          regionId: globalId('Region', own.id),
        },
      },
    );
    expect(update.data!.updateUnit).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const create = await s.run<{ createUnit: { __typename: string } }>(
      'township',
      `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename } }`,
      {
        input: {
          name: '越权单位',
          kind: 'BACKING_UNIT',
          backingLevel: 'COUNTY',
          regionId: globalId('Region', foreign.id),
        },
      },
    );
    expect(create.data!.createUnit.__typename).toBe('ForbiddenError');
    const unit = await s.handle.db.query.units.findFirst({ where: { id: foreignUnitId } });
    expect(unit!.name).not.toBe('被越权修改');
    expect(await s.handle.db.query.units.findFirst({ where: { name: '越权单位' } })).toBeUndefined();
  });

  it('anonymous requests get UNAUTHENTICATED and no data', async () => {
    const r = await s.run(null, `{ units(first: 5) { totalCount } }`);
    expect(r.data ?? null).toBeNull();
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
    const me = await s.run<{ me: null }>(null, `{ me { username } }`);
    expect(me.data!.me).toBeNull();
  });
});

describe('a county administrator sees the whole county', () => {
  it('lists every township and all 304 villages', async () => {
    const r = await s.run<{ villages: { totalCount: number }; regions: { totalCount: number } }>(
      'admin',
      `{ villages(first: 1) { totalCount } regions(level: TOWNSHIP, first: 1) { totalCount } }`,
    );
    expect(r.data).toEqual({ villages: { totalCount: 304 }, regions: { totalCount: 22 } });
  });
});
