import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type DbHandle } from '@gongjian/db';
import { households } from '@gongjian/db/schema';
import { seedJianghua } from '@gongjian/db/seed';
import { like } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the test runner script, no type declarations
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { createApp } from '../../src/server';
import { buildWorkbook } from '../identification-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * With the database server stopped mid-load, requests fail at once with a clear error (no hang, no crash);
 * when it comes back, the same API process serves again without a restart. Uses a server of its own,
 * since it takes that server away.
 */
let pg: { url: string; stop(): void; startServer(): void; stopServer(): void };
let handle: DbHandle;
let server: Server;
let base: string;

beforeAll(async () => {
  pg = await startPostgres();
  handle = createDb({ databaseUrl: pg.url, maxConnections: 4 });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx));
  const { app } = await createApp(handle);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await handle?.close().catch(() => {});
  pg?.stop();
});

async function login() {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { username: "leader", password: "Gongjian@2026" }) { __typename } }`,
    }),
  });
}

describe('database faults', () => {
  it('answers 503 with a clear error while the database is down, and recovers without a restart', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const cookie = (await login()).headers.get('set-cookie')!.split(';')[0]!;
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });

    pg.stopServer();
    const started = Date.now();
    const down = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    const waited = Date.now() - started;
    expect(down.status).toBe(503);
    const body = (await down.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0]!.message).toBe('数据库暂时不可用,请稍后重试');
    expect(waited).toBeLessThan(10_000);
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    // A session the API has not seen yet fails while it is being looked up, with the same answer.
    const unseen = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'gj_session=never-issued-token' },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(unseen.status).toBe(503);

    pg.startServer();
    const back = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(back.status).toBe(200);
    expect(((await back.json()) as { data: { me: { username: string } } }).data.me.username).toBe('leader');
  });
});

describe('a statement that cannot finish', () => {
  it('waits no longer than the statement timeout behind a lock, answers a clear TIMEOUT, and the next request is served', async () => {
    const timed = createDb({ databaseUrl: pg.url, maxConnections: 2, statementTimeoutMs: 500 });
    const { app } = await createApp(timed);
    const timedServer = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => timedServer.once('listening', resolve));
    const timedBase = `http://127.0.0.1:${(timedServer.address() as AddressInfo).port}`;
    const ask = (cookie: string) =>
      fetch(`${timedBase}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: '{ units(first: 1) { totalCount } }' }),
      });
    const cookie = (await login()).headers.get('set-cookie')!.split(';')[0]!;
    const locker = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      await locker.begin(async (tx) => {
        await tx`lock table units in access exclusive mode`;
        const started = Date.now();
        const stuck = await ask(cookie);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(stuck.status).toBe(503);
        const body = (await stuck.json()) as { errors: { message: string; extensions: { code: string } }[] };
        expect(body.errors[0]!.extensions.code).toBe('TIMEOUT');
        expect(body.errors[0]!.message).toContain('数据库查询超时');
      });
      const after = await ask(cookie);
      expect(after.status).toBe(200);
    } finally {
      await locker.end();
      timedServer.close();
      await timed.close();
    }
  });
});

describe('the database stops in the middle of an import', () => {
  it('nothing of the file is written, the upload ends with a clear failure, and the same file imports once after', async () => {
    const admin = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }`,
      }),
    });
    const cookie = admin.headers.get('set-cookie')!.split(';')[0]!;
    const village = (await handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE' },
      with: { parent: true },
    }))!;
    const file = await buildWorkbook({
      households: 3000,
      villages: [{ township: village.parent!.name, name: village.name }],
      prefix: 'FAULT',
      idOffset: 60_000,
    });
    const imported = () => handle.db.$count(households, like(households.householdNumber, 'FAULT%'));
    const upload = () =>
      fetch(`${base}/identification/households/import?mode=all`, {
        method: 'POST',
        headers: { 'content-type': XLSX, cookie },
        body: file,
      });

    const res = await upload();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let stopped = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const midWrite = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { type: string; phase?: string; done?: number; total?: number })
        .some((event) => event.phase === 'write' && event.done! > 0 && event.done! < event.total!);
      if (midWrite && !stopped) {
        pg.stopServer();
        stopped = true;
      }
    }
    expect(stopped).toBe(true);
    const last = JSON.parse(text.trim().split('\n').at(-1)!) as { type: string; message: string };
    expect(last).toEqual({ type: 'failed', message: '导入失败, 未写入任何数据' });

    pg.startServer();
    expect(await imported()).toBe(0);
    const again = await upload();
    expect((await again.text()).trim().split('\n').at(-1)).toContain('"status":"IMPORTED"');
    expect(await imported()).toBe(3000);
    const third = await upload();
    expect((await third.text()).trim().split('\n').at(-1)).toContain('"unchanged":3000');
    expect(await imported()).toBe(3000);
  }, 300_000);
});
