import { auditLog, tasks } from '@gongjian/db/schema';
import { addDays, battleMap, deriveTaskStatus, shanghaiDate } from '@gongjian/rules';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

const TASK_FIELDS = `id title level deadline progress recordedStatus version childCount isLeaf
  responsibleUnitName responsiblePersonName completedAt completedByName`;

interface TaskResult {
  id: string;
  title: string;
  level: string;
  deadline: string;
  progress: number;
  recordedStatus: string;
  version: number;
  childCount: number;
  isLeaf: boolean;
  completedAt: string | null;
  completedByName: string | null;
}

interface Outcome {
  __typename: string;
  code?: string;
  ruleId?: string;
  currentVersion?: number;
  fieldErrors?: { path: string[]; message: string }[];
  data?: TaskResult & Record<string, unknown>;
}

/** Runs one task mutation and returns its union result. */
async function mutate(username: string, name: string, input: Record<string, unknown>, extra = '') {
  const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
  const success = `Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`;
  const r = await s.run<Record<string, Outcome>>(
    username,
    `mutation ($input: ${type}!) { ${name}(input: $input) { __typename
      ... on ${success} { data { ${TASK_FIELDS} ${extra} } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message } }
      ... on RuleViolationError { ruleId }
      ... on ConflictError { currentVersion } } }`,
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data![name]!;
}

async function fixtures() {
  const db = s.handle.db;
  const county = (await db.query.regions.findFirst({ where: { level: 'COUNTY' } }))!;
  const township = async (name: string) => {
    const region = (await db.query.regions.findFirst({ where: { level: 'TOWNSHIP', name } }))!;
    const station = (await db.query.units.findFirst({
      where: { kind: 'WORK_STATION', regionId: region.id },
      with: { cadres: { orderBy: { id: 'asc' } } },
    }))!;
    return { region, station, chief: station.cadres[0]! };
  };
  const office = (await db.query.units.findFirst({
    where: { name: '江华瑶族自治县扶贫开发办公室扶贫业务股' },
    with: { cadres: { orderBy: { id: 'asc' } } },
  }))!;
  const document = (await db.query.policyDocuments.findFirst({
    where: { title: '提高脱贫质量促进稳定脱贫的实施方案' },
  }))!;
  return {
    county,
    office,
    document,
    tuojiang: await township('沱江镇'),
    qiaotou: await township('桥头铺镇'),
  };
}
let f: Awaited<ReturnType<typeof fixtures>>;
beforeAll(async () => {
  f = await fixtures();
});

/** A fresh department-level task from the 2019 document, owned by the county poverty office. */
async function departmentTask(title: string, deadline = '2030-12-31') {
  const created = await mutate('admin', 'createTask', {
    title,
    sourceKind: 'POLICY_DOCUMENT',
    sourceId: globalId('PolicyDocument', f.document.id),
    level: 'COUNTY_DEPARTMENT',
    regionId: globalId('Region', f.county.id),
    responsibleUnitId: globalId('Unit', f.office.id),
    responsiblePersonId: globalId('Cadre', f.office.cadres[0]!.id),
    deadline,
  });
  expect(created.__typename).toBe('MutationCreateTaskSuccess');
  return created.data!;
}

const townshipChild = (t: typeof f.tuojiang, deadline: string, level = 'TOWNSHIP') => ({
  level,
  regionId: globalId('Region', t.region.id),
  responsibleUnitId: globalId('Unit', t.station.id),
  responsiblePersonId: globalId('Cadre', t.chief.id),
  deadline,
});

async function decomposeToTwoTownships(parent: TaskResult) {
  const result = await mutate(
    'admin',
    'decomposeTask',
    {
      parentId: parent.id,
      children: [townshipChild(f.tuojiang, parent.deadline), townshipChild(f.qiaotou, '2030-06-30')],
    },
    'children(first: 10) { edges { node { id title level deadline version progress } } }',
  );
  expect(result.__typename).toBe('MutationDecomposeTaskSuccess');
  const children = (result.data!.children as { edges: { node: TaskResult }[] }).edges.map((e) => e.node);
  return { parent: result.data!, children };
}

describe('creating tasks', () => {
  it('a county administrator creates a task from a policy document; it names its source and is audited', async () => {
    const before = await s.handle.db.$count(auditLog, eq(auditLog.action, 'task.create'));
    const created = await mutate(
      'admin',
      'createTask',
      {
        title: '编制2019年度巩固提升工作台账',
        sourceKind: 'POLICY_DOCUMENT',
        sourceId: globalId('PolicyDocument', f.document.id),
        level: 'COUNTY_DEPARTMENT',
        regionId: globalId('Region', f.county.id),
        responsibleUnitId: globalId('Unit', f.office.id),
        responsiblePersonId: globalId('Cadre', f.office.cadres[0]!.id),
        deadline: '2030-12-31',
      },
      'sourceKind policyDocument { title documentNumber }',
    );
    expect(created.data).toMatchObject({
      level: 'COUNTY_DEPARTMENT',
      recordedStatus: 'NOT_STARTED',
      progress: 0,
      isLeaf: true,
      responsibleUnitName: '江华瑶族自治县扶贫开发办公室扶贫业务股',
      sourceKind: 'POLICY_DOCUMENT',
      policyDocument: { title: '提高脱贫质量促进稳定脱贫的实施方案' },
    });
    expect(await s.handle.db.$count(auditLog, eq(auditLog.action, 'task.create'))).toBe(before + 1);
  });

  it('a task without unit, person or deadline is a validation error naming each field, and nothing is written', async () => {
    const before = await s.handle.db.$count(tasks);
    const r = await mutate('admin', 'createTask', {
      title: '没有责任人的任务',
      sourceKind: 'POLICY_DOCUMENT',
      sourceId: globalId('PolicyDocument', f.document.id),
      level: 'COUNTY_DEPARTMENT',
      regionId: globalId('Region', f.county.id),
    });
    expect(r.__typename).toBe('ValidationError');
    expect(r.fieldErrors!.map((e) => e.path.join('.')).sort()).toEqual([
      'deadline',
      'responsiblePersonId',
      'responsibleUnitId',
    ]);
    expect(await s.handle.db.$count(tasks)).toBe(before);
  });

  it('a responsible person from another unit is refused on responsiblePersonId', async () => {
    const r = await mutate('admin', 'createTask', {
      title: '责任人单位不符',
      sourceKind: 'INSPECTION_FINDING',
      findingReference: '县脱贫攻坚督导组督查反馈第1条',
      level: 'TOWNSHIP',
      regionId: globalId('Region', f.tuojiang.region.id),
      responsibleUnitId: globalId('Unit', f.tuojiang.station.id),
      responsiblePersonId: globalId('Cadre', f.qiaotou.chief.id),
      deadline: '2030-01-31',
    });
    expect(r).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['responsiblePersonId'] }],
    });
  });

  it('a township clerk may not set a county-leader task (TASK.LEVEL_RANK); the county may, in a township', async () => {
    const task = (level: string) => ({
      title: `层级检查:${level}`,
      sourceKind: 'INSPECTION_FINDING',
      findingReference: '县脱贫攻坚督导组督查反馈第2条',
      level,
      regionId: globalId('Region', f.tuojiang.region.id),
      responsibleUnitId: globalId('Unit', f.tuojiang.station.id),
      responsiblePersonId: globalId('Cadre', f.tuojiang.chief.id),
      deadline: '2030-01-31',
    });
    const byTownship = await mutate('township', 'createTask', task('COUNTY_LEADER'));
    expect(byTownship).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'TASK.LEVEL_RANK' });
    expect((byTownship as { message?: string }).message).toContain('乡镇级不能下达“县级领导”(县级)任务');
    expect((await mutate('township', 'createTask', task('TOWNSHIP'))).__typename).toBe(
      'MutationCreateTaskSuccess',
    );
    expect((await mutate('admin', 'createTask', task('COUNTY_LEADER'))).__typename).toBe(
      'MutationCreateTaskSuccess',
    );
    const villageTaskInTownship = await mutate('admin', 'createTask', task('VILLAGE'));
    expect(villageTaskInTownship).toMatchObject({ ruleId: 'TASK.LEVEL_REGION' });
  });
});

describe('decomposition (层层分解)', () => {
  it('a task goes to two townships one level down in one transaction; the parent counts them', async () => {
    const parent = await departmentTask('分解测试:两镇');
    const { parent: after, children } = await decomposeToTwoTownships(parent);
    expect(children.map((c) => [c.level, c.title])).toEqual([
      ['TOWNSHIP', '桥头铺镇:分解测试:两镇'],
      ['TOWNSHIP', '沱江镇:分解测试:两镇'],
    ]);
    expect(after).toMatchObject({ childCount: 2, isLeaf: false, progress: 0 });
  });

  it('a child due on the parent’s deadline is accepted; one due a day later refuses the whole batch (TASK.DEADLINE)', async () => {
    const parent = await departmentTask('分解测试:时限', '2030-03-31');
    const before = await s.handle.db.$count(tasks);
    const late = await mutate('admin', 'decomposeTask', {
      parentId: parent.id,
      children: [townshipChild(f.tuojiang, '2030-03-31'), townshipChild(f.qiaotou, addDays('2030-03-31', 1))],
    });
    expect(late).toMatchObject({
      __typename: 'RuleViolationError',
      code: 'RULE_VIOLATION',
      ruleId: 'TASK.DEADLINE',
    });
    expect(await s.handle.db.$count(tasks)).toBe(before);
    const sameDay = await mutate('admin', 'decomposeTask', {
      parentId: parent.id,
      children: [townshipChild(f.tuojiang, '2030-03-31'), townshipChild(f.qiaotou, '2030-03-31')],
    });
    expect(sameDay.__typename).toBe('MutationDecomposeTaskSuccess');
    expect(await s.handle.db.$count(tasks)).toBe(before + 2);
  });

  it('a child two levels down is refused with rule TASK.LEVEL', async () => {
    const parent = await departmentTask('分解测试:层级');
    const r = await mutate('admin', 'decomposeTask', {
      parentId: parent.id,
      children: [townshipChild(f.tuojiang, '2030-01-31', 'VILLAGE')],
    });
    expect(r).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'TASK.LEVEL' });
  });

  it('a child without a deadline is a validation error on children.0.deadline', async () => {
    const parent = await departmentTask('分解测试:缺时限');
    const { deadline: _deadline, ...noDeadline } = townshipChild(f.tuojiang, '2030-01-31');
    const r = await mutate('admin', 'decomposeTask', { parentId: parent.id, children: [noDeadline] });
    expect(r.fieldErrors!.map((e) => e.path.join('.'))).toEqual(['children.0.deadline']);
  });
});

describe('progress, roll-up and completion', () => {
  it('progress reported at a leaf rolls up to its parent in the same transaction', async () => {
    const { parent, children } = await decomposeToTwoTownships(await departmentTask('汇总测试'));
    const reported = await mutate('township', 'reportTaskProgress', {
      id: children.find((c) => c.title.startsWith('沱江镇'))!.id,
      version: children.find((c) => c.title.startsWith('沱江镇'))!.version,
      progress: 50,
      note: '已完成一半村的摸底',
    });
    expect(reported.data).toMatchObject({ progress: 50, recordedStatus: 'IN_PROGRESS', version: 2 });
    const parentNow = await s.run<{ node: TaskResult }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on Task { ${TASK_FIELDS} } } }`,
      {
        id: parent.id,
      },
    );
    expect(parentNow.data!.node).toMatchObject({ progress: 25, recordedStatus: 'IN_PROGRESS' });
  });

  it('progress is refused on a parent (TASK.PROGRESS_AT_LEAF) and over 100 (validation on progress)', async () => {
    const { parent, children } = await decomposeToTwoTownships(await departmentTask('进度边界'));
    const onParent = await mutate('admin', 'reportTaskProgress', {
      id: parent.id,
      version: parent.version,
      progress: 10,
    });
    expect(onParent).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'TASK.PROGRESS_AT_LEAF' });
    const over = await mutate('admin', 'reportTaskProgress', {
      id: children[0]!.id,
      version: 1,
      progress: 101,
    });
    expect(over).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['progress'] }] });
  });

  it('a parent with open children cannot be completed; once they are done it can, recording who and when', async () => {
    const { parent, children } = await decomposeToTwoTownships(await departmentTask('办结测试'));
    const early = await mutate('admin', 'completeTask', { id: parent.id, version: parent.version });
    expect(early).toMatchObject({ __typename: 'RuleViolationError', ruleId: 'TASK.CHILDREN_DONE' });
    for (const child of children) {
      const done = await mutate('admin', 'completeTask', { id: child.id, version: child.version });
      expect(done.data).toMatchObject({
        recordedStatus: 'DONE',
        progress: 100,
        completedByName: '县级管理员',
      });
    }
    const parentNow = await s.handle.db.query.tasks.findFirst({ where: { id: rowId(parent.id) } });
    expect(parentNow).toMatchObject({ progress: 100, status: 'IN_PROGRESS' });
    const done = await mutate('admin', 'completeTask', { id: parent.id, version: parentNow!.version });
    expect(done.data).toMatchObject({ recordedStatus: 'DONE', completedByName: '县级管理员' });
    expect(done.data!.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('a stale version gets CONFLICT with the current version', async () => {
    const task = await departmentTask('版本冲突');
    await mutate('admin', 'reportTaskProgress', { id: task.id, version: 1, progress: 20 });
    const stale = await mutate('admin', 'reportTaskProgress', { id: task.id, version: 1, progress: 30 });
    expect(stale).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', currentVersion: 2 });
  });

  it('reassignment keeps a history row: who, when, from, to and why', async () => {
    const task = await departmentTask('改派测试');
    const r = await mutate(
      'admin',
      'reassignTask',
      {
        id: task.id,
        version: 1,
        responsibleUnitId: globalId('Unit', f.office.id),
        responsiblePersonId: globalId('Cadre', f.office.cadres[1]!.id),
        reason: '原责任人调岗',
      },
      'reassignments { reason fromPersonName toPersonName reassignedByName reassignedAt }',
    );
    expect(r.data!.reassignments).toEqual([
      expect.objectContaining({
        reason: '原责任人调岗',
        fromPersonName: f.office.cadres[0]!.name,
        toPersonName: f.office.cadres[1]!.name,
        reassignedByName: '县级管理员',
      }),
    ]);
  });
});

describe('jurisdiction', () => {
  it('a township clerk cannot change a task of another township, nor see it in lists', async () => {
    const { children } = await decomposeToTwoTownships(await departmentTask('辖区测试'));
    const foreign = children.find((c) => c.title.startsWith('桥头铺镇'))!;
    const r = await mutate('township', 'reportTaskProgress', { id: foreign.id, version: 1, progress: 10 });
    expect(r).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const list = await s.run<{ tasks: { totalCount: number } }>(
      'township',
      `{ tasks(search: "辖区测试") { totalCount } }`,
    );
    expect(list.data!.tasks.totalCount).toBe(1);
    const node = await s.run('township', `query ($id: ID!) { node(id: $id) { id } }`, { id: foreign.id });
    expect(node.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a leader (read-only) cannot report progress', async () => {
    const task = await departmentTask('只读测试');
    const r = await s.run(
      'leader',
      `mutation ($input: ReportTaskProgressInput!) { reportTaskProgress(input: $input) { __typename } }`,
      {
        input: { id: task.id, version: 1, progress: 10 },
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('overdue is derived from the deadline and the day', () => {
  it('a task due today is not overdue; due yesterday it is, in the list filter and on the task alike', async () => {
    const task = await departmentTask('逾期边界', '2030-05-20');
    const statusOn = async (asOf: string) => {
      const r = await s.run<{ node: { status: string; overdue: boolean } }>(
        'admin',
        `query ($id: ID!, $asOf: Date) { node(id: $id) { ... on Task { status(asOf: $asOf) overdue(asOf: $asOf) } } }`,
        { id: task.id, asOf },
      );
      const list = await s.run<{ tasks: { totalCount: number } }>(
        'admin',
        `query ($asOf: Date) { tasks(overdue: true, search: "逾期边界", asOf: $asOf) { totalCount } }`,
        { asOf },
      );
      return { ...r.data!.node, listed: list.data!.tasks.totalCount };
    };
    expect(await statusOn('2030-05-20')).toEqual({ status: 'NOT_STARTED', overdue: false, listed: 0 });
    expect(await statusOn('2030-05-21')).toEqual({ status: 'OVERDUE', overdue: true, listed: 1 });
    expect(deriveTaskStatus({ status: 'NOT_STARTED', deadline: '2030-05-20' }, '2030-05-20')).toBe(
      'NOT_STARTED',
    );
    expect(deriveTaskStatus({ status: 'NOT_STARTED', deadline: '2030-05-20' }, '2030-05-21')).toBe('OVERDUE');
  });

  it('a done task is never overdue', async () => {
    const task = await departmentTask('已完成不逾期', '2030-01-10');
    await mutate('admin', 'completeTask', { id: task.id, version: 1 });
    const r = await s.run<{ node: { status: string } }>(
      'admin',
      `query ($id: ID!) { node(id: $id) { ... on Task { status(asOf: "2031-01-01") } } }`,
      { id: task.id },
    );
    expect(r.data!.node.status).toBe('DONE');
  });
});

describe('task lists', () => {
  it('“mine” shows the township clerk the tasks they are responsible for', async () => {
    const r = await s.run<{
      tasks: { totalCount: number; edges: { node: { responsiblePersonName: string } }[] };
    }>(
      'township',
      `{ tasks(mine: true, first: 50) { totalCount edges { node { responsiblePersonName } } } }`,
    );
    expect(r.data!.tasks.totalCount).toBeGreaterThan(0);
    expect(new Set(r.data!.tasks.edges.map((e) => e.node.responsiblePersonName))).toEqual(
      new Set([f.tuojiang.chief.name]),
    );
  });

  it('“my unit”, level and region filters narrow the list to what they name', async () => {
    const mine = await s.run<{
      tasks: { totalCount: number; edges: { node: { responsibleUnitName: string } }[] };
    }>(
      'township',
      `{ tasks(myUnit: true, first: 100) { totalCount edges { node { responsibleUnitName } } } }`,
    );
    expect(mine.data!.tasks.totalCount).toBeGreaterThan(0);
    expect(new Set(mine.data!.tasks.edges.map((e) => e.node.responsibleUnitName))).toEqual(
      new Set(['沱江镇扶贫工作站']),
    );
    const village = (await s.handle.db.query.regions.findFirst({
      where: { level: 'VILLAGE', parentId: f.tuojiang.region.id },
    }))!;
    const inVillage = await s.run<{
      tasks: { totalCount: number; edges: { node: { level: string; region: { name: string } } }[] };
    }>(
      'township',
      `query ($regionId: ID!) { tasks(regionId: $regionId, level: "VILLAGE", first: 50) { totalCount edges { node { level region { name } } } } }`,
      { regionId: globalId('Region', village.id) },
    );
    expect(inVillage.data!.tasks.totalCount).toBeGreaterThan(0);
    for (const edge of inVillage.data!.tasks.edges)
      expect(edge.node).toEqual({ level: 'VILLAGE', region: { name: village.name } });
  });

  it('the database itself refuses progress over 100 and a task without a deadline', async () => {
    const any = (await s.handle.db.query.tasks.findFirst({ where: { status: 'IN_PROGRESS' } }))!;
    await expect(
      s.handle.db.execute(sql`update tasks set progress = 101 where id = ${any.id}`),
    ).rejects.toThrow();
    await expect(
      s.handle.db.execute(sql`update tasks set deadline = null where id = ${any.id}`),
    ).rejects.toThrow();
    await expect(
      s.handle.db.execute(sql`update tasks set responsible_person_id = null where id = ${any.id}`),
    ).rejects.toThrow();
  });

  it('a filtered page of tasks with source, region and unit names is two statements (page and count)', async () => {
    const r = await s.run<{ tasks: { totalCount: number; edges: unknown[] } }>(
      'admin',
      `{ tasks(level: "VILLAGE", status: OVERDUE, asOf: "2019-09-11", first: 50) { totalCount
          edges { node { id title level deadline progress status(asOf: "2019-09-11") isLeaf childCount
            responsibleUnitName responsiblePersonName region { name parent { name } }
            policyDocument { title } combatGroup { name } } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.tasks.edges).toHaveLength(50);
    expect(r.data!.tasks.totalCount).toBeGreaterThan(50);
    expect(s.statements).toHaveLength(2);
  });
});

const BATTLE_MAP = `query ($asOf: Date) { battleMap(asOf: $asOf) { asOf
  scope { name level targets { villages poorVillages nonPoorWithPoor } counts { total done inProgress overdue notStarted averageProgress } }
  groups { key name counts { total } }
  nodes { regionId name level counts { total done inProgress overdue notStarted } cells { groupKey counts { total overdue } } } } }`;

interface MapResult {
  battleMap: {
    scope: {
      targets: Record<string, number>;
      counts: { total: number; done: number; inProgress: number; overdue: number; notStarted: number };
    };
    groups: { key: string; name: string; counts: { total: number } }[];
    nodes: { regionId: string; name: string; level: string; counts: Record<string, number> }[];
  };
}

describe('the battle map (三级挂图作战)', () => {
  it('rolls leaf tasks up village → township → county exactly as the rules’ battleMap does', async () => {
    const asOf = '2019-09-11';
    const r = await s.run<MapResult>('leader', BATTLE_MAP, { asOf });
    expect(r.errors).toBeUndefined();
    const map = r.data!.battleMap;
    expect(map.scope.targets).toEqual({ villages: 304, poorVillages: 112, nonPoorWithPoor: 192 });
    expect(map.groups.slice(0, 12).map((g) => g.name)).toContain('产业扶贫组');
    expect(map.nodes.filter((n) => n.level === 'TOWNSHIP')).toHaveLength(22);

    const db = s.handle.db;
    const regionRows = await db.query.regions.findMany({
      where: { level: { in: ['COUNTY', 'TOWNSHIP', 'VILLAGE'] } },
    });
    const leaves = await db
      .select()
      .from(tasks)
      .where(sql`not exists (select 1 from tasks c where c.parent_id = ${tasks.id})`);
    const expected = battleMap(
      regionRows.map((region) => ({
        id: String(region.id),
        parentId: region.level === 'COUNTY' ? null : String(region.parentId),
        level: region.level as 'COUNTY' | 'TOWNSHIP' | 'VILLAGE',
      })),
      leaves.map((task) => ({
        id: String(task.id),
        parentId: null,
        levelId: task.levelId,
        regionId: String(task.regionId),
        responsibleUnit: String(task.responsibleUnitId),
        responsiblePerson: String(task.responsiblePersonId),
        deadline: task.deadline,
        status: task.status,
        completedOn: task.completedAt && shanghaiDate(new Date(task.completedAt)),
        progressPercent: task.progress,
      })),
      asOf,
    );
    for (const node of map.nodes) {
      const id = String(rowId(node.regionId));
      const { total, done, inProgress, overdue, notStarted } = expected.find((e) => e.regionId === id)!.total;
      expect(node.counts, node.name).toEqual({ total, done, inProgress, overdue, notStarted });
    }
    expect(map.scope.counts.overdue).toBeGreaterThan(0);
    expect(map.scope.counts.done).toBeGreaterThan(0);
    expect(map.scope.counts.inProgress).toBeGreaterThan(0);
  });

  it('is three SQL statements for the whole county, before and after 304 more tasks', async () => {
    const first = await s.run<MapResult>('leader', BATTLE_MAP, { asOf: '2019-09-11' });
    expect(s.statements).toHaveLength(3);
    const parent = await departmentTask('挂图语句数');
    const parentId = rowId(parent.id);
    await s.handle.db.execute(sql`
      insert into tasks (county_id, region_path, parent_id, root_id, title, source_kind, policy_document_id,
                         level_id, region_id, responsible_unit_id, responsible_person_id, deadline)
      select v.county_id, v.region_path, ${parentId}, ${parentId}, '每村一项', 'POLICY_DOCUMENT', ${f.document.id},
             'TOWNSHIP', v.id, u.id, (select min(c.id) from cadres c where c.unit_id = u.id), '2030-06-30'
      from regions v join units u on u.region_id = v.id and u.kind = 'VILLAGE_COMMITTEE'
      where v.level = 'VILLAGE'`);
    const second = await s.run<MapResult>('leader', BATTLE_MAP, { asOf: '2019-09-11' });
    expect(s.statements).toHaveLength(3);
    expect(second.data!.battleMap.scope.counts.total).toBe(first.data!.battleMap.scope.counts.total + 304);
    expect(second.data!.battleMap.scope.counts.notStarted).toBe(
      first.data!.battleMap.scope.counts.notStarted + 304,
    );
  });

  it('a township clerk’s map is their township and its villages only', async () => {
    const r = await s.run<MapResult>('township', BATTLE_MAP, { asOf: '2019-09-11' });
    expect(r.errors).toBeUndefined();
    const levels = new Set(r.data!.battleMap.nodes.map((n) => n.level));
    expect(levels).toEqual(new Set(['TOWNSHIP', 'VILLAGE']));
    expect(r.data!.battleMap.nodes.filter((n) => n.level === 'TOWNSHIP').map((n) => n.name)).toEqual([
      '沱江镇',
    ]);
  });
});
