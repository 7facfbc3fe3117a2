import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/shared/rows';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const RATES = /* GraphQL */ `
  query ($year: Int!) {
    identificationRates(year: $year) {
      total { ruralPopulation registeredPoorPersons verdict incidence { percent } }
      townships { name ruralPopulation registeredPoorPersons verdict }
    }
  }`;

interface Row {
  ruralPopulation: number | null;
  registeredPoorPersons: number;
  verdict: string;
  incidence: { percent: string } | null;
}

/**
 * The poor people at a year's end, counted here from the raw rows without the API's SQL: the status a
 * household left by its first application completed after the day, else what its registration years say, else
 * its status today.
 */
async function poorPeopleAtEndOf(year: number) {
  const households = rowsOf<{
    id: number;
    status: string;
    identified_year: number | null;
    exited_year: number | null;
    members: number;
  }>(
    await s.handle.db.execute(sql`select h.id, h.status, h.identified_year, h.exited_year,
      (select count(*) from household_members m where m.household_id = h.id)::int as members from households h`),
  );
  const applications = rowsOf<{
    household_id: number;
    from_status: string;
    to_status: string;
    completed_on: string;
  }>(
    await s.handle.db.execute(sql`select household_id, from_status, to_status, completed_on::text
      from status_applications where state = 'COMPLETED' order by completed_on, id`),
  );
  const byHousehold = new Map<number, typeof applications>();
  for (const a of applications)
    byHousehold.set(a.household_id, [...(byHousehold.get(a.household_id) ?? []), a]);
  const day = `${year}-12-31`;
  let poor = 0;
  for (const h of households) {
    const after = (byHousehold.get(h.id) ?? []).find((a) => a.completed_on > day);
    let status: string;
    if (after) status = after.from_status;
    else if (h.identified_year !== null && h.identified_year > year) status = 'NON_POOR';
    else if (h.status !== 'POOR' && h.status !== 'NON_POOR' && h.exited_year !== null && h.exited_year > year)
      status = 'POOR';
    else status = h.status;
    if (status === 'POOR' || status === 'RETURNED') poor += Number(h.members);
  }
  return poor;
}

describe('the four rates of a past year are read from the records of that year', () => {
  it('未脱贫人口 is the poor people at each year’s end, counted independently from the raw rows', async () => {
    const figures: number[] = [];
    for (const year of [2014, 2016, 2018, 2019]) {
      const r = await s.run<{ identificationRates: { total: Row } }>('leader', RATES, { year });
      expect(r.errors).toBeUndefined();
      expect(r.data!.identificationRates.total.registeredPoorPersons).toBe(await poorPeopleAtEndOf(year));
      figures.push(r.data!.identificationRates.total.registeredPoorPersons);
    }
    expect(new Set(figures).size).toBe(figures.length);
    expect(figures[0]).toBeGreaterThan(figures[3]!);
  });

  it('a year with no population records, or before the exit standards, has no incidence, so it is not assessed', async () => {
    const r = await s.run<{ identificationRates: { total: Row; townships: Row[] } }>('leader', RATES, {
      year: 2020,
    });
    expect(r.data!.identificationRates.total).toMatchObject({
      ruralPopulation: null,
      incidence: null,
      verdict: 'NOT_ASSESSED',
    });
    expect(r.data!.identificationRates.townships.every((t) => t.ruralPopulation === null)).toBe(true);
    expect(r.data!.identificationRates.townships.every((t) => t.verdict === 'NOT_ASSESSED')).toBe(true);
    const beforeStandards = await s.run<{ identificationRates: { total: Row } }>('leader', RATES, {
      year: 2014,
    });
    expect(beforeStandards.data!.identificationRates.total).toMatchObject({
      incidence: null,
      verdict: 'NOT_ASSESSED',
    });
    const recorded = await s.run<{ identificationRates: { total: Row } }>('leader', RATES, { year: 2019 });
    expect(recorded.data!.identificationRates.total.ruralPopulation).toBeGreaterThan(0);
  });
});
