import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Pins the SQL statements of the report list, the overdue queue, a report's detail and every report step. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const INPUTS: Record<string, string> = { recordReportHandling: 'RecordReportHandlingInput' };

async function mutate(username: string, name: string, input: Record<string, unknown>) {
  const type = INPUTS[name] ?? `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, { __typename: string; data: { id: string; version: number } }>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { id version state overdue } } ... on Error { message } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data![name], JSON.stringify(r.data)).toMatchObject({ __typename: success });
  return { data: r.data![name]!.data, statements: s.statements.length };
}

const PAGE = `totalCount edges { node { subject channel category state receivedAt overdue region { name }
  assignedUnit { name } reporter { name phone } steps { step dueBy status } viewerCanAssign viewerCanClose viewerCanMerge } }`;

describe('SQL statements of the supervision reports', () => {
  it('a page of reports with region, unit, reporter, steps and viewerCan fields, and its total, is two statements; the overdue queue adds the county policy, read once', async () => {
    const counts: number[] = [];
    for (const query of [
      `{ reports(first: 30) { ${PAGE} } }`,
      `{ reports(first: 30, filter: { overdue: true }) { ${PAGE} } }`,
    ]) {
      const r = await s.run('supervisor', query);
      expect(r.errors).toBeUndefined();
      counts.push(s.statements.length);
    }
    expect(counts).toEqual([2, 3]);
  });

  it('pins every report step: intake 5 (region, report, reporter, audit, re-read), assignment 5 (report, unit, guarded update, audit, re-read), handling, reply and closure 4 each, a merge 5', async () => {
    const township = (await s.handle.db.query.regions.findFirst({
      where: { level: 'TOWNSHIP', name: '沱江镇' },
    }))!;
    const unit = (await s.handle.db.query.units.findFirst({
      where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
    }))!;
    const receive = () =>
      mutate('supervisor', 'receiveReport', {
        regionId: globalId('Region', township.id),
        channel: 'WALK_IN',
        category: 'ASSISTANCE',
        subject: '语句数测试',
        content: '固定每个办理步骤的语句数。',
        reporterName: '李四',
      });
    const received = await receive();
    const assigned = await mutate('supervisor', 'assignReport', {
      id: received.data.id,
      version: received.data.version,
      unitId: globalId('Unit', unit.id),
    });
    const handled = await mutate('township', 'recordReportHandling', {
      id: received.data.id,
      version: assigned.data.version,
      text: '已办理完毕。',
    });
    const replied = await mutate('supervisor', 'replyToReport', {
      id: received.data.id,
      version: handled.data.version,
      text: '已答复。',
    });
    const closed = await mutate('supervisor', 'closeReport', {
      id: received.data.id,
      version: replied.data.version,
    });
    const duplicate = await receive();
    const other = await receive();
    const merged = await mutate('supervisor', 'mergeReport', {
      id: duplicate.data.id,
      version: duplicate.data.version,
      intoId: other.data.id,
    });
    expect([received, assigned, handled, replied, closed, merged].map((m) => m.statements)).toEqual([
      5, 5, 4, 4, 4, 5,
    ]);
  });
});

async function write(username: string, name: string, input: Record<string, unknown>) {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, { __typename: string; data: { id: string; version: number } }>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename ... on ${success} { data { id version } } ... on Error { message } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data![name], JSON.stringify(r.data)).toMatchObject({ __typename: success });
  return { data: r.data![name]!.data, statements: s.statements.length };
}

const LISTS: Record<string, string> = {
  inspections: `{ inspections(first: 20) { totalCount edges { node { title scope startsOn endsOn combatGroup { name } findingCount
    findings { description status region { name } task { title deadline status } viewerCanClose } viewerCanRecordFinding } } } }`,
  findings: `{ inspectionFindings(first: 50, filter: { status: OPEN }) { totalCount edges { node { description foundOn status
    inspection { title } region { name } task { title deadline status } viewerCanClose } } } }`,
  supervisors: `{ villageSupervisors(first: 50) { totalCount edges { node { name phone appointedOn serving village { name } viewerCanEnd } } } }`,
  coverage: '{ supervisorCoverage { townshipId townshipName villagesWithPoor covered uncoveredVillages } }',
  accountability: `{ accountabilityCases(first: 50) { totalCount edges { node { kind decidedOn personName personPost measure basis unit { name }
    report { subject reporter { name } } inspectionFinding { description } auditFinding { description } } } } }`,
  counts: '{ accountabilityCounts { year kind count } }',
  assessments: `{ villageAssessments(first: 50, filter: { year: 2019 }) { totalCount edges { node { year selfScore reviewScore vetoHit problemCount
    assessmentClass classification { outcome reasons { ruleId messageZh } } village { name } items { name weight score veto vetoHit }
    rectificationFindings { description task { status deadline } } viewerCanReview } } } }`,
  yellowCards: `{ villageAssessments(first: 50, filter: { year: 2019, classes: [YELLOW_CARD, KEY_MANAGEMENT] }) { totalCount edges { node {
    reviewScore assessmentClass village { name } rectificationFindings { task { status } } } } } }`,
  performance: `{ performanceAssessments(first: 50, filter: { year: 2019 }) { totalCount edges { node { year score totalBonusWanYuan
    campaignBonusWanYuan campaignSharePercent meetsBonusShare bonusShare { outcome } unit { name } } } } }`,
  belowShare:
    '{ performanceAssessments(first: 50, filter: { year: 2019, belowBonusShare: true }) { totalCount edges { node { unit { name } } } } }',
  exits: `{ villageExits(first: 50) { totalCount edges { node { scheduledExitYear exitYear onSchedule supportEndsYear policiesKept rewardWanYuan
    rewardPaidOn rewardEligible rewardDecision { outcome } viewerCanGrantReward village { name } } } } }`,
};

describe('SQL statements of the other supervision records', () => {
  it('pins each list with its nested records: the page and its total in two statements (a class or share filter adds the county policy, read once for both; the coverage and counts are one)', async () => {
    const counts: Record<string, number> = {};
    for (const [name, query] of Object.entries(LISTS)) {
      const r = await s.run('supervisor', query);
      expect(r.errors, name).toBeUndefined();
      counts[name] = s.statements.length;
    }
    expect(counts).toEqual({
      inspections: 2,
      findings: 2,
      supervisors: 2,
      coverage: 1,
      accountability: 2,
      counts: 1,
      assessments: 2,
      yellowCards: 3,
      performance: 2,
      belowShare: 3,
      exits: 2,
    });
  });

  it('pins each write: an inspection 3, a finding with its task 7, an appointment replacing the serving supervisor 6, a case 4, a self-assessment 4, a county review 6, a performance record 4, a reward 4', async () => {
    const viewer = await s.viewer('township');
    const station = (await s.handle.db.query.units.findFirst({
      where: { kind: 'WORK_STATION', regionId: viewer.jurisdictionId! },
      with: { cadres: { columns: { id: true }, limit: 1 } },
    }))!;
    const village = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', regionPath: { like: `${viewer.regionPath}%` } },
    }))!;
    const today = (await s.run<{ countyToday: string }>(null, '{ countyToday }')).data!.countyToday;
    const inspection = await write('supervisor', 'recordInspection', {
      title: '语句数测试督查',
      scope: '固定每个写入的语句数',
      startsOn: today,
      endsOn: today,
      inspectors: '督查组',
    });
    const finding = await write('supervisor', 'recordInspectionFinding', {
      inspectionId: inspection.data.id,
      regionId: globalId('Region', viewer.jurisdictionId!),
      description: '语句数测试问题',
      foundOn: today,
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', station.cadres[0]!.id),
      deadline: today,
    });
    const appointed = await write('supervisor', 'appointVillageSupervisor', {
      villageId: globalId('Region', village.id),
      name: '李四',
      appointedOn: today,
    });
    const report = (await s.handle.db.query.reports.findFirst())!;
    const recorded = await write('supervisor', 'recordAccountability', {
      kind: 'CASE_OPENED',
      decidedOn: today,
      personName: '张三',
      personPost: '村委会主任',
      measure: '立案审查',
      summary: '语句数测试事由',
      reportId: globalId('Report', report.id),
    });
    const year = Number(today.slice(0, 4));
    const self = await write('village', 'recordSelfAssessment', {
      villageId: globalId('Region', (await villageOfClerk()).id),
      year,
      score: 91,
      assessedOn: today,
    });
    const review = await write('supervisor', 'recordCountyReview', {
      id: self.data.id,
      version: self.data.version,
      reviewedOn: today,
      problemCount: 1,
      items: [
        { name: '两不愁三保障', weight: 60, score: 55 },
        { name: '帮扶措施落实', weight: 40, score: 30 },
        { name: '弄虚作假', weight: 0, score: 0, veto: true },
      ],
    });
    const unit = (await s.handle.db.query.units.findFirst({ where: { kind: 'BACKING_UNIT' } }))!;
    const performance = await write('supervisor', 'recordPerformanceAssessment', {
      unitId: globalId('Unit', unit.id),
      year: 2020,
      score: 90,
      totalBonusYuan: '100000',
      campaignBonusYuan: '60000',
    });
    const owed = (
      await s.run<{ villageExits: { edges: { node: { id: string; version: number } }[] } }>(
        'admin',
        '{ villageExits(first: 1, filter: { rewardOwed: true }) { edges { node { id version } } } }',
      )
    ).data!.villageExits.edges[0]!.node;
    const reward = await write('admin', 'grantExitReward', {
      id: owed.id,
      version: owed.version,
      paidOn: today,
    });
    expect(
      [inspection, finding, appointed, recorded, self, review, performance, reward].map((m) => m.statements),
    ).toEqual([3, 7, 6, 4, 4, 6, 4, 4]);
  });
});

async function villageOfClerk() {
  const viewer = await s.viewer('village');
  return (await s.handle.db.query.regions.findFirst({ where: { id: viewer.jurisdictionId! } }))!;
}
