import { type DbHandle, migrationsFolder, rowsOf } from '@gongjian/db';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: 'database-unreachable' | 'migrations-pending'; pending?: string[] };

/** Ready when the database answers and every migration folder of this build is recorded as applied. */
export async function readiness(handle: DbHandle, folder = migrationsFolder): Promise<Readiness> {
  const expected = readMigrationFiles({ migrationsFolder: folder }).map((m) => m.name);
  let applied: Set<string>;
  try {
    await handle.db.execute(sql`select 1`);
  } catch {
    return { ready: false, reason: 'database-unreachable' };
  }
  try {
    const rows = rowsOf<{ name: string }>(
      await handle.db.execute(sql`select name from drizzle.__drizzle_migrations`),
    );
    applied = new Set(rows.map((row) => row.name));
  } catch {
    // No migrations table: nothing has been migrated yet.
    applied = new Set();
  }
  const pending = expected.filter((name) => !applied.has(name));
  if (pending.length > 0) return { ready: false, reason: 'migrations-pending', pending };
  return { ready: true, migrations: expected.length };
}
