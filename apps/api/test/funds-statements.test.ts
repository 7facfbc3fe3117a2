import { tasks } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { STEP_USER } from './funds-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Pins the SQL statements of the funds lists, the reconciliation and every funds mutation (BEGIN/COMMIT not logged). */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const INPUTS: Record<string, string> = { allocateFunds: 'AllocateFundsInput' };

async function mutate(name: string, input: Record<string, unknown>, username = 'admin') {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const select = ['declareFundOverlap', 'recordReportedTotal'].includes(name) ? 'amountWanYuan' : 'id';
  const r = await s.run<Record<string, { __typename: string; data: { id: string; version?: number } }>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { ${select} } } ... on Error { message } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data![name], JSON.stringify(r.data)).toMatchObject({ __typename: success });
  return { data: r.data![name]!.data, statements: s.statements.length };
}

describe('SQL statements of the funds mechanism', () => {
  it('the reconciliation of a run of years is two statements (sources with their overlaps, the reported totals)', async () => {
    const r = await s.run(
      'admin',
      `{ fundReconciliation(fromYear: 2014, toYear: 2018) { grossWanYuan netWanYuan warning sources { name amountWanYuan }
        overlapChecks { ruleId } readings { reportedTotalWanYuan grossDifferenceWanYuan outcome explanation { ruleId messageZh } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(s.statements).toHaveLength(2);
  });

  it('a page of the project library with village, unit, steps and viewerCan fields, and its total, is two statements', async () => {
    const r = await s.run<{ projects: { edges: unknown[] } }>(
      'admin',
      `{ projects(first: 30) { totalCount edges { node { name state region { name } responsibleUnitName budgetWanYuan
        allocatedWanYuan disbursedWanYuan payableYuan steps { toState actedOn actedByName } viewerCanAdvance viewerCanAllocate
        viewerCanDisburse nextStates } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.projects.edges).toHaveLength(30);
    expect(s.statements).toHaveLength(2);
  });

  it('the sources, notices, audit findings, allocations and payments lists are two statements each', async () => {
    const counts: number[] = [];
    for (const query of [
      `{ fundAllocations(first: 20) { totalCount edges { node { amountWanYuan allocatedOn source { name remainingWanYuan } project { name payableWanYuan unallocatedWanYuan } } } } }`,
      `{ disbursements(first: 20, year: 2019) { totalCount edges { node { amountWanYuan paidOn project { name allocatedWanYuan disbursedWanYuan payableWanYuan } } } } }`,
      `{ fundSources(first: 20) { totalCount edges { node { name amountWanYuan remainingWanYuan viewerCanAllocate includes { amountWanYuan contained { name } } } } } }`,
      `{ disclosureNotices(first: 20) { totalCount edges { node { title postedOn lastDayPosted project { name } } } } }`,
      `{ auditFindings(first: 20) { totalCount edges { node { description status viewerCanClose project { name } task { title } } } } }`,
    ]) {
      const r = await s.run('admin', query);
      expect(r.errors).toBeUndefined();
      counts.push(s.statements.length);
    }
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('pins every funds mutation: a source is 3 statements, an allocation 7 (two loads, two guarded updates, insert, audit, re-read), a payment 5', async () => {
    const today = clock.today();
    const township = (await s.handle.db.query.regions.findFirst({
      where: { level: 'TOWNSHIP', name: '沱江镇' },
    }))!;
    const clerk = (await s.handle.db.query.users.findFirst({ where: { username: 'village' } }))!;
    const village = (await s.handle.db.query.regions.findFirst({ where: { id: clerk.jurisdictionId } }))!;
    const station = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION', regionId: township.id },
      with: { cadres: true },
    }))!;
    const source = await mutate('createFundSource', {
      category: 'OTHER',
      name: '计数资金',
      fromYear: 2026,
      toYear: 2026,
      amountWanYuan: '100',
    });
    const other = await mutate('createFundSource', {
      category: 'SOCIAL',
      name: '计数资金二',
      fromYear: 2026,
      toYear: 2026,
      amountWanYuan: '10',
    });
    const overlap = await mutate('declareFundOverlap', {
      containerId: source.data.id,
      containedId: other.data.id,
      amountWanYuan: '5',
    });
    const total = await mutate('recordReportedTotal', {
      fromYear: 2026,
      toYear: 2026,
      amountWanYuan: '105',
      reportedIn: '测试',
    });
    const project = await mutate(
      'createProject',
      {
        name: '计数项目',
        category: '基础设施',
        year: 2026,
        villageId: globalId('Region', village.id),
        responsibleUnitId: globalId('Unit', station.id),
        amountWanYuan: '50',
        beneficiaryHouseholds: 10,
        beneficiaryPeople: 40,
        beneficiaryPoorPeople: 12,
        performanceTarget: '建成并投入使用',
        povertyLink: '带动贫困户务工',
      },
      'village',
    );
    const steps: number[] = [];
    let version = 1;
    for (const to of ['TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY']) {
      steps.push(
        (await mutate('advanceProject', { id: project.data.id, version: version++, to }, STEP_USER[to]))
          .statements,
      );
    }
    const notice = await mutate('publishNotice', {
      subject: 'PROJECT',
      projectId: project.data.id,
      title: '入库公告',
      postingPlace: '村务公开栏',
      postedOn: addDays(today, -20),
      lastDayPosted: addDays(today, -11),
    });
    const planNotice = await mutate('publishNotice', {
      subject: 'PLAN',
      title: '年度计划公告',
      postingPlace: '县政府网站',
      postedOn: addDays(today, -20),
      lastDayPosted: addDays(today, -5),
    });
    const implement = await mutate(
      'advanceProject',
      { id: project.data.id, version: version++, to: 'IMPLEMENTATION' },
      STEP_USER.IMPLEMENTATION,
    );
    const allocation = await mutate('allocateFunds', {
      sourceId: source.data.id,
      projectId: project.data.id,
      amountWanYuan: '50',
    });
    const payment = await mutate('recordDisbursement', { projectId: project.data.id, amountWanYuan: '20' });
    const finding = await mutate(
      'recordAuditFinding',
      {
        projectId: project.data.id,
        description: '资金拨付滞后',
        foundOn: today,
        auditor: '县审计局',
        responsibleUnitId: globalId('Unit', station.id),
        responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
        deadline: addDays(today, 30),
      },
      'auditor',
    );
    const row = (await s.handle.db.query.auditFindings.findFirst({
      where: { id: Number(Buffer.from(finding.data.id, 'base64').toString().split(':')[1]) },
    }))!;
    await s.handle.db
      .update(tasks)
      .set({ status: 'DONE', progress: 100, completedAt: new Date().toISOString() })
      .where(eq(tasks.id, row.taskId!));
    const close = await mutate('closeAuditFinding', { id: finding.data.id, version: 1 }, 'auditor');
    expect({
      createFundSource: source.statements,
      declareFundOverlap: overlap.statements,
      recordReportedTotal: total.statements,
      createProject: project.statements,
      advanceProject: steps,
      advanceProjectToImplementation: implement.statements,
      publishNotice: notice.statements,
      publishCountyNotice: planNotice.statements,
      allocateFunds: allocation.statements,
      recordDisbursement: payment.statements,
      recordAuditFinding: finding.statements,
      closeAuditFinding: close.statements,
    }).toEqual({
      createFundSource: 3,
      declareFundOverlap: 5,
      recordReportedTotal: 3,
      createProject: 6,
      advanceProject: [5, 5, 5, 5],
      advanceProjectToImplementation: 5,
      publishNotice: 4,
      publishCountyNotice: 4,
      allocateFunds: 7,
      recordDisbursement: 5,
      recordAuditFinding: 6,
      closeAuditFinding: 4,
    });
  });
});
