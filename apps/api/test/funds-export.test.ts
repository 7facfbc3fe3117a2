import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Excel exports of the funds lists: what the list shows, for the viewer's jurisdiction, money as exact text. */
let s: Scenario;
let server: Server;
let base: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  s = await createScenario();
  const { app } = await createApp(s.handle);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const username of ['admin', 'township']) {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "${username}", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    cookies[username] = login.headers.get('set-cookie')!.split(';')[0]!;
  }
});
afterAll(async () => {
  server.close();
  await s.close();
  await dropTestDatabases();
});

async function sheetOf(username: string, path: string) {
  const res = await fetch(`${base}/funds/export/${path}`, { headers: { cookie: cookies[username]! } });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-disposition')).toContain('.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(2) as unknown as (string | number | null)[][];
  return { name: sheet.name, header: (sheet.getRow(1).values as string[]).slice(1), rows };
}

describe('Excel exports of the funds lists (导出 Excel)', () => {
  it("exports the 2014–2018 reconciliation with the article's +518.712 万 difference and its explanation", async () => {
    const { name, rows } = await sheetOf('admin', 'reconciliation?fromYear=2014&toYear=2018');
    expect(name).toBe('资金对账');
    const text = rows.map((row) => row.join(' ')).join('\n');
    expect(text).toContain('各来源直接相加 436530.522');
    expect(text).toContain('警告: 有需核实的差异');
    expect(text).toContain('各来源直接相加 436530.522 万元, 与上报总额 436011.81 万元 多 518.712 万元');
  });

  it('exports the sources of a period with what remains beside each amount', async () => {
    const { header, rows } = await sheetOf('admin', 'sources?fromYear=2014&toYear=2018');
    expect(header).toEqual([
      '类别',
      '名称',
      '起始年度',
      '截止年度',
      '金额 (万元)',
      '已安排 (万元)',
      '可安排余额 (万元)',
      '说明',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row[2] === '财政涉农整合资金')?.[5]).toBe('81000.712');
  });

  it.each([
    ['admin', 'projects', '{ projects { totalCount } }', 'projects'],
    ['township', 'projects', '{ projects { totalCount } }', 'projects'],
    [
      'township',
      'projects?state=IMPLEMENTATION',
      '{ projects(state: IMPLEMENTATION) { totalCount } }',
      'projects',
    ],
    ['admin', 'allocations', '{ fundAllocations { totalCount } }', 'fundAllocations'],
    ['township', 'disbursements', '{ disbursements { totalCount } }', 'disbursements'],
    [
      'admin',
      'notices?subject=PROJECT',
      '{ disclosureNotices(subject: PROJECT) { totalCount } }',
      'disclosureNotices',
    ],
    ['township', 'findings', '{ auditFindings { totalCount } }', 'auditFindings'],
  ])('as the %s, %s holds the rows the list counts', async (username, path, query, field) => {
    const list = await s.run<Record<string, { totalCount: number }>>(username, query);
    const { rows } = await sheetOf(username, path);
    expect(list.data![field]!.totalCount).toBeGreaterThan(0);
    expect(rows).toHaveLength(list.data![field]!.totalCount);
  });

  it('audits each export with its list and filter', async () => {
    await sheetOf('township', 'projects?state=IMPLEMENTATION');
    const audits = await s.handle.db.query.auditLog.findMany({ where: { action: 'funds.export' } });
    expect(audits.map((a) => a.after)).toContainEqual({
      list: 'projects',
      filter: { state: 'IMPLEMENTATION' },
    });
  });

  it('refuses an anonymous caller, an unknown list and a malformed filter', async () => {
    expect((await fetch(`${base}/funds/export/projects`)).status).toBe(401);
    const unknown = await fetch(`${base}/funds/export/constructor`, { headers: { cookie: cookies.admin! } });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${base}/funds/export/projects?state=NOPE`, {
      headers: { cookie: cookies.admin! },
    });
    expect(bad.status).toBe(400);
    const year = await fetch(`${base}/funds/export/sources?fromYear=20x4`, {
      headers: { cookie: cookies.admin! },
    });
    expect(year.status).toBe(400);
  });
});
