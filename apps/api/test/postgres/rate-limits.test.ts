import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiters } from '../../src/limits/limiters';
import type { RateLimitSettings } from '../../src/limits/settings';
import { createApp } from '../../src/server';
import { createScenario, dropTestDatabases, onPostgres, type Scenario } from '../harness';

/** Two app instances (two replicas) on one PostgreSQL count every limit together. */
const SMALL_LIMITS: RateLimitSettings = {
  loginFailuresPerIpPerMinute: 3,
  graphqlPerUserPerMinute: 5,
  graphqlPerIpPerMinute: 40,
};
let s: Scenario;
const replicas: { server: Server; base: string; limiters: RateLimiters }[] = [];
const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
let leaderId: number;

beforeAll(async () => {
  if (!onPostgres)
    throw new Error('the shared rate-limit store needs DATABASE_URL (a real PostgreSQL server)');
  s = await createScenario();
  for (let i = 0; i < 2; i++) {
    const { app, limiters } = await createApp(
      s.handle,
      { documents: new Map(), enforced: false },
      SMALL_LIMITS,
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    replicas.push({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, limiters });
  }
  leaderId = (await s.viewer('leader')).id;
  // The store outlives apps: start from nothing for the keys used here.
  await replicas[0]!.limiters.graphqlPerUser.delete(String(leaderId));
});
afterAll(async () => {
  const { limiters } = replicas[0]!;
  await Promise.all([
    limiters.graphqlPerUser.delete(String(leaderId)),
    limiters.graphqlPerIp.delete(ip),
    limiters.loginPerIp.delete(ip),
  ]);
  for (const { server, limiters: own } of replicas) {
    server.close();
    await own.close();
  }
  await s.close();
  await dropTestDatabases();
});

async function post(replica: number, body: unknown, cookie?: string) {
  const res = await fetch(`${replicas[replica]!.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    json: (await res.json()) as {
      // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
      data?: Record<string, any> | null;
      errors?: { extensions?: { code?: string } }[];
    },
    setCookie: res.headers.get('set-cookie'),
  };
}

const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { __typename } }`;

describe('rate limits shared through PostgreSQL', () => {
  it('failed sign-ins on two replicas add up: 3 allowed between them, the 4th refused on either', async () => {
    const fail = (replica: number, i: number) =>
      post(replica, { query: LOGIN, variables: { u: `nobody-${i}`, p: 'x' } });
    expect((await fail(0, 1)).json.data!.login.__typename).toBe('LoginError');
    expect((await fail(1, 2)).json.data!.login.__typename).toBe('LoginError');
    expect((await fail(0, 3)).json.data!.login.__typename).toBe('LoginError');
    const fourth = await fail(1, 4);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(fourth.json.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  });

  it("a user's operations on two replicas add up: 5 allowed between them, the 6th refused", async () => {
    await replicas[0]!.limiters.loginPerIp.delete(ip);
    const login = await post(0, { query: LOGIN, variables: { u: 'leader', p: 'Gongjian@2026' } });
    const cookie = login.setCookie!.split(';')[0]!;
    const me = (replica: number) => post(replica, { query: '{ me { username } }' }, cookie);
    const allowed = [await me(0), await me(1), await me(0), await me(1), await me(1)];
    expect(allowed.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const sixth = await me(0);
    expect(sixth.status).toBe(429);
    expect(sixth.json.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
  });
});
