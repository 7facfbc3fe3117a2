import { addMonths, firstDayOfMonth, monthOf, shanghaiDate } from '@gongjian/rules';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  cadres,
  households,
  pairings,
  units,
  users,
  visits,
  workTeamMembers,
  workTeams,
} from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { DemoLoad, SeededCounty } from '../demo-step';
import { DEMO_REGISTERED_HOUSEHOLDS, demoHouseholdTarget } from '../identification/index';
import { mobilePhone, personName } from '../people';
import { createRandom, type Random, weighted } from '../random';
import { seedActivities } from './activities';
import { monthVisitDays, VISIT_NOTES } from './visits';

/**
 * Demo data of assistance (帮扶工作机制), from the article: 347 work-team members from the 130 backing
 * units in the 112 poor villages and 358 in the 192 other villages (fewer than 3 a village there: the
 * coverage report shows the breach); 8,996 helpers (cadres, teachers, doctors) paired with every
 * registered and edge household, at most 5 each (scaled with GONGJIAN_DEMO_HOUSEHOLDS); visits for the
 * three months up to the day the demo is loaded, some households short of 2 in the current month.
 */
export const ARTICLE_TEAM_MEMBERS = { poorVillages: 347, otherVillages: 358 } as const;
export const ARTICLE_HELPERS = 8_996;
const TEAM_START = '2018-03-01';

/** Members per team: `total` spread over `teams` as evenly as possible (the first teams take the extra). */
export function teamSizes(total: number, teams: number): number[] {
  return Array.from(
    { length: teams },
    (_, index) => Math.floor(total / teams) + (index < total % teams ? 1 : 0),
  );
}

type TenantRow = { id: number; countyId: number; regionPath: string };

function helperPost(random: Random) {
  return weighted(random, [
    ['帮扶干部', 70],
    ['教师', 18],
    ['医生', 12],
  ] as const);
}

async function seedWorkTeams(db: DbExecutor, county: SeededCounty, random: Random, backing: TenantRow[]) {
  const poor = county.villages.filter((v) => v.kind === 'POOR_VILLAGE');
  const other = county.villages.filter((v) => v.kind !== 'POOR_VILLAGE');
  const plan = [
    ...poor.map((village, index) => ({
      village,
      size: teamSizes(ARTICLE_TEAM_MEMBERS.poorVillages, poor.length)[index]!,
    })),
    ...other.map((village, index) => ({
      village,
      size: teamSizes(ARTICLE_TEAM_MEMBERS.otherVillages, other.length)[index]!,
    })),
  ];
  const teamRows = await bulkInsert<{ id: number }>(
    db,
    workTeams,
    plan.map(({ village }, index) => ({
      countyId: county.countyId,
      regionPath: village.regionPath,
      villageId: village.id,
      backingUnitId: backing[index % backing.length]!.id,
      startDate: TEAM_START,
    })),
    { returning: ['id'] },
  );
  const memberPlan = plan.flatMap(({ village, size }, teamIndex) =>
    Array.from({ length: size }, (_, memberIndex) => {
      const unit = backing[(teamIndex + memberIndex * 37) % backing.length]!;
      const role = memberIndex === 0 ? 'CAPTAIN' : memberIndex === 1 ? 'FIRST_SECRETARY' : 'MEMBER';
      return { village, teamId: teamRows[teamIndex]!.id, unit, role };
    }),
  );
  const posts = { CAPTAIN: '驻村工作队队长', FIRST_SECRETARY: '驻村第一书记', MEMBER: '驻村工作队队员' };
  const cadreRows = await bulkInsert<{ id: number }>(
    db,
    cadres,
    memberPlan.map(({ unit, role }) => ({
      countyId: unit.countyId,
      regionPath: unit.regionPath,
      unitId: unit.id,
      name: personName(random),
      post: posts[role as keyof typeof posts],
      phone: mobilePhone(random),
    })),
    { returning: ['id'] },
  );
  await bulkInsert(
    db,
    workTeamMembers,
    memberPlan.map(({ village, teamId, role }, index) => ({
      countyId: county.countyId,
      regionPath: village.regionPath,
      workTeamId: teamId,
      cadreId: cadreRows[index]!.id,
      role,
      startDate: TEAM_START,
    })),
  );
}

export async function seedAssistance(
  db: DbExecutor,
  county: SeededCounty,
  sharedRandom: Random,
  load: DemoLoad,
) {
  const random = createRandom(Math.floor(sharedRandom.next() * 2 ** 32));
  const unitRows = await db
    .select({ id: units.id, countyId: units.countyId, regionPath: units.regionPath, kind: units.kind })
    .from(units)
    .where(
      and(eq(units.countyId, county.countyId), inArray(units.kind, ['BACKING_UNIT', 'TOWNSHIP_GOVERNMENT'])),
    );
  const backing = unitRows.filter((u) => u.kind === 'BACKING_UNIT');
  await seedWorkTeams(db, county, random, backing);
  await seedActivities(db, county, createRandom(20_190_911), load);

  const target = demoHouseholdTarget();
  if (target === 0) return;
  const helperCount = Math.max(1, Math.round((ARTICLE_HELPERS * target) / DEMO_REGISTERED_HOUSEHOLDS));
  const helperRows = await bulkInsert<{ id: number }>(
    db,
    cadres,
    Array.from({ length: helperCount }, (_, index) => {
      const unit = unitRows[index % unitRows.length]!;
      return {
        countyId: unit.countyId,
        regionPath: unit.regionPath,
        unitId: unit.id,
        name: personName(random),
        post: helperPost(random),
        phone: mobilePhone(random),
      };
    }),
    { returning: ['id'] },
  );
  const paired = await db
    .select({ id: households.id, regionPath: households.regionPath, villageId: households.villageId })
    .from(households)
    .where(
      and(
        eq(households.countyId, county.countyId),
        sql`(${households.status} <> 'NON_POOR' or ${households.monitored})`,
      ),
    )
    .orderBy(households.villageId, households.id);
  const cap = 5;
  const pairingPlan = paired
    .map((household, index) => {
      const helperIndex =
        paired.length <= cap * helperRows.length
          ? Math.floor((index * helperRows.length) / paired.length)
          : Math.floor(index / cap);
      return { household, helper: helperRows[helperIndex] };
    })
    .filter((entry) => entry.helper !== undefined)
    .map(({ household, helper }) => ({
      household,
      helperId: helper!.id,
      startDate: `${random.int(2015, 2018)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    }));
  const pairingRows = await bulkInsert<{ id: number }>(
    db,
    pairings,
    pairingPlan.map(({ household, helperId, startDate }) => ({
      countyId: county.countyId,
      regionPath: household.regionPath,
      helperId,
      householdId: household.id,
      startDate,
    })),
    { returning: ['id'] },
  );

  const today = shanghaiDate(load.now);
  const months = [-2, -1, 0].map((offset) => monthOf(addMonths(firstDayOfMonth(monthOf(today)), offset)));
  const visitRows = pairingPlan.flatMap(({ household, helperId }, index) =>
    months.flatMap((month) =>
      monthVisitDays(random, month, today, load.now).map(({ at, day }) => {
        const mode = weighted(random, [
          ['IN_PERSON', 80],
          ['PHONE', 15],
          ['OTHER', 5],
        ] as const);
        const signed = mode === 'IN_PERSON';
        return {
          countyId: county.countyId,
          regionPath: household.regionPath,
          pairingId: pairingRows[index]!.id,
          householdId: household.id,
          helperId,
          occurredAt: at,
          mode,
          notes: `${day} ${random.pick(VISIT_NOTES)}`,
          householdSigned: signed,
          helperSigned: signed,
          villageSigned: signed && random.next() < 0.5,
        };
      }),
    ),
  );
  await bulkInsert(db, visits, visitRows, { chunkSize: 20_000 });
  await linkDemoHelper(db, county, pairingPlan);
}

/** The demo login `helper` is the helper of the first paired household of its village (沱江镇's first). */
async function linkDemoHelper(
  db: DbExecutor,
  county: SeededCounty,
  plan: { household: { villageId: number }; helperId: number }[],
) {
  const township = county.townships[0]!;
  const village = county.villages.find((v) => v.townshipId === township.id)!;
  const first = plan.find((entry) => entry.household.villageId === village.id);
  if (!first) return;
  await db
    .update(users)
    .set({ cadreId: first.helperId })
    .where(and(eq(users.username, 'helper'), eq(users.countyId, county.countyId)));
}
