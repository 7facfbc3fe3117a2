import { sql } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import { DEMO_DATE, type SeededCounty } from '../demo-step';

/**
 * 任务状态变更记录 of the demo, after every step that made tasks: a task begun or done was begun thirty days
 * before it was done, or before the article's day if it is still open, and done when completed. So on the
 * article's day a task reads as its record says, and on earlier days as not yet begun.
 */
export async function seedTaskStatusHistory(db: DbExecutor, county: SeededCounty) {
  const articleDay = `${DEMO_DATE}T16:30:00+08:00`;
  await db.execute(sql`
    insert into task_status_changes (county_id, region_path, task_id, status, changed_at)
    select county_id, region_path, id, 'IN_PROGRESS'::task_status,
      least(coalesce(completed_at, ${articleDay}::timestamptz), ${articleDay}::timestamptz) - interval '30 days'
    from tasks where county_id = ${county.countyId} and status <> 'NOT_STARTED'
    union all
    select county_id, region_path, id, 'DONE'::task_status, completed_at
    from tasks where county_id = ${county.countyId} and status = 'DONE'`);
}
