import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle, rowsOf } from '../src/client';
import { seedJianghua } from '../src/seed/jianghua';

const LOADED_AT = new Date('2026-12-20T10:00:00+08:00');
let handle: DbHandle;
beforeAll(async () => {
  process.env.GONGJIAN_DEMO_HOUSEHOLDS = '1500';
  handle = createDb({});
  await handle.migrate();
  await handle.db.transaction((tx) => seedJianghua(tx, undefined, LOADED_AT));
}, 120_000);
afterAll(() => handle.close());

const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await handle.db.execute(query))[0]!;

describe('the demo assistance data', () => {
  it('has the article’s 347 team members in the 112 poor villages and 358 in the 192 others', async () => {
    const row = await one<{ poor: number; other: number; teams: number }>(sql`
      select count(*) filter (where r.village_kind = 'POOR_VILLAGE')::int as poor,
             count(*) filter (where r.village_kind <> 'POOR_VILLAGE')::int as other,
             count(distinct t.id)::int as teams
      from work_team_members m join work_teams t on t.id = m.work_team_id join regions r on r.id = t.village_id`);
    expect(row).toEqual({ poor: 347, other: 358, teams: 304 });
  });

  it('pairs every registered and edge household with one helper, none with more than 5', async () => {
    const row = await one<{ unpaired: number; maxLoad: number }>(sql`
      select (select count(*) from households h where (h.status <> 'NON_POOR' or h.monitored)
                and not exists (select 1 from pairings p where p.household_id = h.id and p.end_date is null))::int as unpaired,
             (select max(n) from (select count(*) as n from pairings where end_date is null group by helper_id) l)::int as "maxLoad"`);
    expect(row.unpaired).toBe(0);
    expect(row.maxLoad).toBeLessThanOrEqual(5);
  });

  it('places visits in the three months up to the loading instant, some households short of 2 this month', async () => {
    const row = await one<{ first: string; future: number; short: number; paired: number }>(sql`
      select to_char(min(occurred_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as first,
             count(*) filter (where occurred_at > ${LOADED_AT.toISOString()}::timestamptz)::int as future,
             (select count(*) from pairings p where p.end_date is null and (select count(distinct (v.occurred_at at time zone 'Asia/Shanghai')::date)
                from visits v where v.pairing_id = p.id and v.occurred_at >= '2026-12-01T00:00:00+08:00') < 2)::int as short,
             (select count(*) from pairings where end_date is null)::int as paired
      from visits`);
    expect(row.first >= '2026-10-01').toBe(true);
    expect(row.future).toBe(0);
    expect(row.short).toBeGreaterThan(0);
    expect(row.short).toBeLessThan(row.paired);
  });

  it('refuses a sixth open pairing for one helper in the database itself', async () => {
    const full = await one<{ helper_id: number }>(sql`
      select helper_id from pairings where end_date is null group by helper_id order by count(*) desc limit 1`);
    const load = await one<{ n: number }>(
      sql`select count(*)::int as n from pairings where end_date is null and helper_id = ${full.helper_id}`,
    );
    const spare = await handle.db.execute(sql`
      select id, region_path from households h where not exists (select 1 from pairings p where p.household_id = h.id and p.end_date is null)
      limit ${6 - load.n}`);
    const insert = (h: { id: number; region_path: string }) =>
      handle.db.execute(sql`insert into pairings (county_id, region_path, helper_id, household_id, start_date)
        select county_id, region_path, ${full.helper_id}, id, '2026-12-01' from households where id = ${h.id}`);
    const rows = rowsOf<{ id: number; region_path: string }>(spare);
    for (const h of rows.slice(0, -1)) await insert(h);
    const refusal = await insert(rows.at(-1)!).then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(refusal).toMatch(/already has 5 open pairings \(cap 5\)/);
  });
});
