import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';
import { householdWithFacts, recordFacts } from './identification-helpers';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const START_MONITORING = /* GraphQL */ `
  mutation ($input: StartMonitoringInput!) {
    startMonitoring(input: $input) {
      __typename
      ... on MutationStartMonitoringSuccess { data { id type state version nextStep responsibleCadreName classification { ruleId passed } } }
      ... on Error { code message }
      ... on RuleViolationError { ruleId }
    }
  }`;
const MONITOR_STEP = /* GraphQL */ `
  mutation ($input: RecordMonitoringStepInput!) {
    recordMonitoringStep(input: $input) {
      __typename
      ... on MutationRecordMonitoringStepSuccess { data { state version nextStep household { monitored } steps { step procedure } } }
      ... on StepRefusedError { refusals }
      ... on Error { code message }
    }
  }`;
const START_ELIMINATION = /* GraphQL */ `
  mutation ($input: StartRiskEliminationInput!) {
    startRiskElimination(input: $input) {
      __typename
      ... on MutationStartRiskEliminationSuccess { data { state version nextStep eliminationAssessment { ruleId passed } } }
      ... on RuleViolationError { code ruleId message }
      ... on Error { code message }
    }
  }`;

async function cadreOf(username: string) {
  const viewer = await s.viewer(username);
  const cadre = (await s.handle.db.query.cadres.findFirst({ where: { regionPath: viewer.regionPath } }))!;
  return globalId('Cadre', cadre.id);
}

type MonitorResult = {
  recordMonitoringStep: {
    __typename: string;
    refusals?: string[];
    data?: { state: string; version: number; household: { monitored: boolean } };
  };
};

async function identifyMonitoring(householdId: string) {
  const started = await s.run<{
    startMonitoring: { __typename: string; data: { id: string; type: string; version: number } };
  }>('village', START_MONITORING, {
    input: {
      householdId,
      year: 2021,
      riskKinds: ['ILLNESS'],
      responsibleCadreId: await cadreOf('village'),
      date: '2021-03-01',
    },
  });
  const object = started.data!.startMonitoring.data;
  let version = object.version;
  const results: MonitorResult['recordMonitoringStep'][] = [];
  for (const [user, step, date] of [
    ['village', 'HOUSEHOLD_VISIT', '2021-03-02'],
    ['township', 'DATA_CROSS_CHECK', '2021-03-03'],
    ['village', 'VILLAGE_NOTICE', '2021-03-04'],
    ['township', 'TOWNSHIP_REVIEW', '2021-03-09'],
    ['admin', 'COUNTY_APPROVAL', '2021-03-10'],
  ] as const) {
    const r = await s.run<MonitorResult>(user, MONITOR_STEP, {
      input: { monitoringObjectId: object.id, step, version, date },
    });
    results.push(r.data!.recordMonitoringStep);
    version = r.data!.recordMonitoringStep.data?.version ?? version;
  }
  return { object, version, results, started: started.data!.startMonitoring };
}

describe('monitoring objects (防返贫监测)', () => {
  it('an edge household is classified by the rules and becomes monitored when the county approves', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const { object, results } = await identifyMonitoring(householdId);
    expect(object.type).toBe('EDGE_PRONE');
    expect(results.slice(0, 4).every((r) => r.data!.household.monitored === false)).toBe(true);
    expect(results[4]!.data).toMatchObject({ state: 'MONITORED', household: { monitored: true } });
  });

  it('the village notice runs its days before the township review', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const started = await s.run<{ startMonitoring: { data: { id: string; version: number } } }>(
      'village',
      START_MONITORING,
      {
        input: {
          householdId,
          year: 2021,
          riskKinds: ['INCOME_DROP'],
          responsibleCadreId: await cadreOf('village'),
          date: '2021-03-01',
        },
      },
    );
    let { id, version } = started.data!.startMonitoring.data;
    for (const [user, step, date] of [
      ['village', 'HOUSEHOLD_VISIT', '2021-03-02'],
      ['township', 'DATA_CROSS_CHECK', '2021-03-03'],
      ['village', 'VILLAGE_NOTICE', '2021-03-04'],
    ] as const)
      version = (
        await s.run<MonitorResult>(user, MONITOR_STEP, {
          input: { monitoringObjectId: id, step, version, date },
        })
      ).data!.recordMonitoringStep.data!.version;
    const early = await s.run<MonitorResult>('township', MONITOR_STEP, {
      input: { monitoringObjectId: id, step: 'TOWNSHIP_REVIEW', version, date: '2021-03-08' },
    });
    expect(early.data!.recordMonitoringStep).toMatchObject({
      __typename: 'StepRefusedError',
      refusals: ['NOTICE_NOT_ELAPSED'],
    });
  });

  it('a household the rules do not classify is not made a monitoring object', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '20000', year: 2021 });
    const r = await s.run<{ startMonitoring: { code: string; ruleId: string } }>(
      'village',
      START_MONITORING,
      {
        input: {
          householdId,
          year: 2021,
          riskKinds: ['OTHER'],
          responsibleCadreId: await cadreOf('village'),
        },
      },
    );
    expect(r.data!.startMonitoring).toMatchObject({
      code: 'RULE_VIOLATION',
      ruleId: 'MONITOR.NOT_MONITORED',
    });
  });

  it('risk elimination runs its own procedure once the rules find the risk gone', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const { object, version } = await identifyMonitoring(householdId);
    await recordFacts(s, householdId, { perCapitaYuan: '9000', year: 2022 });
    const tooSoon = await s.run<{ startRiskElimination: { code: string; ruleId: string } }>(
      'village',
      START_ELIMINATION,
      {
        input: {
          monitoringObjectId: object.id,
          version,
          year: 2022,
          incomeAboveRangeSince: '2022-05-01',
          rigidSpendingResolved: true,
          date: '2022-08-01',
        },
      },
    );
    expect(tooSoon.data!.startRiskElimination).toMatchObject({
      code: 'RULE_VIOLATION',
      ruleId: 'RISK_ELIMINATION.INCOME_STABLE',
    });
    const started = await s.run<{
      startRiskElimination: { data: { state: string; version: number; nextStep: string } };
    }>('village', START_ELIMINATION, {
      input: {
        monitoringObjectId: object.id,
        version,
        year: 2022,
        incomeAboveRangeSince: '2022-01-01',
        rigidSpendingResolved: true,
        date: '2022-08-01',
      },
    });
    expect(started.data!.startRiskElimination.data).toMatchObject({
      state: 'ELIMINATING',
      nextStep: 'ELIMINATION_VISIT',
    });
    let v = started.data!.startRiskElimination.data.version;
    let last: { data?: MonitorResult | null } | undefined;
    for (const [user, step, date] of [
      ['village', 'ELIMINATION_VISIT', '2022-08-02'],
      ['village', 'ELIMINATION_NOTICE', '2022-08-03'],
      ['admin', 'ELIMINATION_APPROVAL', '2022-08-08'],
    ] as const) {
      last = await s.run<MonitorResult>(user, MONITOR_STEP, {
        input: { monitoringObjectId: object.id, step, version: v, date },
      });
      v = last.data!.recordMonitoringStep.data?.version ?? v;
    }
    expect(last!.data!.recordMonitoringStep.data).toMatchObject({
      state: 'RISK_ELIMINATED',
      household: { monitored: false },
    });
  });

  it('a household without labour capacity is never marked eliminated', async () => {
    const householdId = await householdWithFacts(s, {
      perCapitaYuan: '5000',
      year: 2021,
      labourCapacity: 'NONE',
    });
    const { object, version } = await identifyMonitoring(householdId);
    await recordFacts(s, householdId, { perCapitaYuan: '9000', year: 2022 });
    const r = await s.run<{ startRiskElimination: { code: string; ruleId: string } }>(
      'village',
      START_ELIMINATION,
      {
        input: {
          monitoringObjectId: object.id,
          version,
          year: 2022,
          incomeAboveRangeSince: '2022-01-01',
          rigidSpendingResolved: true,
          date: '2022-08-01',
        },
      },
    );
    expect(r.data!.startRiskElimination).toMatchObject({
      code: 'RULE_VIOLATION',
      ruleId: 'RISK_ELIMINATION.HAS_LABOUR',
    });
    const stored = await s.handle.db.query.monitoringObjects.findFirst({
      where: { id: Number(Buffer.from(object.id, 'base64').toString().split(':')[1]) },
    });
    expect(stored!.state).toBe('MONITORED');
  });

  it('the monitoring list is filtered by type in SQL', async () => {
    const r = await s.run<{ monitoringObjects: { totalCount: number; edges: { node: { type: string } }[] } }>(
      'admin',
      `{ monitoringObjects(type: EDGE_PRONE, first: 20) { totalCount edges { node { type responsibleCadreName } } } }`,
    );
    const edge = await s.handle.db.query.monitoringObjects.findMany({ where: { type: 'EDGE_PRONE' } });
    expect(r.data!.monitoringObjects.totalCount).toBe(edge.length);
    expect(r.data!.monitoringObjects.edges.every((e) => e.node.type === 'EDGE_PRONE')).toBe(true);
  });
});

const NEXT_ACTORS = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on MonitoringObject { state nextStep nextStepRoles version } }
  }`;

/** The demo user of each procedure role. */
const USER_OF_ROLE: Record<string, string> = {
  VILLAGE_CLERK: 'village',
  TOWNSHIP_CLERK: 'township',
  COUNTY_ADMIN: 'admin',
};

describe('who acts next on a monitoring object (MonitoringObject.nextStepRoles)', () => {
  it('names the roles the procedure allows for the next step, which the step mutation accepts and no other; empty when no step is next', async () => {
    const householdId = await householdWithFacts(s, { perCapitaYuan: '5000', year: 2021 });
    const started = await s.run<{ startMonitoring: { data: { id: string } } }>('village', START_MONITORING, {
      input: {
        householdId,
        year: 2021,
        riskKinds: ['ILLNESS'],
        responsibleCadreId: await cadreOf('village'),
        date: '2021-03-01',
      },
    });
    const id = started.data!.startMonitoring.data.id;
    type Next = {
      node: { state: string; nextStep: string | null; nextStepRoles: string[]; version: number };
    };
    const next = async () => (await s.run<Next>('admin', NEXT_ACTORS, { id })).data!.node;
    /** Records the next step: first as a user of a role not named (refused), then as one of the named roles. */
    async function actAsNamed(date: string) {
      const { nextStep, nextStepRoles, version } = await next();
      const outsider = Object.keys(USER_OF_ROLE).find((role) => !nextStepRoles.includes(role));
      if (outsider) {
        const refused = await s.run<MonitorResult>(USER_OF_ROLE[outsider]!, MONITOR_STEP, {
          input: { monitoringObjectId: id, step: nextStep, version, date },
        });
        expect(refused.data!.recordMonitoringStep.__typename).not.toBe('MutationRecordMonitoringStepSuccess');
      }
      const accepted = await s.run<MonitorResult>(USER_OF_ROLE[nextStepRoles[0]!]!, MONITOR_STEP, {
        input: { monitoringObjectId: id, step: nextStep, version, date },
      });
      expect(accepted.data!.recordMonitoringStep.__typename).toBe('MutationRecordMonitoringStepSuccess');
      return [nextStep, nextStepRoles];
    }

    const identification = [];
    for (const date of ['2021-03-02', '2021-03-03', '2021-03-04', '2021-03-09', '2021-03-10'])
      identification.push(await actAsNamed(date));
    expect(identification).toEqual([
      ['HOUSEHOLD_VISIT', ['VILLAGE_CLERK']],
      ['DATA_CROSS_CHECK', ['TOWNSHIP_CLERK', 'COUNTY_ADMIN']],
      ['VILLAGE_NOTICE', ['VILLAGE_CLERK']],
      ['TOWNSHIP_REVIEW', ['TOWNSHIP_CLERK']],
      ['COUNTY_APPROVAL', ['COUNTY_ADMIN']],
    ]);
    expect(await next()).toMatchObject({ state: 'MONITORED', nextStep: null, nextStepRoles: [] });

    await recordFacts(s, householdId, { perCapitaYuan: '9000', year: 2022 });
    const elimination = await s.run<{ startRiskElimination: { __typename: string } }>(
      'village',
      START_ELIMINATION,
      {
        input: {
          monitoringObjectId: id,
          version: (await next()).version,
          year: 2022,
          incomeAboveRangeSince: '2022-01-01',
          rigidSpendingResolved: true,
          date: '2022-08-01',
        },
      },
    );
    expect(elimination.data!.startRiskElimination.__typename).toBe('MutationStartRiskEliminationSuccess');
    const eliminationSteps = [];
    for (const date of ['2022-08-02', '2022-08-03', '2022-08-08'])
      eliminationSteps.push(await actAsNamed(date));
    expect(eliminationSteps).toEqual([
      ['ELIMINATION_VISIT', ['VILLAGE_CLERK']],
      ['ELIMINATION_NOTICE', ['VILLAGE_CLERK']],
      ['ELIMINATION_APPROVAL', ['COUNTY_ADMIN']],
    ]);
    expect(await next()).toMatchObject({ state: 'RISK_ELIMINATED', nextStep: null, nextStepRoles: [] });
  });
});
