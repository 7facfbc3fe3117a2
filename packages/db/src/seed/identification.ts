import { DEFAULT_PARAMETERS, decideHouseholdExit, JIANGHUA, policyFor } from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../client';
import {
  cadres,
  exitVerifications,
  householdGuarantees,
  householdIncomes,
  householdMeasures,
  householdMembers,
  households,
  regions,
  sectorRecords,
  surveySamples,
  units,
  villagePopulations,
} from '../schema/index';
import { bulkInsert } from './bulk';
import { createIdNumberIssuer } from './id-numbers';
import { type StepActors, seedApplications, seedMonitoring } from './identification-history';
import {
  type PlannedHousehold,
  type PlannedSectorRecord,
  planHousehold,
  plannedGuaranteeFacts,
  plannedIncome,
  type Story,
  weighted,
} from './identification-plan';
import type { SeededCounty } from './jianghua';
import { personName } from './people';
import { createRandom, type Random } from './random';

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

/** How many households play each part, for `registered` registered households. */
function storyCounts(registered: number): [Story, number][] {
  const share = (fraction: number) => Math.max(1, Math.round(registered * fraction));
  const poor = share(0.045);
  const exitReady = Math.max(1, Math.round(poor * 0.12));
  const identified2019 = Math.max(1, Math.round(poor * 0.1));
  const exclusionHit = Math.max(1, Math.round(poor * 0.045));
  const returned = share(0.006);
  const unstable = share(0.02);
  const hardship = share(0.002);
  const edge = share(0.05);
  const edgeQualifies = Math.max(1, Math.round(edge * 0.05));
  const exited = registered - poor - returned;
  return [
    ['POOR', poor - exitReady - identified2019 - exclusionHit],
    ['EXIT_READY', exitReady],
    ['IDENTIFIED_2019', identified2019],
    ['EXCLUSION_HIT', exclusionHit],
    ['RETURNED_2018', returned - Math.floor(returned / 2)],
    ['RETURNED_2019', Math.floor(returned / 2)],
    ['EXITED', exited - unstable - hardship],
    ['UNSTABLE_EXITED', unstable],
    ['SUDDEN_HARDSHIP', hardship],
    ['EDGE', edge - edgeQualifies],
    ['EDGE_QUALIFIES', edgeQualifies],
    ['REMOVED_2019', share(0.003)],
  ];
}

/** The demo accounts' village gets one household in each state a console user should find there. */
const DEMO_VILLAGE_STORIES: Story[] = [
  'EXIT_READY',
  'EXIT_READY',
  'EXIT_READY',
  'EDGE_QUALIFIES',
  'EXCLUSION_HIT',
  'POOR',
  'POOR',
  'UNSTABLE_EXITED',
  'EXITED',
  'EXITED',
];

/** Villages and their households' stories: poor villages hold about 2.4 times as many households. */
function allocate(random: Random, county: SeededCounty, registered: number) {
  const pool = random.shuffle(storyCounts(registered).flatMap(([story, n]) => Array<Story>(n).fill(story)));
  const demoVillage = county.villages.find((v) => v.townshipId === county.townships[0]!.id)!;
  for (const story of DEMO_VILLAGE_STORIES) {
    const index = pool.indexOf(story);
    if (index >= 0) pool.splice(index, 1);
  }
  const weights = county.villages.map((v) => (v.kind === 'POOR_VILLAGE' ? 2.4 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const remaining = pool.length;
  const quotas = weights.map((w) => Math.floor((remaining * w) / totalWeight));
  let leftover = remaining - quotas.reduce((a, b) => a + b, 0);
  while (leftover-- > 0) quotas[random.int(0, quotas.length - 1)]! += 1;
  let cursor = 0;
  return county.villages.map((village, index) => {
    const stories = pool.slice(cursor, cursor + quotas[index]!);
    cursor += quotas[index]!;
    return {
      village,
      stories: village.id === demoVillage.id ? [...DEMO_VILLAGE_STORIES, ...stories] : stories,
    };
  });
}

const SECTOR_SOURCES = {
  PUBLIC_PAYROLL: '县财政局统发工资名册',
  VILLAGE_CADRE: '村两委干部名册',
  VEHICLE: '县公安局交警大队机动车登记',
  TOWN_PROPERTY: '县不动产登记中心',
  BUSINESS: '县市场监督管理局企业登记',
} as const;

/** What the sector data says about a household: a hit for the caught stories, harmless records elsewhere. */
function sectorRecordsFor(random: Random, household: PlannedHousehold): PlannedSectorRecord[] {
  const head = household.members[0]!;
  const recordedOn = `2019-0${random.int(3, 5)}-${String(random.int(1, 28)).padStart(2, '0')}`;
  const record = (kind: PlannedSectorRecord['kind'], details: PlannedSectorRecord['details']) => ({
    idNumber: head.idNumber,
    kind,
    details,
    source: SECTOR_SOURCES[kind],
    recordedOn,
  });
  if (household.story === 'EXCLUSION_HIT' || household.story === 'REMOVED_2019') {
    const kind = weighted(random, [
      ['VEHICLE', 40],
      ['PUBLIC_PAYROLL', 15],
      ['TOWN_PROPERTY', 25],
      ['BUSINESS', 15],
      ['VILLAGE_CADRE', 5],
    ] as const);
    if (kind === 'VEHICLE')
      return [
        record(kind, {
          vehicleKind: 'CAR',
          purchasePriceFen: random.int(45_000, 160_000) * 100,
          productive: false,
        }),
      ];
    if (kind === 'TOWN_PROPERTY')
      return [record(kind, { propertyKind: random.pick(['COMMERCIAL_HOUSE', 'SHOP'] as const) })];
    if (kind === 'BUSINESS')
      return [record(kind, { businessKind: 'COMPANY', registered: true, operating: true })];
    return [record(kind, {})];
  }
  if (random.next() < 0.012) {
    // A productive farm vehicle below the price line: on file, but no exclusion applies.
    return [
      record('VEHICLE', {
        vehicleKind: 'LARGE_FARM_VEHICLE',
        purchasePriceFen: random.int(8_000, 25_000) * 100,
        productive: true,
      }),
    ];
  }
  return [];
}

const MEASURE_BY_CAUSE: Record<string, { kind: string; description: string; department: string }> = {
  ILLNESS: {
    kind: 'MEDICAL',
    description: '基本医保、大病保险、医疗救助"一站式"结算, 家庭医生签约服务',
    department: '县医疗保障局',
  },
  DISABILITY: {
    kind: 'DISABILITY_RELIEF',
    description: '困难残疾人生活补贴和重度残疾人护理补贴',
    department: '县残联',
  },
  SCHOOLING: {
    kind: 'EDUCATION_AID',
    description: '建档立卡学生资助, 免除学杂费并发放生活补助',
    department: '县教育局',
  },
  LACK_OF_SKILLS: {
    kind: 'EMPLOYMENT',
    description: '参加职业技能培训并推荐就业',
    department: '县人力资源和社会保障局',
  },
  LACK_OF_CAPITAL: {
    kind: 'MICROCREDIT',
    description: '扶贫小额信贷5万元, 财政贴息',
    department: '县扶贫开发办公室',
  },
  LACK_OF_LABOUR: { kind: 'SOCIAL_ASSISTANCE', description: '纳入农村低保兜底保障', department: '县民政局' },
  DISASTER: { kind: 'HOUSING', description: '灾后房屋修缮补助', department: '县住房和城乡建设局' },
};
const INDUSTRY_MEASURE = {
  kind: 'INDUSTRY',
  description: '产业奖补: 发展香芋、油茶等特色种养',
  department: '县农业农村局',
};

export async function seedIdentification(db: DbExecutor, county: SeededCounty, sharedRandom: Random) {
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
      .flatMap((h) => {
        const first = MEASURE_BY_CAUSE[h.mainCause] ?? INDUSTRY_MEASURE;
        const chosen =
          random.next() < 0.5 && first !== INDUSTRY_MEASURE ? [first, INDUSTRY_MEASURE] : [first];
        return chosen.map((m) => ({
          ...tenant(h),
          kind: m.kind,
          description: m.description,
          department: m.department,
          status: h.status === 'EXITED' ? 'DONE' : 'IN_PROGRESS',
          startedOn: `${h.identifiedYear ?? 2019}-0${random.int(4, 9)}-15`,
          completedOn: h.status === 'EXITED' ? `${h.exitedYear}-11-30` : null,
        }));
      }),
  );
  await seedVillagePopulations(db, random, county, plan);

  const actors = await stepActors(db, county);
  const policy2019 = policyFor(DEFAULT_PARAMETERS, 2019, JIANGHUA);
  const demoVillage = county.villages.find((v) => v.townshipId === county.townships[0]!.id)!;
  await seedMonitoring(db, random, countyId, plan, idOf, actors, policy2019);
  await seedApplications(db, random, countyId, plan, idOf, records, actors, policy2019, demoVillage.id);
  await seedExitVerifications(db, random, county, plan, idOf);
  await seedSurveys(db, random, county, plan, idOf);
}

/** Rural population per village: registered people are 22–34 % of it in poor villages, 8–16 % elsewhere. */
async function seedVillagePopulations(
  db: DbExecutor,
  random: Random,
  county: SeededCounty,
  plan: PlannedHousehold[],
) {
  const registeredPeople = new Map<number, number>();
  for (const h of plan)
    if (h.status !== 'NON_POOR')
      registeredPeople.set(h.village.id, (registeredPeople.get(h.village.id) ?? 0) + h.members.length);
  const rows = county.villages.flatMap((village) => {
    const people = Math.max(registeredPeople.get(village.id) ?? 0, 20);
    const share = village.kind === 'POOR_VILLAGE' ? 0.22 + random.next() * 0.12 : 0.08 + random.next() * 0.08;
    const ruralPopulation = Math.round(people / share);
    return [2018, 2019].map((year) => ({
      countyId: county.countyId,
      regionPath: village.regionPath,
      villageId: village.id,
      year,
      ruralPopulation: year === 2018 ? Math.round(ruralPopulation * 0.99) : ruralPopulation,
      ruralHouseholds: Math.round(ruralPopulation / 3.6),
    }));
  });
  await bulkInsert(db, villagePopulations, rows);
}

/** Who signs each level's steps in the demo: the village's Party secretary, the township station, the county. */
async function stepActors(db: DbExecutor, county: SeededCounty): Promise<StepActors> {
  const rows = await db
    .select({ id: cadres.id, name: cadres.name, regionPath: cadres.regionPath })
    .from(cadres)
    .innerJoin(units, eq(units.id, cadres.unitId))
    .where(
      and(eq(cadres.countyId, county.countyId), inArray(units.kind, ['WORK_STATION', 'VILLAGE_COMMITTEE'])),
    )
    .orderBy(cadres.id);
  const byPath = new Map<string, { id: number; name: string }[]>();
  for (const row of rows) byPath.set(row.regionPath, [...(byPath.get(row.regionPath) ?? []), row]);
  const townshipPath = (villagePath: string) => villagePath.replace(/\d+\/$/, '');
  return {
    village: (villagePath) => byPath.get(villagePath)?.[0] ?? byPath.get(townshipPath(villagePath))![0]!,
    township: (villagePath) => byPath.get(townshipPath(villagePath))![0]!,
    county: { id: null, name: '县扶贫开发办公室' },
    helpers: (villagePath) => [
      ...(byPath.get(villagePath) ?? []),
      ...(byPath.get(townshipPath(villagePath)) ?? []),
    ],
  };
}

/** 2018 exits verified in early 2019: three in ten, a few found wrongly exited (程序未履行). */
async function seedExitVerifications(
  db: DbExecutor,
  random: Random,
  county: SeededCounty,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
) {
  const policy2018 = policyFor(DEFAULT_PARAMETERS, 2018, JIANGHUA);
  const rows = plan
    .filter((h) => h.exitedYear === 2018 && random.next() < 0.3)
    .map((h) => {
      const income = plannedIncome(h, 2018);
      const decision = decideHouseholdExit(
        {
          income,
          householdSize: income.householdSize,
          guarantees: plannedGuaranteeFacts(h, 2018),
          identifiedYear: h.identifiedYear!,
        },
        policy2018,
        '2018-12-31',
      );
      const procedureFollowed = random.next() > 0.012;
      return {
        countyId: county.countyId,
        regionPath: h.village.regionPath,
        householdId: idOf.get(h.householdNumber)!,
        year: 2018,
        verifiedOn: `2019-0${random.int(1, 3)}-${String(random.int(1, 28)).padStart(2, '0')}`,
        procedureFollowed,
        householdAgreed: true,
        findings: procedureFollowed
          ? '收入稳定超过标准, 两不愁三保障达标, 退出程序完整'
          : '退出公示未满7天即公告, 户主未签字确认',
        outcome: decision.outcome === 'ELIGIBLE' && procedureFollowed ? 'CORRECT_EXIT' : 'WRONG_EXIT',
        explanation: decision.reasons,
      };
    });
  await bulkInsert(db, exitVerifications, rows);
}

/** 2019 survey samples per village: exited households (错退), non-registered households (漏评), poor households. */
async function seedSurveys(
  db: DbExecutor,
  random: Random,
  county: SeededCounty,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
) {
  const byVillage = new Map<number, PlannedHousehold[]>();
  for (const h of plan) byVillage.set(h.village.id, [...(byVillage.get(h.village.id) ?? []), h]);
  const rows: Record<string, unknown>[] = [];
  const surveyedOn = () => `2019-0${random.int(7, 8)}-${String(random.int(1, 28)).padStart(2, '0')}`;
  for (const village of county.villages) {
    const here = byVillage.get(village.id) ?? [];
    const base = {
      countyId: county.countyId,
      regionPath: village.regionPath,
      villageId: village.id,
      year: 2019,
    };
    const exited = random.shuffle(here.filter((h) => h.status === 'EXITED')).slice(0, 8);
    const poor = random.shuffle(here.filter((h) => h.status === 'POOR')).slice(0, 3);
    for (const h of exited)
      rows.push({
        ...base,
        householdId: idOf.get(h.householdNumber),
        kind: 'EXITED',
        respondentName: h.members[0]!.name,
        persons: h.members.length,
        wrongExit: random.next() < 0.012,
        missed: null,
        recognises: random.next() < 0.965,
        surveyedOn: surveyedOn(),
      });
    for (const h of poor)
      rows.push({
        ...base,
        householdId: idOf.get(h.householdNumber),
        kind: 'REGISTERED_POOR',
        respondentName: h.members[0]!.name,
        persons: h.members.length,
        wrongExit: null,
        missed: null,
        recognises: random.next() < 0.95,
        surveyedOn: surveyedOn(),
      });
    for (let i = 0; i < 8; i++)
      rows.push({
        ...base,
        householdId: null,
        kind: 'NON_REGISTERED',
        respondentName: personName(random),
        persons: random.int(2, 6),
        wrongExit: null,
        missed: random.next() < 0.01,
        recognises: random.next() < 0.97,
        surveyedOn: surveyedOn(),
      });
  }
  await bulkInsert(db, surveySamples, rows);
}
