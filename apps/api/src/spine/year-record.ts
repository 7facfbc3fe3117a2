import type { DbExecutor } from '@gongjian/db';
import { writeAudit } from '../audit';
import type { Context } from '../context';
import { ValidationError } from '../errors';
import { conflictOrMissing } from './write';

interface YearRecordSave<Row extends { id: number; version: number }> {
  household: { id: number; countyId: number; regionPath: string };
  year: number;
  /** The version the editor read; required when the year is already recorded. */
  version: number | null | undefined;
  label: string;
  entityType: string;
  auditPrefix: string;
  find: () => Promise<Row | undefined>;
  update: (existing: Row, version: number) => Promise<Row[]>;
  insert: () => Promise<Row[]>;
}

export const householdKeys = (household: { id: number; countyId: number; regionPath: string }) => ({
  countyId: household.countyId,
  regionPath: household.regionPath,
  householdId: household.id,
});

/**
 * One record per household and year (incomes, guarantee checks): inserts the first, edits later ones only at
 * the version the editor read (a concurrent insert or edit is a conflict), and audits the write.
 */
export async function saveYearRecord<Row extends { id: number; version: number }>(
  tx: DbExecutor,
  ctx: Context,
  save: YearRecordSave<Row>,
): Promise<number> {
  const existing = await save.find();
  if (existing && save.version == null) {
    throw ValidationError.field('version', `${save.year} 年${save.label}已登记, 修改时请提供版本号`);
  }
  const [written] = existing ? await save.update(existing, save.version!) : await save.insert();
  if (!written) conflictOrMissing(existing ?? (await save.find()), save.label, save.household.id);
  await writeAudit(tx, ctx.viewer, {
    action: `${save.auditPrefix}.${existing ? 'update' : 'create'}`,
    entityType: save.entityType,
    entityId: written.id,
    regionPath: save.household.regionPath,
    before: existing ?? null,
    after: written,
  });
  return written.id;
}
