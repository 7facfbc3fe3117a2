import { eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import { hashPassword } from '../password';
import type { Role, UnitKind, VillageKind } from '../schema/index';
import { cadres, regions, units, users } from '../schema/index';
import {
  CITY_BACKING_UNITS,
  COUNTY_BACKING_UNITS,
  JIANGHUA_TOWNSHIPS,
  NATIONAL_BACKING_UNITS,
  PROVINCIAL_BACKING_UNITS,
  VILLAGE_NAME_HEADS,
  VILLAGE_NAME_TAILS,
} from './names';
import { mobilePhone, personName } from './people';
import { createRandom, type Random } from './random';
import { MECHANISM_STEPS } from './steps';

/** Local-only password of every demo account (documented in the README; never use outside a demo). */
export const DEMO_PASSWORD = 'Gongjian@2026';
export const JIANGHUA_COUNTY_CODE = '431129000000';

/** Figures from the article (see shared/seed): 112 poor villages + 192 non-poor villages with poor residents. */
export const JIANGHUA_FIGURES = {
  poorVillages: 112,
  nonPoorVillagesWithPoor: 192,
  backingUnits: 130,
} as const;

export interface SeededCounty {
  countyId: number;
  countyPath: string;
  townships: { id: number; name: string; regionPath: string }[];
  villages: { id: number; townshipId: number; name: string; regionPath: string; kind: VillageKind }[];
}

/** One statement per level: a region's path is its parent's path followed by its own id. */
async function setPathsFromParents(db: DbExecutor, level: 'TOWNSHIP' | 'VILLAGE') {
  await db.execute(
    sql`update ${regions} as r set region_path = p.region_path || r.id || '/' from ${regions} as p
        where r.parent_id = p.id and r.level = ${level}`,
  );
}

async function seedGeography(db: DbExecutor, random: Random): Promise<SeededCounty> {
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

async function seedOrganisation(db: DbExecutor, random: Random, county: SeededCounty) {
  const { countyId, countyPath } = county;
  const countyUnit = (
    name: string,
    kind: UnitKind,
    backingLevel: 'NATIONAL' | 'PROVINCIAL' | 'CITY' | 'COUNTY' | null,
  ) => ({
    countyId,
    regionId: countyId,
    regionPath: countyPath,
    name,
    kind,
    backingLevel,
  });
  const unitValues = [
    countyUnit('江华瑶族自治县委县政府领导班子', 'COUNTY_LEADERSHIP', null),
    ...NATIONAL_BACKING_UNITS.map((n) => countyUnit(n, 'BACKING_UNIT', 'NATIONAL')),
    ...PROVINCIAL_BACKING_UNITS.map((n) => countyUnit(n, 'BACKING_UNIT', 'PROVINCIAL')),
    ...CITY_BACKING_UNITS.map((n) => countyUnit(n, 'BACKING_UNIT', 'CITY')),
    ...COUNTY_BACKING_UNITS.map((n) =>
      countyUnit(`江华瑶族自治县${n.replace(/^县/, '')}`, 'BACKING_UNIT', 'COUNTY'),
    ),
    ...county.townships.flatMap((t) => [
      {
        countyId,
        regionId: t.id,
        regionPath: t.regionPath,
        name: `${t.name}人民政府`,
        kind: 'TOWNSHIP_GOVERNMENT' as const,
        backingLevel: null,
      },
      {
        countyId,
        regionId: t.id,
        regionPath: t.regionPath,
        name: `${t.name}扶贫工作站`,
        kind: 'WORK_STATION' as const,
        backingLevel: null,
      },
    ]),
    ...county.villages.map((v) => ({
      countyId,
      regionId: v.id,
      regionPath: v.regionPath,
      name: `${county.townships.find((t) => t.id === v.townshipId)!.name}${v.name}村民委员会`,
      kind: 'VILLAGE_COMMITTEE' as const,
      backingLevel: null,
    })),
  ];
  const unitRows = await db.insert(units).values(unitValues).returning();

  const cadreValues: (typeof cadres.$inferInsert)[] = [];
  const leadership = unitRows.find((u) => u.kind === 'COUNTY_LEADERSHIP')!;
  const leaderPosts = [
    '县委书记(指挥长)',
    '县长(副指挥长)',
    '县委副书记(副指挥长)',
    '县委常委、常务副县长(副指挥长)',
    '副县长(副指挥长)',
  ];
  for (const post of leaderPosts) {
    cadreValues.push({
      countyId,
      regionPath: countyPath,
      unitId: leadership.id,
      name: personName(random),
      post,
      phone: mobilePhone(random),
    });
  }
  for (const unit of unitRows) {
    if (unit.kind === 'WORK_STATION') {
      const staff = random.int(2, 5);
      for (let i = 0; i < staff; i++) {
        cadreValues.push({
          countyId,
          regionPath: unit.regionPath,
          unitId: unit.id,
          name: personName(random),
          post: i === 0 ? '扶贫工作站站长' : '扶贫专干',
          phone: mobilePhone(random),
        });
      }
    } else if (unit.kind === 'TOWNSHIP_GOVERNMENT') {
      for (const post of ['乡镇党委书记', '乡镇长']) {
        cadreValues.push({
          countyId,
          regionPath: unit.regionPath,
          unitId: unit.id,
          name: personName(random),
          post,
          phone: mobilePhone(random),
        });
      }
    } else if (unit.kind === 'VILLAGE_COMMITTEE') {
      cadreValues.push({
        countyId,
        regionPath: unit.regionPath,
        unitId: unit.id,
        name: personName(random),
        post: '村党支部书记',
        phone: mobilePhone(random),
      });
    } else if (unit.kind === 'BACKING_UNIT') {
      cadreValues.push({
        countyId,
        regionPath: unit.regionPath,
        unitId: unit.id,
        name: personName(random),
        post: '扶贫联络员',
        phone: mobilePhone(random),
      });
    }
  }
  const cadreRows = await db.insert(cadres).values(cadreValues).returning();
  return { unitRows, cadreRows };
}

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: 'county' | 'township' | 'village';
  mayUnmask?: boolean;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    displayName: '县级管理员',
    roles: ['COUNTY_ADMIN'],
    jurisdiction: 'county',
    mayUnmask: true,
  },
  {
    username: 'township',
    displayName: '沱江镇扶贫专干',
    roles: ['TOWNSHIP_CLERK'],
    jurisdiction: 'township',
  },
  { username: 'village', displayName: '村级扶贫专干', roles: ['VILLAGE_CLERK'], jurisdiction: 'village' },
  { username: 'helper', displayName: '结对帮扶责任人', roles: ['HELPER'], jurisdiction: 'village' },
  {
    username: 'supervisor',
    displayName: '县脱贫攻坚督导组',
    roles: ['SUPERVISOR'],
    jurisdiction: 'county',
    mayUnmask: true,
  },
  { username: 'auditor', displayName: '县审计局审计员', roles: ['AUDITOR'], jurisdiction: 'county' },
  { username: 'leader', displayName: '县领导', roles: ['LEADER'], jurisdiction: 'county' },
  { username: 'developer', displayName: '系统开发者', roles: ['DEVELOPER'], jurisdiction: 'county' },
];

async function seedUsers(db: DbExecutor, county: SeededCounty) {
  const township = county.townships[0]!;
  const village = county.villages.find((v) => v.townshipId === township.id)!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const scope = {
    county: { id: county.countyId, regionPath: county.countyPath },
    township: { id: township.id, regionPath: township.regionPath },
    village: { id: village.id, regionPath: village.regionPath },
  };
  await db.insert(users).values(
    DEMO_ACCOUNTS.map((a) => ({
      countyId: county.countyId,
      jurisdictionId: scope[a.jurisdiction].id,
      regionPath: scope[a.jurisdiction].regionPath,
      username: a.username,
      displayName: a.displayName,
      passwordHash,
      roles: a.roles,
      mayUnmask: a.mayUnmask ?? false,
    })),
  );
}

/** Loads the Jianghua demo county unless it is already there. Returns true when it seeded. */
export async function seedJianghua(db: DbExecutor, seed = 20190911): Promise<boolean> {
  const existing = await db.query.regions.findFirst({ where: { code: JIANGHUA_COUNTY_CODE } });
  if (existing) return false;
  const random = createRandom(seed);
  const county = await seedGeography(db, random);
  await seedOrganisation(db, random, county);
  await seedUsers(db, county);
  for (const step of MECHANISM_STEPS) await step(db, county, random);
  return true;
}
