import { DEFAULT_PARAMETERS, decideHouseholdExit, JIANGHUA, policyFor } from '@gongjian/rules';
import type { DbExecutor } from '../../client';
import { exitVerifications, surveySamples, villagePopulations } from '../../schema/index';
import { bulkInsert } from '../bulk';
import type { SeededCounty } from '../demo-step';
import { personName } from '../people';
import { type Random, randomDay } from '../random';
import { type PlannedHousehold, plannedGuaranteeFacts, plannedIncome } from './households';

/** What the four rates are computed from: village populations, 2018 exit verifications, 2019 survey samples. */

/** Rural population per village: registered people are 22–34 % of it in poor villages, 8–16 % elsewhere. */
export async function seedVillagePopulations(
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

/** 2018 exits verified in early 2019: three in ten, a few found wrongly exited (程序未履行). */
export async function seedExitVerifications(
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
        verifiedOn: randomDay(random, 2019, 1, 3),
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
export async function seedSurveys(
  db: DbExecutor,
  random: Random,
  county: SeededCounty,
  plan: PlannedHousehold[],
  idOf: Map<string, number>,
) {
  const byVillage = new Map<number, PlannedHousehold[]>();
  for (const h of plan) byVillage.set(h.village.id, [...(byVillage.get(h.village.id) ?? []), h]);
  const rows: Record<string, unknown>[] = [];
  const surveyedOn = () => randomDay(random, 2019, 7, 8);
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
    // A registered household's sample: `wrongExit` is drawn by the caller, then recognition, then the day.
    const registeredSample = (
      h: PlannedHousehold,
      kind: string,
      wrongExit: boolean | null,
      recognition: number,
    ) => ({
      ...base,
      householdId: idOf.get(h.householdNumber),
      kind,
      respondentName: h.members[0]!.name,
      persons: h.members.length,
      wrongExit,
      missed: null,
      recognises: random.next() < recognition,
      surveyedOn: surveyedOn(),
    });
    for (const h of exited) rows.push(registeredSample(h, 'EXITED', random.next() < 0.012, 0.965));
    for (const h of poor) rows.push(registeredSample(h, 'REGISTERED_POOR', null, 0.95));
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
