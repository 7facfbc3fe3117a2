import { households } from '@gongjian/db/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/shared/rows';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { recordStep, villageOf } from './identification-helpers';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const SCREEN = /* GraphQL */ `
  mutation ($input: ExclusionScreeningInput) {
    runExclusionScreening(input: $input) {
      __typename
      ... on MutationRunExclusionScreeningSuccess {
        data { screenedHouseholds hitHouseholds newFindingCount
          newFindings { id ruleId ruleLabel evidenceJson sources state version household { id status } explanation { ruleId passed } } }
      }
      ... on Error { code message }
    }
  }`;

interface Finding {
  id: string;
  ruleId: string;
  evidenceJson: string;
  sources: string[];
  version: number;
  household: { id: string; status: string };
}
type Screened = {
  runExclusionScreening: {
    data: {
      screenedHouseholds: number;
      hitHouseholds: number;
      newFindingCount: number;
      newFindings: Finding[];
    };
  };
};

const DECIDE = (name: string) => /* GraphQL */ `
  mutation ($input: DecideExclusionFindingInput!) {
    ${name}(input: $input) {
      __typename
      ... on ${name === 'confirmExclusionFinding' ? 'MutationConfirmExclusionFindingSuccess' : 'MutationDismissExclusionFindingSuccess'} {
        data { state decisionReason version application { id kind state version rulesAdvice nextStep } }
      }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path } }
    }
  }`;

async function expectedHits(pathPrefix: string) {
  const rows = rowsOf<{ n: number }>(
    await s.handle.db.execute(sql`select count(distinct h.id)::int as n from households h
      join household_members m on m.household_id = h.id join sector_records r on r.id_number = m.id_number
      where h.status in ('POOR', 'RETURNED') and h.region_path like ${`${pathPrefix}%`}
        and not (r.kind = 'VEHICLE' and (r.details->>'productive')::boolean)`),
  );
  return Number(rows[0]!.n);
}

describe('exclusion screening (七个不纳入)', () => {
  let findings: Finding[] = [];

  it('screening the county lists every household an exclusion rule catches, with evidence and sources', async () => {
    const admin = await s.viewer('admin');
    const r = await s.run<Screened>('admin', SCREEN, {});
    const run = r.data!.runExclusionScreening.data;
    expect(run.hitHouseholds).toBe(await expectedHits(admin.regionPath));
    expect(run.hitHouseholds).toBeGreaterThan(0);
    const screened = rowsOf<{ n: number }>(
      await s.handle.db.execute(
        sql`select count(*)::int as n from households where status in ('POOR', 'RETURNED')`,
      ),
    );
    expect(run.screenedHouseholds).toBe(Number(screened[0]!.n));
    findings = run.newFindings;
    for (const f of findings) {
      expect(f.sources.length).toBeGreaterThan(0);
      expect(JSON.parse(f.evidenceJson).records.length).toBeGreaterThan(0);
      expect(f.evidenceJson).not.toMatch(/\d{17}[\dX]/);
    }
  });

  it('screening again with unchanged evidence opens nothing new', async () => {
    const r = await s.run<Screened>('admin', SCREEN, {});
    expect(r.data!.runExclusionScreening.data.newFindingCount).toBe(0);
  });

  it('a village clerk screens only their village', async () => {
    const village = await villageOf(s, 'village');
    const r = await s.run<Screened>('village', SCREEN, {});
    const inVillage = await s.handle.db.$count(
      households,
      sql`${households.villageId} = ${village.id} and status in ('POOR', 'RETURNED')`,
    );
    expect(r.data!.runExclusionScreening.data.screenedHouseholds).toBe(inVillage);
  });

  it('screening one household applies the rules to sector data recorded for its members', async () => {
    const household = (await s.handle.db.query.households.findFirst({
      where: {
        status: 'POOR',
        RAW: (t) => sql`not exists (select 1 from exclusion_findings f where f.household_id = ${t.id})`,
      },
      with: { members: true },
    }))!;
    const recorded = await s.run<{ recordSectorData: { __typename: string } }>(
      'admin',
      `mutation ($input: SectorRecordInput!) { recordSectorData(input: $input) { __typename } }`,
      {
        input: {
          idNumber: household.members[0]!.idNumber,
          kind: 'VEHICLE',
          detailsJson: JSON.stringify({ vehicleKind: 'CAR', purchasePriceFen: 8_000_000, productive: false }),
          source: '县公安局交警大队',
          recordedOn: '2019-06-01',
        },
      },
    );
    expect(recorded.data!.recordSectorData.__typename).toBe('MutationRecordSectorDataSuccess');
    const r = await s.run<Screened>('admin', SCREEN, {
      input: { householdId: globalId('Household', household.id) },
    });
    expect(r.data!.runExclusionScreening.data).toMatchObject({
      screenedHouseholds: 1,
      hitHouseholds: 1,
      newFindingCount: 1,
    });
    expect(r.data!.runExclusionScreening.data.newFindings[0]).toMatchObject({
      ruleId: 'VEHICLE',
      sources: ['县公安局交警大队'],
    });
  });

  async function inDemoVillage(f: Finding) {
    const village = await villageOf(s, 'village');
    const id = Number(Buffer.from(f.household.id, 'base64').toString().split(':')[1]);
    const household = await s.handle.db.query.households.findFirst({ where: { id } });
    return household!.villageId === village.id;
  }

  it('dismissing needs a reason; a dismissed finding stays dismissed when screened again', async () => {
    let finding = findings[0]!;
    for (const f of findings) if (!(await inDemoVillage(f))) finding = f;
    const noReason = await s.run<{ dismissExclusionFinding: { __typename: string } }>(
      'admin',
      DECIDE('dismissExclusionFinding'),
      {
        input: { id: finding.id, version: finding.version, reason: '' },
      },
    );
    expect(noReason.data!.dismissExclusionFinding.__typename).toBe('ValidationError');
    const r = await s.run<{ dismissExclusionFinding: { data: { state: string } } }>(
      'admin',
      DECIDE('dismissExclusionFinding'),
      {
        input: { id: finding.id, version: finding.version, reason: '经核实, 车辆为亲属所有' },
      },
    );
    expect(r.data!.dismissExclusionFinding.data.state).toBe('DISMISSED');
    const again = await s.run<Screened>('admin', SCREEN, {});
    expect(again.data!.runExclusionScreening.data.newFindingCount).toBe(0);
  });

  it('a village clerk cannot confirm or dismiss', async () => {
    const finding = findings[0]!;
    const r = await s.run('village', DECIDE('dismissExclusionFinding'), {
      input: { id: finding.id, version: finding.version, reason: '测试' },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('confirming starts a removal application; when its procedure completes the household is no longer registered poor', async () => {
    let finding: Finding | undefined;
    for (const f of findings) if (f.household.status === 'POOR' && (await inDemoVillage(f))) finding = f;
    expect(finding).toBeDefined();
    const r = await s.run<{
      confirmExclusionFinding: {
        data: {
          state: string;
          application: { id: string; kind: string; version: number; rulesAdvice: string };
        };
      };
    }>('township', DECIDE('confirmExclusionFinding'), {
      input: {
        id: finding!.id,
        version: finding!.version,
        reason: '数据比对属实',
        year: 2019,
        date: '2019-09-20',
      },
    });
    const confirmed = r.data!.confirmExclusionFinding.data;
    expect(confirmed).toMatchObject({
      state: 'CONFIRMED',
      application: { kind: 'REMOVE_WRONGLY_INCLUDED', rulesAdvice: 'SUPPORTS' },
    });
    const id = confirmed.application.id;
    const plan: [string, string, string][] = [
      ['village', 'VILLAGE_DELIBERATION', '2019-09-21'],
      ['village', 'FIRST_NOTICE', '2019-09-22'],
      ['township', 'TOWNSHIP_REVIEW', '2019-09-27'],
      ['admin', 'COUNTY_APPROVAL', '2019-09-28'],
      ['admin', 'ANNOUNCEMENT', '2019-09-29'],
    ];
    let version = confirmed.application.version;
    let last: Awaited<ReturnType<typeof recordStep>> | undefined;
    for (const [user, step, date] of plan) {
      last = await recordStep(s, user, { applicationId: id, step, version, date });
      version = last.data!.recordApplicationStep.data!.version;
    }
    expect(last!.data!.recordApplicationStep.data).toMatchObject({
      state: 'COMPLETED',
      household: { status: 'NON_POOR' },
    });
  });
});

const RATES = /* GraphQL */ `
  query ($year: Int!, $regionId: ID) {
    identificationRates(year: $year, regionId: $regionId) {
      total { name level ruralPopulation registeredPoorPersons surveyedHouseholds passed verdict
        incidence { percent passed thresholdPercent comparison } recognition { percent passed } missedRate { percent passed }
        wrongExitRate { percent passed } }
      townships { name ruralPopulation registeredPoorPersons }
      villages { regionId name ruralPopulation registeredPoorPersons incidence { percent passed } recognition { percent passed } }
      countyExit { outcome }
    }
  }`;

interface RatesRow {
  regionId: string;
  name: string;
  ruralPopulation: number;
  registeredPoorPersons: number;
  incidence: { percent: string; passed: boolean } | null;
  recognition: { percent: string; passed: boolean } | null;
  verdict?: string;
  passed?: boolean;
}

describe('the four rates (四率)', () => {
  it('county figures are the sum of the villages, live, in three statements', async () => {
    const r = await s.run<{
      identificationRates: {
        total: RatesRow;
        townships: RatesRow[];
        villages: RatesRow[];
        countyExit: { outcome: string };
      };
    }>('leader', RATES, { year: 2019 });
    const issued = s.statements.length;
    const rates = r.data!.identificationRates;
    expect(rates.villages).toHaveLength(304);
    expect(rates.townships).toHaveLength(22);
    expect(rates.total.registeredPoorPersons).toBe(
      rates.villages.reduce((sum, v) => sum + v.registeredPoorPersons, 0),
    );
    expect(rates.total.ruralPopulation).toBe(rates.townships.reduce((sum, t) => sum + t.ruralPopulation, 0));
    expect(rates.countyExit.outcome).toMatch(/^(PASS|FAIL)$/);
    expect(issued).toBe(3);
  });

  it('incidence of exactly 2 % fails, just below passes', async () => {
    const village = (await villageOf(s, 'village'))!;
    const first = await s.run<{ identificationRates: { total: RatesRow } }>('admin', RATES, {
      year: 2019,
      regionId: globalId('Region', village.id),
    });
    const poor = first.data!.identificationRates.total.registeredPoorPersons;
    expect(poor).toBeGreaterThan(0);
    const SET = `mutation ($input: SetVillagePopulationInput!) { setVillagePopulation(input: $input) { __typename } }`;
    const setPopulation = (ruralPopulation: number) =>
      s.run('admin', SET, {
        input: {
          villageId: globalId('Region', village.id),
          year: 2019,
          ruralPopulation,
          ruralHouseholds: 100,
        },
      });
    await setPopulation(poor * 50);
    const atLimit = await s.run<{ identificationRates: { total: RatesRow } }>('admin', RATES, {
      year: 2019,
      regionId: globalId('Region', village.id),
    });
    expect(atLimit.data!.identificationRates.total.incidence).toMatchObject({
      percent: '2.00%',
      passed: false,
    });
    await setPopulation(poor * 50 + 1);
    const below = await s.run<{ identificationRates: { total: RatesRow } }>('admin', RATES, {
      year: 2019,
      regionId: globalId('Region', village.id),
    });
    expect(below.data!.identificationRates.total.incidence!.passed).toBe(true);
  });

  it('recognition of exactly 90 % passes, below fails; a rate with no sample is not assessed', async () => {
    const village = (await villageOf(s, 'village'))!;
    const SAMPLE = `mutation ($input: RecordSurveySampleInput!) { recordSurveySample(input: $input) { __typename ... on ValidationError { fieldErrors { path message } } } }`;
    const sample = (recognises: boolean) =>
      s.run<{ recordSurveySample: { __typename: string } }>('admin', SAMPLE, {
        input: {
          villageId: globalId('Region', village.id),
          year: 2020,
          kind: 'NON_REGISTERED',
          respondentName: '李明',
          persons: 3,
          missed: false,
          recognises,
          date: '2020-08-01',
        },
      });
    for (let i = 0; i < 9; i++)
      expect((await sample(true)).data!.recordSurveySample.__typename).toBe(
        'MutationRecordSurveySampleSuccess',
      );
    await sample(false);
    const at = await s.run<{ identificationRates: { total: RatesRow } }>('admin', RATES, {
      year: 2020,
      regionId: globalId('Region', village.id),
    });
    expect(at.data!.identificationRates.total).toMatchObject({
      recognition: { percent: '90.00%', passed: true },
      incidence: null,
      verdict: 'NOT_ASSESSED',
      passed: false,
    });
    await sample(false);
    const below = await s.run<{ identificationRates: { total: RatesRow } }>('admin', RATES, {
      year: 2020,
      regionId: globalId('Region', village.id),
    });
    expect(below.data!.identificationRates.total.recognition!.passed).toBe(false);
    expect(below.data!.identificationRates.total).toMatchObject({ verdict: 'FAILED', passed: false });
    const bad = await s.run<{
      recordSurveySample: { __typename: string; fieldErrors: { path: string[] }[] };
    }>('admin', SAMPLE, {
      input: {
        villageId: globalId('Region', village.id),
        year: 2020,
        kind: 'NON_REGISTERED',
        respondentName: '李明',
        persons: 3,
        recognises: true,
      },
    });
    expect(bad.data!.recordSurveySample.fieldErrors[0]!.path).toEqual(['missed']);
  });
});

describe('exit verification (退出核查)', () => {
  const VERIFY = /* GraphQL */ `mutation ($input: RecordExitVerificationInput!) { recordExitVerification(input: $input) {
    __typename ... on MutationRecordExitVerificationSuccess { data { outcome explanation { ruleId passed } } } ... on Error { code message } } }`;

  it('the rules re-check a 2018 exit; a procedure not followed is a wrong exit; a household that did not exit that year is refused', async () => {
    const exited = await s.handle.db.query.households.findMany({
      where: {
        exitedYear: 2018,
        status: 'EXITED',
        RAW: (t) => sql`not exists (select 1 from exit_verifications v where v.household_id = ${t.id})`,
      },
      limit: 2,
    });
    const ok = await s.run<{ recordExitVerification: { data: { outcome: string } } }>('supervisor', VERIFY, {
      input: {
        householdId: globalId('Household', exited[0]!.id),
        year: 2018,
        procedureFollowed: true,
        householdAgreed: true,
        date: '2019-02-01',
      },
    });
    expect(ok.data!.recordExitVerification.data.outcome).toBe('CORRECT_EXIT');
    const wrong = await s.run<{ recordExitVerification: { data: { outcome: string } } }>(
      'supervisor',
      VERIFY,
      {
        input: {
          householdId: globalId('Household', exited[1]!.id),
          year: 2018,
          procedureFollowed: false,
          householdAgreed: true,
          findings: '公示未满7天',
        },
      },
    );
    expect(wrong.data!.recordExitVerification.data.outcome).toBe('WRONG_EXIT');
    const notThatYear = await s.run<{ recordExitVerification: { code: string } }>('supervisor', VERIFY, {
      input: {
        householdId: globalId('Household', exited[0]!.id),
        year: 2017,
        procedureFollowed: true,
        householdAgreed: true,
      },
    });
    expect(notThatYear.data!.recordExitVerification.code).toBe('RULE_VIOLATION');
  });
});

describe('the overall verdict of a year without data', () => {
  it('every township of a year with no samples is 未评估 overall, never 达标', async () => {
    const r = await s.run<{ identificationRates: { townships: { verdict: string; passed: boolean }[] } }>(
      'leader',
      `query ($year: Int!) { identificationRates(year: $year) { townships { verdict passed } } }`,
      { year: 2016 },
    );
    expect(r.errors).toBeUndefined();
    const townships = r.data!.identificationRates.townships;
    expect(townships).toHaveLength(22);
    expect(townships.every((t) => t.verdict === 'NOT_ASSESSED' && !t.passed)).toBe(true);
  });
});
