import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspectionFindings } from '@gongjian/db/schema';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Excel exports of every supervision list: jurisdiction as the list's, the reporter hidden from other roles. */
let s: Scenario;
let server: Server;
let base: string;
const cookies = new Map<string, string>();

beforeAll(async () => {
  s = await createScenario();
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

async function download(username: string, path: string) {
  const res = await fetch(`${base}/supervision/export/${path}`, {
    headers: { cookie: await cookieOf(username) },
  });
  if (res.status !== 200) return { status: res.status, rows: [] as string[][], text: '' };
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { status: res.status, rows, text: rows.flat().join('|') };
}

describe('Excel exports of the supervision lists (导出 Excel)', () => {
  it('exports every list with its header and the rows of the jurisdiction', async () => {
    const expected: [string, string, number][] = [
      ['inspection-findings', '整改任务', await s.handle.db.$count(inspectionFindings)],
      ['village-supervisors?serving=true', '聘任日期', 304],
      ['accountability', '处理方式', 135],
      ['village-assessments?year=2019', '分类', 304],
      ['exit-rewards', '脱贫不脱政策至', 112],
      ['performance?year=2019&belowBonusShare=true', '挂钩比例 (%)', 2],
    ];
    for (const [path, header, count] of expected) {
      const { status, rows } = await download('supervisor', path);
      expect(status, path).toBe(200);
      expect(rows[0], path).toContain(header);
      expect(rows.length - 1, path).toBe(count);
    }
    const yellow = await download(
      'supervisor',
      'village-assessments?year=2019&classes=YELLOW_CARD,KEY_MANAGEMENT',
    );
    expect(yellow.rows.length).toBeGreaterThan(1);
    expect(yellow.rows.slice(1).every((row) => ['黄牌警告', '重点管理'].includes(row.at(-1)!))).toBe(true);
    const township = await download('township', 'village-supervisors');
    const viewer = await s.viewer('township');
    const inside = await s.handle.db.query.villageSupervisors.findMany({
      where: { regionPath: { like: `${viewer.regionPath}%` } },
    });
    expect(township.rows.length - 1).toBe(inside.length);
  });

  it('hides the reporter from every role but supervision, which sees the identity masked; the export is audited without it', async () => {
    const named = (await s.handle.db.query.reportReporters.findFirst({ orderBy: { reportId: 'asc' } }))!;
    const supervisor = await download('supervisor', 'reports');
    expect(supervisor.rows[0]).toContain('举报人 (脱敏)');
    expect(supervisor.text).toContain(`${named.name.slice(0, 1)}*`);
    expect(supervisor.text).not.toContain(named.name);
    for (const username of ['admin', 'township', 'auditor', 'leader']) {
      const other = await download(username, 'reports');
      expect(other.status, username).toBe(200);
      expect(other.rows[0], username).not.toContain('举报人 (脱敏)');
      expect(other.text, username).not.toContain(named.name);
      if (named.phone) expect(other.text, username).not.toContain(named.phone);
    }
    const audits = await s.handle.db.query.auditLog.findMany({ where: { action: 'supervision.export' } });
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits.map((a) => a.after))).not.toContain(named.name);
  });

  it('refuses a role without supervision.read (403), an unknown list (404) and a bad filter (400)', async () => {
    expect((await download('helper', 'reports')).status).toBe(403);
    expect((await download('supervisor', 'households')).status).toBe(404);
    expect((await download('supervisor', 'constructor')).status).toBe(404);
    expect((await download('supervisor', 'reports?state=OPENED')).status).toBe(400);
    expect((await download('supervisor', 'village-assessments?classes=GREEN')).status).toBe(400);
  });
});
