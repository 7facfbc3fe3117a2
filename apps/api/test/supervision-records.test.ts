import { accountabilityCases, auditLog, regions } from '@gongjian/db/schema';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** Inspections and their findings, village supervisors and their coverage, accountability and its counts. */
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
  fieldErrors?: { path: string[]; message: string }[];
  data?: Record<string, unknown> & { id: string; version: number };
}

async function mutate(username: string, name: string, input: Record<string, unknown>, select = 'id version') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
      ... on ${success} { data { ${select} } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
      ... on NotFoundError { argument }
      ... on RuleViolationError { ruleId } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

const rowId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);

async function township() {
  const viewer = await s.viewer('township');
  const region = (await s.handle.db.query.regions.findFirst({ where: { id: viewer.jurisdictionId! } }))!;
  const station = (await s.handle.db.query.units.findFirst({
    where: { kind: 'WORK_STATION', regionId: region.id },
    with: { cadres: { columns: { id: true }, limit: 1 } },
  }))!;
  return { region, station, person: station.cadres[0]! };
}

describe('inspections and their findings (督查巡查、督查问题整改销号)', () => {
  it('records an inspection and a finding, which opens its rectification task in the supervision group’s tree; the finding closes only once the task is done', async () => {
    const { region, station, person } = await township();
    const group = (await s.handle.db.query.combatGroups.findFirst({ where: { name: '督查考核组' } }))!;
    const today = clock.today();
    const inspection = await mutate(
      'supervisor',
      'recordInspection',
      {
        title: '脱贫攻坚专项督查',
        scope: '全县各乡镇帮扶走访和项目推进',
        startsOn: today,
        endsOn: today,
        inspectors: '县督查考核组第一小组',
        combatGroupId: globalId('CombatGroup', group.id),
      },
      'id version title viewerCanRecordFinding',
    );
    expect(inspection.__typename).toBe('MutationRecordInspectionSuccess');
    expect(inspection.data!.viewerCanRecordFinding).toBe(true);

    const finding = await mutate(
      'supervisor',
      'recordInspectionFinding',
      {
        inspectionId: inspection.data!.id,
        regionId: globalId('Region', region.id),
        description: '部分贫困户帮扶手册填写不全',
        foundOn: today,
        responsibleUnitId: globalId('Unit', station.id),
        responsiblePersonId: globalId('Cadre', person.id),
        deadline: today,
      },
      'id version status viewerCanClose task { id version status sourceKind }',
    );
    expect(finding.__typename).toBe('MutationRecordInspectionFindingSuccess');
    const task = finding.data!.task as { id: string; version: number; sourceKind: string };
    expect(task.sourceKind).toBe('INSPECTION_FINDING');
    expect(finding.data!.viewerCanClose).toBe(false);
    const row = (await s.handle.db.query.tasks.findFirst({ where: { id: rowId(task.id) } }))!;
    expect(row.combatGroupId).toBe(group.id);
    expect(row.findingReference).toContain('脱贫攻坚专项督查');

    const early = await mutate('supervisor', 'closeInspectionFinding', {
      id: finding.data!.id,
      version: finding.data!.version,
    });
    expect(early).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'INSPECTION.TASK_DONE' });

    const progress = await s.run<{ reportTaskProgress: { __typename: string } }>(
      'township',
      `mutation ($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename } }`,
      { input: { id: task.id, version: task.version, progress: 100, note: '已补齐帮扶手册' } },
    );
    expect(progress.errors).toBeUndefined();
    const reported = (await s.handle.db.query.tasks.findFirst({ where: { id: rowId(task.id) } }))!;
    if (reported.status !== 'DONE') {
      const done = await mutate('township', 'completeTask', {
        id: task.id,
        version: reported.version,
      });
      expect(done.__typename, JSON.stringify(done)).toBe('MutationCompleteTaskSuccess');
    }
    const closed = await mutate(
      'supervisor',
      'closeInspectionFinding',
      { id: finding.data!.id, version: finding.data!.version },
      'id status closedAt viewerCanClose',
    );
    expect(closed.data).toMatchObject({ status: 'CLOSED', viewerCanClose: false });
    const again = await mutate('supervisor', 'closeInspectionFinding', {
      id: finding.data!.id,
      version: finding.data!.version + 1,
    });
    expect(again).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'INSPECTION.FINDING_OPEN' });
  });

  it('every inspection task of the demo has its finding, and a township sees only the findings inside it', async () => {
    const [orphans] = await s.handle.db
      .execute<{ n: number }>(sql`
      select count(*)::int as n from tasks t where t.source_kind = 'INSPECTION_FINDING'
        and t.parent_id is null and not exists (select 1 from inspection_findings f where f.task_id = t.id)`)
      .then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: { n: number }[] }).rows));
    expect(orphans!.n).toBe(0);
    const { region } = await township();
    const r = await s.run<{
      inspectionFindings: { totalCount: number; edges: { node: { region: { id: string } } }[] };
      inspections: { totalCount: number; edges: { node: { findings: { id: string }[] } }[] };
    }>(
      'township',
      `{ inspectionFindings(first: 100) { totalCount edges { node { region { id } } } }
         inspections(first: 20) { totalCount edges { node { findings { id } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.inspections.totalCount).toBeGreaterThan(0);
    const inside = await s.handle.db.$count(
      sql`inspection_findings`,
      sql`region_path like ${`${region.regionPath}%`}`,
    );
    expect(r.data!.inspectionFindings.totalCount).toBe(inside);
    const nested = r.data!.inspections.edges.flatMap((e) => e.node.findings).length;
    expect(nested).toBeLessThanOrEqual(inside);
  });

  it('refuses a finding whose responsible person is not of the responsible unit, and a township clerk may not record one', async () => {
    const { region, station } = await township();
    const inspection = (await s.handle.db.query.inspections.findFirst())!;
    const other = (await s.handle.db.query.cadres.findFirst({ where: { unitId: { ne: station.id } } }))!;
    const input = {
      inspectionId: globalId('Inspection', inspection.id),
      regionId: globalId('Region', region.id),
      description: '问题描述足够长',
      foundOn: clock.today(),
      responsibleUnitId: globalId('Unit', station.id),
      responsiblePersonId: globalId('Cadre', other.id),
      deadline: clock.today(),
    };
    const mismatch = await mutate('supervisor', 'recordInspectionFinding', input);
    expect(mismatch.fieldErrors?.[0]?.path).toEqual(['responsiblePersonId']);
    const r = await s.run(
      'township',
      'mutation ($input: RecordInspectionFindingInput!) { recordInspectionFinding(input: $input) { __typename } }',
      { input },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('village supervisors (村级扶贫监督员)', () => {
  it('covers the 304 villages with poor residents, one each, shown per township', async () => {
    const r = await s.run<{
      supervisorCoverage: {
        townshipName: string;
        villagesWithPoor: number;
        covered: number;
        uncoveredVillages: string[];
      }[];
      villageSupervisors: { totalCount: number };
    }>(
      'supervisor',
      '{ supervisorCoverage { townshipName villagesWithPoor covered uncoveredVillages } villageSupervisors(first: 1, filter: { serving: true }) { totalCount } }',
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.supervisorCoverage;
    expect(rows.reduce((sum, row) => sum + row.villagesWithPoor, 0)).toBe(304);
    expect(rows.reduce((sum, row) => sum + row.covered, 0)).toBe(304);
    expect(rows.every((row) => row.uncoveredVillages.length === 0)).toBe(true);
    expect(r.data!.villageSupervisors.totalCount).toBe(304);
  });

  it('a new appointment replaces the serving supervisor; a village without poor residents gets none; a departure ends the term', async () => {
    const village = (await s.handle.db.query.regions.findFirst({ where: { villageKind: 'POOR_VILLAGE' } }))!;
    const appointed = await mutate(
      'supervisor',
      'appointVillageSupervisor',
      {
        villageId: globalId('Region', village.id),
        name: '盘桂英',
        phone: '13807465678',
        appointedOn: clock.today(),
      },
      'id version serving phone viewerCanEnd',
    );
    expect(appointed.data).toMatchObject({ serving: true, phone: '138****5678', viewerCanEnd: true });
    const serving = await s.handle.db.query.villageSupervisors.findMany({
      where: { villageId: village.id, endedOn: { isNull: true } },
    });
    expect(serving).toHaveLength(1);
    const audit = await s.handle.db.query.auditLog.findFirst({
      where: { action: 'village-supervisor.appoint' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.stringify(audit!.after)).not.toContain('13807465678');

    const plain = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', id: { ne: village.id } },
    }))!;
    await s.handle.db.update(regions).set({ villageKind: 'NON_POOR' }).where(eq(regions.id, plain.id));
    const refused = await mutate('supervisor', 'appointVillageSupervisor', {
      villageId: globalId('Region', plain.id),
      name: '李明',
      appointedOn: clock.today(),
    });
    await s.handle.db.update(regions).set({ villageKind: plain.villageKind }).where(eq(regions.id, plain.id));
    expect(refused).toMatchObject({
      __typename: 'RuleViolationError',
      ruleId: 'SUPERVISOR.VILLAGE_WITH_POOR',
    });

    const ended = await mutate(
      'supervisor',
      'endVillageSupervisor',
      { id: appointed.data!.id, version: appointed.data!.version, endedOn: clock.today() },
      'id serving endedOn',
    );
    expect(ended.data).toMatchObject({ serving: false, endedOn: clock.today() });
  });
});

describe('accountability (作风问责、立案)', () => {
  it('counts the article’s 116 people held accountable and 19 cases opened, each resting on its basis', async () => {
    const r = await s.run<{
      accountabilityCounts: { year: number; kind: string; count: number }[];
      accountabilityCases: {
        totalCount: number;
        edges: { node: { basis: string; report: { reporter: unknown } | null } }[];
      };
    }>(
      'supervisor',
      '{ accountabilityCounts { year kind count } accountabilityCases(first: 100) { totalCount edges { node { basis report { reporter { name } } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const total = (kind: string) =>
      r.data!.accountabilityCounts.filter((c) => c.kind === kind).reduce((sum, c) => sum + c.count, 0);
    expect(total('CONDUCT_ACCOUNTABILITY')).toBe(116);
    expect(total('CASE_OPENED')).toBe(19);
    expect(r.data!.accountabilityCases.totalCount).toBe(135);
    expect(new Set(r.data!.accountabilityCases.edges.map((e) => e.node.basis)).size).toBeGreaterThan(1);
  });

  it('records a case on one report; two bases or none are refused by ACCOUNTABILITY.ONE_BASIS; the reporter stays hidden from other roles through the case', async () => {
    const report = (await s.handle.db.query.reports.findFirst({ where: { anonymous: false } }))!;
    const finding = (await s.handle.db.query.inspectionFindings.findFirst())!;
    const base = {
      kind: 'CONDUCT_ACCOUNTABILITY',
      decidedOn: clock.today(),
      personName: '王某',
      personPost: '村党支部书记',
      measure: '诫勉谈话',
      summary: '帮扶工作不实, 群众反映强烈',
    };
    const both = await mutate('supervisor', 'recordAccountability', {
      ...base,
      reportId: globalId('Report', report.id),
      inspectionFindingId: globalId('InspectionFinding', finding.id),
    });
    expect(both).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'ACCOUNTABILITY.ONE_BASIS' });
    const none = await mutate('supervisor', 'recordAccountability', base);
    expect(none).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'ACCOUNTABILITY.ONE_BASIS' });
    const recorded = await mutate(
      'supervisor',
      'recordAccountability',
      { ...base, reportId: globalId('Report', report.id) },
      'id year basis report { id }',
    );
    expect(recorded.data).toMatchObject({ year: Number(clock.today().slice(0, 4)), basis: 'REPORT' });
    const row = (await s.handle.db.query.accountabilityCases.findFirst({
      where: { id: rowId(recorded.data!.id) },
    }))!;
    expect(row.regionPath).toBe(report.regionPath);
    const asAdmin = await s.run<{ node: { report: { reporter: unknown } } }>(
      'admin',
      'query ($id: ID!) { node(id: $id) { ... on AccountabilityCase { report { reporter { name } } } } }',
      { id: recorded.data!.id },
    );
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data!.node.report.reporter).toBeNull();
    const cases = await s.handle.db.$count(accountabilityCases, eq(accountabilityCases.reportId, report.id));
    expect(cases).toBeGreaterThan(0);
    expect(await s.handle.db.$count(auditLog, eq(auditLog.action, 'accountability.record'))).toBe(1);
  });
});
