import { fundSources } from '@gongjian/db/schema';
import { like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFundSources, SOURCE_COLUMNS, SOURCE_SHEET } from '../../src/modules/funds/source-import';
import { fundsKit } from '../funds-helpers';
import { createScenario, dropTestDatabases, onPostgres, type Scenario } from '../harness';

/** Allocations and payments racing on one source or one project (PGlite runs one transaction at a time). */
let s: Scenario;
beforeAll(async () => {
  if (!onPostgres) throw new Error('the concurrency tier needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface Outcome {
  __typename: string;
  code?: string;
  ruleId?: string;
  data?: { id: string; version: number };
}

const INPUTS: Record<string, string> = { allocateFunds: 'AllocateFundsInput' };

async function mutate(name: string, input: Record<string, unknown>) {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const select = name === 'advanceProject' ? 'id version' : 'id';
  const r = await s.run<Record<string, Outcome>>(
    'admin',
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { ${select} } }
      ... on Error { code } ... on RuleViolationError { ruleId } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

async function newSource(amountYuan: string) {
  const r = await mutate('createFundSource', {
    category: 'OTHER',
    name: '并发测试资金',
    fromYear: 2026,
    toYear: 2026,
    amountYuan,
  });
  return r.data!.id;
}

/** A new project taken to IMPLEMENTATION, each step by its role (its notice ran before today). */
const projectInImplementation = async () => (await fundsKit(() => s).projectInImplementation()).id;

const RUNS = [1, 2, 3, 4, 5];

describe('caps under concurrent writers on PostgreSQL', () => {
  it.each(RUNS)(
    'run %i: 20 concurrent allocations of 70 元 against a 1,000 元 source: 14 land, 6 are refused by FUNDS.ALLOCATION_CAP, the sum stays within the source',
    async () => {
      const sourceId = await newSource('1000');
      const projectId = await projectInImplementation();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => mutate('allocateFunds', { sourceId, projectId, amountYuan: '70' })),
      );
      const landed = results.filter((r) => r.__typename === 'MutationAllocateFundsSuccess');
      const refused = results.filter((r) => r.__typename !== 'MutationAllocateFundsSuccess');
      expect(landed).toHaveLength(14);
      expect(refused.map((r) => [r.code, r.ruleId])).toEqual(
        Array.from({ length: 6 }, () => ['RULE_VIOLATION', 'FUNDS.ALLOCATION_CAP']),
      );
      const source = (await s.handle.db.query.fundSources.findFirst({
        where: { id: rowId(sourceId) },
        with: { allocations: true },
      }))!;
      const sum = source.allocations.reduce((total, a) => total + a.amountFen, 0);
      expect(sum).toBe(98_000);
      expect(source.allocatedFen).toBe(sum);
      expect(source.allocatedFen).toBeLessThanOrEqual(source.amountFen);
      const project = (await s.handle.db.query.projects.findFirst({ where: { id: rowId(projectId) } }))!;
      expect(project.allocatedFen).toBe(sum);
      const audits = await s.handle.db.query.auditLog.findMany({ where: { action: 'funds.allocate' } });
      expect(audits.filter((a) => source.allocations.some((x) => String(x.id) === a.entityId))).toHaveLength(
        14,
      );
    },
  );

  it.each(RUNS)(
    'run %i: 20 concurrent payments of 70 元 against a 1,000 元 allocation: 14 land, 6 are refused by FUNDS.DISBURSEMENT_CAP, the sum stays within the allocation',
    async () => {
      const sourceId = await newSource('1000');
      const projectId = await projectInImplementation();
      expect((await mutate('allocateFunds', { sourceId, projectId, amountYuan: '1000' })).__typename).toBe(
        'MutationAllocateFundsSuccess',
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, () => mutate('recordDisbursement', { projectId, amountYuan: '70' })),
      );
      const landed = results.filter((r) => r.__typename === 'MutationRecordDisbursementSuccess');
      const refused = results.filter((r) => r.__typename !== 'MutationRecordDisbursementSuccess');
      expect(landed).toHaveLength(14);
      expect(refused.map((r) => [r.code, r.ruleId])).toEqual(
        Array.from({ length: 6 }, () => ['RULE_VIOLATION', 'FUNDS.DISBURSEMENT_CAP']),
      );
      const project = (await s.handle.db.query.projects.findFirst({
        where: { id: rowId(projectId) },
        with: { disbursements: true },
      }))!;
      const sum = project.disbursements.reduce((total, d) => total + d.amountFen, 0);
      expect(sum).toBe(98_000);
      expect(project.disbursedFen).toBe(sum);
      expect(project.disbursedFen).toBeLessThanOrEqual(project.allocatedFen);
    },
  );
});

describe('the same fund source sheet imported twice at once (资金来源导入)', () => {
  it('is written exactly once; the other import is refused without writing', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(SOURCE_SHEET);
    ws.addRow(SOURCE_COLUMNS.map((c) => c.header));
    for (let i = 1; i <= 10; i++) ws.addRow(['其他资金', `并发导入资金 ${i}`, 2033, 2033, '', `${i}.5`]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const viewer = await s.viewer('admin');
    const county = { countyId: viewer.countyId!, regionPath: viewer.regionPath };
    const results = await Promise.all(
      [1, 2].map(() => importFundSources(s.handle.db, viewer, county, file, { mode: 'ALL', dryRun: false })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['IMPORTED', 'REJECTED']);
    expect(results.find((r) => r.status === 'IMPORTED')!.written).toBe(10);
    expect(await s.handle.db.$count(fundSources, like(fundSources.name, '并发导入资金%'))).toBe(10);
  });
});
