import type { DbExecutor, Transaction } from '@gongjian/db';
import { and, eq, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { type AuditEntry, writeAudit } from '../audit';
import type { Context } from '../context';
import { ConflictError, NotFoundError } from '../errors';

/** Zero rows from a guarded update: the row changed since it was read (conflict) or is gone. */
export function conflictOrMissing(
  current: { version: number } | undefined,
  entity: string,
  id: number,
): never {
  if (!current) throw new NotFoundError(entity, String(id));
  throw new ConflictError(current.version);
}

/**
 * Write: runs `work` in one transaction and records its audit row in the same transaction. `work` returns
 * the id to re-read and the audit entry.
 */
export async function writeAudited(
  ctx: Context,
  work: (tx: Transaction) => Promise<{ id: number; audit: AuditEntry }>,
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const { id, audit } = await work(tx);
    await writeAudit(tx, ctx.viewer, audit);
    return id;
  });
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** The columns every write of a versioned row sets: the next version and the time of the change. */
export const nextVersion = (table: { version: PgColumn }) => ({
  version: sql`${table.version} + 1`,
  updatedAt: sql`now()`,
});

export interface VersionGuard {
  id: number;
  /** The version the editor read. */
  version: number;
  entity: string;
  /** More conditions the row must still meet (a state, a step count); failing them is a conflict too. */
  still?: SQL;
  conflictMessage?: string;
}

/**
 * The version-guarded update: bumps the version, sets `updatedAt`, and returns the new row. Zero rows means
 * someone changed the row first: CONFLICT carrying the current version, or NOT_FOUND when it is gone.
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: DbExecutor,
  table: T,
  guard: VersionGuard,
  set: PgUpdateSetSource<T>,
): Promise<InferSelectModel<T>> {
  const [updated] = (await tx
    .update(table)
    .set({ ...set, ...nextVersion(table) } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, guard.id), eq(table.version, guard.version), guard.still))
    .returning()) as InferSelectModel<T>[];
  if (updated) return updated;
  const [current] = (await tx
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, guard.id))) as { version: number }[];
  if (!current) throw new NotFoundError(guard.entity, String(guard.id));
  throw new ConflictError(current.version, guard.conflictMessage);
}

/** Re-read: the written row through the Pothos `query`, so nested selections stay one statement. */
export async function reread<T>(row: Promise<T | undefined>, entity: string, id: number): Promise<T> {
  const found = await row;
  if (!found) throw new NotFoundError(entity, String(id));
  return found;
}

/**
 * What `writeAudited`'s work returns after changing one row: the row's id to re-read, and its audit entry
 * (`entityType` the GraphQL type, `action` e.g. `unit.create`, the change's before/after/reason).
 */
export function audited(
  entityType: string,
  action: string,
  row: { id: number; regionPath: string },
  change: Pick<AuditEntry, 'before' | 'after' | 'reason'>,
): { id: number; audit: AuditEntry } {
  return {
    id: row.id,
    audit: { action, entityType, entityId: row.id, regionPath: row.regionPath, ...change },
  };
}
