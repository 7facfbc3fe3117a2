import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Database } from './database';
import { applyApplicationGrants, quoteIdent, roleOf } from './roles';

/** Row count of every table (schema-qualified) and an md5 over the audit log's rows in id order. */
export interface Fingerprint {
  rowCounts: Record<string, number>;
  auditLogMd5: string;
}

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function fingerprint(db: Database): Promise<Fingerprint> {
  const tables = rows<{ name: string }>(
    await db.execute(sql`select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`),
  );
  const rowCounts: Record<string, number> = {};
  for (const { name } of tables) {
    const [schema, table] = name.split('.') as [string, string];
    const [row] = rows<{ n: number }>(
      await db.execute(sql.raw(`select count(*)::int as n from ${quoteIdent(schema)}.${quoteIdent(table)}`)),
    );
    rowCounts[name] = row!.n;
  }
  const [audit] = rows<{ md5: string | null }>(
    await db.execute(
      sql`select md5(coalesce(string_agg(a::text, E'\n' order by a.id), '')) as md5 from audit_log a`,
    ),
  );
  return { rowCounts, auditLogMd5: audit!.md5 ?? '' };
}

/** Debian's newest PostgreSQL client programs, else whatever is on PATH. */
export function postgresProgram(name: 'pg_dump' | 'pg_restore'): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', name)))
      .sort((a, b) => Number(a) - Number(b));
    if (versions.length) return path.join(root, versions.at(-1)!, 'bin', name);
  }
  return name;
}

/** pg_dump in custom format (compressed, restorable table by table with pg_restore). */
export function backUpPostgres(url: string, file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(postgresProgram('pg_dump'), ['--format=custom', `--file=${file}`, `--dbname=${url}`], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
}

/**
 * pg_restore into an empty database, in one transaction (all or nothing). Objects belong to the role that
 * restores (the owner, DATABASE_MIGRATION_URL); the grants in the dump need the same role names to exist.
 * The tables are created under the target's default privileges, which give the application role UPDATE
 * and DELETE on the audit log too, and the dump's grants only add: so with `applicationRole` the owner's
 * grants are applied again afterwards (as the API does after migrating).
 */
export async function restorePostgres(file: string, url: string, applicationRole?: string): Promise<void> {
  execFileSync(
    postgresProgram('pg_restore'),
    ['--exit-on-error', '--single-transaction', '--no-owner', `--dbname=${url}`, file],
    { stdio: ['ignore', 'inherit', 'pipe'] },
  );
  if (!applicationRole || applicationRole === roleOf(url)) return;
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await applyApplicationGrants(owner, applicationRole);
  } finally {
    await owner.end();
  }
}

/** A folder PGlite has open holds postmaster.pid until it closes; copying it then would be torn. */
export function assertPgliteClosed(dataDir: string): void {
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    throw new Error(
      `${dataDir} 正在使用 (postmaster.pid): stop the API first; if it crashed, open and close it once with the API`,
    );
  }
}

/** The embedded database's data folder as one gzipped tarball (PGlite's dumpDataDir). */
export async function backUpPglite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new Error(`${dataDir} 不是 PGlite 数据目录`);
  assertPgliteClosed(dataDir);
  const pg = new PGlite(dataDir);
  try {
    await backUpPgliteInstance(pg, file);
  } finally {
    await pg.close();
  }
}

export async function backUpPgliteInstance(pg: PGlite, file: string): Promise<void> {
  // dumpDataDir on an instance still starting never settles (PGlite 0.5).
  await pg.waitReady;
  const tarball = await pg.dumpDataDir('gzip');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
}

/** Unpacks a tarball from `backUpPglite` into a new (absent or empty) data folder. */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} 不是空目录: restore into a new folder, then point GONGJIAN_DATA_DIR at it`);
  }
  mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  await pg.waitReady;
  await pg.close();
}
