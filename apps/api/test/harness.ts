import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import type { ApolloServer } from '@apollo/server';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle } from '@gongjian/db';
import { seedJianghua } from '@gongjian/db/seed';
import postgres from 'postgres';
import { viewerForUsername } from '../src/auth/sessions';
import { clock } from '../src/clock';
import type { Context, Viewer } from '../src/context';
import { createApollo } from '../src/server';

/**
 * Test databases: with DATABASE_URL, a fresh PostgreSQL database per scenario, copied from a migrated and
 * seeded template database; without it, a clone of one migrated and seeded in-memory PGlite per test file.
 */
const serverUrl = process.env.DATABASE_URL || undefined;
/** The owner role (DATABASE_MIGRATION_URL) migrates, seeds and creates the databases; the API runs as DATABASE_URL. */
const ownerServerUrl = process.env.DATABASE_MIGRATION_URL || serverUrl;
/**
 * Tests seed a smaller demo registry (same proportions as the 28,000 households of the full demo) so that
 * every test file's template stays fast; set GONGJIAN_DEMO_HOUSEHOLDS to test at another size.
 */
export const TEST_DEMO_HOUSEHOLDS = 1500;
process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= String(TEST_DEMO_HOUSEHOLDS);
export const onPostgres = serverUrl !== undefined;

let pgliteTemplate: Promise<PGlite> | undefined;
let postgresTemplate: Promise<string> | undefined;
const createdDatabases: string[] = [];

async function seededPglite(): Promise<PGlite> {
  const pg = new PGlite();
  const handle = createDb({ pglite: pg });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, clock.now()));
  return pg;
}

function adminSql() {
  return postgres(ownerServerUrl!, { max: 1, onnotice: () => {} });
}

function databaseUrl(name: string, server = serverUrl) {
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seededPostgresTemplate(): Promise<string> {
  const name = `gj_tpl_${randomBytes(5).toString('hex')}`;
  const admin = adminSql();
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  createdDatabases.push(name);
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

export interface Scenario {
  handle: DbHandle;
  apollo: ApolloServer<Context>;
  /** SQL statements issued since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  viewer(username: string): Promise<Viewer>;
  /** Runs a document as `username` (or anonymously with null) and returns the single result. */
  run<T = Record<string, unknown>>(
    username: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    data?: T | null;
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>;
  close(): Promise<void>;
}

export async function createScenario(): Promise<Scenario> {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  let handle: DbHandle;
  if (onPostgres) {
    postgresTemplate ??= seededPostgresTemplate();
    const template = await postgresTemplate;
    const name = `gj_t_${randomBytes(5).toString('hex')}`;
    const admin = adminSql();
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin.end();
    createdDatabases.push(name);
    handle = createDb({ databaseUrl: databaseUrl(name), logger, maxConnections: 25 });
  } else {
    pgliteTemplate ??= seededPglite();
    handle = createDb({ pglite: (await (await pgliteTemplate).clone()) as PGlite, logger });
  }
  const apollo = createApollo();
  await apollo.start();
  const viewers = new Map<string, Viewer>();

  const viewer = async (username: string): Promise<Viewer> => {
    let cached = viewers.get(username);
    if (!cached) {
      cached = await viewerForUsername(handle.db, username, `test-${username}`);
      viewers.set(username, cached);
    }
    return cached;
  };

  return {
    handle,
    apollo,
    statements,
    resetStatements: () => void statements.splice(0),
    viewer,
    run: async (username, query, variables) => {
      const contextValue: Context = {
        db: handle.db,
        viewer: username ? await viewer(username) : null,
        cookies: { set: () => {}, clear: () => {} },
        requestIp: '127.0.0.1',
      };
      statements.splice(0);
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      recordMutationStatements(query, statements);
      return response.body.singleResult as never;
    },
    close: async () => {
      await apollo.stop();
      await handle.close();
    },
  };
}

/**
 * With GONGJIAN_MEASURE_STATEMENTS=<file>, appends one line per mutation document run: its first field and the
 * statements it issued (BEGIN/COMMIT counted apart). Used to measure, never asserted.
 */
function recordMutationStatements(query: string, statements: readonly string[]) {
  const file = process.env.GONGJIAN_MEASURE_STATEMENTS;
  const field = /^\s*mutation\b[^{]*\{\s*(\w+)/.exec(query)?.[1];
  if (!file || !field) return;
  const control = statements.filter((q) =>
    /^(begin|commit|rollback|savepoint|release)/i.test(q.trim()),
  ).length;
  appendFileSync(file, `${JSON.stringify({ field, statements: statements.length - control, control })}\n`);
}

/** Drops the PostgreSQL databases this file created (no-op on PGlite). */
export async function dropTestDatabases() {
  if (!onPostgres) {
    if (pgliteTemplate) await (await pgliteTemplate).close();
    return;
  }
  const admin = adminSql();
  for (const name of createdDatabases.splice(0).reverse()) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  }
  await admin.end();
}

/** The global ID a Pothos relay node gets. */
export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
