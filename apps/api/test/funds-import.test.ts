import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { fundSources } from '@gongjian/db/schema';
import { like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importFundSources,
  SOURCE_COLUMNS,
  SOURCE_SHEET,
  writeSourceTemplate,
} from '../src/modules/funds/source-import';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** 资金来源导入: the template, row-level issues with their rules, validate-only, all-or-nothing, and the export round trip. */
let s: Scenario;
let server: Server;
let base: string;
let cookie: string;

beforeAll(async () => {
  s = await createScenario();
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
afterAll(async () => {
  server.close();
  await s.close();
  await dropTestDatabases();
});

async function sheet(rows: (string | number)[][], headers: string[] = SOURCE_COLUMNS.map((c) => c.header)) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(SOURCE_SHEET);
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function county() {
  const viewer = await s.viewer('admin');
  return { viewer, county: { countyId: viewer.countyId!, regionPath: viewer.regionPath } };
}

const countNamed = (prefix: string) => s.handle.db.$count(fundSources, like(fundSources.name, `${prefix}%`));

describe('Excel import of fund sources (资金来源导入)', () => {
  it('offers a template with every column, a category drop-down and a notes sheet', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeSourceTemplate(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet(SOURCE_SHEET)!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(SOURCE_COLUMNS.map((c) => c.header));
    expect(ws.getCell('A2').dataValidation.type).toBe('list');
    expect(workbook.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(SOURCE_COLUMNS.length);
    const res = await fetch(`${base}/funds/sources/import-template`, { headers: { cookie } });
    expect(res.status).toBe(200);
  });

  it('reports every bad row with its column and reason, and writes nothing unless the sheet is clean', async () => {
    const { viewer, county: c } = await county();
    const file = await sheet([
      ['财政扶贫资金', '导入甲 扶贫资金', 2025, 2025, '', '100.5'],
      ['社会帮扶资金', '导入甲 社会资金', 2025, 2025, '0.1', ''],
      ['不存在的类别', '导入甲 坏类别', 2025, 2024, '', ''],
      ['信贷扶贫资金', '导入甲 小数', 2025, 2025, '1.001', ''],
      ['财政扶贫资金', '导入甲 扶贫资金', 2025, 2025, '', '1'],
      ['', '', '', '', '', ''],
    ]);
    const result = await importFundSources(s.handle.db, viewer, c, file, { mode: 'ALL', dryRun: false });
    expect(result).toMatchObject({ status: 'REJECTED', rows: 5, badRows: 3, written: 0 });
    const at = (row: number) =>
      result.issues.filter((i) => i.row === row).map((i) => `${i.column}:${i.reason}`);
    expect(at(4)).toEqual([
      expect.stringMatching(/^资金类别:应为 财政扶贫资金/),
      '截止年度:截止年度 2024 早于起始年度 2025',
      '金额（元）:请填写金额 (元或万元, 二选一)',
    ]);
    expect(at(5)).toEqual(['金额（元）:金额应为不小于0的元, 最多两位小数 (不能小于1分)']);
    expect(at(6)).toEqual([
      expect.stringMatching(
        /^资金名称:2025 年资金来源「导入甲 扶贫资金」与第 2 行重复 \(规则 FUNDS\.SOURCE_ONCE/,
      ),
    ]);
    expect(await countNamed('导入甲')).toBe(0);

    const dry = await importFundSources(s.handle.db, viewer, c, file, { mode: 'CLEAN_ONLY', dryRun: true });
    expect(dry).toMatchObject({ status: 'VALIDATED', written: 0 });
    expect(await countNamed('导入甲')).toBe(0);
    const clean = await importFundSources(s.handle.db, viewer, c, file, {
      mode: 'CLEAN_ONLY',
      dryRun: false,
    });
    expect(clean).toMatchObject({ status: 'IMPORTED', written: 2 });
    const rows = await s.handle.db.query.fundSources.findMany({ where: { name: { like: '导入甲%' } } });
    expect(rows.map((r) => [r.name, r.amountFen]).sort()).toEqual([
      ['导入甲 扶贫资金', 100_500_000],
      ['导入甲 社会资金', 10],
    ]);
  });

  it('refuses a file that is not a workbook, a sheet without its required columns, and a township clerk', async () => {
    const { viewer, county: c } = await county();
    const notExcel = await importFundSources(s.handle.db, viewer, c, Buffer.from('hello'), {
      mode: 'ALL',
      dryRun: false,
    });
    expect(notExcel.issues[0]!.reason).toContain('无法读取该文件');
    const headless = await importFundSources(s.handle.db, viewer, c, await sheet([['x']], ['随便']), {
      mode: 'ALL',
      dryRun: false,
    });
    expect(headless.issues.map((i) => i.column)).toEqual(['资金类别', '资金名称', '起始年度', '截止年度']);
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "township", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    const res = await fetch(`${base}/funds/sources/import`, {
      method: 'POST',
      headers: {
        cookie: login.headers.get('set-cookie')!.split(';')[0]!,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: await sheet([]),
    });
    expect(res.status).toBe(403);
  });

  it('imports over HTTP, exports the same figures, and the exported sheet re-imports as already registered', async () => {
    const file = await sheet([
      ['县财政预算投入', '导入乙 县级投入', 2031, 2031, '', '0.000001'],
      ['行业部门资金', '导入乙 行业资金', 2031, 2032, '12345678.9', ''],
    ]);
    const post = (body: Buffer, query = '') =>
      fetch(`${base}/funds/sources/import${query}`, {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body,
      }).then((r) => r.json() as Promise<{ status: string; issues: { reason: string }[] }>);
    expect(await post(file)).toMatchObject({ status: 'IMPORTED', written: 2 });
    const exported = await fetch(`${base}/funds/export/sources?fromYear=2031&toYear=2032`, {
      headers: { cookie },
    });
    const bytes = Buffer.from(await exported.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const values = workbook.worksheets[0]!.getSheetValues().slice(2) as unknown as unknown[][];
    expect(values.map((row) => [row[2], row[5]]).sort()).toEqual([
      ['导入乙 县级投入', '0.000001'],
      ['导入乙 行业资金', '1234.56789'],
    ]);
    const again = await post(bytes, '?dryRun=true');
    expect(again).toMatchObject({ status: 'REJECTED', rows: 2, badRows: 2 });
    expect(again.issues[0]!.reason).toMatch(/已登记, 不重复登记 \(规则 FUNDS\.SOURCE_ONCE/);
    expect(await countNamed('导入乙')).toBe(2);
  });
});
