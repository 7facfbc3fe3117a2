import { regions, sectorRecords } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { freshIdNumber } from './identification-helpers';

/** The reads behind the console's record pages: sector records, village populations, survey samples. */

let s: Scenario;
let own: { id: number; regionPath: string };
let foreign: { id: number; regionPath: string };
/** A registered member of a household in the township clerk's township, and their household number. */
let member: { idNumber: string; householdNumber: string };

beforeAll(async () => {
  s = await createScenario();
  own = (await s.handle.db.query.regions.findFirst({ where: { name: '沱江镇' } }))!;
  foreign = (await s.handle.db.query.regions.findFirst({ where: { name: '涛圩镇' } }))!;
  const household = (await s.handle.db.query.households.findFirst({
    where: { regionPath: { like: `${own.regionPath}%` } },
    with: { members: true },
    orderBy: { id: 'asc' },
  }))!;
  member = { idNumber: household.members[0]!.idNumber, householdNumber: household.householdNumber };
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const codes = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

const RECORD = /* GraphQL */ `
  mutation ($input: SectorRecordInput!) {
    recordSectorData(input: $input) {
      __typename
      ... on ValidationError { fieldErrors { path message } }
    }
  }`;

interface SectorPage {
  sectorRecords: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        kind: string;
        idNumber: string;
        source: string;
        vehicle: { vehicleKind: string; purchasePriceYuan: string; productive: boolean } | null;
        business: { businessKind: string; registered: boolean; operating: boolean } | null;
      };
    }[];
  };
}

const SECTOR_PAGE = /* GraphQL */ `
  query ($kind: SectorRecordKind, $regionId: ID, $search: String, $first: Int!, $after: String) {
    sectorRecords(kind: $kind, regionId: $regionId, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind idNumber source recordedOn
        vehicle { vehicleKind purchasePriceYuan productive }
        townProperty { propertyKind }
        business { businessKind registered operating } } }
    }
  }`;

async function record(username: string, input: Record<string, unknown>) {
  const r = await s.run<{ recordSectorData: { __typename: string } }>(username, RECORD, { input });
  expect(r.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
}

describe('sector records (部门比对数据)', () => {
  beforeAll(async () => {
    // The township clerk records three in 沱江镇; another township's row sits beside them.
    await record('township', {
      idNumber: member.idNumber,
      kind: 'VEHICLE',
      vehicle: { vehicleKind: 'CAR', purchasePriceYuan: '123456.50', productive: false },
      source: '县公安局交警大队',
    });
    await record('township', {
      idNumber: freshIdNumber(),
      kind: 'BUSINESS',
      business: { businessKind: 'COMPANY', registered: true, operating: false },
      source: '县市场监督管理局',
    });
    await record('township', { idNumber: freshIdNumber(), kind: 'PUBLIC_PAYROLL', source: '县财政局' });
    await s.handle.db.insert(sectorRecords).values({
      countyId: 1,
      regionPath: foreign.regionPath,
      idNumber: freshIdNumber(),
      kind: 'VEHICLE',
      details: { vehicleKind: 'CAR', purchasePriceFen: 9_000_000, productive: false },
      source: '涛圩镇录入',
      recordedOn: '2019-05-01',
    });
  });

  it('a township clerk pages through their own records only, never another township’s', async () => {
    const first = await s.run<SectorPage>('township', SECTOR_PAGE, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.sectorRecords.totalCount).toBe(3);
    expect(first.data!.sectorRecords.edges).toHaveLength(2);
    expect(first.data!.sectorRecords.pageInfo.hasNextPage).toBe(true);
    const next = await s.run<SectorPage>('township', SECTOR_PAGE, {
      first: 2,
      after: first.data!.sectorRecords.pageInfo.endCursor,
    });
    expect(next.data!.sectorRecords.edges).toHaveLength(1);
    expect(next.data!.sectorRecords.pageInfo.hasNextPage).toBe(false);
    const all = [...first.data!.sectorRecords.edges, ...next.data!.sectorRecords.edges].map((e) => e.node);
    expect(new Set(all.map((n) => n.id)).size).toBe(3);
    expect(all.map((n) => n.source)).not.toContain('涛圩镇录入');
    expect(all.map((n) => n.kind).sort()).toEqual(['BUSINESS', 'PUBLIC_PAYROLL', 'VEHICLE']);
  });

  it('the county sees every township’s records, the demo’s county-level ones too', async () => {
    const county = await s.run<SectorPage>('admin', SECTOR_PAGE, { first: 100 });
    expect(county.data!.sectorRecords.totalCount).toBeGreaterThan(4);
    const foreignOnly = await s.run<SectorPage>('admin', SECTOR_PAGE, {
      first: 10,
      regionId: globalId('Region', foreign.id),
    });
    expect(foreignOnly.data!.sectorRecords.edges.map((e) => e.node.source)).toEqual(['涛圩镇录入']);
  });

  it('a foreign township’s record is refused through node(id)', async () => {
    const row = (await s.handle.db.query.sectorRecords.findFirst({ where: { source: '涛圩镇录入' } }))!;
    const r = await s.run<{ node: unknown }>('township', `query ($id: ID!) { node(id: $id) { id } }`, {
      id: globalId('SectorRecord', row.id),
    });
    expect(r.data?.node ?? null).toBeNull();
  });

  it('filters by kind and shows the kind’s typed details, the ID number masked', async () => {
    const r = await s.run<SectorPage>('township', SECTOR_PAGE, { first: 10, kind: 'VEHICLE' });
    expect(r.data!.sectorRecords.totalCount).toBe(1);
    const node = r.data!.sectorRecords.edges[0]!.node;
    expect(node.vehicle).toEqual({ vehicleKind: 'CAR', purchasePriceYuan: '123456.50', productive: false });
    expect(node.business).toBeNull();
    expect(node.idNumber).toBe(`${member.idNumber.slice(0, 6)}********${member.idNumber.slice(-4)}`);
    const business = await s.run<SectorPage>('township', SECTOR_PAGE, { first: 10, kind: 'BUSINESS' });
    expect(business.data!.sectorRecords.edges[0]!.node.business).toEqual({
      businessKind: 'COMPANY',
      registered: true,
      operating: false,
    });
  });

  it('a household search finds the records of its members', async () => {
    const r = await s.run<SectorPage>('township', SECTOR_PAGE, {
      first: 10,
      search: member.householdNumber,
    });
    expect(r.data!.sectorRecords.edges.map((e) => e.node.kind)).toEqual(['VEHICLE']);
    const none = await s.run<SectorPage>('township', SECTOR_PAGE, { first: 10, search: '不存在的户主' });
    expect(none.data!.sectorRecords.totalCount).toBe(0);
  });

  it('roles without the screening permission may not read sector records', async () => {
    for (const username of ['helper', 'auditor', 'leader']) {
      const r = await s.run(username, SECTOR_PAGE, { first: 5 });
      expect(codes(r)).toContain('FORBIDDEN');
    }
  });

  it('a page of sector records with its count is two statements', async () => {
    await s.run('township', SECTOR_PAGE, { first: 50, search: member.householdNumber });
    expect(s.statements).toHaveLength(2);
  });
});

interface PopulationPage {
  villagePopulations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        id: string;
        year: number;
        ruralPopulation: number;
        viewerCanEdit: boolean;
        village: { id: string; name: string; parent: { name: string } | null };
      };
    }[];
  };
}

const POPULATION_PAGE = /* GraphQL */ `
  query ($year: Int, $regionId: ID, $first: Int!, $after: String) {
    villagePopulations(year: $year, regionId: $regionId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id year ruralPopulation ruralHouseholds version viewerCanEdit
        village { id name parent { name } } } }
    }
  }`;

describe('village populations (村人口)', () => {
  it('a township clerk lists their villages’ populations by year, editable, never another township’s', async () => {
    const villages = await s.handle.db.$count(
      regions,
      sql`${regions.level} = 'VILLAGE' and ${regions.regionPath} like ${`${own.regionPath}%`}`,
    );
    const r = await s.run<PopulationPage>('township', POPULATION_PAGE, { year: 2019, first: 100 });
    expect(r.errors).toBeUndefined();
    expect(r.data!.villagePopulations.totalCount).toBe(villages);
    expect(r.data!.villagePopulations.edges.every((e) => e.node.year === 2019)).toBe(true);
    expect(r.data!.villagePopulations.edges.every((e) => e.node.village.parent?.name === '沱江镇')).toBe(
      true,
    );
    expect(r.data!.villagePopulations.edges.every((e) => e.node.viewerCanEdit)).toBe(true);
    const foreignOnly = await s.run<PopulationPage>('township', POPULATION_PAGE, {
      regionId: globalId('Region', foreign.id),
      first: 10,
    });
    expect(foreignOnly.data!.villagePopulations.totalCount).toBe(0);
  });

  it('pages without repeating a row; an auditor reads but may not edit', async () => {
    const first = await s.run<PopulationPage>('township', POPULATION_PAGE, { first: 3 });
    const next = await s.run<PopulationPage>('township', POPULATION_PAGE, {
      first: 3,
      after: first.data!.villagePopulations.pageInfo.endCursor,
    });
    const ids = [...first.data!.villagePopulations.edges, ...next.data!.villagePopulations.edges].map(
      (e) => e.node.id,
    );
    expect(new Set(ids).size).toBe(6);
    const auditor = await s.run<PopulationPage>('auditor', POPULATION_PAGE, { year: 2019, first: 5 });
    expect(auditor.data!.villagePopulations.edges).toHaveLength(5);
    expect(auditor.data!.villagePopulations.edges.some((e) => e.node.viewerCanEdit)).toBe(false);
  });

  it('setting a population shows in the list with its new figure', async () => {
    const page = await s.run<PopulationPage>('township', POPULATION_PAGE, { year: 2019, first: 1 });
    const village = page.data!.villagePopulations.edges[0]!.node.village;
    const set = await s.run<{ setVillagePopulation: { __typename: string } }>(
      'township',
      `mutation ($input: SetVillagePopulationInput!) { setVillagePopulation(input: $input) { __typename } }`,
      { input: { villageId: village.id, year: 2019, ruralPopulation: 4321, ruralHouseholds: 1200 } },
    );
    expect(set.data!.setVillagePopulation.__typename).toBe('MutationSetVillagePopulationSuccess');
    const again = await s.run<PopulationPage>('township', POPULATION_PAGE, {
      year: 2019,
      regionId: village.id,
      first: 5,
    });
    expect(again.data!.villagePopulations.edges.map((e) => e.node.ruralPopulation)).toEqual([4321]);
  });

  it('a page of village populations with their village, township and count is two statements', async () => {
    await s.run('township', POPULATION_PAGE, { year: 2019, first: 50 });
    expect(s.statements).toHaveLength(2);
  });
});

describe('survey samples (抽样调查)', () => {
  it('a page of samples by year and region with their village and household is two statements', async () => {
    const r = await s.run<{ surveySamples: { totalCount: number; edges: { node: { year: number } }[] } }>(
      'township',
      `query ($regionId: ID) { surveySamples(year: 2019, regionId: $regionId, first: 50) { totalCount
        edges { node { id year kind respondentName persons wrongExit missed recognises surveyedOn
          village { id name parent { name } } household { id householdNumber } } } } }`,
      { regionId: globalId('Region', own.id) },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.surveySamples.edges.every((e) => e.node.year === 2019)).toBe(true);
    expect(s.statements).toHaveLength(2);
  });
});
