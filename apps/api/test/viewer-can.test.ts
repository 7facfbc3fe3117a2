import { cadres, users } from '@gongjian/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/**
 * The console's buttons follow `viewerCan…` fields computed by the same checks the writes make. Decision:
 * a helper (结对帮扶责任人) reports progress only on tasks they are the responsible person of (TASK.REPORTER).
 */
let s: Scenario;
let assigned: string;
let other: string;
beforeAll(async () => {
  s = await createScenario();
  const db = s.handle.db;
  const helper = (await db.query.users.findFirst({ where: { username: 'helper' } }))!;
  const committee = (await db.query.units.findFirst({
    where: { kind: 'VILLAGE_COMMITTEE', regionId: helper.jurisdictionId },
    with: { cadres: { orderBy: { id: 'asc' } } },
  }))!;
  const mine = committee.cadres[0]!;
  const [theirs] = await db
    .insert(cadres)
    .values({
      countyId: committee.countyId,
      regionPath: committee.regionPath,
      unitId: committee.id,
      name: '村干部乙',
      post: '委员',
    })
    .returning();
  await db.update(users).set({ cadreId: mine!.id }).where(eq(users.id, helper.id));
  const create = async (title: string, personId: number) => {
    const r = await s.run<{ createTask: { data: { id: string } } }>(
      'admin',
      `mutation ($input: CreateTaskInput!) { createTask(input: $input) {
        ... on MutationCreateTaskSuccess { data { id } } } }`,
      {
        input: {
          title,
          sourceKind: 'INSPECTION_FINDING',
          findingReference: '督查通报第2号',
          level: 'COUNTY_LEADER',
          regionId: globalId('Region', helper.jurisdictionId),
          responsibleUnitId: globalId('Unit', committee.id),
          responsiblePersonId: globalId('Cadre', personId),
          deadline: '2030-12-31',
        },
      },
    );
    return r.data!.createTask.data.id;
  };
  assigned = await create('帮扶责任人本人的任务', mine!.id);
  other = await create('他人负责的任务', theirs!.id);
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const CAN = `viewerCanReportProgress viewerCanDecompose viewerCanComplete viewerCanReassign`;
type Can = Record<
  'viewerCanReportProgress' | 'viewerCanDecompose' | 'viewerCanComplete' | 'viewerCanReassign',
  boolean
>;

async function can(username: string, id: string) {
  const r = await s.run<{ node: Can }>(
    username,
    `query ($id: ID!) { node(id: $id) { ... on Task { ${CAN} } } }`,
    { id },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.node;
}

async function report(username: string, id: string) {
  const r = await s.run<{ reportTaskProgress: { __typename: string; ruleId?: string } }>(
    username,
    `mutation ($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename
      ... on RuleViolationError { ruleId } } }`,
    { input: { id, version: 1, progress: 30 } },
  );
  return r.data!.reportTaskProgress;
}

describe('a helper reports progress only on tasks assigned to them', () => {
  it('offers and accepts progress on the task the helper is responsible for', async () => {
    expect(await can('helper', assigned)).toEqual({
      viewerCanReportProgress: true,
      viewerCanDecompose: false,
      viewerCanComplete: false,
      viewerCanReassign: false,
    });
    expect((await report('helper', assigned)).__typename).toBe('MutationReportTaskProgressSuccess');
  });

  it('neither offers nor accepts progress on a task someone else is responsible for', async () => {
    expect((await can('helper', other)).viewerCanReportProgress).toBe(false);
    expect(await report('helper', other)).toEqual({
      __typename: 'RuleViolationError',
      ruleId: 'TASK.REPORTER',
    });
  });

  it('the village clerk may report, decompose, complete and reassign either task', async () => {
    expect(await can('village', other)).toEqual({
      viewerCanReportProgress: true,
      viewerCanDecompose: true,
      viewerCanComplete: true,
      viewerCanReassign: true,
    });
  });
});

describe('the permission fields cost no statement per row', () => {
  it.each([
    ['tasks', `tasks(first: 50) { totalCount edges { node { id ${CAN} } } }`],
    [
      'households',
      `households(first: 50) { totalCount edges { node { id viewerCanEdit viewerCanStartApplication riskEliminationAllowed } } }`,
    ],
    [
      'statusApplications',
      `statusApplications(first: 50) { totalCount edges { node { id viewerCanRecordStep viewerCanWithdraw } } }`,
    ],
    [
      'monitoringObjects',
      `monitoringObjects(first: 50) { totalCount edges { node { id viewerCanRecordStep viewerCanStartRiskElimination viewerCanAssignCadre } } }`,
    ],
    ['units', `units(first: 50) { totalCount edges { node { id viewerCanEdit } } }`],
    ['cadres', `cadres(first: 50) { totalCount edges { node { id viewerCanEdit } } }`],
  ])(
    'a page of %s with its viewerCan… fields is two statements (the page and the count)',
    async (_name, selection) => {
      const r = await s.run('admin', `{ ${selection} }`);
      expect(r.errors).toBeUndefined();
      expect(s.statements).toHaveLength(2);
    },
  );

  it('a unit outside the jurisdiction is not editable, one inside is', async () => {
    const r = await s.run<{ units: { edges: { node: { viewerCanEdit: boolean } }[] } }>(
      'village',
      `{ units(first: 5) { edges { node { viewerCanEdit } } } }`,
    );
    expect(r.data!.units.edges.length).toBeGreaterThan(0);
    expect(r.data!.units.edges.every((e) => e.node.viewerCanEdit)).toBe(true);
    const leader = await s.run<{ units: { edges: { node: { viewerCanEdit: boolean } }[] } }>(
      'leader',
      `{ units(first: 5) { edges { node { viewerCanEdit } } } }`,
    );
    expect(leader.data!.units.edges.every((e) => !e.node.viewerCanEdit)).toBe(true);
  });
});
