import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backUpPglite,
  backUpPgliteInstance,
  type Fingerprint,
  fingerprint,
  restorePglite,
} from '../src/backup';
import { createDb } from '../src/client';
import { auditLog } from '../src/schema/index';
import { seedJianghua } from '../src/seed/jianghua';

/** The backup drill on the embedded database: the test county's data folder, backed up and restored. */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
let folder: string;
let source: string;
let before: Fingerprint;

beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS ??= '1500';
  folder = mkdtempSync(path.join(tmpdir(), 'gongjian-pglite-backup-'));
  source = path.join(folder, 'data');
  // Seeding straight into a folder is slow (every write goes through the WASM file system), so the county
  // is seeded in memory and its image unpacked into the folder the drill then backs up.
  const pglite = new PGlite();
  const handle = createDb({ pglite });
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx));
  await handle.db.insert(auditLog).values(
    Array.from({ length: 40 }, (_, i) => ({
      action: 'drill.write',
      entityType: 'Household',
      entityId: String(i),
      after: { note: `第${i}户` },
    })),
  );
  before = await fingerprint(handle.db);
  await backUpPgliteInstance(pglite, path.join(folder, 'seeded.tar.gz'));
  await handle.close();
  await restorePglite(path.join(folder, 'seeded.tar.gz'), source);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the documented command (`pnpm db:backup` / `pnpm db:restore`) in a process of its own. */
function cli(args: string[], dataDir: string): { ms: number; printed: Fingerprint } {
  const started = performance.now();
  const out = execFileSync(path.join(packageRoot, 'node_modules/.bin/tsx'), ['src/backup-cli.ts', ...args], {
    cwd: packageRoot,
    env: { ...process.env, GONGJIAN_DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_MIGRATION_URL: '' },
    encoding: 'utf8',
  });
  const line = out.split('\n').find((l) => l.startsWith('fingerprint '))!;
  return { ms: performance.now() - started, printed: JSON.parse(line.slice('fingerprint '.length)) };
}

describe('backup and restore of the embedded database', () => {
  it('a restored data folder has every table’s rows and the same audit log checksum', async () => {
    const file = path.join(folder, 'backup.tar.gz');
    const backup = cli(['backup', file], source);
    const restored = path.join(folder, 'restored');
    const restore = cli(['restore', file, restored], source);
    const after = restore.printed;
    const rows = Object.values(after.rowCounts).reduce((a, b) => a + b, 0);
    console.log(
      `PGlite drill: backup ${backup.ms.toFixed(0)} ms (${statSync(file).size} bytes), restore and compare ${restore.ms.toFixed(0)} ms, ` +
        `${Object.keys(after.rowCounts).length} tables, ${rows} rows, audit log ${after.rowCounts['public.audit_log']} rows md5 ${after.auditLogMd5}`,
    );
    expect(backup.printed).toEqual(before);
    expect(after).toEqual(before);
    expect(after.rowCounts['public.audit_log']).toBe(40);
    expect(after.rowCounts['public.households']).toBeGreaterThan(0);
  });

  it('refuses to back up a data folder the API has open, and to restore over existing data', async () => {
    const open = createDb({ dataDir: source });
    await open.db.$count(auditLog);
    await expect(backUpPglite(source, path.join(folder, 'torn.tar.gz'))).rejects.toThrow(/postmaster\.pid/);
    await open.close();
    await expect(restorePglite(path.join(folder, 'backup.tar.gz'), source)).rejects.toThrow(/不是空目录/);
  });
});
