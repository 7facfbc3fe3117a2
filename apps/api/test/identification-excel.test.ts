import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLog, householdIncomes, households } from '@gongjian/db/schema';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportEvent, importWorkbook } from '../src/modules/identification/import-export';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';
import { buildWorkbook } from './identification-workbook';

let s: Scenario;
let server: Server;
let base: string;
let villages: { id: number; township: string; name: string }[];
const cookies = new Map<string, string>();

beforeAll(async () => {
  s = await createScenario();
  villages = (
    await s.handle.db.query.regions.findMany({
      where: { level: 'VILLAGE' },
      with: { parent: { columns: { name: true } } },
      orderBy: { id: 'asc' },
    })
  ).map((v) => ({ id: v.id, township: v.parent!.name, name: v.name }));
  const { app } = await createApp(s.handle);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await s.close();
  await dropTestDatabases();
});

async function cookieOf(username: string) {
  if (!cookies.has(username)) {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "${username}", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    cookies.set(username, login.headers.get('set-cookie')!.split(';')[0]!);
  }
  return cookies.get(username)!;
}

async function runImport(username: string, file: Buffer, dryRun = false) {
  const events: ImportEvent[] = [];
  const result = await importWorkbook(
    s.handle.db,
    await s.viewer(username),
    file,
    { mode: 'ALL', dryRun },
    (e) => events.push(e),
  );
  const errors = events.filter((e): e is Extract<ImportEvent, { type: 'error' }> => e.type === 'error');
  return { result, errors };
}

async function load(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

async function withIncomeSheet(file: Buffer, rows: unknown[][]) {
  const workbook = await load(file);
  const sheet = workbook.addWorksheet('年度收入');
  sheet.addRow([
    '户编号',
    '年度',
    '工资性收入(元)',
    '生产经营性收入(元)',
    '生产经营性支出(元)',
    '财产性收入(元)',
    '转移性收入(元)',
  ]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const exportUnmasked = async (username: string, query: string, reason: string) =>
  fetch(`${base}/identification/households/export-unmasked?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: await cookieOf(username) },
    body: JSON.stringify({ reason }),
  });

describe('the unmasked export', () => {
  it('a role that may unmask exports full ID numbers, phones and incomes, and the file re-imports with 0 changed rows', async () => {
    const village = villages[0]!;
    const res = await exportUnmasked('admin', `regionId=${village.id}`, '核对花名册后重新导入');
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const workbook = await load(file);
    const ids = workbook.getWorksheet('家庭成员')!.getColumn(3).values.slice(2) as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    const incomeRows = workbook.getWorksheet('年度收入')!.rowCount - 1;
    expect(incomeRows).toBeGreaterThan(0);

    const { result, errors } = await runImport('admin', file);
    expect(errors).toEqual([]);
    expect(result).toMatchObject({ status: 'IMPORTED', changedRows: 0, incomeRows });
    expect(result.households.unchanged).toBe(workbook.getWorksheet('农户')!.rowCount - 1);
    expect(result.members.unchanged).toBe(ids.length);
    expect(result.incomes.unchanged).toBe(incomeRows);
  });

  it('writes one audit row naming the reason and the row counts, never the values', async () => {
    const village = villages[1]!;
    const res = await exportUnmasked('admin', `regionId=${village.id}`, '年度核查');
    const workbook = await load(Buffer.from(await res.arrayBuffer()));
    const rows = await s.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal-data.export'), eq(auditLog.reason, '年度核查')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after).toMatchObject({
      households: workbook.getWorksheet('农户')!.rowCount - 1,
      members: workbook.getWorksheet('家庭成员')!.rowCount - 1,
    });
    const id = workbook.getWorksheet('家庭成员')!.getCell('C2').text;
    expect(JSON.stringify(rows[0]!.after)).not.toContain(id);
  });

  it('a role without the unmask right is refused, the attempt audited; a missing reason is refused', async () => {
    const refused = await exportUnmasked('township', '', '想看看');
    expect(refused.status).toBe(403);
    const attempts = await s.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'personal-data.export-refused'));
    expect(attempts.map((a) => a.reason)).toEqual(['想看看']);
    expect((await exportUnmasked('admin', '', ' ')).status).toBe(400);
  });

  it('the masked export cannot be re-imported as it stands: the masked ID numbers are reported', async () => {
    const res = await fetch(`${base}/identification/households/export?regionId=${villages[0]!.id}`, {
      headers: { cookie: await cookieOf('admin') },
    });
    const { result, errors } = await runImport('admin', Buffer.from(await res.arrayBuffer()), true);
    expect(result.status).toBe('REJECTED');
    expect(errors.some((e) => e.column === '身份证号')).toBe(true);
  });
});

describe('the template and the import’s refusals', () => {
  it('the template has a drop-down on every enumerated column and a notes sheet listing every accepted value', async () => {
    const res = await fetch(`${base}/identification/households/import-template`, {
      headers: { cookie: await cookieOf('admin') },
    });
    const workbook = await load(Buffer.from(await res.arrayBuffer()));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '农户',
      '家庭成员',
      '年度收入',
      '填写说明',
      '可选值',
    ]);
    const status = workbook.getWorksheet('农户')!.getCell('I2').dataValidation;
    expect(status).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^'可选值'!\$\w\$2:\$\w\$\d+$/)],
    });
    expect(workbook.getWorksheet('家庭成员')!.getCell('D3').dataValidation?.type).toBe('list');
    const notes = workbook.getWorksheet('填写说明')!;
    const statusNote = notes.getRows(2, notes.rowCount - 1)!.find((r) => r.getCell(2).text === '贫困状态')!;
    expect(statusNote.getCell(5).text).toContain('非贫困户 / 未脱贫');
    const lists = workbook.getWorksheet('可选值')!;
    expect(lists.getRow(1).values).toContain('与户主关系');
  });

  it('an unaccepted value is refused with the list of what is accepted', async () => {
    const file = await buildWorkbook({
      households: 1,
      villages,
      prefix: 'ACC',
      idOffset: 61_000,
      edit: (sheet, row) => {
        if (sheet === 'households') row.status = '贫困户';
      },
    });
    const { errors } = await runImport('admin', file, true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: '农户', row: 2, column: '贫困状态', code: 'INVALID_VALUE' });
    expect(errors[0]!.reason).toContain('无法识别「贫困户」, 可填: 非贫困户 / 未脱贫 / 已脱贫(享受政策)');
  });

  it('a column the template does not have is reported by name and the file is rejected', async () => {
    const workbook = await load(
      await buildWorkbook({ households: 2, villages, prefix: 'UNK', idOffset: 61_100 }),
    );
    workbook.getWorksheet('家庭成员')!.getCell('M1').value = '民族';
    const { result, errors } = await runImport('admin', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.status).toBe('REJECTED');
    expect(errors).toEqual([
      expect.objectContaining({ sheet: '家庭成员', row: 1, column: '民族', code: 'UNKNOWN_COLUMN' }),
    ]);
  });
});

describe('incomes in the import', () => {
  it('incomes import by household and year: validate-only writes nothing, bad amounts are reported, the import writes them once', async () => {
    const plain = await buildWorkbook({ households: 2, villages, prefix: 'INC', idOffset: 61_200 });
    const bad = await withIncomeSheet(plain, [
      ['INC000001', 2019, '12000', '3000.5', '500', '0', '800'],
      ['INC000001', 2019, '1', '0', '0', '0', '0'],
      ['INC000002', 2019, '-5', '0', '0', '0', '0'],
      ['NOPE0001', 2019, '0', '0', '0', '0', '0'],
    ]);
    const refused = await runImport('admin', bad, true);
    expect(refused.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`)).toEqual([
      '年度收入:3:年度',
      '年度收入:4:工资性收入(元)',
      '年度收入:5:户编号',
    ]);

    const good = await withIncomeSheet(plain, [
      ['INC000001', 2019, '12000', '3000.5', '500', '0', '800'],
      ['INC000002', 2019, '9000', '0', '0', '0', '0'],
    ]);
    const validated = await runImport('admin', good, true);
    expect(validated.result).toMatchObject({ status: 'VALIDATED', incomeRows: 2, changedRows: 0 });
    expect(await s.handle.db.$count(households, like(households.householdNumber, 'INC%'))).toBe(0);

    const imported = await runImport('admin', good);
    expect(imported.result).toMatchObject({
      status: 'IMPORTED',
      incomes: { created: 2, updated: 0, unchanged: 0 },
    });
    const first = await s.handle.db.query.households.findFirst({
      where: { householdNumber: 'INC000001' },
      with: { incomes: true, members: { columns: { id: true } } },
    });
    expect(first!.incomes[0]).toMatchObject({
      year: 2019,
      householdSize: first!.members.length,
      netIncomeFen: 1_530_050,
      perCapitaNetIncomeFen: Math.floor(1_530_050 / first!.members.length),
    });
    const again = await runImport('admin', good);
    expect(again.result).toMatchObject({ changedRows: 0, incomes: { unchanged: 2 } });
    expect(await s.handle.db.$count(householdIncomes, eq(householdIncomes.householdId, first!.id))).toBe(1);
  });
});
