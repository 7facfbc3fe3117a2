import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { auditLog, projectSteps, projects } from '@gongjian/db/schema';
import { eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importProjects,
  PROJECT_COLUMNS,
  PROJECT_SHEET,
  writeProjectTemplate,
} from '../src/modules/funds/project-import';
import { createApp } from '../src/server';
import { fundsKit } from './funds-helpers';
import { createScenario, dropTestDatabases, type Scenario } from './harness';

/** 项目库导入: the template, every bad-row kind, all-or-nothing, re-import writes nothing, jurisdiction, statements. */
let s: Scenario;
let server: Server;
let base: string;
const kit = fundsKit(() => s);

beforeAll(async () => {
  s = await createScenario();
  const { app } = await createApp(s.handle);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await s.close();
  await dropTestDatabases();
});

async function login(username: string) {
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { username: "${username}", password: "Gongjian@2026" }) { __typename } }`,
    }),
  });
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

type Row = Partial<Record<(typeof PROJECT_COLUMNS)[number]['key'], string>>;

async function sheet(rows: Row[]) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(PROJECT_SHEET);
  ws.addRow(PROJECT_COLUMNS.map((c) => c.header));
  for (const row of rows) ws.addRow(PROJECT_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function goodRow(name: string, overrides: Row = {}): Promise<Row> {
  const rows = await kit.countyRows();
  return {
    name,
    category: '基础设施',
    year: '2026',
    village: rows.inside.code,
    unitName: rows.unit.name,
    amountWanYuan: '120.123456',
    beneficiaryHouseholds: '80',
    beneficiaryPeople: '300',
    beneficiaryPoorPeople: '90',
    performanceTarget: '硬化村道 2 公里, 当年通车',
    povertyLink: '优先吸纳贫困户务工',
    ...overrides,
  };
}

const ALL = { mode: 'ALL', dryRun: false } as const;
const named = (prefix: string) =>
  s.handle.db
    .select()
    .from(projects)
    .where(like(projects.name, `${prefix}%`));
const importAudits = () => s.handle.db.$count(auditLog, eq(auditLog.action, 'project.import'));

describe('Excel import of the project library (项目库导入)', () => {
  it('offers a template with every column and a notes sheet saying imports enter at the application', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeProjectTemplate(out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const headers = (workbook.getWorksheet(PROJECT_SHEET)!.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(PROJECT_COLUMNS.map((c) => c.header));
    const notes = workbook.getWorksheet('填写说明')!;
    const text = notes.getSheetValues().flat().join(' ');
    expect(text).toContain('绩效目标');
    expect(text).toContain('"申报"环节');
  });

  it('imports a clean file at the application step with exact budgets and one audit row; the same file again changes nothing', async () => {
    const admin = await s.viewer('admin');
    const file = await sheet([
      await goodRow('导入甲 村道'),
      await goodRow('导入甲 水池', { amountYuan: '0.30', amountWanYuan: '' }),
    ]);
    const audits = await importAudits();
    const first = await importProjects(s.handle.db, admin, file, ALL);
    expect(first).toMatchObject({ status: 'IMPORTED', rows: 2, written: 2, unchanged: 0, errorCount: 0 });
    const imported = await named('导入甲');
    expect(imported.map((p) => [p.name, p.state, p.budgetFen]).sort()).toEqual([
      ['导入甲 村道', 'APPLICATION', 120123456],
      ['导入甲 水池', 'APPLICATION', 30],
    ]);
    const steps = await s.handle.db
      .select()
      .from(projectSteps)
      .where(
        inArray(
          projectSteps.projectId,
          imported.map((p) => p.id),
        ),
      );
    expect(steps.map((step) => [step.fromState, step.toState])).toEqual([
      [null, 'APPLICATION'],
      [null, 'APPLICATION'],
    ]);
    expect(await importAudits()).toBe(audits + 1);

    const again = await importProjects(s.handle.db, admin, file, ALL);
    expect(again).toMatchObject({ status: 'IMPORTED', rows: 2, written: 0, unchanged: 2, errorCount: 0 });
    expect(await named('导入甲')).toHaveLength(2);
    expect(await importAudits()).toBe(audits + 1);
  });

  it('reports each bad row with its column and reason, and writes nothing while any row is bad', async () => {
    const admin = await s.viewer('admin');
    const file = await sheet([
      await goodRow('导入乙 好行'),
      await goodRow('导入乙 类别', { category: '基' }),
      await goodRow('导入乙 村', { village: '不存在村' }),
      await goodRow('导入乙 单位', { unitName: '不存在的单位' }),
      await goodRow('导入乙 无金额', { amountWanYuan: '' }),
      await goodRow('导入乙 分以下', { amountWanYuan: '', amountYuan: '1.001' }),
      await goodRow('导入乙 万元', { amountWanYuan: '1.0000001' }),
      await goodRow('导入乙 户数', { beneficiaryHouseholds: '8.5' }),
      await goodRow('导入乙 贫困人口', { beneficiaryPoorPeople: '301' }),
      await goodRow('导入乙 绩效', { performanceTarget: '' }),
      await goodRow('导入乙 带贫', { povertyLink: '吸纳' }),
      await goodRow('导入乙 好行'),
    ]);
    const r = await importProjects(s.handle.db, admin, file, ALL);
    expect(r).toMatchObject({ status: 'REJECTED', rows: 12, badRows: 11, written: 0 });
    const at = (row: number) => r.issues.filter((i) => i.row === row).map((i) => `${i.column}: ${i.reason}`);
    expect(at(2)).toEqual([]);
    expect(at(3)[0]).toMatch(/^项目类别: /);
    expect(at(4)).toEqual(['实施村: 该村不存在或不在您的管辖范围内']);
    expect(at(5)).toEqual(['责任单位: 本县没有该单位']);
    expect(at(6)).toEqual(['资金规模（元）: 请填写金额 (元或万元, 二选一)']);
    expect(at(7)[0]).toMatch(/^资金规模（元）: /);
    expect(at(8)[0]).toMatch(/^资金规模（万元）: /);
    expect(at(9)[0]).toMatch(/^受益户数: 应为不小于0的整数/);
    expect(at(10)).toEqual(['受益贫困人口: 受益贫困人口不能多于受益人数']);
    expect(at(11)).toEqual(['绩效目标: 不能为空']);
    expect(at(12)[0]).toMatch(/^带贫减贫机制: /);
    expect(at(13)).toEqual(['项目名称: 与第 2 行是同一项目 (同一年度、村和名称)']);
    expect(await named('导入乙')).toHaveLength(0);

    const clean = await importProjects(s.handle.db, admin, file, { mode: 'CLEAN_ONLY', dryRun: false });
    expect(clean).toMatchObject({ status: 'IMPORTED', written: 1 });
    expect((await named('导入乙')).map((p) => p.name)).toEqual(['导入乙 好行']);
  });

  it("refuses a township clerk's row for another township's village, as a row issue, writing nothing", async () => {
    const township = await s.viewer('township');
    const rows = await kit.countyRows();
    const file = await sheet([
      await goodRow('导入丙 本镇', { village: rows.inside.name }),
      await goodRow('导入丙 外镇', { village: rows.outside.code }),
    ]);
    const r = await importProjects(s.handle.db, township, file, ALL);
    expect(r).toMatchObject({ status: 'REJECTED', badRows: 1, written: 0 });
    expect(r.issues).toEqual([{ row: 3, column: '实施村', reason: '该村不存在或不在您的管辖范围内' }]);
    expect(await named('导入丙')).toHaveLength(0);
  });

  it('issues the same number of statements for three rows as for one', async () => {
    const admin = await s.viewer('admin');
    const one = await sheet([await goodRow('导入丁 一')]);
    const three = await sheet([
      await goodRow('导入戊 一'),
      await goodRow('导入戊 二'),
      await goodRow('导入戊 三'),
    ]);
    s.resetStatements();
    expect(await importProjects(s.handle.db, admin, one, ALL)).toMatchObject({ written: 1 });
    const forOne = s.statements.length;
    s.resetStatements();
    expect(await importProjects(s.handle.db, admin, three, ALL)).toMatchObject({ written: 3 });
    expect(s.statements).toHaveLength(forOne);
    // villages, units, the library's keys; in the transaction the lock, the keys again, projects, steps, audit
    expect(forOne).toBe(8);
  });

  it('serves the upload to the county administrator and refuses a helper (PROJECT.IMPORT_ROLE)', async () => {
    const file = await sheet([await goodRow('导入己 路由')]);
    const upload = (cookie: string) =>
      fetch(`${base}/funds/projects/import?mode=all`, {
        method: 'POST',
        headers: {
          cookie,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: file,
      });
    const helper = await upload(await login('helper'));
    expect(helper.status).toBe(403);
    const admin = await upload(await login('admin'));
    expect(admin.status).toBe(200);
    expect(await admin.json()).toMatchObject({ status: 'IMPORTED', written: 1 });
  });
});
