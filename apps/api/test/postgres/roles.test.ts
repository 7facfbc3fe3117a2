import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditLogExposure, createDb, type DbHandle, setUpRoles } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the test runner script, no type declarations
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { createApp } from '../../src/server';
import { TEST_DEMO_HOUSEHOLDS } from '../harness';

/**
 * The owner role migrates; the API runs as the application role, for which the audit log is append-only
 * whatever it sends: it cannot disable the trigger, update, delete or truncate. A server of its own, since
 * creating roles needs a superuser.
 */
let pg: { url: string; stop(): void };
let handle: DbHandle;
let appSql: postgres.Sql;
let server: Server;
let base: string;
let ownerUrl: string;
let appUrl: string;

function asRole(user: string, password: string, database: string) {
  const url = new URL(pg.url);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= String(TEST_DEMO_HOUSEHOLDS);
  pg = await startPostgres();
  ownerUrl = asRole('gongjian_owner', 'owner-secret', 'gongjian');
  appUrl = asRole('gongjian_app', 'app-secret', 'gongjian');
  await setUpRoles({ adminUrl: pg.url, ownerUrl, appUrl }, postgres);
  handle = createDb({ databaseUrl: appUrl, migrationUrl: ownerUrl, maxConnections: 4 });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx));
  const { app } = await createApp(handle);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  appSql = postgres(appUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  server?.close();
  await appSql?.end();
  await handle?.close().catch(() => {});
  pg?.stop();
});

async function graphql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  cookie = '',
) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: T; errors?: unknown[] } };
}

/** The PostgreSQL error a statement ends with, as "SQLSTATE: message". */
async function refusal(statement: string): Promise<string> {
  try {
    await appSql.unsafe(statement);
    return 'accepted';
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return `${code}: ${message}`;
  }
}

const countAudit = async () =>
  Number(((await appSql`select count(*)::int as n from audit_log`) as unknown as [{ n: number }])[0].n);

describe('database roles (PostgreSQL)', () => {
  it('the application role writes a unit and its audit row through the GraphQL endpoint', async () => {
    const login = await graphql(
      `mutation { login(input: { username: "admin", password: "Gongjian@2026" }) { __typename } }`,
    );
    const cookie = login.response.headers.get('set-cookie')!.split(';')[0]!;
    const townships = await graphql<{ regions: { edges: { node: { id: string } }[] } }>(
      `{ regions(level: TOWNSHIP, search: "沱江镇", first: 1) { edges { node { id } } } }`,
      {},
      cookie,
    );
    const regionId = townships.body.data!.regions.edges[0]!.node.id;
    const before = await countAudit();
    const created = await graphql<{ createUnit: { __typename: string } }>(
      `mutation ($input: CreateUnitInput!) { createUnit(input: $input) { __typename } }`,
      { input: { name: '县审计局驻沱江镇工作组', kind: 'BACKING_UNIT', backingLevel: 'COUNTY', regionId } },
      cookie,
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.createUnit.__typename).toBe('MutationCreateUnitSuccess');
    expect(await countAudit()).toBe(before + 1);
    const [latest] =
      await appSql`select action, current_user as role from audit_log order by id desc limit 1`;
    expect(latest).toEqual({ action: 'unit.create', role: 'gongjian_app' });
  });

  it('as the application role, disabling the trigger, UPDATE, DELETE and TRUNCATE of the audit log all fail', async () => {
    const before = await countAudit();
    const refused = {
      disableTrigger: await refusal('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete'),
      disableAllTriggers: await refusal('ALTER TABLE audit_log DISABLE TRIGGER ALL'),
      update: await refusal(`UPDATE audit_log SET action = 'forged'`),
      delete: await refusal('DELETE FROM audit_log'),
      truncate: await refusal('TRUNCATE audit_log'),
      dropTrigger: await refusal('DROP TRIGGER audit_log_no_truncate ON audit_log'),
      replaceFunction: await refusal(
        'CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql',
      ),
      dropTable: await refusal('DROP TABLE audit_log'),
    };
    console.log('refused as gongjian_app:', JSON.stringify(refused, null, 2));
    expect(refused.disableTrigger).toBe('42501: must be owner of table audit_log');
    expect(refused.disableAllTriggers).toBe('42501: must be owner of table audit_log');
    expect(refused.update).toBe('42501: permission denied for table audit_log');
    expect(refused.delete).toBe('42501: permission denied for table audit_log');
    expect(refused.truncate).toBe('42501: permission denied for table audit_log');
    expect(refused.dropTrigger).toBe('42501: must be owner of relation audit_log');
    expect(refused.replaceFunction).toBe('42501: permission denied for schema public');
    expect(refused.dropTable).toBe('42501: must be owner of table audit_log');
    expect(await countAudit()).toBe(before);
    expect(await auditLogExposure(handle.db)).toEqual([]);
  });

  it('a table a later migration adds gets the application’s data rights from the default privileges', async () => {
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    await owner`create table later_migration_table (id int generated always as identity primary key, note text)`;
    await owner.end();
    await appSql`insert into later_migration_table (note) values ('from the app')`;
    await appSql`update later_migration_table set note = 'changed'`;
    expect(await appSql`select note from later_migration_table`).toEqual([{ note: 'changed' }]);
    expect(await refusal('TRUNCATE later_migration_table')).toBe(
      '42501: permission denied for table later_migration_table',
    );
  });

  it('setting the roles up and migrating again changes nothing', async () => {
    await setUpRoles({ adminUrl: pg.url, ownerUrl, appUrl }, postgres);
    await handle.migrate();
    expect(await auditLogExposure(handle.db)).toEqual([]);
    expect(await refusal(`UPDATE audit_log SET action = 'forged'`)).toBe(
      '42501: permission denied for table audit_log',
    );
  });

  it('with one URL only, the API’s role owns the audit log and the start-up check says what it could do', async () => {
    const single = createDb({ databaseUrl: ownerUrl, maxConnections: 1 });
    expect(await auditLogExposure(single.db)).toEqual(['owner', 'update', 'delete', 'truncate', 'trigger']);
    await single.close();
  });
});
