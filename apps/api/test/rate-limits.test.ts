import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiters } from '../src/limits/limiters';
import { DEFAULT_RATE_LIMITS } from '../src/limits/settings';
import { createApp } from '../src/server';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/**
 * The default limits, on an app instance of this file's own, just inside and just outside each limit. Clients
 * are told apart by X-Forwarded-For, which the app trusts from a proxy on loopback.
 */
let s: Scenario;
let server: Server;
let base: string;
let limiters: RateLimiters;
const spentKeys: [keyof Omit<RateLimiters, 'close'>, string][] = [];
const run = Math.floor(Math.random() * 200) + 20;
let nextClient = 1;
/** A client IP no other test (nor an earlier run against a shared PostgreSQL store) has used. */
function clientIp() {
  const ip = `10.${run}.${Math.floor(nextClient / 250)}.${(nextClient % 250) + 1}`;
  nextClient++;
  spentKeys.push(['graphqlPerIp', ip], ['loginPerIp', ip]);
  return ip;
}

beforeAll(async () => {
  s = await createScenario();
  const created = await createApp(s.handle, { documents: new Map(), enforced: false }, DEFAULT_RATE_LIMITS);
  limiters = created.limiters;
  server = created.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // On PostgreSQL the counts outlive this app: give back what this file spent, for the files after it.
  await Promise.all(spentKeys.map(([limiter, key]) => limiters[limiter].delete(key)));
  server.close();
  await s.close();
  await dropTestDatabases();
});

async function post(ip: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
    data?: Record<string, any> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    json,
    setCookie: res.headers.get('set-cookie'),
  };
}

/** Sends `count` requests one after another and returns the statuses seen, with how often. */
async function statuses(count: number, send: () => Promise<{ status: number }>) {
  const seen: Record<number, number> = {};
  for (let i = 0; i < count; i++) {
    const { status } = await send();
    seen[status] = (seen[status] ?? 0) + 1;
  }
  return seen;
}

const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  __typename ... on LoginError { code } } }`;

async function signIn(ip: string, username: string) {
  // On PostgreSQL the store is shared with the files before this one: start this user from nothing.
  const userKey = String((await s.viewer(username)).id);
  await limiters.graphqlPerUser.delete(userKey);
  spentKeys.push(['graphqlPerUser', userKey]);
  const r = await post(ip, { query: LOGIN, variables: { u: username, p: 'Gongjian@2026' } });
  expect(r.json.data!.login.__typename).toBe('MutationLoginSuccess');
  return r.setCookie!.split(';')[0]!;
}

function expectRateLimited(r: Awaited<ReturnType<typeof post>>) {
  expect(r.status).toBe(429);
  expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(r.retryAfter)).toBeLessThanOrEqual(60);
  expect(r.json.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  expect(r.json.errors![0]!.message).toMatch(/[\u4e00-\u9fff].*\(too many requests/);
}

describe('rate limits at their defaults', () => {
  it('the defaults are 10 failed sign-ins per IP, 600 operations per user and 1,200 requests per IP, each per minute', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({
      loginFailuresPerIpPerMinute: 10,
      graphqlPerUserPerMinute: 600,
      graphqlPerIpPerMinute: 1200,
    });
  });

  it('a signed-in user gets 600 operations a minute; the 601st is refused with 429 and Retry-After, from any IP', async () => {
    const ip = clientIp();
    const cookie = await signIn(ip, 'leader');
    const me = () => post(ip, { query: '{ me { username } }' }, cookie);
    expect(await statuses(DEFAULT_RATE_LIMITS.graphqlPerUserPerMinute, me)).toEqual({ 200: 600 });
    expectRateLimited(await me());
    expectRateLimited(await post(clientIp(), { query: '{ me { username } }' }, cookie));
    const other = await signIn(ip, 'auditor');
    expect((await post(ip, { query: '{ me { username } }' }, other)).status).toBe(200);
  });

  it('one IP gets 1,200 requests a minute, signed in or not; the 1,201st is refused with 429 and Retry-After', async () => {
    const ip = clientIp();
    const anonymous = () => post(ip, { query: '{ __typename }' });
    expect(await statuses(DEFAULT_RATE_LIMITS.graphqlPerIpPerMinute, anonymous)).toEqual({ 200: 1200 });
    expectRateLimited(await anonymous());
    expect((await post(clientIp(), { query: '{ __typename }' })).status).toBe(200);
  });

  it('one IP gets 10 failed sign-ins a minute; the 11th attempt is refused with 429 before the password is checked', async () => {
    const ip = clientIp();
    for (let attempt = 1; attempt <= DEFAULT_RATE_LIMITS.loginFailuresPerIpPerMinute; attempt++) {
      const r = await post(ip, { query: LOGIN, variables: { u: `nobody-${attempt}`, p: 'x' } });
      expect(r.json.data!.login).toEqual({ __typename: 'LoginError', code: 'INVALID_CREDENTIALS' });
    }
    const eleventh = await post(ip, { query: LOGIN, variables: { u: 'leader', p: 'Gongjian@2026' } });
    expectRateLimited(eleventh);
    expect(eleventh.setCookie).toBeNull();
  });

  it('successful sign-ins do not count against the IP', async () => {
    const ip = clientIp();
    for (let i = 0; i < DEFAULT_RATE_LIMITS.loginFailuresPerIpPerMinute + 2; i++)
      await signIn(ip, 'supervisor');
    const r = await post(ip, { query: LOGIN, variables: { u: 'nobody', p: 'x' } });
    expect(r.json.data!.login.code).toBe('INVALID_CREDENTIALS');
  });

  it('eleven sign-ins in one document, as aliases or in a fragment, count as eleven', async () => {
    const attempt = (i: number) =>
      `a${i}: login(input: { username: "nobody-${i}", password: "x" }) { __typename }`;
    const aliases = Array.from({ length: 11 }, (_, i) => attempt(i)).join(' ');
    expectRateLimited(await post(clientIp(), { query: `mutation { ${aliases} }` }));
    const inFragment = `mutation { ...Attempts } fragment Attempts on Mutation { ${aliases} }`;
    expectRateLimited(await post(clientIp(), { query: inFragment }));
  });
});
