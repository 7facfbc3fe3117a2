import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../src/client';
import { cadres, regions, units, users } from '../src/schema/index';
import { DEMO_ACCOUNTS, seedJianghua } from '../src/seed/jianghua';

let handle: DbHandle;
beforeAll(async () => {
  handle = createDb({});
  await handle.migrate();
  expect(await handle.db.transaction((tx) => seedJianghua(tx))).toBe(true);
});
afterAll(() => handle.close());

describe('the Jianghua demo county', () => {
  it('reproduces the article: 304 villages with poor residents, 112 of them poor villages, 130 backing units', async () => {
    const count = (where: ReturnType<typeof sql>) => handle.db.$count(regions, where);
    expect(await count(sql`level = 'VILLAGE'`)).toBe(304);
    expect(await count(sql`village_kind = 'POOR_VILLAGE'`)).toBe(112);
    expect(await count(sql`village_kind = 'NON_POOR_WITH_POOR'`)).toBe(192);
    expect(await count(sql`level = 'TOWNSHIP'`)).toBe(22);
    expect(await handle.db.$count(units, sql`kind = 'BACKING_UNIT'`)).toBe(130);
  });

  it('gives every township one work station with 2 to 5 staff', async () => {
    const stations = await handle.db.query.units.findMany({
      where: { kind: 'WORK_STATION' },
      with: { cadres: true },
    });
    expect(stations).toHaveLength(22);
    for (const station of stations) {
      expect(station.cadres.length).toBeGreaterThanOrEqual(2);
      expect(station.cadres.length).toBeLessThanOrEqual(5);
    }
  });

  it('keeps every region path equal to its parent path plus its own id', async () => {
    const broken = await handle.db.$count(
      regions,
      sql`parent_id is not null and region_path <> (select p.region_path from regions p where p.id = regions.parent_id) || id || '/'`,
    );
    expect(broken).toBe(0);
    const strayCadres = await handle.db.$count(
      cadres,
      sql`region_path <> (select u.region_path from units u where u.id = cadres.unit_id)`,
    );
    expect(strayCadres).toBe(0);
  });

  it('has one demo account per role, with an argon2id hash, never the plain password', async () => {
    const rows = await handle.db.select().from(users);
    expect(rows.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    for (const user of rows) expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('is deterministic and loads only once', async () => {
    expect(await handle.db.transaction((tx) => seedJianghua(tx))).toBe(false);
    const other = createDb({});
    await other.migrate();
    await other.db.transaction((tx) => seedJianghua(tx));
    const names = (db: DbHandle) =>
      db.db.query.regions.findMany({
        columns: { name: true, code: true },
        where: { level: 'VILLAGE' },
        orderBy: { code: 'asc' },
      });
    expect(await names(other)).toEqual(await names(handle));
    await other.close();
  });
});
