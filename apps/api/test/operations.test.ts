import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { statementCounter } from '../src/ops/request-context';
import { createLogger } from '../src/ops/request-log';
import { createApp } from '../src/server';
import { TEST_DEMO_HOUSEHOLDS } from './harness';

/** Operations: the request log, /readyz and /metrics, on an API served over HTTP as in production. */
const lines: Record<string, unknown>[] = [];
let handle: DbHandle;
let server: Server;
let base: string;

async function serve(db: DbHandle) {
  const { app } = await createApp(db, undefined, undefined, {
    log: createLogger({ write: (line: string) => void lines.push(JSON.parse(line)) }),
  });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listening.once('listening', resolve));
  return { listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  expect(TEST_DEMO_HOUSEHOLDS).toBeGreaterThan(0);
  handle = createDb({ pglite: new PGlite(), logger: statementCounter });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  ({ listening: server, url: base } = await serve(handle));
}, 120_000);
afterAll(async () => {
  server?.close();
  await handle?.close();
});

const graphql = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the request log', () => {
  it('writes one line per request with its id, operation, duration and statement count, and no variable value', async () => {
    const secret = '431129199001011234';
    const res = await graphql({
      query:
        'mutation SignIn($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { __typename } }',
      variables: { u: 'leader', p: secret },
      operationName: 'SignIn',
    });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.requestId === requestId);
    expect(line).toMatchObject({
      level: 'info',
      msg: 'graphql',
      operation: 'SignIn',
      status: 200,
      errorCodes: [],
    });
    expect(line!.durationMs).toBeGreaterThan(0);
    expect(line!.statements).toBeGreaterThan(0);
    expect(lines.filter((l) => l.requestId === requestId)).toHaveLength(1);
    const all = JSON.stringify(lines);
    for (const value of [secret, 'leader', 'password', 'login(']) expect(all).not.toContain(value);
  });

  it('logs the error codes of a refused request and keeps a caller-given request id', async () => {
    const res = await graphql(
      { query: '{ units(first: 1) { totalCount } }' },
      { 'x-request-id': 'proxy-trace-0001' },
    );
    expect(res.headers.get('x-request-id')).toBe('proxy-trace-0001');
    const line = lines.find((l) => l.requestId === 'proxy-trace-0001');
    expect(line).toMatchObject({ operation: 'anonymous', errorCodes: ['UNAUTHENTICATED'] });
  });
});

describe('/metrics', () => {
  it('counts a request per operation, its latency and its errors by code', async () => {
    const scrape = async () => (await fetch(`${base}/metrics`)).text();
    const count = (text: string) =>
      Number(/^gongjian_graphql_requests_total\{operation="Probe"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = count(await scrape());
    await graphql({ query: 'query Probe { units(first: 1) { totalCount } }', operationName: 'Probe' });
    const after = await scrape();
    expect(count(after)).toBe(before + 1);
    expect(after).toMatch(/^gongjian_graphql_request_duration_seconds_count\{operation="Probe"\} \d+$/m);
    expect(after).toMatch(/^gongjian_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]\d*$/m);
    expect(after).toContain('# TYPE gongjian_imports_running gauge');
  });
});

describe('/readyz', () => {
  it('answers 200 when the database answers and every migration is applied', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', database: 'pglite' });
  });

  it('answers 503 with the reason on a database that misses a migration', async () => {
    const behind = createDb({ pglite: new PGlite() });
    await behind.migrate();
    await behind.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    );
    const { listening, url } = await serve(behind);
    try {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { reason: string; pending: string[]; message: string };
      expect(body.reason).toBe('migrations-pending');
      expect(body.pending).toHaveLength(1);
      expect(body.message).toContain('数据库迁移未全部执行');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      listening.close();
      await behind.close();
    }
  });
});
