import { cadres, households, pairings, units, visits } from '@gongjian/db/schema';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPairings, PAIRING_SHEET } from '../../src/modules/assistance/pairing-import';
import { freshHelper, freshHouseholds, PAIR, type PairResult, RECORD_VISIT } from '../assistance-helpers';
import { createScenario, dropTestDatabases, onPostgres, type Scenario } from '../harness';

/** Pairings and visits racing on PostgreSQL (PGlite runs one transaction at a time, so only a server shows these). */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const decode = (gid: string) => Number(Buffer.from(gid, 'base64').toString('utf8').split(':')[1]);
const pairAll = (inputs: Record<string, unknown>[]) =>
  Promise.all(inputs.map((input) => s.run<{ pairHelper: PairResult }>('village', PAIR, { input })));

describe('the pairing cap under concurrent requests', () => {
  it.each([1, 2, 3, 4, 5])(
    'run %i: 20 concurrent pairings for one helper with no households leave exactly 5 and 15 typed refusals',
    async () => {
      const helper = await freshHelper(s);
      const homes = await freshHouseholds(s, 20);
      const results = await pairAll(homes.map((householdId) => ({ householdId, helperId: helper.gid })));
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      const outcomes = results.map((r) => r.data!.pairHelper);
      expect(outcomes.filter((o) => o.__typename === 'MutationPairHelperSuccess')).toHaveLength(5);
      const refused = outcomes.filter((o) => o.__typename === 'RuleViolationError');
      expect(refused).toHaveLength(15);
      for (const refusal of refused) {
        expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PAIRING.CAP' });
        expect(refusal.message).toMatch(/^该帮扶责任人已结对5户, 上限5户/);
      }
      const open = await s.handle.db.$count(
        pairings,
        and(eq(pairings.helperId, helper.id), isNull(pairings.endDate)),
      );
      expect(open).toBe(5);
    },
  );
});

describe('the database itself holds the cap', () => {
  it('20 concurrent inserts straight into the table, past the API, leave exactly 5 open pairings for one helper', async () => {
    const helper = await freshHelper(s);
    const homes = await freshHouseholds(s, 20);
    const household = (await s.handle.db.query.households.findFirst({ where: { id: decode(homes[0]!) } }))!;
    const results = await Promise.allSettled(
      homes.map((gid) =>
        s.handle.db.insert(pairings).values({
          countyId: household.countyId,
          regionPath: household.regionPath,
          helperId: helper.id,
          householdId: decode(gid),
          startDate: '2026-01-01',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const open = await s.handle.db.$count(
      pairings,
      and(eq(pairings.helperId, helper.id), isNull(pairings.endDate)),
    );
    expect(open).toBe(5);
  });
});

describe('re-pairing one household concurrently', () => {
  it('20 concurrent re-pairings of one household leave exactly one active helper', async () => {
    const [householdId] = await freshHouseholds(s, 1);
    const first = await freshHelper(s);
    await pairAll([{ householdId, helperId: first.gid, startDate: '2026-01-01' }]);
    const helpers = await Promise.all(Array.from({ length: 20 }, (_, i) => freshHelper(s, `接替帮扶人${i}`)));
    const results = await pairAll(
      helpers.map((h) => ({ householdId, helperId: h.gid, replaceCurrent: true })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const kinds = new Set(results.map((r) => r.data!.pairHelper.__typename));
    expect([...kinds].every((k) => k === 'MutationPairHelperSuccess' || k === 'RuleViolationError')).toBe(
      true,
    );
    const open = await s.handle.db
      .select()
      .from(pairings)
      .where(and(eq(pairings.householdId, decode(householdId!)), isNull(pairings.endDate)));
    expect(open).toHaveLength(1);
    const all = await s.handle.db.$count(pairings, eq(pairings.householdId, decode(householdId!)));
    expect(all).toBe(
      1 + results.filter((r) => r.data!.pairHelper.__typename === 'MutationPairHelperSuccess').length,
    );
  });
});

describe('a visit sent again while the first request is still running', () => {
  it('stores one visit for 10 concurrent requests with the same idempotency key, and each gets it back', async () => {
    const helper = await freshHelper(s);
    const [householdId] = await freshHouseholds(s, 1);
    const created = await pairAll([{ householdId, helperId: helper.gid, startDate: '2026-01-01' }]);
    const pairingId = created[0]!.data!.pairHelper.data!.id;
    const input = {
      pairingId,
      occurredAt: '2026-02-03T02:00:00Z',
      mode: 'PHONE',
      idempotencyKey: 'offline-device-7-0001',
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.run<{ recordVisit: { __typename: string; data?: { id: string } } }>('village', RECORD_VISIT, {
          input,
        }),
      ),
    );
    const ids = new Set(results.map((r) => r.data!.recordVisit.data?.id));
    expect(ids.size).toBe(1);
    expect(await s.handle.db.$count(visits, eq(visits.pairingId, decode(pairingId)))).toBe(1);
  });
});

async function sheetOf(numbers: string[], helperName: string, unitName: string) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(PAIRING_SHEET);
  ws.addRow(['户编号', '帮扶责任人', '所在单位', '结对开始日期', '更换帮扶责任人']);
  for (const number of numbers) ws.addRow([number, helperName, unitName, '', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importSetup(round: number, households_: number) {
  const name = `并发导入人${round}-${Date.now() % 100_000}`;
  const helper = await freshHelper(s, name);
  const [unit] = await s.handle.db
    .select({ name: units.name })
    .from(cadres)
    .innerJoin(units, eq(units.id, cadres.unitId))
    .where(eq(cadres.id, helper.id));
  const ids = (await freshHouseholds(s, households_)).map(decode);
  const rows = await s.handle.db.select().from(households).where(inArray(households.id, ids));
  const numbers = ids.map((id) => rows.find((r) => r.id === id)!.householdNumber);
  return { helper, name, unitName: unit!.name, ids, numbers };
}

const openPairingsOf = (helperId: number) =>
  s.handle.db.$count(pairings, and(eq(pairings.helperId, helperId), isNull(pairings.endDate)));

/** A refused import names why: the write-time conflict (row 0) or the rules at check time (PAIRING.*). */
const REFUSAL = /其他结对写入|PAIRING\.(CAP|ALREADY_PAIRED)/;

describe('the bulk pairing import run concurrently', () => {
  it.each([1, 2, 3, 4, 5])(
    'run %i: the same sheet imported twice at once is written exactly once; the other import is refused',
    async (round) => {
      const setup = await importSetup(round, 4);
      const file = await sheetOf(setup.numbers, setup.name, setup.unitName);
      const viewer = await s.viewer('village');
      const results = await Promise.all(
        [file, file].map((f) => importPairings(s.handle.db, viewer, f, { mode: 'ALL', dryRun: false })),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['IMPORTED', 'REJECTED']);
      const refused = results.find((r) => r.status === 'REJECTED')!;
      expect(refused.written).toBe(0);
      expect(refused.issues.length).toBeGreaterThan(0);
      for (const issue of refused.issues) expect(issue.reason).toMatch(REFUSAL);
      expect(await openPairingsOf(setup.helper.id)).toBe(4);
      const copies = await s.handle.db.$count(pairings, inArray(pairings.householdId, setup.ids));
      expect(copies).toBe(4);
    },
  );

  it.each([1, 2, 3, 4, 5])(
    'run %i: two sheets that together give one helper 6 households leave one sheet written and the cap of 5 held',
    async (round) => {
      const setup = await importSetup(round + 10, 6);
      const first = await sheetOf(setup.numbers.slice(0, 3), setup.name, setup.unitName);
      const second = await sheetOf(setup.numbers.slice(3), setup.name, setup.unitName);
      const viewer = await s.viewer('village');
      const results = await Promise.all(
        [first, second].map((f) => importPairings(s.handle.db, viewer, f, { mode: 'ALL', dryRun: false })),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['IMPORTED', 'REJECTED']);
      const refused = results.find((r) => r.status === 'REJECTED')!;
      expect(refused.written).toBe(0);
      expect(refused.issues.map((i) => i.reason).join('\n')).toMatch(/其他结对写入|上限5户.*PAIRING\.CAP/);
      expect(await openPairingsOf(setup.helper.id)).toBe(3);
      expect(await s.handle.db.$count(pairings, inArray(pairings.householdId, setup.ids))).toBe(3);
    },
  );
});
