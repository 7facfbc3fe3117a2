import { addDays } from '@gongjian/rules';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
const realToday = clock.today;
afterEach(() => {
  clock.today = realToday;
});

interface Outcome {
  __typename: string;
  code?: string;
  message?: string;
  ruleId?: string;
  argument?: string | null;
  currentVersion?: number | null;
  fieldErrors?: { path: string[]; message: string }[];
  data?: Record<string, unknown> & { id: string; version: number };
}

const INPUTS: Record<string, string> = { recordReportHandling: 'RecordReportHandlingInput' };

async function mutate(
  username: string,
  name: string,
  input: Record<string, unknown>,
  select = 'id version state',
) {
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

const REPORTER = '欧阳明华';
const REPORTER_PHONE = '13907461234';

async function places() {
  const township = (await s.handle.db.query.regions.findFirst({
    where: { level: 'TOWNSHIP', name: '沱江镇' },
  }))!;
  const villages = await s.handle.db.query.regions.findMany({
    where: { level: 'VILLAGE' },
    orderBy: { id: 'asc' },
  });
  const inside = villages.find((v) => v.regionPath.startsWith(township.regionPath))!;
  const outside = villages.find((v) => !v.regionPath.startsWith(township.regionPath))!;
  const government = (await s.handle.db.query.units.findFirst({
    where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: township.id },
  }))!;
  const otherGovernment = (await s.handle.db.query.units.findFirst({
    where: { kind: 'TOWNSHIP_GOVERNMENT', regionId: { ne: township.id } },
  }))!;
  return { township, inside, outside, government, otherGovernment };
}

async function receive(regionId: number, overrides: Record<string, unknown> = {}) {
  return mutate('supervisor', 'receiveReport', {
    regionId: globalId('Region', regionId),
    channel: 'HOTLINE_12345',
    category: 'ASSISTANCE',
    subject: '反映帮扶干部很久没有上门',
    content: '来电人反映结对帮扶干部三个月没有走访, 家中困难无人过问。',
    reporterName: REPORTER,
    reporterPhone: REPORTER_PHONE,
    ...overrides,
  });
}

async function overdueIds(username = 'supervisor') {
  const r = await s.run<{
    reports: { totalCount: number; edges: { node: { id: string; overdue: boolean } }[] };
  }>(
    username,
    '{ reports(first: 100, filter: { overdue: true }) { totalCount edges { node { id overdue } } } }',
  );
  expect(r.errors).toBeUndefined();
  const ids = r.data!.reports.edges.map((e) => e.node.id);
  expect(r.data!.reports.totalCount).toBe(ids.length);
  expect(r.data!.reports.edges.every((e) => e.node.overdue)).toBe(true);
  return ids;
}

describe('the report workflow and its time limits (举报受理、交办、办理、答复、办结)', () => {
  it('takes a report in, assigns it to a township, records handling, replies and closes it; the overdue queue follows each step', async () => {
    const { inside, government } = await places();
    const received = await receive(inside.id);
    expect(received.__typename).toBe('MutationReceiveReportSuccess');
    const id = received.data!.id;
    expect(await overdueIds()).not.toContain(id);

    clock.today = () => addDays(realToday(), 3);
    expect(await overdueIds()).toContain(id);

    const assigned = await mutate('supervisor', 'assignReport', {
      id,
      version: received.data!.version,
      unitId: globalId('Unit', government.id),
    });
    expect(assigned.data!.state).toBe('ASSIGNED');
    expect(await overdueIds()).not.toContain(id);

    clock.today = () => addDays(realToday(), 11);
    expect(await overdueIds()).toContain(id);
    const handled = await mutate('township', 'recordReportHandling', {
      id,
      version: assigned.data!.version,
      text: '经镇村核实, 已调整帮扶干部并落实走访。',
    });
    expect(handled.data!.state).toBe('HANDLED');
    clock.today = () => addDays(realToday(), 16);
    expect(await overdueIds()).toContain(id);
    const replied = await mutate('supervisor', 'replyToReport', {
      id,
      version: handled.data!.version,
      text: '已电话答复反映人处理结果。',
    });
    expect(await overdueIds()).not.toContain(id);
    const closed = await mutate('supervisor', 'closeReport', { id, version: replied.data!.version });
    expect(closed.data!.state).toBe('CLOSED');
    const detail = await s.run<{ node: { steps: { step: string; status: string }[]; overdue: boolean } }>(
      'supervisor',
      'query ($id: ID!) { node(id: $id) { ... on Report { overdue steps { step status } } } }',
      { id },
    );
    expect(detail.data!.node.overdue).toBe(false);
    expect(detail.data!.node.steps.map((x) => x.status)).toEqual(['ON_TIME', 'ON_TIME', 'ON_TIME']);
  });

  it('refuses a step out of order, a stale version and a unit that does not cover the report, with typed errors', async () => {
    const { inside, otherGovernment } = await places();
    const received = await receive(inside.id);
    const id = received.data!.id;
    const early = await mutate('supervisor', 'closeReport', { id, version: received.data!.version });
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'REPORT.TRANSITION' });
    expect(early.message).toContain('下一步只能是「已交办」');
    const foreign = await mutate('supervisor', 'assignReport', {
      id,
      version: received.data!.version,
      unitId: globalId('Unit', otherGovernment.id),
    });
    expect(foreign).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'REPORT.ASSIGNEE_COVERS' });
    const stale = await mutate('supervisor', 'assignReport', {
      id,
      version: received.data!.version + 5,
      unitId: globalId('Unit', (await places()).government.id),
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', currentVersion: received.data!.version });
  });

  it('refuses a report without content or region, and a township clerk handling a report outside the township', async () => {
    const { inside, outside } = await places();
    const empty = await receive(inside.id, { content: '  ' });
    expect(empty.code).toBe('VALIDATION');
    expect(empty.fieldErrors![0]!.path).toEqual(['content']);
    const noRegion = await receive(999_999);
    expect(noRegion).toMatchObject({ code: 'NOT_FOUND', argument: 'regionId' });
    const county = await receive((await s.viewer('admin')).countyId!);
    expect(county.code).toBe('VALIDATION');
    const far = await receive(outside.id);
    const farGov = (await s.handle.db.query.units.findFirst({
      where: {
        kind: 'TOWNSHIP_GOVERNMENT',
        regionId: outside.regionPath.split('/').filter(Boolean).map(Number).at(-2)!,
      },
    }))!;
    const assigned = await mutate('supervisor', 'assignReport', {
      id: far.data!.id,
      version: far.data!.version,
      unitId: globalId('Unit', farGov.id),
    });
    const handled = await mutate('township', 'recordReportHandling', {
      id: far.data!.id,
      version: assigned.data!.version,
      text: '已处理',
    });
    expect(handled.code).toBe('FORBIDDEN');
  });

  it('a consultation is due sooner than a fund report (time limits per category)', async () => {
    const { inside } = await places();
    const consult = await receive(inside.id, { category: 'POLICY_CONSULTATION' });
    const funds = await receive(inside.id, { category: 'FUND_MISUSE' });
    clock.today = () => addDays(realToday(), 2);
    const ids = await overdueIds();
    expect(ids).toContain(consult.data!.id);
    expect(ids).not.toContain(funds.data!.id);
  });

  it('merges a duplicate into a standing report, keeping both, and refuses a merge into itself or into a merged one', async () => {
    const { inside } = await places();
    const first = await receive(inside.id);
    const second = await receive(inside.id);
    const third = await receive(inside.id);
    const self = await mutate('supervisor', 'mergeReport', {
      id: first.data!.id,
      version: first.data!.version,
      intoId: first.data!.id,
    });
    expect(self.ruleId).toBe('REPORT.MERGE_DISTINCT');
    const merged = await mutate(
      'supervisor',
      'mergeReport',
      { id: second.data!.id, version: second.data!.version, intoId: first.data!.id },
      'id mergedInto { id duplicates { id } }',
    );
    expect(merged.data!.mergedInto).toEqual({ id: first.data!.id, duplicates: [{ id: second.data!.id }] });
    const intoMerged = await mutate('supervisor', 'mergeReport', {
      id: third.data!.id,
      version: third.data!.version,
      intoId: second.data!.id,
    });
    expect(intoMerged.ruleId).toBe('REPORT.MERGE_TARGET_STANDING');
    const step = await mutate('supervisor', 'assignReport', {
      id: second.data!.id,
      version: 2,
      unitId: globalId('Unit', (await places()).government.id),
    });
    expect(step.ruleId).toBe('REPORT.NOT_MERGED');
  });
});

describe('reporter anonymity (举报人身份只对监督角色可见)', () => {
  const SELECTION =
    'id anonymous reporter { name phone } mergedInto { id reporter { name } } duplicates { reporter { name } }';

  it('never shows a named reporter to any other role, by list, detail, node, nested edges or audit details', async () => {
    const { inside, government } = await places();
    const report = await receive(inside.id);
    const id = report.data!.id;
    const dup = await receive(inside.id);
    await mutate('supervisor', 'mergeReport', { id: dup.data!.id, version: dup.data!.version, intoId: id });
    await mutate('supervisor', 'assignReport', {
      id,
      version: report.data!.version,
      unitId: globalId('Unit', government.id),
    });
    for (const username of ['admin', 'township', 'village', 'auditor', 'leader', 'helper', 'developer']) {
      const list = await s.run(
        username,
        `{ reports(first: 100, filter: { includeMerged: true }) { edges { node { ${SELECTION} } } } }`,
      );
      const node = await s.run(
        username,
        `query ($id: ID!) { node(id: $id) { ... on Report { ${SELECTION} } } }`,
        { id },
      );
      const nodes = await s.run(
        username,
        `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Report { ${SELECTION} } } }`,
        {
          ids: [id, dup.data!.id],
        },
      );
      const audit = await s.run(username, '{ auditLog(first: 100) { nodes { before after reason } } }');
      const reads = !['helper', 'developer'].includes(username);
      expect(list.errors === undefined, username).toBe(reads);
      expect(node.errors === undefined, username).toBe(reads);
      for (const answer of [list, node, nodes, audit]) {
        const text = JSON.stringify(answer);
        expect(text, username).not.toContain(REPORTER.slice(1));
        expect(text, username).not.toContain(REPORTER_PHONE.slice(-4));
      }
    }
    const supervisor = await s.run<{ node: { reporter: { name: string; phone: string } } }>(
      'supervisor',
      `query ($id: ID!) { node(id: $id) { ... on Report { ${SELECTION} } } }`,
      { id },
    );
    expect(supervisor.data!.node.reporter).toEqual({ name: '欧***', phone: '139****1234' });
    const rows = await s.handle.db.query.auditLog.findMany();
    expect(JSON.stringify(rows)).not.toContain(REPORTER.slice(1));
  });

  it('reveals the identity in full to a supervisor with a reason, and audits a refused attempt by another role', async () => {
    const { inside } = await places();
    const report = await receive(inside.id);
    const reveal = (username: string) =>
      s.run<{ revealReporter: { __typename: string; data?: { name: string }; code?: string } }>(
        username,
        `mutation ($id: ID!) { revealReporter(id: $id, reason: "核实举报线索") { __typename
          ... on MutationRevealReporterSuccess { data { name phone } } ... on Error { code } } }`,
        { id: report.data!.id },
      );
    expect((await reveal('supervisor')).data!.revealReporter.data!.name).toBe(REPORTER);
    expect((await reveal('township')).data!.revealReporter.code).toBe('FORBIDDEN');
    const rows = await s.handle.db.query.auditLog.findMany({
      where: { entityType: 'Report', action: { like: '%reveal%' } },
    });
    expect(rows.map((r) => r.action).sort()).toEqual([
      'personal-data.reveal',
      'report.reveal-reporter-refused',
    ]);
    expect(JSON.stringify(rows)).not.toContain(REPORTER.slice(1));
  });
});
