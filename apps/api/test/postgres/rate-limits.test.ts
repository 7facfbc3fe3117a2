import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiters, type RateLimiters, spend } from '../../src/limits/limiters';
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

  it('an application role that may not create tables uses the ones the owner made, and shares their counts', async () => {
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const role = `gj_rl_app_${Math.floor(Math.random() * 1e6)}`;
    const url = new URL(process.env.DATABASE_URL!);
    try {
      await admin.unsafe(`create role ${role} login password 'limits'`);
      await admin.unsafe(`grant usage on schema public to ${role}`);
      await admin.unsafe(`grant select, insert, update, delete on rate_limit_loginperip, rate_limit_graphqlperuser,
        rate_limit_graphqlperip to ${role}`);
      url.username = role;
      url.password = 'limits';
      const asRole = postgres(url.toString(), { max: 1, onnotice: () => {} });
      await expect(asRole.unsafe('create table rate_limit_probe (key text)')).rejects.toThrow(
        /permission denied/,
      );
      await asRole.end();
      const app = await createRateLimiters(SMALL_LIMITS, url.toString());
      try {
        const key = `${ip}-role`;
        expect(await spend(app.loginPerIp, key, 3)).toBeNull();
        // The owner's replica sees the three points the application role spent.
        expect(await spend(replicas[0]!.limiters.loginPerIp, key)).toMatchObject({
          retryAfterSeconds: expect.any(Number),
        });
        await app.loginPerIp.delete(key);
      } finally {
        await app.close();
      }
    } finally {
      await admin.unsafe(`drop owned by ${role}`);
      await admin.unsafe(`drop role ${role}`);
      await admin.end();
    }
  });
});
