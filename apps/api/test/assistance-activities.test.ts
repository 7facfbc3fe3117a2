import { PassThrough } from 'node:stream';
import { pairings, workTeamMembers, workTeams } from '@gongjian/db/schema';
import { addDays } from '@gongjian/rules';
import { and, eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { exportActivities } from '../src/modules/assistance/excel-export';
import { freshHouseholds, pair } from './assistance-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

/** 帮扶活动与政策宣传, and withdrawing a village work team (撤销驻村工作队) with its history kept. */
let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

type Outcome = {
  __typename: string;
  data?: Record<string, unknown> & { id: string; version: number };
  code?: string;
  message?: string;
  ruleId?: string;
  argument?: string;
  currentVersion?: number;
};

const RESULT = `__typename ... on Error { code message } ... on RuleViolationError { ruleId }
  ... on NotFoundError { argument } ... on ConflictError { currentVersion }`;
const CREATE = `mutation ($input: CreateAssistanceActivityInput!) { createAssistanceActivity(input: $input) {
  ${RESULT} ... on MutationCreateAssistanceActivitySuccess { data { id version kind name participants copiesDistributed viewerCanEdit region { name } } } } }`;
const UPDATE = `mutation ($input: UpdateAssistanceActivityInput!) { updateAssistanceActivity(input: $input) {
  ${RESULT} ... on MutationUpdateAssistanceActivitySuccess { data { id version name participants } } } }`;
const WITHDRAW = `mutation ($input: WithdrawWorkTeamInput!) { withdrawWorkTeam(input: $input) {
  ${RESULT} ... on MutationWithdrawWorkTeamSuccess { data { id version endDate withdrawnReason viewerCanWithdraw viewerCanEdit members { endDate } } } } }`;

async function mutate(username: string, document: string, input: Record<string, unknown>) {
  const r = await s.run<Record<string, Outcome>>(username, document, { input });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return Object.values(r.data!)[0]!;
}

async function regionOf(username: string) {
  const user = (await s.handle.db.query.users.findFirst({ where: { username } }))!;
  return globalId('Region', user.jurisdictionId!);
}

describe('activities and publicity (帮扶活动与政策宣传)', () => {
  it('the demo county holds the article’s three campaigns and more than 200,000 copies of publicity', async () => {
    const r = await s.run<{
      assistanceActivityTotals: { copiesDistributed: number; activities: number };
      assistanceActivities: { totalCount: number; edges: { node: { name: string; kind: string } }[] };
    }>(
      'admin',
      `{ assistanceActivityTotals(kind: PUBLICITY) { activities copiesDistributed }
         assistanceActivities(kind: CAMPAIGN, search: "三走访", first: 50) { totalCount edges { node { name kind } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.assistanceActivityTotals.copiesDistributed).toBeGreaterThan(200_000);
    expect(r.data!.assistanceActivities.totalCount).toBeGreaterThan(1);
    expect(r.data!.assistanceActivities.edges.every((e) => e.node.name.includes('三走访三签字'))).toBe(true);
  });

  it('a village clerk records a publicity drive in their village, edits it, and sees it in the filtered list and totals', async () => {
    const today = clock.today();
    const created = await mutate('village', CREATE, {
      kind: 'PUBLICITY',
      regionId: await regionOf('village'),
      name: '政策告知书入户',
      startDate: addDays(today, -3),
      endDate: today,
      participants: 6,
      copiesDistributed: 420,
      materials: '政策告知书',
    });
    expect(created.__typename).toBe('MutationCreateAssistanceActivitySuccess');
    expect(created.data).toMatchObject({ kind: 'PUBLICITY', copiesDistributed: 420, viewerCanEdit: true });
    const updated = await mutate('village', UPDATE, {
      id: created.data!.id,
      version: 1,
      name: '政策告知书入户 (补发)',
      startDate: addDays(today, -3),
      endDate: today,
      participants: 8,
      copiesDistributed: 450,
    });
    expect(updated.data).toMatchObject({ version: 2, name: '政策告知书入户 (补发)', participants: 8 });
    const stale = await mutate('village', UPDATE, {
      id: created.data!.id,
      version: 1,
      name: '旧版本',
      startDate: today,
      endDate: today,
      copiesDistributed: 1,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const list = await s.run<{
      assistanceActivities: { totalCount: number };
      assistanceActivityTotals: { copiesDistributed: number };
    }>(
      'village',
      `query ($from: Date) { assistanceActivities(search: "补发", from: $from, first: 5) { totalCount }
         assistanceActivityTotals(search: "补发") { copiesDistributed } }`,
      { from: today },
    );
    expect(list.data).toEqual({
      assistanceActivities: { totalCount: 1 },
      assistanceActivityTotals: { copiesDistributed: 450 },
    });
  });

  it('refuses with the rule: publicity without copies, a start after today, an end before the start', async () => {
    const today = clock.today();
    const base = { kind: 'PUBLICITY', regionId: await regionOf('township'), name: '宣传', participants: 1 };
    const noCopies = await mutate('township', CREATE, { ...base, startDate: today, endDate: today });
    expect(noCopies).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'ACTIVITY.PUBLICITY_COPIES' });
    expect(noCopies.message).toMatch(/^政策宣传须填写发放资料份数/);
    const later = addDays(today, 1);
    const future = await mutate('township', CREATE, {
      ...base,
      kind: 'CAMPAIGN',
      startDate: later,
      endDate: later,
    });
    expect(future).toMatchObject({ ruleId: 'ACTIVITY.NOT_IN_FUTURE' });
    const backwards = await mutate('township', CREATE, {
      ...base,
      copiesDistributed: 5,
      startDate: today,
      endDate: addDays(today, -1),
    });
    expect(backwards).toMatchObject({ ruleId: 'ACTIVITY.DATES' });
  });

  it('checks the jurisdiction before the input, and names the missing activity', async () => {
    const own = (await s.handle.db.query.users.findFirst({ where: { username: 'village' } }))!;
    const outside = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', RAW: (t) => sql`${t.id} <> ${own.jurisdictionId}` },
    }))!;
    const foreign = await mutate('village', CREATE, {
      kind: 'CAMPAIGN',
      regionId: globalId('Region', outside.id),
      name: '',
      startDate: clock.today(),
      endDate: clock.today(),
    });
    expect(foreign.code).toBe('FORBIDDEN');
    const missing = await mutate('admin', UPDATE, {
      id: globalId('AssistanceActivity', 999_999),
      version: 1,
      name: '无',
      startDate: clock.today(),
      endDate: clock.today(),
    });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });
});

describe('the activity export', () => {
  it('is the list’s rows under its filter, with the kind in Chinese and the copies', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await exportActivities(s.handle.db, await s.viewer('township'), { kind: 'PUBLICITY' }, out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const rows = (workbook.getWorksheet('帮扶活动')!.getSheetValues().filter(Boolean) as unknown[][]).map(
      (r) => r.slice(1),
    );
    expect(rows[0]).toEqual([
      '类别',
      '活动名称',
      '开展区划',
      '开始日期',
      '结束日期',
      '参与人数',
      '发放资料份数',
      '资料种类',
      '备注',
    ]);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows.slice(1)) {
      expect(row[0]).toBe('政策宣传');
      expect(Number(row[6])).toBeGreaterThan(0);
    }
  });
});

describe('withdrawing a work team (撤销驻村工作队)', () => {
  it('refuses while members serve, then withdraws with them: members and their village pairings end, the team is kept', async () => {
    const own = (await s.handle.db.query.users.findFirst({ where: { username: 'village' } }))!;
    const team = (await s.handle.db.query.workTeams.findFirst({
      where: { villageId: own.jurisdictionId!, endDate: { isNull: true } },
      with: { members: { where: { endDate: { isNull: true } } } },
    }))!;
    const member = team.members[0]!;
    const [householdId] = await freshHouseholds(s, 1);
    const paired = await pair(s, 'village', { householdId, helperId: globalId('Cadre', member.cadreId) });
    expect(paired.__typename).toBe('MutationPairHelperSuccess');
    const id = globalId('WorkTeam', team.id);
    const today = clock.today();

    const alone = await mutate('township', WITHDRAW, { id, version: team.version, reason: '任务调整' });
    expect(alone).toMatchObject({ code: 'RULE_VIOLATION', ruleId: 'TEAM.WITHDRAW_MEMBERS' });
    expect(alone.message).toContain(`该工作队尚有 ${team.members.length} 名在岗队员`);
    expect(alone.message).toMatch(/队员在本村尚有 1 个在帮结对/);
    const noReason = await mutate('township', WITHDRAW, {
      id,
      version: team.version,
      reason: ' ',
      endTogether: true,
    });
    expect(noReason.code).toBe('VALIDATION');
    const stale = await mutate('township', WITHDRAW, {
      id,
      version: team.version + 5,
      reason: '任务调整',
      endTogether: true,
    });
    expect(stale).toMatchObject({ code: 'CONFLICT', currentVersion: team.version });

    const withdrawn = await mutate('township', WITHDRAW, {
      id,
      version: team.version,
      reason: '该村已脱贫出列, 工作队撤回',
      endTogether: true,
    });
    expect(withdrawn.data).toMatchObject({
      endDate: today,
      withdrawnReason: '该村已脱贫出列, 工作队撤回',
      viewerCanWithdraw: false,
      viewerCanEdit: false,
    });
    expect((withdrawn.data!.members as { endDate: string | null }[]).every((m) => m.endDate !== null)).toBe(
      true,
    );
    const open = await s.handle.db.$count(
      workTeamMembers,
      and(eq(workTeamMembers.workTeamId, team.id), isNull(workTeamMembers.endDate)),
    );
    expect(open).toBe(0);
    const pairing = (await s.handle.db.query.pairings.findFirst({
      where: { householdId: decodeId(householdId!) },
    }))!;
    expect(pairing.endDate).toBe(today);
    expect(await s.handle.db.$count(workTeams, eq(workTeams.id, team.id))).toBe(1);
    expect(
      await s.handle.db.$count(
        pairings,
        and(eq(pairings.householdId, decodeId(householdId!)), isNull(pairings.endDate)),
      ),
    ).toBe(0);

    const again = await mutate('township', WITHDRAW, { id, version: 2, reason: '再次', endTogether: true });
    expect(again).toMatchObject({ ruleId: 'TEAM.WITHDRAWN' });
    const history = await s.run<{ workTeams: { edges: { node: { withdrawnReason: string | null } }[] } }>(
      'village',
      `{ workTeams(open: false, first: 5) { edges { node { withdrawnReason } } } }`,
    );
    expect(history.data!.workTeams.edges.map((e) => e.node.withdrawnReason)).toContain(
      '该村已脱贫出列, 工作队撤回',
    );
  });

  it('a village clerk may not withdraw a team, and sees no withdraw button', async () => {
    const r = await s.run<{ workTeams: { edges: { node: { viewerCanWithdraw: boolean } }[] } }>(
      'village',
      `{ workTeams(first: 5) { edges { node { viewerCanWithdraw } } } }`,
    );
    expect(r.data!.workTeams.edges.every((e) => !e.node.viewerCanWithdraw)).toBe(true);
  });
});

const decodeId = (gid: string) => Number(Buffer.from(gid, 'base64').toString('utf8').split(':')[1]);
