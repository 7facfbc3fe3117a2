import { addDays } from '@gongjian/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  ruleId?: string;
  argument?: string | null;
  currentVersion?: number | null;
  fieldErrors?: { path: string[]; message: string }[];
  data?: Record<string, unknown> & { id: string };
}

const INPUTS: Record<string, string> = { allocateFunds: 'AllocateFundsInput' };

/** Runs one funds mutation as `username` and returns its union result. */
async function mutate(username: string, name: string, input: Record<string, unknown>, select = 'id') {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
      ... on ${success} { data { ${select} } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { argument }
      ... on RuleViolationError { ruleId }
      ... on ConflictError { currentVersion } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const today = () => clock.today();

async function countyRows() {
  const township = (await s.handle.db.query.regions.findFirst({
    where: { level: 'TOWNSHIP', name: '沱江镇' },
  }))!;
  const villages = await s.handle.db.query.regions.findMany({
    where: { level: 'VILLAGE' },
    orderBy: { id: 'asc' },
  });
  const inside = villages.find((v) => v.regionPath.startsWith(township.regionPath))!;
  const outside = villages.find((v) => !v.regionPath.startsWith(township.regionPath))!;
  const unit = (await s.handle.db.query.units.findFirst({
    where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
  }))!;
  return { township, inside, outside, unit };
}

const projectInput = (villageId: number, unitId: number, overrides: Record<string, unknown> = {}) => ({
  name: '测试村道路硬化项目',
  category: '基础设施',
  year: 2026,
  villageId: globalId('Region', villageId),
  responsibleUnitId: globalId('Unit', unitId),
  amountWanYuan: '120.5',
  beneficiaryHouseholds: 80,
  beneficiaryPeople: 300,
  beneficiaryPoorPeople: 90,
  performanceTarget: '硬化村道 2 公里, 当年通车',
  povertyLink: '优先吸纳贫困户务工',
  ...overrides,
});

async function newProject(username = 'admin', where: 'inside' | 'outside' = 'inside') {
  const rows = await countyRows();
  const created = await mutate(
    username,
    'createProject',
    projectInput(rows[where].id, rows.unit.id),
    'id version state',
  );
  expect(created.__typename).toBe('MutationCreateProjectSuccess');
  return created.data as { id: string; version: number; state: string };
}

async function advance(username: string, project: { id: string; version: number }, to: string) {
  const r = await mutate(
    username,
    'advanceProject',
    { id: project.id, version: project.version, to },
    'id version state',
  );
  if (r.data) Object.assign(project, r.data);
  return r;
}

async function newSource(amount: Record<string, string>, year = 2026, name = '测试资金') {
  const r = await mutate(
    'admin',
    'createFundSource',
    { category: 'OTHER', name, fromYear: year, toYear: year, ...amount },
    'id amountYuan remainingYuan',
  );
  expect(r.__typename).toBe('MutationCreateFundSourceSuccess');
  return r.data as { id: string; amountYuan: string };
}

/** A project taken through the lifecycle to IMPLEMENTATION, with a notice that has run. */
async function projectInImplementation() {
  const project = await newProject();
  for (const to of ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY'])
    expect((await advance('admin', project, to)).__typename).toBe('MutationAdvanceProjectSuccess');
  const notice = await mutate('admin', 'publishNotice', {
    subject: 'PROJECT',
    projectId: project.id,
    title: '入库公告',
    postingPlace: '村务公开栏',
    postedOn: addDays(today(), -20),
    lastDayPosted: addDays(today(), -11),
  });
  expect(notice.__typename).toBe('MutationPublishNoticeSuccess');
  expect((await advance('admin', project, 'IMPLEMENTATION')).__typename).toBe(
    'MutationAdvanceProjectSuccess',
  );
  return project;
}

const RECONCILE = `query ($from: Int!, $to: Int!) { fundReconciliation(fromYear: $from, toYear: $to) {
  grossWanYuan overlapWanYuan netWanYuan warning sources { name amountWanYuan }
  overlapChecks { ruleId passed messageZh }
  readings { reportedTotalWanYuan grossDifferenceWanYuan netDifferenceWanYuan outcome severity explanation { ruleId messageZh } } } }`;

interface ReconciliationResult {
  fundReconciliation: {
    grossWanYuan: string;
    overlapWanYuan: string;
    netWanYuan: string;
    warning: boolean;
    sources: { name: string }[];
    overlapChecks: { ruleId: string; passed: boolean; messageZh: string }[];
    readings: {
      reportedTotalWanYuan: string;
      grossDifferenceWanYuan: string;
      netDifferenceWanYuan: string;
      outcome: string;
      severity: string;
      explanation: { ruleId: string; messageZh: string }[];
    }[];
  };
}

describe('fund reconciliation (资金对账)', () => {
  it("shows the article's six sources summing to 436,530.522 万 against the stated 436,011.81 万: a +518.712 万 warning, and −24,239.288 万 net of the overlap", async () => {
    const r = await s.run<ReconciliationResult>('leader', RECONCILE, { from: 2014, to: 2018 });
    expect(r.errors).toBeUndefined();
    const result = r.data!.fundReconciliation;
    expect(result.sources).toHaveLength(6);
    expect(result).toMatchObject({
      grossWanYuan: '436530.522',
      overlapWanYuan: '24758',
      netWanYuan: '411772.522',
      warning: true,
    });
    const [reading] = result.readings;
    expect(reading).toMatchObject({
      reportedTotalWanYuan: '436011.81',
      grossDifferenceWanYuan: '518.712',
      netDifferenceWanYuan: '-24239.288',
      outcome: 'UNEXPLAINED',
      severity: 'WARNING',
    });
    const text = reading!.explanation.map((e) => e.messageZh).join('\n');
    expect(text).toContain('各来源直接相加 436530.522 万元, 与上报总额 436011.81 万元 多 518.712 万元');
    expect(text).toContain('扣除重叠后净额 411772.522 万元, 与上报总额 436011.81 万元 少 24239.288 万元');
    expect(result.overlapChecks[0]).toMatchObject({ ruleId: 'FUNDS.OVERLAP_FITS', passed: false });
  });

  it('says the 2019 integrated 30,771 万 matches its reported total', async () => {
    const r = await s.run<ReconciliationResult>('admin', RECONCILE, { from: 2019, to: 2019 });
    expect(r.data!.fundReconciliation.readings[0]).toMatchObject({
      outcome: 'MATCHES_GROSS',
      severity: 'OK',
    });
    expect(r.data!.fundReconciliation.warning).toBe(false);
  });

  it('reads a total entered net of a declared overlap as MATCHES_NET', async () => {
    const a = await newSource({ amountWanYuan: '100' }, 2041, '甲资金');
    const b = await newSource({ amountWanYuan: '40' }, 2041, '乙资金');
    const overlap = await mutate(
      'admin',
      'declareFundOverlap',
      { containerId: a.id, containedId: b.id, amountWanYuan: '15' },
      'amountWanYuan container { name }',
    );
    expect(overlap.data).toMatchObject({ amountWanYuan: '15', container: { name: '甲资金' } });
    expect(overlap.__typename).toBe('MutationDeclareFundOverlapSuccess');
    const total = await mutate(
      'admin',
      'recordReportedTotal',
      {
        fromYear: 2041,
        toYear: 2041,
        amountWanYuan: '125',
        reportedIn: '测试',
      },
      'amountWanYuan',
    );
    expect(total.__typename).toBe('MutationRecordReportedTotalSuccess');
    const r = await s.run<ReconciliationResult>('admin', RECONCILE, { from: 2041, to: 2041 });
    expect(r.data!.fundReconciliation.readings[0]).toMatchObject({ outcome: 'MATCHES_NET', severity: 'OK' });
  });

  it('refuses an overlap larger than the including source, naming both figures', async () => {
    const a = await newSource({ amountYuan: '100' }, 2042);
    const b = await newSource({ amountYuan: '300' }, 2042);
    const r = await mutate(
      'admin',
      'declareFundOverlap',
      { containerId: a.id, containedId: b.id, amountYuan: '150' },
      'amountWanYuan',
    );
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'FUNDS.OVERLAP_WITHIN_CONTAINER' });
    expect(r.message).toContain('含「测试资金」150.00 元, 超过「测试资金」总额 100.00 元');
  });
});

describe('money arrives as exact decimals', () => {
  it.each([
    ['-1', 'amountYuan'],
    ['1.001', 'amountYuan'],
    ['12,3', 'amountYuan'],
    ['0', 'amountYuan'],
  ])('refuses %s 元 as a validation error on %s', async (amount, path) => {
    const r = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '坏金额',
      fromYear: 2026,
      toYear: 2026,
      amountYuan: amount,
    });
    expect(r.code).toBe('VALIDATION');
    expect(r.fieldErrors!.map((e) => e.path.join('.'))).toContain(path);
  });

  it('refuses an amount given both in 元 and in 万元, and a 万元 amount finer than one fen', async () => {
    const both = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '两种',
      fromYear: 2026,
      toYear: 2026,
      amountYuan: '1',
      amountWanYuan: '1',
    });
    expect(both.fieldErrors![0]!.message).toContain('二选一');
    const fine = await mutate('admin', 'createFundSource', {
      category: 'OTHER',
      name: '过细',
      fromYear: 2026,
      toYear: 2026,
      amountWanYuan: '0.0000001',
    });
    expect(fine.fieldErrors![0]!.path).toEqual(['amountWanYuan']);
  });

  it('allocates 0.1 元 and then 0.2 元 and shows exactly 0.30 元 allocated', async () => {
    const source = await newSource({ amountYuan: '1' });
    const project = await newProject();
    for (const amountYuan of ['0.1', '0.2'])
      expect(
        (await mutate('admin', 'allocateFunds', { sourceId: source.id, projectId: project.id, amountYuan }))
          .__typename,
      ).toBe('MutationAllocateFundsSuccess');
    const r = await s.run<{ node: { allocatedYuan: string } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on Project { allocatedYuan } } }`,
      { id: project.id },
    );
    expect(r.data!.node.allocatedYuan).toBe('0.30');
    const after = await s.run<{ node: { remainingYuan: string } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on FundSource { remainingYuan } } }`,
      { id: source.id },
    );
    expect(after.data!.node.remainingYuan).toBe('0.70');
  });
});

describe('the project library lifecycle (项目库)', () => {
  it('walks a project from application to asset hand-over, recording every step with who and when', async () => {
    const project = await projectInImplementation();
    for (const to of ['COMPLETION_ACCEPTANCE', 'ASSET_HANDOVER'])
      expect((await advance('admin', project, to)).__typename).toBe('MutationAdvanceProjectSuccess');
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
    expect((await advance('admin', project, 'REMOVED')).__typename).toBe('MutationAdvanceProjectSuccess');
    expect(await advance('admin', project, 'TOWNSHIP_REVIEW')).toMatchObject({
      ruleId: 'PROJECT.TRANSITION',
    });
  });

  it('refuses implementation until a project notice has run its 10 days', async () => {
    const project = await newProject();
    for (const to of ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY'])
      await advance('admin', project, to);
    const early = await advance('admin', project, 'IMPLEMENTATION');
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'PROJECT.NOTICE_RUN' });
    expect(early.message).toContain('需公示不少于 10 天');
    const running = await mutate('admin', 'publishNotice', {
      subject: 'PROJECT',
      projectId: project.id,
      title: '入库公告',
      postingPlace: '村务公开栏',
      postedOn: addDays(today(), -5),
      lastDayPosted: addDays(today(), 4),
    });
    expect(running.__typename).toBe('MutationPublishNoticeSuccess');
    expect(await advance('admin', project, 'IMPLEMENTATION')).toMatchObject({ ruleId: 'PROJECT.NOTICE_RUN' });
  });

  it('refuses a notice shorter than its days, naming the days', async () => {
    const project = await newProject();
    const r = await mutate('admin', 'publishNotice', {
      subject: 'PROJECT',
      projectId: project.id,
      title: '公示',
      postingPlace: '村务公开栏',
      postedOn: '2026-03-01',
      lastDayPosted: '2026-03-09',
    });
    expect(r).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'DISCLOSURE.PERIOD' });
    expect(r.message).toContain('共 9 天, 要求 ≥ 10 天, 不足');
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
    await advance('admin', project, 'TOWNSHIP_REVIEW');
    const r = await advance('admin', stale, 'REMOVED');
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
    await advance('admin', project, 'REMOVED');
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
    for (const to of ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED'])
      await advance('admin', approved, to);
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

  it.each(['township', 'leader'])(
    'refuses a fund source from the %s (the role may not register funds)',
    async (username) => {
      const input = { category: 'OTHER', name: '乡镇资金', fromYear: 2026, toYear: 2026, amountYuan: '1' };
      const r = await s.run(
        username,
        'mutation ($input: CreateFundSourceInput!) { createFundSource(input: $input) { __typename } }',
        { input },
      );
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    },
  );
});

describe('viewerCan… fields follow the role, the jurisdiction and the rules', () => {
  const PROJECT = `query ($id: ID!) { node(id: $id) { ... on Project { viewerCanAdvance viewerCanAllocate viewerCanDisburse } } }`;
  const SOURCE = `query ($id: ID!) { node(id: $id) { ... on FundSource { viewerCanAllocate } } }`;

  it('offers payment on a project under way with money left, to the administrator and the township clerk only', async () => {
    const source = await newSource({ amountYuan: '10' });
    const project = await projectInImplementation();
    const before = await s.run<{ node: Record<string, boolean> }>('admin', PROJECT, { id: project.id });
    expect(before.data!.node).toEqual({
      viewerCanAdvance: true,
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

describe('audit findings (审计发现) become rectification tasks', () => {
  it('opens a task for the finding, and closes the finding only once the task is done', async () => {
    const project = await newProject();
    const rows = await countyRows();
    const station = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION', regionId: rows.township.id },
      with: { cadres: true },
    }))!;
    const input = {
      projectId: project.id,
      description: '项目资金拨付滞后',
      amountWanYuan: '12.5',
      foundOn: today(),
      auditor: '县审计局',
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
      deadline: addDays(today(), 30),
    };
    const recorded = await mutate(
      'auditor',
      'recordAuditFinding',
      input,
      'id version status viewerCanClose amountWanYuan task { id sourceKind findingReference level version }',
    );
    expect(recorded.__typename).toBe('MutationRecordAuditFindingSuccess');
    const finding = recorded.data as {
      id: string;
      version: number;
      viewerCanClose: boolean;
      task: { id: string; sourceKind: string; level: string; version: number };
    };
    expect(finding).toMatchObject({ status: 'OPEN', viewerCanClose: false, amountWanYuan: '12.5' });
    expect(finding.task).toMatchObject({ sourceKind: 'AUDIT_FINDING', level: 'TOWNSHIP' });
    const early = await mutate('auditor', 'closeAuditFinding', { id: finding.id, version: finding.version });
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'AUDIT.TASK_DONE' });
    const done = await s.run<{ completeTask: { __typename: string } }>(
      'admin',
      `mutation ($input: CompleteTaskInput!) { completeTask(input: $input) { __typename } }`,
      {
        input: { id: finding.task.id, version: finding.task.version },
      },
    );
    expect(done.data!.completeTask.__typename).toBe('MutationCompleteTaskSuccess');
    const closed = await mutate(
      'auditor',
      'closeAuditFinding',
      { id: finding.id, version: finding.version },
      'status closedAt viewerCanClose',
    );
    expect(closed.data).toMatchObject({ status: 'CLOSED', viewerCanClose: false });
  });

  it('refuses a rectifier who is not of the responsible unit', async () => {
    const project = await newProject();
    const rows = await countyRows();
    const other = (await s.handle.db.query.cadres.findFirst({ where: { NOT: { unitId: rows.unit.id } } }))!;
    const r = await mutate('auditor', 'recordAuditFinding', {
      projectId: project.id,
      description: '工程结算审核不严',
      foundOn: today(),
      auditor: '县审计局',
      responsibleUnitId: globalId('Unit', rows.unit.id),
      responsiblePersonId: globalId('Cadre', other.id),
      deadline: addDays(today(), 30),
    });
    expect(r.fieldErrors![0]).toMatchObject({ path: ['responsiblePersonId'] });
  });

  it('lists the demo findings, one per township', async () => {
    const r = await s.run<{ auditFindings: { totalCount: number } }>(
      'admin',
      `{ auditFindings(first: 1) { totalCount } }`,
    );
    expect(r.data!.auditFindings.totalCount).toBeGreaterThanOrEqual(22);
  });
});
