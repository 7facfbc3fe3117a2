import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditLogExposure, createDb, type DbHandle, setUpRoles } from '@gongjian/db';
import { backUpPostgres, fingerprint, restorePostgres } from '@gongjian/db/backup';
import { auditLog } from '@gongjian/db/schema';
import { seedJianghua } from '@gongjian/db/seed';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the test runner script, no type declarations
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { TEST_DEMO_HOUSEHOLDS } from '../harness';

/**
 * The backup drill on PostgreSQL: pg_dump (custom format) of a seeded database with audit rows, pg_restore
 * into a fresh database set up the same way, then every table's row count and the audit log's checksum
 * compared. A server of its own, since setting the roles up needs a superuser.
 */
let pg: { url: string; stop(): void };
let folder: string;
const handles: DbHandle[] = [];

function asRole(user: string, database: string) {
  const url = new URL(pg.url);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
}

async function database(name: string) {
  const urls = { ownerUrl: asRole('gongjian_owner', name), appUrl: asRole('gongjian_app', name) };
  await setUpRoles({ adminUrl: pg.url, ...urls }, postgres);
  const owner = createDb({ databaseUrl: urls.ownerUrl, maxConnections: 2 });
  const app = createDb({ databaseUrl: urls.appUrl, migrationUrl: urls.ownerUrl, maxConnections: 2 });
  handles.push(owner, app);
  return { ...urls, owner, app };
}

beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= String(TEST_DEMO_HOUSEHOLDS);
  pg = await startPostgres();
  folder = mkdtempSync(path.join(tmpdir(), 'gongjian-backup-'));
});
afterAll(async () => {
  for (const handle of handles) await handle.close().catch(() => {});
  pg?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore (PostgreSQL)', () => {
  it('a pg_dump restored into a fresh database has every row and the same audit log, still append-only', async () => {
    const source = await database('gongjian');
    await source.app.migrate();
    await source.app.db.transaction((tx) => seedJianghua(tx));
    await source.app.db.insert(auditLog).values(
      Array.from({ length: 40 }, (_, i) => ({
        action: 'drill.write',
        entityType: 'Household',
        entityId: String(i),
        before: { status: 'POOR', note: '演练' },
        after: { status: 'EXITED', note: `第${i}户` },
        reason: i % 2 ? '核对' : null,
      })),
    );
    const before = await fingerprint(source.owner.db);

    const file = path.join(folder, 'gongjian.dump');
    let started = performance.now();
    backUpPostgres(source.ownerUrl, file);
    const backupMs = performance.now() - started;

    const restored = await database('gongjian_restored');
    started = performance.now();
    await restorePostgres(file, restored.ownerUrl, 'gongjian_app');
    const restoreMs = performance.now() - started;
    const after = await fingerprint(restored.owner.db);

    const rows = Object.values(after.rowCounts).reduce((a, b) => a + b, 0);
    console.log(
      `PostgreSQL drill: backup ${backupMs.toFixed(0)} ms (${statSync(file).size} bytes), restore ${restoreMs.toFixed(0)} ms, ` +
        `${Object.keys(after.rowCounts).length} tables, ${rows} rows, audit log ${after.rowCounts['public.audit_log']} rows md5 ${after.auditLogMd5}`,
      JSON.stringify(after.rowCounts),
    );
    expect(after).toEqual(before);
    expect(after.rowCounts['public.audit_log']).toBe(40);
    expect(after.rowCounts['public.households']).toBeGreaterThan(0);
    expect(await auditLogExposure(restored.app.db)).toEqual([]);
    const ownerDelete = await restored.owner.db.execute(sql`delete from audit_log`).then(
      () => 'accepted',
      (error: { cause?: Error }) => error.cause?.message,
    );
    expect(ownerDelete).toBe('audit_log is append-only (DELETE refused)');
  });
});
