import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Database } from './database';
import { applyApplicationGrants, roleOf } from './roles';
import { relations } from './schema/relations';

export type { Database, DbExecutor, Relations, Transaction } from './database';

/** Rows of a raw `db.execute(sql`…`)`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface CreateDbOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /**
   * postgres:// URL of the role that owns the schema: migrations run as it, then it grants the role of
   * `databaseUrl` its data rights (INSERT and SELECT only on the audit log). Without it, migrations run
   * as the application's own role, which then owns the audit log and could disable its trigger.
   */
  migrationUrl?: string;
  /** PGlite data folder; `memory://` (or undefined) keeps it in memory. */
  dataDir?: string;
  /** An existing PGlite instance (tests clone one migrated template). */
  pglite?: PGlite;
  logger?: Logger;
  /** postgres.js pool size. */
  maxConnections?: number;
  /**
   * PostgreSQL's statement_timeout for every connection of the pool (waiting for a lock counts), so a stuck
   * query fails with SQLSTATE 57014 instead of holding a request and a connection; 0 turns it off.
   */
  statementTimeoutMs?: number;
}

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * With no `databaseUrl`: embedded PGlite (WASM PostgreSQL) in `dataDir`, so a new user needs nothing
 * installed. With one: postgres.js against a PostgreSQL server. Same migrations, same queries.
 */
export function createDb(options: CreateDbOptions = {}): DbHandle {
  const logger = options.logger ?? false;
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 60,
      connection: {
        statement_timeout: options.statementTimeoutMs ?? 30_000,
        idle_in_transaction_session_timeout: 60_000,
      },
    });
    const db = drizzlePostgres({ client: sql, relations, logger });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      migrate: async () => {
        const separateOwner = options.migrationUrl && options.migrationUrl !== options.databaseUrl;
        if (!separateOwner) {
          await migratePostgres(db, { migrationsFolder });
          return;
        }
        const ownerSql = postgres(options.migrationUrl!, { max: 1, onnotice: () => {}, connect_timeout: 5 });
        try {
          await migratePostgres(drizzlePostgres({ client: ownerSql, relations }), { migrationsFolder });
          await applyApplicationGrants(ownerSql, roleOf(options.databaseUrl!));
        } finally {
          await ownerSql.end({ timeout: 5 });
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  let client = options.pglite;
  if (!client) {
    const dataDir =
      options.dataDir && options.dataDir !== 'memory://' ? path.resolve(options.dataDir) : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  const pg = client;
  const db = drizzlePglite({ client: pg, relations, logger });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db, { migrationsFolder });
    },
    close: () => pg.close(),
  };
}
