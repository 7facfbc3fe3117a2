import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedDocumentsEnforced } from '../src/env';
import { createApp } from '../src/server';
import { loadTrustedDocuments } from '../src/trusted-documents';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** Production clients send only ids the client builds registered; the API refuses anything else before any SQL. */
const LOGIN_TEXT = `mutation Login($input: LoginInput!) { login(input: $input) { __typename } }`;
const UNITS_TEXT = `query Units { units(first: 1) { totalCount } }`;
const ME_TEXT = `query Me { me { username } }`;

let s: Scenario;
let manifestDir: string;
const servers: Server[] = [];
let enforcedBase: string;
let openBase: string;

async function listen(enforced: boolean): Promise<string> {
  const documents = loadTrustedDocuments([
    path.join(manifestDir, 'admin.json'),
    path.join(manifestDir, 'leadership.json'),
  ]);
  const { app } = await createApp(s.handle, { documents, enforced });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  s = await createScenario();
  manifestDir = mkdtempSync(path.join(tmpdir(), 'gongjian-trusted-'));
  writeFileSync(
    path.join(manifestDir, 'admin.json'),
    JSON.stringify({ 'ui/Login': LOGIN_TEXT, 'admin/Units': UNITS_TEXT }),
  );
  writeFileSync(
    path.join(manifestDir, 'leadership.json'),
    JSON.stringify({ 'ui/Login': LOGIN_TEXT, 'leadership/Me': ME_TEXT }),
  );
  enforcedBase = await listen(true);
  openBase = await listen(false);
});
afterAll(async () => {
  for (const server of servers) server.close();
  rmSync(manifestDir, { recursive: true, force: true });
  await s.close();
  await dropTestDatabases();
});

const persisted = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

interface GraphQLResponseBody {
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are asserted field by field
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(base: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    json: (await res.json()) as GraphQLResponseBody,
    setCookie: res.headers.get('set-cookie'),
  };
}

async function signIn(base: string): Promise<string> {
  const login = await post(base, {
    operationName: 'Login',
    variables: { input: { username: 'admin', password: 'Gongjian@2026' } },
    extensions: persisted('ui/Login'),
  });
  expect(login.json.data!.login).toEqual({ __typename: 'MutationLoginSuccess' });
  return login.setCookie!.split(';')[0]!;
}

function expectRefusedWithoutSql(response: Awaited<ReturnType<typeof post>>) {
  expect(response.status).toBe(400);
  expect(response.json).toEqual({
    errors: [
      {
        message: '仅接受已登记的查询 (trusted documents only)',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
    ],
  });
  expect(s.statements).toHaveLength(0);
}

describe('with trusted documents enforced', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn(enforcedBase);
  });

  it('a known id runs the document registered under it, from any client manifest', async () => {
    s.resetStatements();
    const units = await post(
      enforcedBase,
      { operationName: 'Units', extensions: persisted('admin/Units') },
      cookie,
    );
    expect(units.status).toBe(200);
    expect(units.json.data!.units.totalCount).toBeGreaterThan(0);
    expect(s.statements.length).toBeGreaterThan(0);
    const me = await post(
      enforcedBase,
      { operationName: 'Me', extensions: persisted('leadership/Me') },
      cookie,
    );
    expect(me.json.data!.me).toEqual({ username: 'admin' });
  });

  it('the text sent along with a known id is ignored: the registered document runs', async () => {
    const me = await post(
      enforcedBase,
      {
        query: 'query Me { me { username roles jurisdiction { name } } }',
        extensions: persisted('leadership/Me'),
      },
      cookie,
    );
    expect(me.json.data!.me).toEqual({ username: 'admin' });
  });

  it('an unknown id is refused with 400 before any SQL', async () => {
    s.resetStatements();
    expectRefusedWithoutSql(
      await post(enforcedBase, { extensions: persisted('admin/Unregistered') }, cookie),
    );
  });

  it('a raw document is refused with 400 before any SQL, even from a signed-in user', async () => {
    s.resetStatements();
    expectRefusedWithoutSql(await post(enforcedBase, { query: UNITS_TEXT }, cookie));
  });

  it('an unknown id with its own text is refused', async () => {
    s.resetStatements();
    expectRefusedWithoutSql(
      await post(enforcedBase, { query: UNITS_TEXT, extensions: persisted('admin/Unregistered') }, cookie),
    );
  });

  it('batches and GET requests are refused', async () => {
    s.resetStatements();
    expectRefusedWithoutSql(await post(enforcedBase, [{ extensions: persisted('admin/Units') }], cookie));
    const get = await fetch(`${enforcedBase}/graphql?query=${encodeURIComponent(ME_TEXT)}`, {
      headers: { 'apollo-require-preflight': 'true', cookie },
    });
    expect(get.status).toBe(400);
    expect(
      ((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(s.statements).toHaveLength(0);
  });
});

describe('with trusted documents not enforced (development, tests)', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn(openBase);
  });

  it('raw documents still run', async () => {
    const units = await post(openBase, { query: UNITS_TEXT }, cookie);
    expect(units.status).toBe(200);
    expect(units.json.data!.units.totalCount).toBeGreaterThan(0);
  });

  it('a known id without text runs its registered document', async () => {
    const me = await post(openBase, { extensions: persisted('leadership/Me') }, cookie);
    expect(me.json.data!.me).toEqual({ username: 'admin' });
  });

  it('text sent along with an id runs as sent, so edits apply before the manifests are rebuilt', async () => {
    const me = await post(
      openBase,
      { query: '{ me { username roles } }', extensions: persisted('leadership/Me') },
      cookie,
    );
    expect(me.json.data!.me).toEqual({ username: 'admin', roles: ['COUNTY_ADMIN'] });
  });

  it('an unknown id without text has nothing to run and is refused', async () => {
    s.resetStatements();
    expectRefusedWithoutSql(await post(openBase, { extensions: persisted('admin/Unregistered') }, cookie));
  });
});

describe('settings and manifests', () => {
  it.each([
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', GONGJIAN_TRUSTED_DOCUMENTS: 'off' }, false],
    [{ NODE_ENV: 'test' }, false],
    [{ NODE_ENV: 'development', GONGJIAN_TRUSTED_DOCUMENTS: 'enforce' }, true],
    [{}, false],
  ])('%o enforces: %s', (vars, enforced) => {
    expect(trustedDocumentsEnforced(vars)).toBe(enforced);
  });

  it('an unknown setting is an error, not a silent default', () => {
    expect(() =>
      trustedDocumentsEnforced({ NODE_ENV: 'production', GONGJIAN_TRUSTED_DOCUMENTS: 'no' }),
    ).toThrow(/GONGJIAN_TRUSTED_DOCUMENTS/);
  });

  it('a missing manifest adds nothing; two clients registering different texts under one id is an error', () => {
    expect(loadTrustedDocuments([path.join(manifestDir, 'absent.json')]).size).toBe(0);
    writeFileSync(path.join(manifestDir, 'conflict.json'), JSON.stringify({ 'ui/Login': ME_TEXT }));
    expect(() =>
      loadTrustedDocuments([path.join(manifestDir, 'admin.json'), path.join(manifestDir, 'conflict.json')]),
    ).toThrow(/ui\/Login/);
  });
});
