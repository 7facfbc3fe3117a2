import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type DbHandle } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the test runner script, no type declarations
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { createApp } from '../../src/server';

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
