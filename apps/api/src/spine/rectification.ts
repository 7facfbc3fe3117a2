import type { Transaction } from '@gongjian/db';
import { tasks } from '@gongjian/db/schema';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Context } from '../context';
import { ValidationError } from '../errors';
import { clock } from '../policy';
import { referencedRow } from './load';
import { updateAtVersion, writeAudited } from './write';

/**
 * A finding (审计发现, 督查发现问题) is rectified by a task of the task tree: the task opens in the finding's own
 * transaction, at the level of the responsible unit, and the finding closes (销号) only once the task is done.
 */

const LEVEL_OF_UNIT: Record<string, string> = {
  COUNTY_LEADERSHIP: 'COUNTY_LEADER',
  COUNTY_DEPARTMENT: 'COUNTY_DEPARTMENT',
  BACKING_UNIT: 'COUNTY_DEPARTMENT',
  TOWNSHIP_GOVERNMENT: 'TOWNSHIP',
  WORK_STATION: 'TOWNSHIP',
  VILLAGE_COMMITTEE: 'VILLAGE',
};

type GlobalId = { id: number | string };

export interface RectifierInput {
  responsibleUnitId: GlobalId;
  responsiblePersonId: GlobalId;
}

/** 整改责任人 and 整改责任单位: the cadre must exist, belong to the unit and serve in the finding's county. */
export async function loadRectifier(ctx: Context, input: RectifierInput) {
  const personId = Number(input.responsiblePersonId.id);
  const unitId = Number(input.responsibleUnitId.id);
  const cadre = referencedRow(
    await ctx.db.query.cadres.findFirst({
      where: { id: personId },
      with: { unit: { columns: { kind: true } } },
    }),
    { entity: '干部', argument: 'responsiblePersonId', id: personId },
  );
  return {
    personId,
    unitId,
    countyId: cadre.countyId,
    belongs: cadre.unitId === unitId,
    unitKind: cadre.unit.kind,
  };
}

export type Rectifier = Awaited<ReturnType<typeof loadRectifier>>;

/** The checks every finding shares: who rectifies, and a found-on day not in the future and not after the deadline. */
export function checkRectification(
  rectifier: Rectifier,
  finding: { countyId: number; foundOn: string; deadline: string; foundOnLabel: string },
) {
  if (!rectifier.belongs) throw ValidationError.field('responsiblePersonId', '整改责任人不属于该责任单位');
  if (rectifier.countyId !== finding.countyId)
    throw ValidationError.field('responsibleUnitId', '责任单位不在本县');
  if (finding.foundOn > clock.today())
    throw ValidationError.field('foundOn', `日期不能晚于今天 (${clock.today()})`);
  if (finding.deadline < finding.foundOn)
    throw ValidationError.field('deadline', `整改时限不能早于${finding.foundOnLabel}`);
}

export interface RectificationTask {
  countyId: number;
  regionPath: string;
  regionId: number;
  title: string;
  sourceKind: 'AUDIT_FINDING' | 'INSPECTION_FINDING';
  findingReference: string;
  combatGroupId?: number | null;
  /** The level when the unit's kind names none. */
  fallbackLevel: string;
  deadline: string;
}

/** Opens the rectification task inside the finding's transaction and returns its id. */
export async function openRectificationTask(tx: Transaction, rectifier: Rectifier, task: RectificationTask) {
  const { fallbackLevel, title, ...values } = task;
  const [created] = await tx
    .insert(tasks)
    .values({
      ...values,
      title: title.slice(0, 200),
      levelId: LEVEL_OF_UNIT[rectifier.unitKind] ?? fallbackLevel,
      responsibleUnitId: rectifier.unitId,
      responsiblePersonId: rectifier.personId,
    })
    .returning({ id: tasks.id });
  return created!.id;
}

type FindingTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; status: PgColumn };

/** 销号: the open finding becomes CLOSED at its version, audited, in one transaction. */
export function closeFinding<T extends FindingTable>(
  ctx: Context,
  table: T,
  finding: { id: number; version: number; regionPath: string; status: string },
  names: { entity: string; action: string; entityType: string },
) {
  return writeAudited(ctx, async (tx) => {
    await updateAtVersion(
      tx,
      table,
      { id: finding.id, version: finding.version, entity: names.entity, still: eq(table.status, 'OPEN') },
      { status: 'CLOSED', closedAt: clock.now().toISOString() } as PgUpdateSetSource<T>,
    );
    return {
      id: finding.id,
      audit: {
        action: names.action,
        entityType: names.entityType,
        entityId: finding.id,
        regionPath: finding.regionPath,
        before: { status: finding.status },
        after: { status: 'CLOSED' },
      },
    };
  });
}
