import type { DbExecutor } from '@gongjian/db';
import { sql } from 'drizzle-orm';

/**
 * 任务状态变更记录: after a status write, in its transaction, appends each named task's stored status unless it
 * is already the task's last recorded one (a task never recorded counts as not started), so a retried or
 * unchanged write adds nothing.
 */
export async function appendTaskStatus(tx: DbExecutor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return;
  const ids = sql.join(
    taskIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into task_status_changes (county_id, region_path, task_id, status, changed_at)
    select t.county_id, t.region_path, t.id, t.status, now() from tasks t
    where t.id in (${ids}) and t.status <> coalesce(
      (select h.status from task_status_changes h where h.task_id = t.id
        order by h.changed_at desc, h.id desc limit 1), 'NOT_STARTED')`);
}
