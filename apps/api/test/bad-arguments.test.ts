import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { schema } from '../src/schema';
import { createApp } from '../src/server';
import { type ArgumentSite, argumentSites, outcomeOf, sweepRequest } from './argument-sweep';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/**
 * Every bad argument gets a typed error naming it, before any SQL runs: malformed global IDs, pagination out
 * of bounds, control characters in text. The sweeps walk the built schema, so an operation added later is
 * checked without a new test.
 */
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

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sites = argumentSites(schema);
const idSites = sites.filter((site) => site.scalar === 'ID');
const stringSites = sites.filter((site) => site.scalar === 'String');

/** The path the error names: below a mutation's `input` argument, as zod names fields. */
const namedPath = (path: string[]) => (path[0] === 'input' && path.length > 1 ? path.slice(1) : path);
const siteName = (site: ArgumentSite) => `${site.field}(${site.path.join('.')})`;

/** Malformed global IDs, each as a function of the node type the argument expects. */
const MALFORMED_IDS: Record<string, (type: string) => string> = {
  'not base64': () => 'garbage',
  'the text NaN': () => 'NaN',
  'a number with spaces': () => ' 12 ',
  'base64 of NaN': (type) => base64(`${type}:NaN`),
  'full-width digits': (type) => base64(`${type}:１２`),
  'an id with spaces': (type) => base64(`${type}: 12 `),
  hexadecimal: (type) => base64(`${type}:0x10`),
  'an exponent': (type) => base64(`${type}:1e3`),
  negative: (type) => base64(`${type}:-1`),
  zero: (type) => base64(`${type}:0`),
  'past the largest id': (type) => base64(`${type}:2147483648`),
  'a leading zero': (type) => base64(`${type}:016`),
  'base64 with a stray character': (type) => `${base64(`${type}:16`)}!`,
  'an unknown type': () => base64('Nothing:1'),
};

async function sweep(site: ArgumentSite, bad: unknown, username = 'admin') {
  const request = sweepRequest(schema, site, bad);
  const response = await s.run(username, request.query, request.variables);
  return { ...outcomeOf(site.field, response as never), statements: s.statements.length };
}

function expectRefused(
  outcome: Awaited<ReturnType<typeof sweep>>,
  path: string[],
  label: string,
  messagePart: RegExp = /./,
) {
  expect(outcome.answer, label).toMatch(/^(top-level VALIDATION|ValidationError VALIDATION)$/);
  expect(
    outcome.fieldErrors?.map((e) => e.path),
    label,
  ).toContainEqual(path);
  expect(outcome.message, label).toContain(path.join('.'));
  expect(outcome.message, label).toMatch(/[\u4e00-\u9fff].*\(argument .+\)/);
  expect(outcome.message, label).toMatch(messagePart);
  expect(outcome.statements, `${label}: SQL ran`).toBe(0);
}

describe('global IDs: only the canonical form is accepted, by every operation', () => {
  it('the schema has ID arguments on queries and mutations to sweep', () => {
    expect(idSites.filter((site) => site.operation === 'query').length).toBeGreaterThan(20);
    expect(idSites.filter((site) => site.operation === 'mutation').length).toBeGreaterThan(45);
  });

  it('each malformed ID in each ID argument and input field is a VALIDATION naming it, before any SQL', async () => {
    for (const site of idSites) {
      const type = site.nodeTypes[0] ?? 'Household';
      for (const [label, malformed] of Object.entries(MALFORMED_IDS)) {
        const bad = malformed(type);
        const outcome = await sweep(site, bad);
        expectRefused(outcome, namedPath(site.path), `${siteName(site)} given ${label}`, /ID/);
      }
    }
  });

  it('an ID of another node type is a VALIDATION naming the type the argument wants', async () => {
    for (const site of idSites.filter((candidate) => candidate.nodeTypes.length > 0)) {
      const other = site.nodeTypes.includes('Unit') ? 'Cadre' : 'Unit';
      const outcome = await sweep(site, globalId(other, 1));
      expectRefused(outcome, namedPath(site.path), `${siteName(site)} given a ${other}`, /应为.*的ID/);
    }
  });

  it('a well-formed ID without a row is never an internal error, in any ID argument', async () => {
    // Creating a measure for a household waits forever on PGlite today (the household is read outside the
    // write's transaction on the one connection): left out until that write moves onto the write spine.
    const waitsForever = (site: ArgumentSite) =>
      site.field === 'saveMeasure' && site.path.at(-1) === 'householdId';
    for (const site of idSites.filter((candidate) => !waitsForever(candidate))) {
      const outcome = await sweep(site, globalId(site.nodeTypes[0] ?? 'Household', 2_000_000_000));
      expect(outcome.answer, siteName(site)).not.toMatch(/INTERNAL/);
    }
  });

  it('an ID argument of a nested field, or an ID written as a number, is checked the same way', async () => {
    const nested = await s.run('admin', '{ battleMap { nodes(parentRegionId: "garbage") { __typename } } }');
    expectRefused(
      { ...outcomeOf('battleMap', nested as never), statements: s.statements.length },
      ['nodes', 'parentRegionId'],
      'battleMap.nodes(parentRegionId)',
    );
    const number = await s.run('admin', '{ node(id: 12) { id } }');
    expect(number.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: ['id'] }],
    });
  });

  it('node and nodes: a malformed ID is VALIDATION; a well-formed one without a row is NOT_FOUND', async () => {
    const garbage = await s.run('admin', '{ node(id: "garbage") { id } }');
    expect(garbage.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: ['id'], message: '不是有效的ID (is not a valid ID)' }],
    });
    expect(garbage.errors?.[0]?.message).toBe('参数 id 不是有效的ID (argument id is not a valid ID)');
    const absentId = globalId('Household', 2_000_000_000);
    const absent = await s.run('admin', `{ node(id: "${absentId}") { id } }`);
    expect(absent.data).toEqual({ node: null });
    expect(absent.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(absent.errors?.[0]?.message).toBe(`未找到该记录 (no Household with this id): ${absentId}`);
    const region = await s.handle.db.query.regions.findFirst();
    const some = await s.run(
      'admin',
      `{ nodes(ids: ["${globalId('Region', region!.id)}", "${absentId}"]) { id } }`,
    );
    expect(some.data).toEqual({ nodes: [{ id: globalId('Region', region!.id) }, null] });
    expect(some.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([
      ['NOT_FOUND', ['nodes', 1]],
    ]);
    const mixed = await s.run(
      'admin',
      `{ nodes(ids: ["${globalId('Region', 1)}", "${base64('Region:0x1')}"]) { id } }`,
    );
    expect(mixed.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['ids', '1'], message: '不是有效的ID (is not a valid ID)' },
    ]);
  });

  it('a canonical ID still finds its row (the strict decoder is the one every argument goes through)', async () => {
    const village = await s.handle.db.query.regions.findFirst({ where: { level: 'VILLAGE' } });
    const r = await s.run<{ region: { name: string } }>(
      'admin',
      `{ region(id: "${globalId('Region', village!.id)}") { name } }`,
    );
    expect(r.data!.region.name).toBe(village!.name);
    const hex = await s.run(
      'admin',
      `{ region(id: "${base64(`Region:0x${village!.id.toString(16)}`)}") { name } }`,
    );
    expect(hex.errors?.[0]?.extensions?.code).toBe('VALIDATION');
  });

  it('a mutation with a result union answers its ValidationError member; an anonymous caller is UNAUTHENTICATED', async () => {
    const CREATE_UNIT = `mutation ($input: CreateUnitInput!) { createUnit(input: $input) {
      __typename ... on ValidationError { code message fieldErrors { path message } } } }`;
    const input = {
      name: '新单位',
      kind: 'BACKING_UNIT',
      backingLevel: 'COUNTY',
      regionId: base64('Region:1e3'),
    };
    const r = await s.run<{ createUnit: Record<string, unknown> }>('admin', CREATE_UNIT, { input });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createUnit).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      message: '参数 regionId 不是有效的ID (argument regionId is not a valid ID)',
      fieldErrors: [{ path: ['regionId'], message: '不是有效的ID (is not a valid ID)' }],
    });
    const anonymous = await s.run(null, CREATE_UNIT, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('pagination arguments on every connection', () => {
  const connections = Object.values(schema.getQueryType()!.getFields()).filter((field) =>
    ['first', 'last', 'after', 'before'].every((name) => field.args.some((arg) => arg.name === name)),
  );
  /** The connection's required arguments, filled with a valid value so only the pagination is wrong. */
  const requiredArguments = (field: (typeof connections)[number]) =>
    field.args
      .filter((arg) => String(arg.type).endsWith('!'))
      .map((arg) => {
        const type = schema.getType(String(arg.type).slice(0, -1));
        if (!type || !('getValues' in type))
          throw new Error(`${field.name}.${arg.name}: give the sweep a valid ${String(arg.type)}`);
        return `${arg.name}: ${type.getValues()[0]!.name}, `;
      })
      .join('');
  const CASES: [string, string, string[], RegExp][] = [
    ['first: -1', 'first: -1', ['first'], /不能为负数/],
    ['last: -5', 'last: -5', ['last'], /不能为负数/],
    ['first with last', 'first: 5, last: 5', ['last'], /不能与 first 同时使用/],
    ['first over 100', 'first: 101', ['first'], /不能超过100/],
    ['after garbage', 'after: "garbage"', ['after'], /分页游标/],
    ['before garbage', 'before: "garbage"', ['before'], /分页游标/],
    ['a cursor of another kind', `after: "${base64('OffsetConnection:3')}"`, ['after'], /分页游标/],
    ['a cursor holding a NUL', `after: "${base64('DC:S:a\u0000')}"`, ['after'], /分页游标/],
  ];

  it('every connection of the query type is swept', () => {
    expect(connections.length).toBeGreaterThanOrEqual(14);
  });

  it('each bad pagination argument on each root connection is a VALIDATION naming it, before any SQL', async () => {
    for (const connection of connections) {
      for (const [label, args, path, message] of CASES) {
        const r = await s.run(
          'admin',
          `{ ${connection.name}(${requiredArguments(connection)}${args}) { totalCount edges { cursor } } }`,
        );
        const outcome = { ...outcomeOf(connection.name, r as never), statements: s.statements.length };
        expectRefused(outcome, path, `${connection.name}(${label})`, message);
      }
    }
  });

  it('bad pagination on a nested connection is refused before the list that holds it is read', async () => {
    const nested = [
      ['regions', 'children'],
      ['tasks', 'children'],
      ['units', 'cadres'],
    ];
    for (const [list, field] of nested) {
      for (const [label, args, path, message] of CASES) {
        const r = await s.run(
          'admin',
          `{ ${list}(first: 2) { edges { node { ${field}(${args}) { totalCount edges { cursor } } } } } }`,
        );
        const outcome = { ...outcomeOf(list!, r as never), statements: s.statements.length };
        expectRefused(outcome, ['edges', 'node', field!, ...path], `${list}.${field}(${label})`, message);
      }
    }
  });

  it('a bad argument inside a named fragment or under an alias is named by its place in the response', async () => {
    const r = await s.run(
      'admin',
      `{ list: regions(first: 1) { ...Children } }
       fragment Children on QueryRegionsConnection { edges { node { kids: children(last: -1) { totalCount } } } }`,
    );
    const outcome = { ...outcomeOf('list', r as never), statements: s.statements.length };
    expectRefused(outcome, ['edges', 'node', 'kids', 'last'], 'regions.children in a fragment', /不能为负数/);
  });

  it('a cursor the server issued pages on', async () => {
    const first = await s.run<{ units: { pageInfo: { endCursor: string } } }>(
      'admin',
      '{ units(first: 2) { pageInfo { endCursor } } }',
    );
    const next = await s.run<{ units: { edges: unknown[] } }>(
      'admin',
      `{ units(first: 2, after: "${first.data!.units.pageInfo.endCursor}") { edges { cursor } } }`,
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.units.edges).toHaveLength(2);
  });
});

describe('text arguments: no control characters, names on one line and visible', () => {
  it('a NUL byte in each string argument and input field is a VALIDATION naming it, before any SQL', async () => {
    expect(stringSites.length).toBeGreaterThan(50);
    for (const site of stringSites) {
      const outcome = await sweep(site, `张\u0000三`);
      expectRefused(outcome, namedPath(site.path), `${siteName(site)} given a NUL`, /控制字符/);
    }
  });

  const CREATE_CADRE = `mutation ($input: CreateCadreInput!) { createCadre(input: $input) {
    __typename ... on ValidationError { fieldErrors { path message } } } }`;
  const cadre = async (fields: Record<string, unknown>) => {
    const unit = await s.handle.db.query.units.findFirst();
    const input = { name: '李四', post: '队员', unitId: globalId('Unit', unit!.id), ...fields };
    const r = await s.run<{ createCadre: { __typename: string; fieldErrors?: { path: string[] }[] } }>(
      'admin',
      CREATE_CADRE,
      { input },
    );
    return r.data!.createCadre;
  };

  it('other C0 controls, DEL, C1 controls and lone surrogates are refused in any text', async () => {
    for (const bad of ['\u0001', '\u001b[31m', '\u007f', '\u0085', '\ud800', 'a\udc00b']) {
      const outcome = await cadre({ post: `队员${bad}` });
      expect(outcome, JSON.stringify(bad)).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['post'] }],
      });
    }
  });

  it('a name may not hold a line break, a tab or a zero-width character; free text may hold line breaks', async () => {
    for (const bad of ['李\n四', '李\t四', '李\u200b四', '李\u202e四', '\ufeff李四']) {
      expect(await cadre({ name: bad }), JSON.stringify(bad)).toMatchObject({
        __typename: 'ValidationError',
        fieldErrors: [{ path: ['name'] }],
      });
    }
    expect((await cadre({ name: '李四' })).__typename).toBe('MutationCreateCadreSuccess');
    const household = await s.handle.db.query.households.findFirst();
    const reveal = await s.run<{ revealHouseholdPhone: unknown }>(
      'admin',
      `mutation ($input: RevealPersonalDataInput!) { revealHouseholdPhone(input: $input) {
        __typename ... on ValidationError { fieldErrors { path } } } }`,
      { input: { id: globalId('Household', household!.id), reason: '核实联系方式\n第二行说明' } },
    );
    expect(reveal.errors).toBeUndefined();
    expect(reveal.data!.revealHouseholdPhone).not.toMatchObject({ __typename: 'ValidationError' });
  });

  it('signing in with a NUL in the user name is a VALIDATION, not a database error', async () => {
    const r = await s.run<{ login: { __typename: string } }>(
      null,
      `mutation { login(input: { username: "admin\\u0000", password: "x" }) { __typename } }`,
    );
    expect(r.data!.login.__typename).toBe('ValidationError');
    expect(s.statements).toHaveLength(0);
  });
});

async function post(body: unknown, cookie?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
    json: (await res.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

async function signIn() {
  const login = await post({
    query: 'mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }',
  });
  return login.cookie!;
}

describe('over HTTP', () => {
  it('a malformed ID and a NUL in a variable answer VALIDATION with status 200', async () => {
    const node = await post({ query: '{ node(id: "garbage") { id } }' }, await signIn());
    expect(node.status).toBe(200);
    expect(node.json.errors![0]!.extensions).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: ['id'] }],
    });
    // Anonymous: the loggedIn scope answers first and tells nothing about the argument.
    const anonymous = await post({ query: '{ node(id: "garbage") { id } }' });
    expect(anonymous.json.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const login = await post({
      query: `mutation ($u: String!) { login(input: { username: $u, password: "x" }) {
        __typename ... on ValidationError { fieldErrors { path message } } } }`,
      variables: { u: 'ad\u0000min' },
    });
    expect(login.status).toBe(200);
    expect(login.json.data!.login).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['username'], message: '含有控制字符 (contains a control character)' }],
    });
  });

  it('an internal error logs an error id, the operation and the error class, and nothing from the query or the row', async () => {
    const cookie = await signIn();
    await s.handle.db.execute(sql`create function refuse_cadre() returns trigger language plpgsql as
      $$ begin raise exception 'cadre insert refused by test trigger'; end $$`);
    await s.handle.db.execute(sql`create trigger refuse_cadre before insert on cadres
      for each row execute function refuse_cadre()`);
    const unit = await s.handle.db.query.units.findFirst();
    const logged: string[] = [];
    const capture = (...parts: unknown[]) => void logged.push(parts.map(String).join(' '));
    const error = vi.spyOn(console, 'error').mockImplementation(capture);
    const warn = vi.spyOn(console, 'warn').mockImplementation(capture);
    const log = vi.spyOn(console, 'log').mockImplementation(capture);
    try {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          query: `mutation AddCadre($input: CreateCadreInput!) { createCadre(input: $input) { __typename } }`,
          variables: {
            input: { name: '王秘密', post: '队员', phone: '13912345678', unitId: globalId('Unit', unit!.id) },
          },
        }),
      });
      const body = (await res.json()) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const errorId = String(body.errors[0]!.extensions.errorId);
      expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(body)).not.toContain('13912345678');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(`errorId=${errorId}`);
      expect(logged[0]).toContain('operation=AddCadre');
      expect(logged[0]).toMatch(/errorClass=\w+/);
      expect(logged[0]).toContain('sqlState=P0001');
      for (const secret of ['13912345678', '王秘密', 'insert', 'params', 'cadre insert refused']) {
        expect(logged[0]).not.toContain(secret);
      }
    } finally {
      error.mockRestore();
      warn.mockRestore();
      log.mockRestore();
      await s.handle.db.execute(sql`drop trigger refuse_cadre on cadres`);
    }
  });
});
