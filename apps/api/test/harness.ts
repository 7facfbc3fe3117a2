import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ApolloServer } from '@apollo/server';
import { PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle } from '@gongjian/db';
import { inject } from 'vitest';
import { viewerForUsername } from '../src/auth/sessions';
import type { Context, Viewer } from '../src/context';
import { createApollo } from '../src/server';
import {
  adminSql,
  databaseUrl,
  dropDatabases,
  onPostgres,
  seededPglite,
  seededPostgresTemplate,
  TEST_DEMO_HOUSEHOLDS,
} from './seed-template';

/**
 * Test databases: with DATABASE_URL, a fresh PostgreSQL database per scenario, copied from the migrated and
 * seeded template database of the run (test/global-seed.ts); without it, an in-memory PGlite per scenario
 * loaded from the run's seeded data directory.
 */
export { onPostgres, TEST_DEMO_HOUSEHOLDS };

let seededDataDir: Promise<Blob> | undefined;
let postgresTemplate: Promise<string> | undefined;
const createdDatabases: string[] = [];

/** The run's seeded template, or (a file run without the global setup) one seeded for this file. */
function templateName(): Promise<string> {
  const provided = inject('seededTemplate');
  if (provided) return Promise.resolve(provided);
  return seededPostgresTemplate().then((name) => {
    createdDatabases.push(name);
    return name;
  });
}

async function seededPgliteData(): Promise<Blob> {
  const file = inject('seededDataDir');
  if (file) return new Blob([await readFile(file)]);
  const pg = await seededPglite();
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  return dump;
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
    postgresTemplate ??= templateName();
    const template = await postgresTemplate;
    const name = `gj_t_${randomBytes(5).toString('hex')}`;
    const admin = adminSql();
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin.end();
    createdDatabases.push(name);
    handle = createDb({ databaseUrl: databaseUrl(name), logger, maxConnections: 25 });
  } else {
    seededDataDir ??= seededPgliteData();
    const pglite = new PGlite({ loadDataDir: await seededDataDir });
    handle = createDb({ pglite, logger });
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
  if (onPostgres) await dropDatabases(createdDatabases.splice(0).reverse());
}

/** The global ID a Pothos relay node gets. */
export const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');
