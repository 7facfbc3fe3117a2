import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundsKit } from './funds-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Allocations and payments under their caps, and the viewerCan… fields of the money writes. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const { mutate, newProject, walk, newSource, projectInImplementation } = fundsKit(() => s);

describe('allocations and payments under their caps', () => {
  it('refuses an allocation over what the source has left, naming the figures', async () => {
    const source = await newSource({ amountYuan: '1000' });
    const project = await newProject();
    await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan: '600' });
    const r = await mutate('admin', 'allocateFunds', {
      sourceId: source.id,
      projectId: project.id,
      amountYuan: '400.01',
    });
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'FUNDS.ALLOCATION_CAP' });
    expect(r.message).toContain(
      '总额 1000.00 元, 已安排 600.00 元, 剩余 400.00 元; 本次安排 400.01 元, 超出剩余 0.01 元',
    );
  });

  it('refuses an allocation to a removed project', async () => {
    const source = await newSource({ amountYuan: '1000' });
    const project = await newProject();
    await walk(project, ['REMOVED']);
    const r = await mutate('admin', 'allocateFunds', {
      sourceId: source.id,
      projectId: project.id,
      amountYuan: '1',
    });
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'FUNDS.PROJECT_OPEN' });
  });

  it('names the missing argument: NOT_FOUND on projectId', async () => {
    const source = await newSource({ amountYuan: '1' });
    const r = await mutate('admin', 'allocateFunds', {
      sourceId: source.id,
      projectId: globalId('Project', 999999),
      amountYuan: '1',
    });
    expect(r).toMatchObject({ code: 'NOT_FOUND', argument: 'projectId' });
  });

  it('refuses a payment over what is allocated and unpaid, and a payment before implementation', async () => {
    const source = await newSource({ amountYuan: '1000' });
    const approved = await newProject();
    await walk(approved, ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED']);
    await mutate('admin', 'allocateFunds', {
      sourceId: source.id,
      projectId: approved.id,
      amountYuan: '100',
    });
    expect(
      await mutate('admin', 'recordDisbursement', { projectId: approved.id, amountYuan: '1' }),
    ).toMatchObject({
      ruleId: 'FUNDS.PAYMENT_STAGE',
    });
    const project = await projectInImplementation();
    await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan: '500' });
    const paid = await mutate(
      'township',
      'recordDisbursement',
      { projectId: project.id, amountYuan: '300' },
      'id amountYuan',
    );
    expect(paid.data).toMatchObject({ amountYuan: '300.00' });
    const over = await mutate('admin', 'recordDisbursement', {
      projectId: project.id,
      amountWanYuan: '0.020001',
    });
    expect(over).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'FUNDS.DISBURSEMENT_CAP' });
    expect(over.message).toContain(
      '已安排 500.00 元, 已拨付 300.00 元, 可拨付 200.00 元; 本次拨付 200.01 元, 超出 0.01 元',
    );
    expect(
      (await mutate('admin', 'recordDisbursement', { projectId: project.id, amountWanYuan: '0.02' }))
        .__typename,
    ).toBe('MutationRecordDisbursementSuccess');
  });
});

describe('viewerCan… fields follow the role, the jurisdiction and the rules', () => {
  const PROJECT = `query ($id: ID!) { node(id: $id) { ... on Project { viewerCanAdvance viewerCanAllocate viewerCanDisburse } } }`;
  const SOURCE = `query ($id: ID!) { node(id: $id) { ... on FundSource { viewerCanAllocate } } }`;

  it('offers payment on a project under way with money left, to the administrator and the township clerk only', async () => {
    const source = await newSource({ amountYuan: '10' });
    const project = await projectInImplementation();
    const before = await s.run<{ node: Record<string, boolean> }>('admin', PROJECT, { id: project.id });
    expect(before.data!.node).toEqual({
      viewerCanAdvance: false,
      viewerCanAllocate: true,
      viewerCanDisburse: false,
    });
    await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan: '10' });
    const admin = await s.run<{ node: Record<string, boolean> }>('admin', PROJECT, { id: project.id });
    expect(admin.data!.node.viewerCanDisburse).toBe(true);
    const township = await s.run<{ node: Record<string, boolean> }>('township', PROJECT, { id: project.id });
    expect(township.data!.node).toEqual({
      viewerCanAdvance: true,
      viewerCanAllocate: false,
      viewerCanDisburse: true,
    });
    const leader = await s.run<{ node: Record<string, boolean> }>('leader', PROJECT, { id: project.id });
    expect(leader.data!.node).toEqual({
      viewerCanAdvance: false,
      viewerCanAllocate: false,
      viewerCanDisburse: false,
    });
    const spent = await s.run<{ node: { viewerCanAllocate: boolean } }>('admin', SOURCE, { id: source.id });
    expect(spent.data!.node.viewerCanAllocate).toBe(false);
  });
});

describe('the allocation and payment lists show what remains beside every figure', () => {
  it('lists a source’s allocations and a project’s payments with the remaining amounts', async () => {
    const source = await newSource({ amountYuan: '1000' });
    const project = await projectInImplementation();
    await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan: '600' });
    await mutate('township', 'recordDisbursement', { projectId: project.id, amountYuan: '250' });
    const r = await s.run<{
      fundAllocations: { totalCount: number; edges: { node: Record<string, unknown> }[] };
      disbursements: { totalCount: number; edges: { node: Record<string, unknown> }[] };
    }>(
      'township',
      `query ($source: ID!, $project: ID!) {
        fundAllocations(sourceId: $source) { totalCount edges { node { amountYuan source { remainingYuan } project { payableYuan unallocatedWanYuan } } } }
        disbursements(projectId: $project) { totalCount edges { node { amountYuan project { allocatedYuan disbursedYuan payableYuan } } } } }`,
      { source: source.id, project: project.id },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.fundAllocations.totalCount).toBe(1);
    expect(r.data!.fundAllocations.edges[0]!.node).toEqual({
      amountYuan: '600.00',
      source: { remainingYuan: '400.00' },
      project: { payableYuan: '350.00', unallocatedWanYuan: '120.44' },
    });
    expect(r.data!.disbursements.edges[0]!.node).toEqual({
      amountYuan: '250.00',
      project: { allocatedYuan: '600.00', disbursedYuan: '250.00', payableYuan: '350.00' },
    });
  });

  it('lists nothing of another township to a township clerk', async () => {
    const r = await s.run<{
      fundAllocations: { edges: { node: { project: { region: { regionPath?: string } } } }[] };
    }>('township', `{ fundAllocations(first: 50) { edges { node { project { name } } } } }`);
    const county = await s.run<{ fundAllocations: { totalCount: number } }>(
      'admin',
      `{ fundAllocations { totalCount } }`,
    );
    const township = await s.run<{ fundAllocations: { totalCount: number } }>(
      'township',
      `{ fundAllocations { totalCount } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(township.data!.fundAllocations.totalCount).toBeLessThan(county.data!.fundAllocations.totalCount);
  });
});
