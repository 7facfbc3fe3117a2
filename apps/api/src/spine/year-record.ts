import { and, eq, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Context } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { updateAtVersion, writeAudited } from './write';

type YearTable = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  householdId: PgColumn;
  year: PgColumn;
};

interface YearRecordSave<T extends YearTable> {
  household: { id: number; countyId: number; regionPath: string };
  year: number;
  /** The version the editor read; required when the year is already recorded. */
  version: number | null | undefined;
  label: string;
  entityType: string;
  auditPrefix: string;
  /** The record's own columns (not the household keys or the year). */
  row: PgUpdateSetSource<T>;
}

/**
 * Write, for records kept once per household and year (incomes, guarantee checks): inserts the first, edits
 * a later one only at the version the editor read (a concurrent insert or edit is a CONFLICT), and audits
 * the write in the same transaction. Three statements: find, write, audit.
 */
export async function saveYearRecord<T extends YearTable>(
  ctx: Context,
  table: T,
  save: YearRecordSave<T>,
): Promise<number> {
  const { household, year } = save;
  return writeAudited(ctx, async (tx) => {
    const sameYear = and(eq(table.householdId, household.id), eq(table.year, year));
    const [existing] = (await tx
      .select()
      .from(table as PgTable)
      .where(sameYear)) as (InferSelectModel<T> & { id: number; version: number })[];
    if (existing && save.version == null)
      throw ValidationError.field('version', `${year} 年${save.label}已登记, 修改时请提供版本号`);
    const keys = {
      countyId: household.countyId,
      regionPath: household.regionPath,
      householdId: household.id,
    };
    const written = existing
      ? await updateAtVersion(
          tx,
          table,
          { id: existing.id, version: save.version!, entity: save.label },
          save.row,
        )
      : (
          (await tx
            .insert(table)
            .values({ ...keys, year, ...save.row } as never)
            .onConflictDoNothing()
            .returning()) as InferSelectModel<T>[]
        )[0];
    if (!written) {
      const [current] = (await tx
        .select()
        .from(table as PgTable)
        .where(sameYear)) as { version: number }[];
      throw new ConflictError(current?.version ?? null);
    }
    const id = (written as { id: number }).id;
    const audit = { entityType: save.entityType, entityId: id, regionPath: household.regionPath };
    const action = `${save.auditPrefix}.${existing ? 'update' : 'create'}`;
    return { id, audit: { ...audit, action, before: existing ?? null, after: written } };
  });
}
