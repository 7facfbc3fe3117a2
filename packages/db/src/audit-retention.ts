import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { auditLog } from './schema/index';

/** MLPS 2.0 level 3 (GB/T 22239-2019, 8.1.4.3): audit records are kept for at least six months. */
export const MINIMUM_AUDIT_RETENTION_MONTHS = 6;
export const DEFAULT_AUDIT_RETENTION_MONTHS = 36;

/** The retention setting (GONGJIAN_AUDIT_RETENTION_MONTHS), refused below the minimum. */
export function auditRetentionMonths(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_AUDIT_RETENTION_MONTHS;
  const months = Number(raw);
  if (!Number.isInteger(months) || months < MINIMUM_AUDIT_RETENTION_MONTHS)
    throw new Error(
      `GONGJIAN_AUDIT_RETENTION_MONTHS 须为不小于 ${MINIMUM_AUDIT_RETENTION_MONTHS} 的整数 (等保三级: 审计记录保存不少于6个月), got "${raw}"`,
    );
  return months;
}

/**
 * Deletes audit rows older than the retention period, and records the purge in the log. The append-only
 * triggers are lifted inside this one transaction only, which needs the table's owner: the application role
 * cannot run it (decision 0011).
 */
export async function purgeAuditLog(db: Database, months: number): Promise<{ purged: number }> {
  if (!Number.isInteger(months) || months < MINIMUM_AUDIT_RETENTION_MONTHS)
    throw new Error(`保存期限不能少于 ${MINIMUM_AUDIT_RETENTION_MONTHS} 个月`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    const purged = await tx
      .delete(auditLog)
      .where(sql`${auditLog.occurredAt} < now() - make_interval(months => ${months})`)
      .returning({ id: auditLog.id });
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    await tx.insert(auditLog).values({
      action: 'audit-log.purge',
      entityType: 'AuditLog',
      after: { purged: purged.length, retentionMonths: months },
    });
    return { purged: purged.length };
  });
}
