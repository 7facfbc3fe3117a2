import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Facts, parameters and sector details cross the API as JSON values, not strings to parse. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

describe('JSON values instead of JSON strings', () => {
  it("a rule's parameters and facts are objects", async () => {
    const r = await s.run<{
      workStations: {
        staffCheck: { reasons: { params: Record<string, number>; facts: Record<string, unknown> }[] };
      }[];
    }>('admin', `{ workStations { staffCheck { reasons { params facts } } } }`);
    expect(r.errors).toBeUndefined();
    const [reason] = r.data!.workStations[0]!.staffCheck.reasons;
    expect(reason!.params).toMatchObject({ minStaff: expect.any(Number), maxStaff: expect.any(Number) });
    expect(typeof reason!.facts).toBe('object');
  });

  it('sector data takes its details as an object, and a string where an object belongs is refused', async () => {
    const RECORD = `mutation ($input: SectorRecordInput!) { recordSectorData(input: $input) { __typename
      ... on Error { code } } }`;
    const input = { idNumber: '431129199001011234', kind: 'VEHICLE', source: '县公安局交警大队' };
    const ok = await s.run<{ recordSectorData: { __typename: string } }>('admin', RECORD, {
      input: { ...input, details: { vehicleKind: 'CAR', purchasePriceFen: 8_000_000, productive: false } },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    const bad = await s.run<{ recordSectorData: { __typename: string; code?: string } }>('admin', RECORD, {
      input: { ...input, details: { nested: { not: 'allowed' } } },
    });
    expect(bad.data!.recordSectorData).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION' });
  });
});
