// pnpm db:audit-purge: deletes audit rows older than GONGJIAN_AUDIT_RETENTION_MONTHS (default 36, at least 6),
// as the schema owner (DATABASE_MIGRATION_URL, else DATABASE_URL; without either the embedded PGlite folder).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditRetentionMonths, purgeAuditLog } from './audit-retention';
import { createDb } from './client';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(
  process.env.INIT_CWD ?? process.cwd(),
  process.env.GONGJIAN_DATA_DIR ?? path.join(repoRoot, '.data'),
);
const months = auditRetentionMonths(process.env.GONGJIAN_AUDIT_RETENTION_MONTHS);
const handle = createDb(url ? { databaseUrl: url } : { dataDir });
try {
  const { purged } = await purgeAuditLog(handle.db, months);
  console.log(`审计日志清理完成 (audit log purged): ${purged} rows older than ${months} months`);
} finally {
  await handle.close();
}
