import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import { regions, type VillageKind } from '../../schema/index';
import type { SeededCounty } from '../demo-step';
import type { Random } from '../random';
import { JIANGHUA_TOWNSHIPS, VILLAGE_NAME_HEADS, VILLAGE_NAME_TAILS } from './names';

export const JIANGHUA_COUNTY_CODE = '431129000000';

/** Figures from the article (see shared/seed): 112 poor villages + 192 non-poor villages with poor residents. */
export const JIANGHUA_FIGURES = {
  poorVillages: 112,
  nonPoorVillagesWithPoor: 192,
  backingUnits: 130,
} as const;

/** One statement per level: a region's path is its parent's path followed by its own id. */
async function setPathsFromParents(db: DbExecutor, level: 'TOWNSHIP' | 'VILLAGE') {
  await db.execute(
    sql`update ${regions} as r set region_path = p.region_path || r.id || '/' from ${regions} as p
        where r.parent_id = p.id and r.level = ${level}`,
  );
}

export async function seedGeography(db: DbExecutor, random: Random): Promise<SeededCounty> {
  const [province] = await db
    .insert(regions)
    .values({ level: 'PROVINCE', code: '430000000000', name: '湖南省', regionPath: '/pending-province/' })
    .returning();
  const provincePath = `/${province!.id}/`;
  await db.update(regions).set({ regionPath: provincePath }).where(eq(regions.id, province!.id));
  const [city] = await db
    .insert(regions)
    .values({
      level: 'CITY',
      code: '431100000000',
      name: '永州市',
      parentId: province!.id,
      regionPath: '/pending-city/',
    })
    .returning();
  const cityPath = `${provincePath}${city!.id}/`;
  await db.update(regions).set({ regionPath: cityPath }).where(eq(regions.id, city!.id));
  const [county] = await db
    .insert(regions)
    .values({
      level: 'COUNTY',
      code: JIANGHUA_COUNTY_CODE,
      name: '江华瑶族自治县',
      parentId: city!.id,
      regionPath: '/pending-county/',
    })
    .returning();
  const countyId = county!.id;
  const countyPath = `${cityPath}${countyId}/`;
  await db.update(regions).set({ regionPath: countyPath, countyId }).where(eq(regions.id, countyId));

  const townshipRows = await db
    .insert(regions)
    .values(
      JIANGHUA_TOWNSHIPS.map((name, index) => ({
        level: 'TOWNSHIP' as const,
        code: `431129${String(100 + index).padStart(3, '0')}000`,
        name,
        countyId,
        parentId: countyId,
        sortOrder: index,
        regionPath: `/pending-township-${index}/`,
      })),
    )
    .returning();
  const townships = townshipRows.map((t) => ({
    id: t.id,
    name: t.name,
    regionPath: `${countyPath}${t.id}/`,
  }));
  await setPathsFromParents(db, 'TOWNSHIP');

  // 304 villages spread over the townships (at least 8 each), 112 of them poor villages.
  const totalVillages = JIANGHUA_FIGURES.poorVillages + JIANGHUA_FIGURES.nonPoorVillagesWithPoor;
  const perTownship = townships.map(() => 8);
  for (let extra = totalVillages - 8 * townships.length; extra > 0; extra--) {
    perTownship[random.int(0, townships.length - 1)]! += 1;
  }
  const kinds: VillageKind[] = random.shuffle([
    ...Array<VillageKind>(JIANGHUA_FIGURES.poorVillages).fill('POOR_VILLAGE'),
    ...Array<VillageKind>(JIANGHUA_FIGURES.nonPoorVillagesWithPoor).fill('NON_POOR_WITH_POOR'),
  ]);
  const usedNames = new Set<string>();
  const villageValues = townships.flatMap((township, townshipIndex) =>
    Array.from({ length: perTownship[townshipIndex]! }, (_, index) => {
      let name: string;
      do {
        name = `${random.pick(VILLAGE_NAME_HEADS)}${random.pick(VILLAGE_NAME_TAILS)}村`;
      } while (usedNames.has(name));
      usedNames.add(name);
      return {
        level: 'VILLAGE' as const,
        code: `431129${String(100 + townshipIndex).padStart(3, '0')}${String(200 + index).padStart(3, '0')}`,
        name,
        countyId,
        parentId: township.id,
        sortOrder: index,
        villageKind: kinds.pop()!,
        regionPath: `/pending-village-${townshipIndex}-${index}/`,
      };
    }),
  );
  const villageRows = await db.insert(regions).values(villageValues).returning();
  const pathByTownship = new Map(townships.map((t) => [t.id, t.regionPath]));
  const villages = villageRows.map((v) => ({
    id: v.id,
    townshipId: v.parentId!,
    name: v.name,
    kind: v.villageKind!,
    regionPath: `${pathByTownship.get(v.parentId!)}${v.id}/`,
  }));
  await setPathsFromParents(db, 'VILLAGE');
  return { countyId, countyPath, townships, villages };
}
