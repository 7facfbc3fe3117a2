import { sectorRecords } from '@gongjian/db/schema';
import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Sector data carries typed fields per kind, in 元, checked before anything is stored. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const RECORD = /* GraphQL */ `mutation ($input: SectorRecordInput!) { recordSectorData(input: $input) { __typename
  ... on ValidationError { code fieldErrors { path } } } }`;
type Recorded = {
  recordSectorData: { __typename: string; code?: string; fieldErrors?: { path: string[] }[] };
};
const base = { idNumber: '431129198502021234', source: '县公安局交警大队', recordedOn: '2019-06-01' };

const record = (input: Record<string, unknown>) =>
  s.run<Recorded>('admin', RECORD, { input: { ...base, ...input } });
const refusedPaths = async (input: Record<string, unknown>) => {
  const r = await record(input);
  expect(r.errors).toBeUndefined();
  expect(r.data!.recordSectorData.__typename).toBe('ValidationError');
  return r.data!.recordSectorData.fieldErrors!.map((e) => e.path.join('.'));
};
const storedDetails = async () => {
  const [latest] = await s.handle.db
    .select({ details: sectorRecords.details })
    .from(sectorRecords)
    .orderBy(desc(sectorRecords.id))
    .limit(1);
  return latest!.details;
};

describe('typed sector data per kind', () => {
  it('a vehicle is stored with its price in fen, entered exactly in 元', async () => {
    const r = await record({
      kind: 'VEHICLE',
      vehicle: { vehicleKind: 'CAR', purchasePriceYuan: '80000.05', productive: false },
    });
    expect(r.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    expect(await storedDetails()).toEqual({
      vehicleKind: 'CAR',
      purchasePriceFen: 8_000_005,
      productive: false,
    });
  });

  it('a vehicle without its fields, or with a price finer than one fen, is refused naming the field', async () => {
    expect(await refusedPaths({ kind: 'VEHICLE' })).toEqual(['vehicle']);
    expect(
      await refusedPaths({
        kind: 'VEHICLE',
        vehicle: { vehicleKind: 'CAR', purchasePriceYuan: '100.001', productive: false },
      }),
    ).toEqual(['vehicle.purchasePriceYuan']);
  });

  it('a town property and a business are stored with their typed fields', async () => {
    const property = await record({ kind: 'TOWN_PROPERTY', townProperty: { propertyKind: 'SHOP' } });
    expect(property.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    expect(await storedDetails()).toEqual({ propertyKind: 'SHOP' });
    const business = await record({
      kind: 'BUSINESS',
      business: { businessKind: 'COMPANY', registered: true, operating: false },
    });
    expect(business.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    expect(await storedDetails()).toEqual({ businessKind: 'COMPANY', registered: true, operating: false });
    expect(await refusedPaths({ kind: 'TOWN_PROPERTY' })).toEqual(['townProperty']);
    expect(await refusedPaths({ kind: 'BUSINESS' })).toEqual(['business']);
  });

  it("a kind without fields needs none, and another kind's object is refused", async () => {
    const payroll = await record({ kind: 'PUBLIC_PAYROLL', source: '县财政局' });
    expect(payroll.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    expect(await storedDetails()).toEqual({});
    expect(await refusedPaths({ kind: 'PUBLIC_PAYROLL', townProperty: { propertyKind: 'SHOP' } })).toEqual([
      'townProperty',
    ]);
  });

  it('screening finds a typed vehicle record of a poor household member', async () => {
    const household = (await s.handle.db.query.households.findFirst({
      where: {
        status: 'POOR',
        RAW: (t) => sql`not exists (select 1 from exclusion_findings f where f.household_id = ${t.id})`,
      },
      with: { members: true },
    }))!;
    const recorded = await record({
      idNumber: household.members[0]!.idNumber,
      kind: 'VEHICLE',
      vehicle: { vehicleKind: 'CAR', purchasePriceYuan: '80000', productive: false },
    });
    expect(recorded.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    const screened = await s.run<{
      runExclusionScreening: { data: { newFindings: { ruleId: string }[] } };
    }>(
      'admin',
      `mutation ($input: ExclusionScreeningInput) { runExclusionScreening(input: $input) {
        ... on MutationRunExclusionScreeningSuccess { data { newFindings { ruleId } } } } }`,
      { input: { householdId: globalId('Household', household.id) } },
    );
    expect(screened.data!.runExclusionScreening.data.newFindings.map((f) => f.ruleId)).toEqual(['VEHICLE']);
  });
});
