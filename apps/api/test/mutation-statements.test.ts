import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import {
  freshIdNumber,
  HEAD,
  householdWithFacts,
  recordFacts,
  SECURE_GUARANTEES,
  START_APPLICATION,
  villageOf,
} from './identification-helpers';

/**
 * Pins the SQL statements every mutation issues on its successful path (BEGIN/COMMIT are not logged), as the
 * reads are pinned in statements.test.ts, so a write that grows a statement shows up in review.
 */
let s: Scenario;
const ids: Record<string, string> = {};
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const INPUT_TYPES: Record<string, string> = {
  revealMemberIdNumber: 'RevealPersonalDataInput',
  revealHouseholdPhone: 'RevealPersonalDataInput',
  saveMeasure: 'MeasureInput',
  recordSectorData: 'SectorRecordInput',
  runExclusionScreening: 'ExclusionScreeningInput',
  confirmExclusionFinding: 'DecideExclusionFindingInput',
  dismissExclusionFinding: 'DecideExclusionFindingInput',
};

/** Runs a mutation, expects its success type, and returns its data with the statements it issued. */
async function mutate(username: string, name: string, input: Record<string, unknown>, select = 'id version') {
  const type = INPUT_TYPES[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const scalar = [
    'revealCadrePhone',
    'revealMemberIdNumber',
    'revealHouseholdPhone',
    'recordSectorData',
    'setVillagePopulation',
  ].includes(name);
  const body = scalar ? `... on ${success} { data }` : `... on ${success} { data { ${select} } }`;
  const r = await s.run<Record<string, { __typename: string; data: Record<string, unknown> }>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ${body} ... on Error { code message } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data![name], JSON.stringify(r.data)).toMatchObject({ __typename: success });
  return {
    data: r.data![name]!.data as Record<string, unknown> & { id: string; version: number },
    statements: s.statements.length,
  };
}

const one = async <T>(promise: Promise<T | undefined>) => (await promise)!;

describe('organisation', () => {
  it('createUnit is 4 statements, updateUnit 5, createCadre 6 (the station lock, then its staff count under the lock), updateCadre 5, revealCadrePhone 2', async () => {
    const village = await villageOf(s, 'village');
    const unit = await mutate('admin', 'createUnit', {
      name: '测试后盾单位',
      kind: 'BACKING_UNIT',
      backingLevel: 'COUNTY',
      regionId: globalId('Region', village.id),
    });
    const updated = await mutate('admin', 'updateUnit', {
      id: unit.data.id,
      version: 1,
      name: '测试后盾单位二',
      kind: 'BACKING_UNIT',
      backingLevel: 'CITY',
      regionId: globalId('Region', village.id),
    });
    const cadre = await mutate('admin', 'createCadre', {
      unitId: unit.data.id,
      name: '测试干部',
      post: '干事',
      phone: '13800000000',
    });
    const updatedCadre = await mutate('admin', 'updateCadre', {
      id: cadre.data.id,
      version: 1,
      unitId: unit.data.id,
      name: '测试干部乙',
      post: '科员',
    });
    const reveal = await mutate('admin', 'revealCadrePhone', { id: cadre.data.id, reason: '核实联系方式' });
    expect([
      unit.statements,
      updated.statements,
      cadre.statements,
      updatedCadre.statements,
      reveal.statements,
    ]).toEqual([4, 5, 6, 5, 2]);
  });
});

describe('work advancement', () => {
  it('createMeeting is 4 statements (with its decisions), createResolution 3, createPolicyDocument 3', async () => {
    const meeting = await mutate('admin', 'createMeeting', {
      type: 'LEADING_GROUP',
      heldOn: '2019-03-01',
      topic: '测试会议',
      attendees: ['甲'],
      decisions: ['决定一'],
    });
    const resolution = await mutate('admin', 'createResolution', {
      issuingBody: '县人大常委会',
      adoptedOn: '2019-03-02',
      title: '测试决议',
    });
    const document = await mutate('admin', 'createPolicyDocument', {
      kind: 'THEMATIC',
      documentNumber: '测试〔2019〕1号',
      title: '测试文件',
      issuer: '县委办',
      issuedOn: '2019-03-03',
    });
    ids.document = document.data.id;
    expect([meeting.statements, resolution.statements, document.statements]).toEqual([4, 3, 3]);
  });
});

describe('responsibility', () => {
  it('createTask is 6 statements, decomposeTask 6, reportTaskProgress 6, reassignTask 6, completeTask 6 (each status write appends its status change)', async () => {
    const db = s.handle.db;
    const county = await one(db.query.regions.findFirst({ where: { level: 'COUNTY' } }));
    const office = await one(
      db.query.units.findFirst({
        where: { kind: 'COUNTY_DEPARTMENT' },
        with: { cadres: { orderBy: { id: 'asc' } } },
      }),
    );
    const townships = await db.query.regions.findMany({
      where: { level: 'TOWNSHIP' },
      orderBy: { id: 'asc' },
      limit: 1,
    });
    const station = await one(
      db.query.units.findFirst({
        where: { kind: 'WORK_STATION', regionId: townships[0]!.id },
        with: { cadres: { orderBy: { id: 'asc' } } },
      }),
    );
    const task = await mutate('admin', 'createTask', {
      title: '测试任务',
      sourceKind: 'POLICY_DOCUMENT',
      sourceId: ids.document,
      level: 'COUNTY_LEADER',
      regionId: globalId('Region', county.id),
      responsibleUnitId: globalId('Unit', office.id),
      responsiblePersonId: globalId('Cadre', office.cadres[0]!.id),
      deadline: '2030-12-31',
    });
    const child = {
      regionId: globalId('Region', townships[0]!.id),
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
      deadline: '2030-06-30',
    };
    const decomposed = await mutate(
      'admin',
      'decomposeTask',
      { parentId: task.data.id, children: [child] },
      'id version children(first: 5) { edges { node { id version } } }',
    );
    const leaf = (decomposed.data.children as { edges: { node: { id: string; version: number } }[] })
      .edges[0]!.node;
    const reported = await mutate('admin', 'reportTaskProgress', {
      id: leaf.id,
      version: leaf.version,
      progress: 40,
    });
    const reassigned = await mutate('admin', 'reassignTask', {
      id: leaf.id,
      version: reported.data.version,
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', station.cadres[1]!.id),
      reason: '人员调整',
    });
    const completed = await mutate('admin', 'completeTask', {
      id: leaf.id,
      version: reassigned.data.version,
    });
    expect([
      task.statements,
      decomposed.statements,
      reported.statements,
      reassigned.statements,
      completed.statements,
    ]).toEqual([6, 6, 6, 6, 6]);
  });
});

describe('identification: the register', () => {
  it('createHousehold 5, updateHousehold/addMember/updateMember/removeMember 4, reveals 2, recordIncome 5, recordGuaranteeCheck 5, saveMeasure 4', async () => {
    const village = await villageOf(s, 'village');
    const household = await mutate('village', 'createHousehold', {
      villageId: globalId('Region', village.id),
      householdNumber: 'PIN0001',
      phone: '13900000000',
      attribute: 'ORDINARY',
      mainCause: 'ILLNESS',
      head: HEAD(),
    });
    const updated = await mutate('village', 'updateHousehold', {
      id: household.data.id,
      version: 1,
      attribute: 'ORDINARY',
      mainCause: 'DISABILITY',
      phone: '13900000000',
      address: '测试组',
    });
    const member = {
      name: '盘小明',
      idNumber: freshIdNumber(true),
      relation: 'SON',
      education: 'PRIMARY',
      health: 'HEALTHY',
      labourCapacity: 'FULL',
    };
    const added = await mutate('village', 'addMember', { householdId: household.data.id, member });
    const changed = await mutate('village', 'updateMember', {
      id: added.data.id,
      version: 1,
      member: { ...member, education: 'JUNIOR_SECONDARY' },
    });
    const revealMember = await mutate('admin', 'revealMemberIdNumber', {
      id: added.data.id,
      reason: '核实身份',
    });
    const removed = await mutate('village', 'removeMember', {
      id: added.data.id,
      version: 2,
      reason: '婚嫁迁出',
    });
    const revealPhone = await mutate('admin', 'revealHouseholdPhone', {
      id: household.data.id,
      reason: '核实联系方式',
    });
    const income = {
      householdId: household.data.id,
      year: 2019,
      wagesYuan: '3000',
      businessIncomeYuan: '0',
      businessCostsYuan: '0',
      propertyIncomeYuan: '0',
      transferIncomeYuan: '0',
    };
    const recorded = await mutate('village', 'recordIncome', income);
    const reRecorded = await mutate('village', 'recordIncome', { ...income, wagesYuan: '3100', version: 1 });
    const guarantee = await mutate('village', 'recordGuaranteeCheck', {
      householdId: household.data.id,
      year: 2019,
      checkedOn: '2019-06-01',
      ...SECURE_GUARANTEES,
      housingGrade: 'B',
    });
    const measure = await mutate('village', 'saveMeasure', {
      householdId: household.data.id,
      kind: 'INDUSTRY',
      status: 'PLANNED',
      description: '种植油茶',
    });
    const measureEdit = await mutate('village', 'saveMeasure', {
      id: measure.data.id,
      version: 1,
      kind: 'INDUSTRY',
      status: 'IN_PROGRESS',
      description: '种植油茶',
    });
    expect(
      [
        household,
        updated,
        added,
        changed,
        removed,
        revealMember,
        revealPhone,
        recorded,
        reRecorded,
        guarantee,
        measure,
        measureEdit,
      ].map((m) => m.statements),
    ).toEqual([5, 4, 4, 4, 4, 2, 2, 5, 5, 5, 4, 4]);
  });
});

describe('identification: the procedure', () => {
  it('startApplication is 5 statements, recordApplicationStep 5, withdrawApplication 4', async () => {
    const householdId = await householdWithFacts(s);
    s.resetStatements();
    const started = await s.run<{
      startApplication: { __typename: string; data: { id: string; version: number } };
    }>('village', START_APPLICATION, {
      input: { householdId, kind: 'IDENTIFY', year: 2019, reason: '入户核实', date: '2019-09-01' },
    });
    const startStatements = s.statements.length;
    const app = started.data!.startApplication.data;
    const step = await mutate('village', 'recordApplicationStep', {
      applicationId: app.id,
      step: 'VILLAGE_DELIBERATION',
      date: '2019-09-02',
      version: app.version,
    });
    const withdrawn = await mutate('village', 'withdrawApplication', {
      applicationId: app.id,
      version: step.data.version,
      reason: '申请人撤回',
    });
    expect([startStatements, step.statements, withdrawn.statements]).toEqual([5, 5, 4]);
  });
});

describe('identification: screening, monitoring, verification', () => {
  it('recordSectorData is 2 statements, setVillagePopulation 3, recordSurveySample 4, runExclusionScreening of one household 4', async () => {
    const village = await villageOf(s, 'village');
    const householdId = await householdWithFacts(s);
    const sector = await mutate('admin', 'recordSectorData', {
      idNumber: freshIdNumber(true),
      kind: 'VEHICLE',
      source: '县公安局交警大队',
      vehicle: { vehicleKind: 'CAR', purchasePriceYuan: '80000', productive: false },
    });
    const population = await mutate('admin', 'setVillagePopulation', {
      villageId: globalId('Region', village.id),
      year: 2019,
      ruralPopulation: 1000,
      ruralHouseholds: 100,
    });
    const survey = await mutate(
      'admin',
      'recordSurveySample',
      {
        villageId: globalId('Region', village.id),
        year: 2020,
        kind: 'NON_REGISTERED',
        respondentName: '李明',
        persons: 3,
        missed: false,
        recognises: true,
        date: '2020-08-01',
      },
      'id',
    );
    const screened = await mutate(
      'admin',
      'runExclusionScreening',
      { householdId, year: 2019 },
      'screenedHouseholds',
    );
    expect([sector.statements, population.statements, survey.statements, screened.statements]).toEqual([
      2, 3, 4, 4,
    ]);
  });

  it('startMonitoring is 7 statements, recordMonitoringStep 5, assignResponsibleCadre 5', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const viewer = await s.viewer('village');
    const cadre = await one(s.handle.db.query.cadres.findFirst({ where: { regionPath: viewer.regionPath } }));
    const started = await mutate('village', 'startMonitoring', {
      householdId,
      year: 2021,
      riskKinds: ['ILLNESS'],
      responsibleCadreId: globalId('Cadre', cadre.id),
      date: '2021-03-01',
    });
    const step = await mutate('village', 'recordMonitoringStep', {
      monitoringObjectId: started.data.id,
      step: 'HOUSEHOLD_VISIT',
      version: started.data.version,
      date: '2021-03-02',
    });
    const assigned = await mutate('village', 'assignResponsibleCadre', {
      monitoringObjectId: started.data.id,
      version: step.data.version,
      responsibleCadreId: globalId('Cadre', cadre.id),
    });
    expect([started.statements, step.statements, assigned.statements]).toEqual([7, 5, 5]);
  });
});

describe('work advancement: a document that supersedes another', () => {
  it('createPolicyDocument superseding an in-force document is 5 statements', async () => {
    const superseding = await mutate('admin', 'createPolicyDocument', {
      kind: 'THEMATIC',
      documentNumber: '测试〔2019〕2号',
      title: '测试文件（修订）',
      issuer: '县委办',
      issuedOn: '2019-04-01',
      supersedesId: ids.document,
    });
    expect(superseding.statements).toBe(5);
  });
});

describe('identification: deciding findings, eliminating risk, verifying exits', () => {
  it('confirmExclusionFinding is 7 statements (with the removal application it starts), dismissExclusionFinding 4', async () => {
    const screened = await mutate(
      'admin',
      'runExclusionScreening',
      { year: 2019 },
      'newFindings { id version household { id status } }',
    );
    const findings = screened.data.newFindings as {
      id: string;
      version: number;
      household: { id: string; status: string };
    }[];
    const township = await s.viewer('township');
    const regionPathOf = async (householdId: string) => {
      const id = Number(Buffer.from(householdId, 'base64').toString().split(':')[1]);
      return (await one(s.handle.db.query.households.findFirst({ where: { id } }))).regionPath;
    };
    let confirmable: (typeof findings)[number] | undefined;
    for (const f of findings)
      if (
        f.household.status === 'POOR' &&
        (await regionPathOf(f.household.id)).startsWith(township.regionPath)
      )
        confirmable = f;
    const dismissable = findings.find((f) => f !== confirmable);
    const confirmed = await mutate('township', 'confirmExclusionFinding', {
      id: confirmable!.id,
      version: confirmable!.version,
      reason: '数据比对属实',
      year: 2019,
      date: '2019-09-20',
    });
    const dismissed = await mutate('admin', 'dismissExclusionFinding', {
      id: dismissable!.id,
      version: dismissable!.version,
      reason: '经核实, 车辆为亲属所有',
    });
    expect([confirmed.statements, dismissed.statements]).toEqual([7, 4]);
  });

  it('startRiskElimination is 5 statements', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const viewer = await s.viewer('village');
    const cadre = await one(s.handle.db.query.cadres.findFirst({ where: { regionPath: viewer.regionPath } }));
    const started = await mutate('village', 'startMonitoring', {
      householdId,
      year: 2021,
      riskKinds: ['ILLNESS'],
      responsibleCadreId: globalId('Cadre', cadre.id),
      date: '2021-03-01',
    });
    let version = started.data.version;
    for (const [username, step, date] of [
      ['village', 'HOUSEHOLD_VISIT', '2021-03-02'],
      ['township', 'DATA_CROSS_CHECK', '2021-03-03'],
      ['village', 'VILLAGE_NOTICE', '2021-03-04'],
      ['township', 'TOWNSHIP_REVIEW', '2021-03-09'],
      ['admin', 'COUNTY_APPROVAL', '2021-03-10'],
    ] as const) {
      const recorded = await mutate(username, 'recordMonitoringStep', {
        monitoringObjectId: started.data.id,
        step,
        version,
        date,
      });
      version = recorded.data.version;
    }
    await recordFacts(s, householdId, { perCapitaYuan: '9000', year: 2022 });
    const eliminating = await mutate('village', 'startRiskElimination', {
      monitoringObjectId: started.data.id,
      version,
      year: 2022,
      incomeAboveRangeSince: '2022-01-01',
      rigidSpendingResolved: true,
      date: '2022-08-01',
    });
    expect(eliminating.statements).toBe(5);
  });

  it('recordExitVerification is 5 statements', async () => {
    const exited = await one(
      s.handle.db.query.households.findFirst({
        where: {
          exitedYear: 2018,
          status: 'EXITED',
          RAW: (t) => sql`not exists (select 1 from exit_verifications v where v.household_id = ${t.id})`,
        },
      }),
    );
    const verified = await mutate(
      'supervisor',
      'recordExitVerification',
      {
        householdId: globalId('Household', exited.id),
        year: 2018,
        procedureFollowed: true,
        householdAgreed: true,
        date: '2019-02-01',
      },
      'outcome',
    );
    expect(verified.statements).toBe(5);
  });
});

describe('access', () => {
  it('login is 5 statements, logout 1', async () => {
    const login = await s.run<{ login: { __typename: string } }>(
      null,
      'mutation ($input: LoginInput!) { login(input: $input) { __typename } }',
      { input: { username: 'leader', password: 'Gongjian@2026' } },
    );
    expect(login.data!.login.__typename).toBe('MutationLoginSuccess');
    const loginStatements = s.statements.length;
    const logout = await s.run<{ logout: boolean }>('leader', 'mutation { logout }');
    expect(logout.data!.logout).toBe(true);
    expect([loginStatements, s.statements.length]).toEqual([5, 1]);
  });
});
