import { DEFAULT_PARAMETERS, JIANGHUA, policyFor } from '@gongjian/rules';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import {
  householdGuarantees,
  householdIncomes,
  householdMeasures,
  householdMembers,
  households,
  regions,
  sectorRecords,
} from '../../schema/index';
import { bulkInsert } from '../bulk';
import { demoClock } from '../demo-clock';
import type { DemoLoad, SeededCounty } from '../demo-step';
import { createRandom, type Random } from '../random';
import { seedApplications } from './applications';
import { type PlannedHousehold, planHousehold, type Story } from './households';
import { createIdNumberIssuer } from './id-numbers';
import { plannedMeasures } from './measures';
import { seedMonitoring } from './monitoring';
import { seedExitVerifications, seedSurveys, seedVillagePopulations } from './rates';
import { sectorRecordsFor } from './sector-records';
import { stepActors } from './step-actors';
import { allocate } from './stories';

/**
 * Demo data of precise identification (精准识别): about 28,000 registered poor households (≈100,000
 * people) across the 304 villages, poor villages holding more; most exited by 2019, some still poor, a
 * few returned; the early-2019 edge-household screening (边缘户) with monitoring objects; households an
 * exclusion rule (七个不纳入) catches; applications finished in 2019 and others mid-procedure; 2018 exit
 * verifications and 2019 survey samples for the four rates.
 *
 * `GONGJIAN_DEMO_HOUSEHOLDS` sets the number of registered households (default 28,000; 0 skips the
 * step), so that tests can seed a smaller county with the same proportions.
 */
export const DEMO_HOUSEHOLDS_ENV = 'GONGJIAN_DEMO_HOUSEHOLDS';
export const DEMO_REGISTERED_HOUSEHOLDS = 28_000;
/** ID numbers of demo people use sequence numbers 000–499; generated import files use 500–999. */
export const DEMO_ID_SEQUENCES = [0, 499] as const;

export function demoHouseholdTarget(): number {
  const raw = process.env[DEMO_HOUSEHOLDS_ENV];
  if (raw === undefined || raw === '') return DEMO_REGISTERED_HOUSEHOLDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${DEMO_HOUSEHOLDS_ENV} must be a whole number`);
  return value;
}

export async function seedIdentification(
  db: DbExecutor,
  county: SeededCounty,
  sharedRandom: Random,
  load: DemoLoad,
) {
  const registered = demoHouseholdTarget();
  if (registered === 0) return;
  const random = createRandom(Math.floor(sharedRandom.next() * 2 ** 32));
  const { countyId } = county;
  const townshipName = new Map(county.townships.map((t) => [t.id, t.name]));
  const villageCodes = new Map(
    (
      await db
        .select({ id: regions.id, code: regions.code })
        .from(regions)
        .where(and(eq(regions.countyId, countyId), eq(regions.level, 'VILLAGE')))
    ).map((v) => [v.id, v.code]),
  );
  const issueId = createIdNumberIssuer(JIANGHUA.county, DEMO_ID_SEQUENCES[0], DEMO_ID_SEQUENCES[1]);

  const plan: PlannedHousehold[] = [];
  for (const { village, stories } of allocate(random, county, registered)) {
    stories.forEach((story, index) => {
      const number = `${villageCodes.get(village.id)}${String(index + 1).padStart(4, '0')}`;
      plan.push(
        planHousehold(random, issueId, village, townshipName.get(village.townshipId)!, number, story),
      );
    });
  }
  const records = new Map(plan.map((h) => [h.householdNumber, sectorRecordsFor(random, h)]));
  const monitoredStories = new Set<Story>(['EDGE', 'UNSTABLE_EXITED', 'SUDDEN_HARDSHIP']);

  const inserted = await bulkInsert<{ id: number; household_number: string }>(
    db,
    households,
    plan.map((h) => ({
      countyId,
      regionPath: h.village.regionPath,
      villageId: h.village.id,
      householdNumber: h.householdNumber,
      groupName: h.groupName,
      address: h.address,
      phone: h.phone,
      attribute: h.attribute,
      mainCause: h.mainCause,
      status: h.status,
      identifiedYear: h.identifiedYear,
      exitedYear: h.exitedYear,
      monitored: monitoredStories.has(h.story),
    })),
    { returning: ['id', 'household_number'] },
  );
  const idOf = new Map(inserted.map((row) => [row.household_number, row.id]));
  const tenant = (h: PlannedHousehold) => ({
    countyId,
    regionPath: h.village.regionPath,
    householdId: idOf.get(h.householdNumber)!,
  });

  await bulkInsert(
    db,
    householdMembers,
    plan.flatMap((h) => h.members.map((m) => ({ ...tenant(h), ...m }))),
  );
  await bulkInsert(
    db,
    householdIncomes,
    plan.flatMap((h) => h.incomes.map((i) => ({ ...tenant(h), ...i }))),
  );
  await bulkInsert(
    db,
    householdGuarantees,
    plan.flatMap((h) => h.guarantees.map((g) => ({ ...tenant(h), ...g }))),
  );
  await bulkInsert(
    db,
    sectorRecords,
    plan.flatMap((h) =>
      records.get(h.householdNumber)!.map((r) => ({ countyId, regionPath: county.countyPath, ...r })),
    ),
  );
  await bulkInsert(
    db,
    householdMeasures,
    plan
      .filter((h) => h.status !== 'NON_POOR')
      .flatMap((h) => plannedMeasures(random, h).map((m) => ({ ...tenant(h), ...m }))),
  );
  await seedVillagePopulations(db, random, county, plan);

  const actors = await stepActors(db, county);
  const policy2019 = policyFor(DEFAULT_PARAMETERS, 2019, JIANGHUA);
  const demoVillage = county.villages.find((v) => v.townshipId === county.townships[0]!.id)!;
  await seedMonitoring(db, random, countyId, plan, idOf, actors, policy2019);
  await seedApplications(db, random, countyId, plan, idOf, records, actors, policy2019, {
    demoVillageId: demoVillage.id,
    clock: demoClock(load),
  });
  await seedExitVerifications(db, random, county, plan, idOf);
  await seedSurveys(db, random, county, plan, idOf);
}
