import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { householdMembers, households } from '@gongjian/db/schema';
import { like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ImportEvent,
  type ImportResult,
  importWorkbook,
} from '../src/modules/identification/import-export';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';
import { villageOf } from './identification-helpers';
import { buildWorkbook } from './identification-workbook';

let s: Scenario;
let villages: { township: string; name: string }[];
beforeAll(async () => {
  s = await createScenario();
  villages = (
    await s.handle.db.query.regions.findMany({
      where: { level: 'VILLAGE' },
      with: { parent: { columns: { name: true } } },
    })
  ).map((v) => ({ township: v.parent!.name, name: v.name }));
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

async function runImport(username: string, file: Buffer, mode: 'ALL' | 'CLEAN_ONLY' = 'ALL', dryRun = false) {
  const events: ImportEvent[] = [];
  const result = await importWorkbook(s.handle.db, await s.viewer(username), file, { mode, dryRun }, (e) =>
    events.push(e),
  );
  const errors = events.filter((e): e is Extract<ImportEvent, { type: 'error' }> => e.type === 'error');
  return {
    result,
    errors: errors.map(({ sheet, row, column }) => `${sheet}:${row}:${column}`),
    events,
    reasons: errors,
  };
}

/** Bad rows planted in a generated file, and exactly the issues they must produce. */
function plantBadRows(spec: { households: number; prefix: string; idOffset: number }) {
  let twelfth: unknown;
  return buildWorkbook({
    ...spec,
    villages,
    edit: (sheet, row, index) => {
      if (sheet === 'members' && index === 12) twelfth = row.idNumber;
      if (sheet === 'households' && index === 5) row.attribute = '富裕户';
      if (sheet === 'households' && index === 10) row.village = '不存在村';
      if (sheet === 'households' && index === 11)
        Object.assign(row, { status: '未脱贫', identifiedYear: 2019 });
      if (sheet === 'members' && index === 7)
        row.idNumber = `${String(row.idNumber).slice(0, 17)}${String(row.idNumber).endsWith('1') ? '2' : '1'}`;
      if (sheet === 'members' && index === 13) row.idNumber = twelfth;
      if (sheet === 'members' && index === 20) row.health = '';
    },
  });
}
const PLANTED = [
  '农户:7:户属性',
  '农户:12:村',
  '农户:13:贫困状态',
  '家庭成员:9:身份证号',
  '家庭成员:15:身份证号',
  '家庭成员:22:健康状况',
];

describe('Excel import', () => {
  it('a file with a few bad rows is rejected: every bad row is reported exactly, and nothing is written', async () => {
    const file = await plantBadRows({ households: 300, prefix: 'BAD', idOffset: 0 });
    const before = await s.handle.db.$count(households);
    const { result, errors, reasons } = await runImport('admin', file);
    expect(errors).toEqual(PLANTED);
    expect(reasons.find((r) => r.row === 15)!.reason).toBe('身份证号重复 (与第 14 行)');
    expect(reasons.find((r) => r.row === 9)!.reason).toBe('身份证号校验码错误 (GB 11643)');
    expect(reasons.find((r) => r.row === 13)!.reason).toMatch(
      /^新登记农户只能以「非贫困户」导入.*IMPORT\.NEW_HOUSEHOLD_STATUS/,
    );
    expect(result).toMatchObject({ status: 'REJECTED', errorCount: 6, households: { created: 0 } });
    expect(await s.handle.db.$count(households)).toBe(before);
  });

  it('“clean rows only” imports every household whose rows are clean and reports the rest', async () => {
    const file = await plantBadRows({ households: 300, prefix: 'CLN', idOffset: 10_000 });
    const { result, errors } = await runImport('admin', file, 'CLEAN_ONLY');
    expect(errors).toEqual(PLANTED);
    // Household rows 5, 10 and 11, and the households of member rows 7 (household 2) and 12–13 (household 3);
    // member row 20 belongs to household 5, already skipped.
    expect(result).toMatchObject({ status: 'IMPORTED', skippedHouseholds: 5, households: { created: 295 } });
    expect(await s.handle.db.$count(households, like(households.householdNumber, 'CLN%'))).toBe(295);
  });

  it('a clean file imports in one go, and importing it again adds and changes nothing', async () => {
    const file = await buildWorkbook({ households: 200, villages, prefix: 'OK', idOffset: 20_000 });
    const first = await runImport('admin', file);
    expect(first.result).toMatchObject({
      status: 'IMPORTED',
      errorCount: 0,
      households: { created: 200, updated: 0, unchanged: 0 },
      members: { created: 700, updated: 0, unchanged: 0 },
    });
    const householdsAfter = await s.handle.db.$count(households);
    const membersAfter = await s.handle.db.$count(householdMembers);
    const second = await runImport('admin', file);
    expect(second.result).toMatchObject({
      households: { created: 0, updated: 0, unchanged: 200 },
      members: { created: 0, updated: 0, unchanged: 700 },
    });
    expect(await s.handle.db.$count(households)).toBe(householdsAfter);
    expect(await s.handle.db.$count(householdMembers)).toBe(membersAfter);
    expect(first.events.some((e) => e.type === 'progress' && e.phase === 'write')).toBe(true);
  });

  it('a status different from the registry, or a village outside the jurisdiction, is reported per row', async () => {
    const village = await villageOf(s, 'village');
    const township = (await s.handle.db.query.regions.findFirst({ where: { id: village.parentId! } }))!;
    const file = await buildWorkbook({
      households: 3,
      villages: [{ township: township.name, name: village.name }],
      prefix: 'ST',
      idOffset: 30_000,
      edit: (sheet, row, index) => {
        if (sheet === 'households' && index === 0)
          Object.assign(row, { status: '返贫', identifiedYear: 2014 });
        if (sheet === 'households' && index === 1)
          row.village = villages.find((v) => v.name !== village.name)!.name;
        if (sheet === 'households' && index === 1)
          row.township = villages.find((v) => v.name !== village.name)!.township;
      },
    });
    await runImport(
      'admin',
      await buildWorkbook({
        households: 3,
        villages: [{ township: township.name, name: village.name }],
        prefix: 'ST',
        idOffset: 30_000,
      }),
    );
    const { errors, reasons } = await runImport('village', file, 'ALL', true);
    expect(errors).toEqual(['农户:2:贫困状态', '农户:3:村']);
    expect(reasons[0]!.reason).toMatch(/^系统中为「非贫困户」, 导入状态与系统中的状态不一致/);
    expect(reasons[1]!.reason).toBe('该村不在您的管辖范围内');
  });

  it('a 28,000-household file with a few bad rows reports exactly those rows', {
    timeout: 120_000,
  }, async () => {
    const file = await plantBadRows({ households: 28_000, prefix: 'BIG', idOffset: 100_000 });
    const { result, errors } = await runImport('admin', file, 'ALL', true);
    expect(result.householdRows).toBe(28_000);
    expect(result.memberRows).toBe(98_000);
    expect(errors).toEqual(PLANTED);
  });
});

describe('the import and export routes', () => {
  let server: Server;
  let base: string;
  let cookie: string;
  beforeAll(async () => {
    const { app } = await createApp(s.handle);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(() => {
    server.close();
  });
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('the upload streams NDJSON progress lines and ends with the result', async () => {
    const file = await buildWorkbook({ households: 50, villages, prefix: 'HTTP', idOffset: 40_000 });
    const res = await fetch(`${base}/identification/households/import?mode=all`, {
      method: 'POST',
      headers: { 'content-type': XLSX, cookie },
      body: file,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ImportEvent);
    expect(lines.some((l) => l.type === 'progress')).toBe(true);
    const last = lines.at(-1) as { type: 'result'; result: ImportResult };
    expect(last).toMatchObject({
      type: 'result',
      result: { status: 'IMPORTED', households: { created: 50 } },
    });
  });

  it('without a session the upload is refused before reading it; a wrong content type is refused', async () => {
    const anonymous = await fetch(`${base}/identification/households/import`, {
      method: 'POST',
      headers: { 'content-type': XLSX },
      body: Buffer.from('x'),
    });
    expect(anonymous.status).toBe(401);
    const form = await fetch(`${base}/identification/households/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: 'x',
    });
    expect(form.status).toBe(415);
  });

  it('the export holds what the list shows, with ID numbers and phones masked', async () => {
    const res = await fetch(`${base}/identification/households/export?status=POOR,RETURNED`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('农户')!;
    const members = workbook.getWorksheet('家庭成员')!;
    const list = await s.run<{ households: { totalCount: number } }>(
      'admin',
      `{ households(status: [POOR, RETURNED]) { totalCount } }`,
    );
    expect(sheet.rowCount - 1).toBe(list.data!.households.totalCount);
    const ids = members.getColumn(3).values.slice(2) as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id))).toBe(true);
  });

  it('the template has both sheets with Chinese headers and a notes sheet', async () => {
    const res = await fetch(`${base}/identification/households/import-template`, { headers: { cookie } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '农户',
      '家庭成员',
      '年度收入',
      '填写说明',
      '可选值',
    ]);
    expect((workbook.getWorksheet('家庭成员')!.getRow(1).values as string[]).slice(1, 4)).toEqual([
      '户编号',
      '姓名',
      '身份证号',
    ]);
  });
});
