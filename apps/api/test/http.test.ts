import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** The HTTP edge: cookies, CSRF prevention, limits that run before any SQL, lockout after 5 failures. */
let s: Scenario;
let server: Server;
let base: string;

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

async function post(body: unknown, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: {
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text, setCookie: res.headers.get('set-cookie') };
}

const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  __typename ... on MutationLoginSuccess { data { username } } ... on LoginError { code message lockedUntil } } }`;

describe('sessions', () => {
  it('signing in sets an HttpOnly SameSite cookie that identifies the user; signing out revokes it', async () => {
    const login = await post({ query: LOGIN, variables: { u: 'leader', p: 'Gongjian@2026' } });
    expect(login.json.data!.login).toEqual({
      __typename: 'MutationLoginSuccess',
      data: { username: 'leader' },
    });
    expect(login.setCookie).toMatch(/gj_session=[^;]+;.*HttpOnly/i);
    expect(login.setCookie).toMatch(/SameSite=Lax/i);
    const cookie = login.setCookie!.split(';')[0]!;
    const me = await post({ query: '{ me { username roles } }' }, cookie);
    expect(me.json.data!.me).toEqual({ username: 'leader', roles: ['LEADER'] });
    await post({ query: 'mutation { logout }' }, cookie);
    const after = await post({ query: '{ units(first: 1) { totalCount } }' }, cookie);
    expect(after.json.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong password is INVALID_CREDENTIALS; the fifth in a row locks the account for 15 minutes, even for the right password', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const r = await post({ query: LOGIN, variables: { u: 'auditor', p: `wrong-${attempt}` } });
      expect(r.json.data!.login).toMatchObject({ __typename: 'LoginError', code: 'INVALID_CREDENTIALS' });
    }
    const fifth = await post({ query: LOGIN, variables: { u: 'auditor', p: 'wrong-5' } });
    expect(fifth.json.data!.login).toMatchObject({ __typename: 'LoginError', code: 'ACCOUNT_LOCKED' });
    const lockedMinutes = (Date.parse(fifth.json.data!.login.lockedUntil) - Date.now()) / 60_000;
    expect(lockedMinutes).toBeGreaterThan(14);
    expect(lockedMinutes).toBeLessThanOrEqual(15);
    const right = await post({ query: LOGIN, variables: { u: 'auditor', p: 'Gongjian@2026' } });
    expect(right.json.data!.login.code).toBe('ACCOUNT_LOCKED');
  });

  it('an unknown user gets the same error as a wrong password', async () => {
    const r = await post({ query: LOGIN, variables: { u: 'nobody', p: 'x' } });
    expect(r.json.data!.login).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it('an expired session is treated as signed out', async () => {
    const login = await post({ query: LOGIN, variables: { u: 'developer', p: 'Gongjian@2026' } });
    const cookie = login.setCookie!.split(';')[0]!;
    await s.handle.db.execute(
      (await import('drizzle-orm')).sql`update sessions set expires_at = now() - interval '1 minute'`,
    );
    const me = await post({ query: '{ me { username } }' }, cookie);
    expect(me.json.data!.me).toBeNull();
  });
});

describe('abusive requests are refused before any SQL runs', () => {
  it('depth 20', async () => {
    let selection = 'name';
    for (let i = 0; i < 20; i++) selection = `parent { ${selection} }`;
    s.resetStatements();
    const r = await post({ query: `{ me { jurisdiction { ${selection} } } }` });
    expect(r.status).toBe(400);
    expect(r.json.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(s.statements).toHaveLength(0);
  });

  it('1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: me { username }`).join(' ');
    s.resetStatements();
    const r = await post({ query: `{ ${aliases} }` });
    expect(r.status).toBe(400);
    expect(r.json.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(s.statements).toHaveLength(0);
  });

  it('21 aliases (the limit is 20)', async () => {
    const r = await post({
      query: `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: me { username }`).join(' ')} }`,
    });
    expect(r.status).toBe(400);
    expect(r.json.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a 200 KB document', async () => {
    const r = await post({ query: `{ me { username } }${' '.repeat(200_000)}` });
    expect(r.status).toBe(413);
    expect(r.json.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
  });

  it('batched requests', async () => {
    const r = await post([{ query: '{ me { username } }' }, { query: '{ me { username } }' }]);
    expect(r.status).toBe(400);
  });

  it('a simple GET without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ me { username } }')}`);
    expect(res.status).toBe(400);
  });

  it('field suggestions are not sent', async () => {
    const r = await post({ query: '{ mee { username } }' });
    expect(r.json.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('health', () => {
  it('reports the database', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
