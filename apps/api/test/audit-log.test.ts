import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { purgeAuditLog } from '@gongjian/db';
import { auditLog, users } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';
import { freshIdNumber, villageOf } from './identification-helpers';

/** 审计日志查询: the auditor's view of the log, masked, cut to the jurisdiction, and itself audited. */
let s: Scenario;
const idNumber = freshIdNumber();
beforeAll(async () => {
  s = await createScenario();
  const village = await villageOf(s, 'village');
  const viewer = await s.viewer('village');
  await s.handle.db.insert(auditLog).values({
    countyId: viewer.countyId,
    regionPath: village.regionPath,
    actorUserId: viewer.id,
    action: 'member.update',
    entityType: 'HouseholdMember',
    entityId: '7',
    before: { idNumber, phone: '13812345678', birthDate: '1960-01-01', health: 'CHRONIC', name: '盘小军' },
    after: { name: '盘小君' },
    reason: '更正姓名',
    occurredAt: clock.now().toISOString(),
  });
  const township = await s.viewer('township');
  await s.handle.db.insert(users).values({
    countyId: township.countyId,
    jurisdictionId: township.jurisdictionId,
    regionPath: township.regionPath,
    username: 'township-auditor',
    displayName: '乡镇审计员',
    passwordHash: 'x',
    roles: ['AUDITOR'],
  });
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const LIST = /* GraphQL */ `query ($action: String, $actor: String, $from: Date, $to: Date, $first: Int) {
  auditLog(action: $action, actor: $actor, from: $from, to: $to, first: $first) {
    totalCount edges { node { occurredAt action entityType entityId actorName before after reason } } } }`;
type Entry = {
  action: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  reason: string;
};
type List = { auditLog: { totalCount: number; edges: { node: Entry }[] } };

describe('the audit viewer', () => {
  it('shows who did what, with the ID number and phone masked, no birth date, and health hidden from the auditor', async () => {
    const r = await s.run<List>('auditor', LIST, { action: 'member.update', actor: '村级' });
    expect(r.errors).toBeUndefined();
    const entry = r.data!.auditLog.edges.map((e) => e.node).find((n) => n.reason === '更正姓名')!;
    expect(entry.actorName).toBe('村级扶贫专干 (village)');
    expect(entry.before).toEqual({
      idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
      phone: '138****5678',
      health: '(敏感信息)',
      name: '盘小军',
    });
    const admin = await s.run<List>('admin', LIST, { action: 'member.update' });
    const seenByAdmin = admin.data!.auditLog.edges.map((e) => e.node).find((n) => n.reason === '更正姓名')!;
    expect(seenByAdmin.before).toMatchObject({ health: 'CHRONIC' });
    expect(seenByAdmin.before).not.toHaveProperty('birthDate');
  });

  it('each read is itself in the audit log, with its filters', async () => {
    const auditor = await s.viewer('auditor');
    const count = () =>
      s.handle.db.$count(
        auditLog,
        sql`${auditLog.action} = 'audit-log.read' and ${auditLog.actorUserId} = ${auditor.id}`,
      );
    const before = await count();
    await s.run<List>('auditor', LIST, { action: 'personal-data' });
    expect(await count()).toBe(before + 1);
    const last = await s.handle.db.query.auditLog.findFirst({
      where: { action: 'audit-log.read', actorUserId: auditor.id },
      orderBy: { id: 'desc' },
    });
    expect(last!.after).toEqual({ filters: { action: 'personal-data' } });
  });

  it('a township auditor sees only rows of the township, and none of the county’s rows without a region', async () => {
    const r = await s.run<{ auditLog: { totalCount: number; edges: { node: { entityType: string } }[] } }>(
      'township-auditor',
      `{ auditLog(first: 100) { totalCount edges { node { entityType } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const township = await s.viewer('township');
    const outside = await s.handle.db.$count(
      auditLog,
      sql`${auditLog.regionPath} is null or ${auditLog.regionPath} not like ${`${township.regionPath}%`}`,
    );
    const all = await s.handle.db.$count(auditLog);
    expect(outside).toBeGreaterThan(0);
    expect(r.data!.auditLog.totalCount).toBeLessThanOrEqual(all - outside + 1);
    expect(r.data!.auditLog.totalCount).toBeGreaterThan(0);
  });

  it('a day range is the county’s calendar, and an end before the start is a VALIDATION naming `to`', async () => {
    const today = clock.today();
    const r = await s.run<List>('auditor', LIST, { from: today, to: today, action: 'member.update' });
    expect(r.data!.auditLog.totalCount).toBeGreaterThan(0);
    const bad = await s.run('auditor', LIST, { from: today, to: '2000-01-01' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    expect(bad.errors?.[0]?.message).toContain('截止日期不能早于起始日期');
  });

  it('the retention is at least 6 months, and the purge keeps younger rows and records itself', async () => {
    const r = await s.run<{ auditRetentionMonths: number }>('auditor', '{ auditRetentionMonths }');
    expect(r.data!.auditRetentionMonths).toBeGreaterThanOrEqual(6);
    await s.handle.db.insert(auditLog).values([
      {
        action: 'test.old',
        entityType: 'Test',
        occurredAt: new Date(Date.now() - 400 * 86_400_000).toISOString(),
      },
      {
        action: 'test.young',
        entityType: 'Test',
        occurredAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
      },
    ]);
    await expect(purgeAuditLog(s.handle.db, 5)).rejects.toThrow('保存期限不能少于 6 个月');
    expect(await purgeAuditLog(s.handle.db, 6)).toEqual({ purged: 1 });
    const left = await s.handle.db.query.auditLog.findMany({ where: { entityType: 'Test' } });
    expect(left.map((row) => row.action)).toEqual(['test.young']);
    const refused: unknown = await s.handle.db
      .execute(sql`delete from audit_log where entity_type = 'Test'`)
      .then(
        () => null,
        (error: Error & { cause?: unknown }) => error.cause ?? error,
      );
    expect(String(refused)).toMatch(/append-only/);
    const purge = await s.handle.db.query.auditLog.findFirst({ where: { action: 'audit-log.purge' } });
    expect(purge!.after).toEqual({ purged: 1, retentionMonths: 6 });
  });
});

describe('the audit log export', () => {
  let server: Server;
  let base: string;
  const cookieOf = async (username: string) => {
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "${username}", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    return login.headers.get('set-cookie')!.split(';')[0]!;
  };
  beforeAll(async () => {
    const { app } = await createApp(s.handle);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('an auditor downloads the filtered log as Excel, masked as the list, and the export is audited', async () => {
    const res = await fetch(`${base}/access/audit-log/export?action=member.update`, {
      headers: { cookie: await cookieOf('auditor') },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['时间', '操作人', '操作', '理由', '变更前']),
    );
    const before = String(
      sheet
        .getColumn(7)
        .values.slice(2)
        .find((v) => String(v).includes('盘小军')),
    );
    expect(before).toContain(`${idNumber.slice(0, 6)}********`);
    expect(before).not.toContain(idNumber);
    expect(before).not.toContain('1960-01-01');
    const exports = await s.handle.db.$count(auditLog, sql`${auditLog.action} = 'audit-log.export'`);
    expect(exports).toBe(1);
  });

  it('a role without audit.read is refused with 403, and a bad filter with 400', async () => {
    const village = await fetch(`${base}/access/audit-log/export`, {
      headers: { cookie: await cookieOf('village') },
    });
    expect(village.status).toBe(403);
    const bad = await fetch(`${base}/access/audit-log/export?from=2026-13-01`, {
      headers: { cookie: await cookieOf('supervisor') },
    });
    expect(bad.status).toBe(400);
  });
});

describe('SQL statements of the audit viewer', () => {
  it('a page of the audit log with actors and the total is three statements (its own audit row, the page, the count)', async () => {
    const r = await s.run<List>('auditor', LIST, { first: 50 });
    expect(r.data!.auditLog.edges.length).toBeGreaterThan(0);
    expect(s.statements).toHaveLength(3);
  });
});
