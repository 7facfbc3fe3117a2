import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createDb } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import postgres from 'postgres';
import { clock } from '../src/clock';

/**
 * The migrated and seeded demo county every test scenario starts from: made once per test run (the global
 * setup) and copied for each scenario, a PostgreSQL template database or a PGlite data directory.
 */
const serverUrl = process.env.DATABASE_URL || undefined;
/** The owner role (DATABASE_MIGRATION_URL) migrates, seeds and creates the databases; the API runs as DATABASE_URL. */
const ownerServerUrl = process.env.DATABASE_MIGRATION_URL || serverUrl;
/**
 * Tests seed a smaller demo registry (same proportions as the 28,000 households of the full demo) so that
 * the template stays fast; set GONGJIAN_DEMO_HOUSEHOLDS to test at another size.
 */
export const TEST_DEMO_HOUSEHOLDS = 1500;
process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= String(TEST_DEMO_HOUSEHOLDS);
export const onPostgres = serverUrl !== undefined;

export function adminSql() {
  return postgres(ownerServerUrl!, { max: 1, onnotice: () => {} });
}

export function databaseUrl(name: string, server = serverUrl) {
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function seededPglite(): Promise<PGlite> {
  const pg = new PGlite();
  const handle = createDb({ pglite: pg });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  return pg;
}

/** A new database on the server, migrated by the owner role and seeded; its name. */
export async function seededPostgresTemplate(): Promise<string> {
  const name = `gj_tpl_${randomBytes(5).toString('hex')}`;
  const admin = adminSql();
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const handle = createDb({
    databaseUrl: databaseUrl(name),
    migrationUrl: databaseUrl(name, ownerServerUrl),
    maxConnections: 2,
  });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  await handle.close();
  return name;
}

export async function dropDatabases(names: readonly string[]) {
  const admin = adminSql();
  for (const name of names) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
