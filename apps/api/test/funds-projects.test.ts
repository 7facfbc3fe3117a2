import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit, type ProjectRef, STEP_USER, today } from './funds-helpers';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** The project library lifecycle (项目库): steps, their order, versions, jurisdiction and the list. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const {
  mutate,
  countyRows,
  projectInput,
  newProject,
  foreignProject,
  advance,
  walk,
  projectInImplementation,
} = fundsKit(() => s);

describe('the project library lifecycle (项目库)', () => {
  it('walks a project from application to asset hand-over, recording every step with who and when', async () => {
    const project = await projectInImplementation();
    await walk(project, ['COMPLETION_ACCEPTANCE', 'ASSET_HANDOVER']);
    const r = await s.run<{
      node: {
        state: string;
        nextStates: string[];
        steps: { toState: string; actedByName: string; actedOn: string }[];
      };
    }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on Project { state nextStates steps { toState actedByName actedOn } } } }`,
      { id: project.id },
    );
    expect(r.data!.node.steps.map((step) => step.toState)).toEqual([
      'APPLICATION',
      'TOWNSHIP_REVIEW',
      'COUNTY_APPRAISAL',
      'APPROVED',
      'IN_LIBRARY',
      'IMPLEMENTATION',
      'COMPLETION_ACCEPTANCE',
      'ASSET_HANDOVER',
    ]);
    expect(r.data!.node.steps.map((step) => step.actedByName)).toEqual([
      '村级扶贫专干',
      '沱江镇扶贫专干',
      '县级管理员',
      '县级管理员',
      '县级管理员',
      '村级扶贫专干',
      '沱江镇扶贫专干',
      '县级管理员',
    ]);
    expect(r.data!.node.steps.every((step) => step.actedOn === today())).toBe(true);
    expect(r.data!.node.nextStates).toEqual([]);
  });

  it('refuses a step out of order, naming both stages', async () => {
    const project = await newProject();
    const r = await advance('admin', project, 'APPROVED');
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PROJECT.TRANSITION' });
    expect(r.message).toContain('项目不能由 APPLICATION 进入 APPROVED');
  });

  it('removes a project from the library before implementation, and refuses any step after', async () => {
    const project = await newProject();
    await walk(project, ['REMOVED']);
    expect(await advance(STEP_USER.TOWNSHIP_REVIEW!, project, 'TOWNSHIP_REVIEW')).toMatchObject({
      ruleId: 'PROJECT.TRANSITION',
    });
  });

  it('refuses a project without a performance target as a validation error on performanceTarget', async () => {
    const rows = await countyRows();
    const r = await mutate(
      'village',
      'createProject',
      projectInput(rows.inside.id, rows.unit.id, { performanceTarget: '  ' }),
    );
    expect(r.code).toBe('VALIDATION');
    expect(r.fieldErrors![0]).toMatchObject({ path: ['performanceTarget'] });
    expect(r.fieldErrors![0]!.message).toContain('绩效目标必填');
  });

  it('refuses a step at a stale version with CONFLICT carrying the current version', async () => {
    const project = await newProject();
    const stale = { ...project };
    await walk(project, ['TOWNSHIP_REVIEW']);
    const r = await advance(STEP_USER.COUNTY_APPRAISAL!, stale, 'COUNTY_APPRAISAL');
    expect(r).toMatchObject({ code: 'CONFLICT', currentVersion: project.version });
  });

  it('checks jurisdiction before validation: a clerk naming a village or project elsewhere gets FORBIDDEN even with bad input', async () => {
    const rows = await countyRows();
    const r = await mutate(
      'village',
      'createProject',
      projectInput(rows.outside.id, rows.unit.id, { name: '', amountYuan: '-1' }),
    );
    expect(r.code).toBe('FORBIDDEN');
    const outside = await foreignProject();
    const step = await mutate('township', 'advanceProject', { id: outside.id, version: 99, to: 'APPROVED' });
    expect(step.code).toBe('FORBIDDEN');
    const paid = await mutate('township', 'recordDisbursement', { projectId: outside.id, amountYuan: 'abc' });
    expect(paid.code).toBe('FORBIDDEN');
  });

  it('lists projects inside the jurisdiction only, with paging and a total', async () => {
    const query = `query ($state: ProjectState) { projects(first: 5, state: $state) { totalCount edges { node { region { name } state } } pageInfo { hasNextPage } } }`;
    const county = await s.run<{ projects: { totalCount: number } }>('admin', query, {});
    const township = await s.run<{
      projects: {
        totalCount: number;
        edges: { node: { state: string } }[];
        pageInfo: { hasNextPage: boolean };
      };
    }>('township', query, {});
    expect(township.data!.projects.totalCount).toBeGreaterThan(0);
    expect(township.data!.projects.totalCount).toBeLessThan(county.data!.projects.totalCount);
    const removed = await s.run<{ projects: { edges: { node: { state: string } }[] } }>('admin', query, {
      state: 'REMOVED',
    });
    expect(removed.data!.projects.edges.every((e) => e.node.state === 'REMOVED')).toBe(true);
  });
});

describe('who takes which step (PROJECT.STEP_ROLE): village applies, township reviews, county appraises and approves', () => {
  const STEPS = `query ($id: ID!) { node(id: $id) { ... on Project { viewerCanAdvance viewerNextStates nextStates } } }`;
  const stepsAs = async (username: string, project: ProjectRef) =>
    (
      await s.run<{ node: { viewerCanAdvance: boolean; viewerNextStates: string[]; nextStates: string[] } }>(
        username,
        STEPS,
        { id: project.id },
      )
    ).data!.node;

  it.each([
    ['admin', 'TOWNSHIP_REVIEW', 'COUNTY_ADMIN 无权办理 TOWNSHIP_REVIEW, 应由 TOWNSHIP_CLERK 办理'],
    ['village', 'TOWNSHIP_REVIEW', 'VILLAGE_CLERK 无权办理 TOWNSHIP_REVIEW, 应由 TOWNSHIP_CLERK 办理'],
    ['village', 'REMOVED', 'VILLAGE_CLERK 无权办理 REMOVED, 应由 TOWNSHIP_CLERK/COUNTY_ADMIN 办理'],
  ])('refuses the %s taking %s of an application, naming who takes it', async (username, to, message) => {
    const project = await newProject();
    const r = await advance(username, project, to);
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PROJECT.STEP_ROLE' });
    expect(r.message).toContain(message);
  });

  it('refuses the township clerk the county appraisal and approval, and the administrator the acceptance', async () => {
    const project = await walk(await newProject(), ['TOWNSHIP_REVIEW']);
    expect(await advance('township', project, 'COUNTY_APPRAISAL')).toMatchObject({
      ruleId: 'PROJECT.STEP_ROLE',
    });
    await walk(project, ['COUNTY_APPRAISAL']);
    expect(await advance('township', project, 'APPROVED')).toMatchObject({ ruleId: 'PROJECT.STEP_ROLE' });
    const working = await projectInImplementation();
    const r = await advance('admin', working, 'COMPLETION_ACCEPTANCE');
    expect(r.message).toContain('应由 TOWNSHIP_CLERK 办理');
  });

  it.each(['admin', 'township'])(
    'refuses an application from the %s: the village applies',
    async (username) => {
      const rows = await countyRows();
      const r = await s.run(
        username,
        'mutation ($input: CreateProjectInput!) { createProject(input: $input) { __typename } }',
        { input: projectInput(rows.inside.id, rows.unit.id) },
      );
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    },
  );

  it('offers each role the next steps it takes, and nothing to a role without steps', async () => {
    const project = await newProject();
    expect(await stepsAs('township', project)).toEqual({
      viewerCanAdvance: true,
      viewerNextStates: ['TOWNSHIP_REVIEW', 'REMOVED'],
      nextStates: ['TOWNSHIP_REVIEW', 'REMOVED'],
    });
    expect(await stepsAs('admin', project)).toMatchObject({
      viewerCanAdvance: true,
      viewerNextStates: ['REMOVED'],
    });
    expect(await stepsAs('village', project)).toMatchObject({
      viewerCanAdvance: false,
      viewerNextStates: [],
    });
    expect(await stepsAs('leader', project)).toMatchObject({ viewerCanAdvance: false, viewerNextStates: [] });
    await walk(project, ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY']);
    expect(await stepsAs('village', project)).toMatchObject({
      viewerCanAdvance: true,
      viewerNextStates: ['IMPLEMENTATION'],
    });
    expect((await stepsAs('admin', project)).viewerNextStates).toEqual(['REMOVED']);
    expect(await stepsAs('auditor', project)).toMatchObject({
      viewerCanAdvance: false,
      viewerNextStates: [],
    });
  });

  it('shows a clerk nothing of a project outside the township, and offers the county its removal', async () => {
    const outside = await foreignProject();
    expect(await stepsAs('township', outside)).toBeNull();
    expect((await stepsAs('admin', outside)).viewerNextStates).toEqual(['REMOVED']);
  });
});
