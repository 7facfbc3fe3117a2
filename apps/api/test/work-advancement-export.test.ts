import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLog } from '@gongjian/db/schema';
import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Excel exports of the registers (units, cadres, tasks, meetings): the list as its own query shows it, audited. */
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
  const res = await fetch(`${base}/export/${path}`, { headers: { cookie: cookies[username]! } });
  expect(res.status, await res.clone().text()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().slice(2) as unknown as (string | number | null)[][];
  return { name: sheet.name, header: (sheet.getRow(1).values as string[]).slice(1), rows };
}

async function total(username: string, field: string, args = '') {
  const r = await s.run<Record<string, { totalCount: number }>>(
    username,
    `{ ${field}${args} { totalCount } }`,
  );
  return r.data![field]!.totalCount;
}

describe('Excel exports of the registers (导出 Excel)', () => {
  it('the unit and cadre registers have as many rows as the lists’ totals, inside the township’s jurisdiction', async () => {
    for (const username of ['admin', 'township']) {
      expect((await sheetOf(username, 'units')).rows).toHaveLength(await total(username, 'units'));
      expect((await sheetOf(username, 'cadres')).rows).toHaveLength(await total(username, 'cadres'));
    }
    expect(await total('township', 'units')).toBeLessThan(await total('admin', 'units'));
  });

  it('cadres’ phones are masked', async () => {
    const { header, rows } = await sheetOf('admin', 'cadres');
    const phone = header.indexOf('联系电话 (已脱敏)') + 1;
    const phones = rows.map((row) => row[phone]).filter((p): p is string => typeof p === 'string');
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((p) => p.includes('****'))).toBe(true);
  });

  it('the task list and the meetings follow the lists’ filters, and the export is audited', async () => {
    expect((await sheetOf('township', 'tasks?status=OVERDUE')).rows).toHaveLength(
      await total('township', 'tasks', '(status: OVERDUE)'),
    );
    const meetings = await sheetOf('admin', 'meetings?type=LEADING_GROUP');
    expect(meetings.name).toBe('会议记录');
    expect(meetings.rows).toHaveLength(await total('admin', 'meetings', '(type: LEADING_GROUP)'));
    const [audit] = await s.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'register.export'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit).toMatchObject({
      entityType: '会议记录',
      after: { list: 'meetings', filter: { type: 'LEADING_GROUP' } },
    });
  });

  it('a bad filter is a 400, an unknown list a 404, and no session a 401', async () => {
    const bad = await fetch(`${base}/export/meetings?from=yesterday`, {
      headers: { cookie: cookies.admin! },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${base}/export/households`, { headers: { cookie: cookies.admin! } })).status).toBe(
      404,
    );
    expect((await fetch(`${base}/export/units`)).status).toBe(401);
  });
});
