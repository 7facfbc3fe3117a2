import type { DbExecutor } from '@gongjian/db';
import { tasks } from '@gongjian/db/schema';
import { type Task as RuleTask, rollUpProgress } from '@gongjian/rules';
import { eq, or, sql } from 'drizzle-orm';

/**
 * One task tree, loaded under a lock on its top task. Every write that changes a tree (decompose, report,
 * complete) takes that lock first, so concurrent writers in one tree run one after another and each
 * rolls up from committed rows; the guarded `version` update then tells a stale writer it lost.
 */

export interface TreeRow {
  id: number;
  parentId: number | null;
  levelId: string;
  regionId: number;
  responsibleUnitId: number;
  responsiblePersonId: number;
  deadline: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';
  progress: number;
  version: number;
}

export async function lockAndLoadTree(tx: DbExecutor, rootId: number): Promise<TreeRow[]> {
  await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, rootId)).for('update');
  return await tx
    .select({
      id: tasks.id,
      parentId: tasks.parentId,
      levelId: tasks.levelId,
      regionId: tasks.regionId,
      responsibleUnitId: tasks.responsibleUnitId,
      responsiblePersonId: tasks.responsiblePersonId,
      deadline: tasks.deadline,
      status: tasks.status,
      progress: tasks.progress,
      version: tasks.version,
    })
    .from(tasks)
    .where(or(eq(tasks.id, rootId), eq(tasks.rootId, rootId)));
}

export function toRuleTask(row: TreeRow): RuleTask {
  return {
    id: String(row.id),
    parentId: row.parentId === null ? null : String(row.parentId),
    levelId: row.levelId,
    regionId: String(row.regionId),
    responsibleUnit: String(row.responsibleUnitId),
    responsiblePerson: String(row.responsiblePersonId),
    deadline: row.deadline,
    status: row.status,
    progressPercent: row.progress,
  };
}

export const hasChildren = (rows: readonly TreeRow[], id: number) => rows.some((row) => row.parentId === id);

/**
 * Writes the derived state of every task with children: its progress is the rules' roll-up of its
 * children; it is IN_PROGRESS once any task below it has started, NOT_STARTED before, and stays DONE
 * once completed. Only rows that change are written, in one statement. `rows` is the tree as it stands
 * after the caller's own change.
 */
export async function writeRollUp(tx: DbExecutor, rows: readonly TreeRow[]) {
  const progressById = new Map(
    rollUpProgress(rows.map(toRuleTask)).map((p) => [Number(p.taskId), p.percent]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const started = new Set<number>();
  for (const row of rows) {
    if (row.status === 'NOT_STARTED') continue;
    for (let id = row.parentId; id !== null && !started.has(id); id = byId.get(id)?.parentId ?? null)
      started.add(id);
  }
  const changes = rows
    .filter((row) => hasChildren(rows, row.id) && row.status !== 'DONE')
    .map((row) => ({
      row,
      progress: progressById.get(row.id)!,
      status: started.has(row.id) ? ('IN_PROGRESS' as const) : ('NOT_STARTED' as const),
    }))
    .filter(({ row, progress, status }) => row.progress !== progress || row.status !== status);
  if (changes.length === 0) return;
  const values = sql.join(
    changes.map(
      ({ row, progress, status }) => sql`(${row.id}::int, ${progress}::int, ${status}::task_status)`,
    ),
    sql`, `,
  );
  await tx.execute(
    sql`update ${tasks} as t set progress = v.progress, status = v.status, updated_at = now()
        from (values ${values}) as v(id, progress, status) where t.id = v.id`,
  );
}
