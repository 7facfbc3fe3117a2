import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit, STEP_USER, today } from './funds-helpers';
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

const { mutate, countyRows, projectInput, newProject, advance, walk, projectInImplementation } = fundsKit(
  () => s,
);

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
    expect(
      r.data!.node.steps.every((step) => step.actedByName === '县级管理员' && step.actedOn === today()),
    ).toBe(true);
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
      'admin',
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

  it('checks jurisdiction before validation: a township clerk naming a village elsewhere gets FORBIDDEN even with bad input', async () => {
    const rows = await countyRows();
    const r = await mutate(
      'township',
      'createProject',
      projectInput(rows.outside.id, rows.unit.id, { name: '', amountYuan: '-1' }),
    );
    expect(r.code).toBe('FORBIDDEN');
    const outside = await newProject('admin', 'outside');
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
