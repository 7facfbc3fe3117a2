import { auditLog, type DbExecutor } from '@gongjian/db';
import type { Viewer } from './context';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  regionPath?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Records a write in the append-only audit log; call it inside the write's own transaction. */
export async function writeAudit(tx: DbExecutor, viewer: Viewer | null, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    countyId: viewer?.countyId ?? null,
    actorUserId: viewer?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    regionPath: entry.regionPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}
