// pnpm db:backup [file] · pnpm db:restore <file> [target]
// PostgreSQL when DATABASE_MIGRATION_URL or DATABASE_URL is set (restore target: that database, which must
// be empty), else the embedded PGlite folder GONGJIAN_DATA_DIR (restore target: a new, empty folder).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  backUpPglite,
  backUpPostgres,
  type Fingerprint,
  fingerprint,
  restorePglite,
  restorePostgres,
} from './backup';
import { createDb } from './client';
import { roleOf } from './roles';

const [command, fileArgument, targetArgument] = process.argv.slice(2);
const here = process.env.INIT_CWD ?? process.cwd();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(here, process.env.GONGJIAN_DATA_DIR ?? path.join(repoRoot, '.data'));
const stamp = new Date().toISOString().replace(/[:.]/g, '-');

function summary(print: Fingerprint) {
  const counts = Object.values(print.rowCounts);
  const total = counts.reduce((a, b) => a + b, 0);
  return `${counts.length} tables, ${total} rows, audit log md5 ${print.auditLogMd5}\nfingerprint ${JSON.stringify(print)}`;
}

async function fingerprintOf(options: { databaseUrl?: string; dataDir?: string }) {
  const handle = createDb(options);
  try {
    return await fingerprint(handle.db);
  } finally {
    await handle.close();
  }
}

if (command === 'backup') {
  const file = path.resolve(
    here,
    fileArgument ?? path.join(repoRoot, 'backups', `gongjian-${stamp}.${url ? 'dump' : 'tar.gz'}`),
  );
  if (url) backUpPostgres(url, file);
  else await backUpPglite(dataDir, file);
  const print = await fingerprintOf(url ? { databaseUrl: url } : { dataDir });
  console.log(
    `备份完成 (backed up) ${url ? 'PostgreSQL' : `PGlite ${dataDir}`} → ${file}\n${summary(print)}`,
  );
} else if (command === 'restore' && fileArgument) {
  const file = path.resolve(here, fileArgument);
  if (url) {
    const target = targetArgument ?? url;
    const app = process.env.DATABASE_URL ? roleOf(process.env.DATABASE_URL) : undefined;
    await restorePostgres(file, target, app);
    console.log(
      `恢复完成 (restored) ${file} → PostgreSQL\n${summary(await fingerprintOf({ databaseUrl: target }))}`,
    );
  } else {
    const target = path.resolve(here, targetArgument ?? dataDir);
    await restorePglite(file, target);
    console.log(
      `恢复完成 (restored) ${file} → PGlite ${target}\n${summary(await fingerprintOf({ dataDir: target }))}`,
    );
  }
} else {
  console.error('usage: pnpm db:backup [file] | pnpm db:restore <file> [target folder or postgres:// URL]');
  process.exit(2);
}
