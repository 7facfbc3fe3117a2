import { PassThrough } from 'node:stream';
import { households, pairings } from '@gongjian/db/schema';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCompliance, exportPairings, exportRoster } from '../src/modules/assistance/excel-export';
import {
  importPairings,
  PAIRING_SHEET,
  writePairingTemplate,
} from '../src/modules/assistance/pairing-import';
import { freshHelper, freshHouseholds, pair } from './assistance-helpers';
import { createScenario, dropTestDatabases, globalId, type Scenario } from './harness';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});
afterAll(async () => {
  await s.close();
  await dropTestDatabases();
});

async function written(write: (out: PassThrough) => Promise<unknown>) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

const sheetRows = (workbook: ExcelJS.Workbook, name: string) =>
  (workbook.getWorksheet(name)?.getSheetValues() ?? [])
    .filter(Boolean)
    .map((row) => (row as unknown[]).slice(1));

async function sheet(rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(PAIRING_SHEET);
  ws.addRow(['户编号', '帮扶责任人', '所在单位', '结对开始日期', '更换帮扶责任人']);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function numbersOf(ids: string[]) {
  const numeric = ids.map((gid) => Number(Buffer.from(gid, 'base64').toString().split(':')[1]));
  const rows = await s.handle.db.select().from(households).where(inArray(households.id, numeric));
  return numeric.map((id) => rows.find((r) => r.id === id)!.householdNumber);
}

async function helperNamed(name: string) {
  const helper = await freshHelper(s, name);
  const cadre = (await s.handle.db.query.cadres.findFirst({
    where: { id: helper.id },
    with: { unit: true },
  }))!;
  return { ...helper, unitName: cadre.unit.name };
}

describe('a helper’s load before pairing', () => {
  it('the helper picker shows each cadre of the county’s units to a village clerk with their households against the cap of 5, in the list’s own 2 statements', async () => {
    const helper = await freshHelper(s, '负担测试人');
    const ids = await freshHouseholds(s, 5);
    for (const householdId of ids.slice(0, 4))
      await pair(s, 'village', { householdId, helperId: helper.gid });
    const query = `query ($search: String) { helperCandidates(search: $search, first: 20) { totalCount edges { node { id pairingLoad { activeHouseholds cap mayTakeMore decision { reasons { ruleId messageZh } } } } } } }`;
    const r = await s.run<{
      helperCandidates: {
        edges: {
          node: { id: string; pairingLoad: { activeHouseholds: number; cap: number; mayTakeMore: boolean } };
        }[];
      };
    }>('village', query, { search: '负担测试人' });
    expect(r.errors).toBeUndefined();
    expect(s.statements.length).toBe(2);
    const load = r.data!.helperCandidates.edges.find((e) => e.node.id === helper.gid)!.node.pairingLoad;
    expect(load).toMatchObject({ activeHouseholds: 4, cap: 5, mayTakeMore: true });
    await pair(s, 'village', { householdId: ids[4], helperId: helper.gid });
    const full = await s.run<{
      helperCandidates: {
        edges: {
          node: {
            pairingLoad: {
              mayTakeMore: boolean;
              decision: { reasons: { ruleId: string; messageZh: string }[] };
            };
          };
        }[];
      };
    }>('village', query, { search: '负担测试人' });
    const after = full.data!.helperCandidates.edges[0]!.node.pairingLoad;
    expect(after.mayTakeMore).toBe(false);
    expect(after.decision.reasons[0]).toMatchObject({ ruleId: 'PAIRING.CAP' });
    expect(after.decision.reasons[0]!.messageZh).toContain('超过每人 5 户上限');
  });
});

describe('editing a work team', () => {
  const UPDATE = `mutation ($input: UpdateWorkTeamInput!) { updateWorkTeam(input: $input) { __typename
    ... on MutationUpdateWorkTeamSuccess { data { id version backingUnitName viewerCanEdit } }
    ... on ConflictError { currentVersion } ... on Error { code } } }`;

  it('a township clerk moves a team to another backing unit; a stale version is a conflict with the current one; 5 statements', async () => {
    const township = (await s.handle.db.query.users.findFirst({ where: { username: 'township' } }))!;
    const region = (await s.handle.db.query.regions.findFirst({ where: { id: township.jurisdictionId } }))!;
    const team = (await s.handle.db.query.workTeams.findFirst({
      where: { endDate: { isNull: true }, regionPath: { like: `${region.regionPath}%` } },
    }))!;
    const unit = (await s.handle.db.query.units.findFirst({
      where: { kind: 'BACKING_UNIT', id: { ne: team.backingUnitId } },
    }))!;
    const input = {
      id: globalId('WorkTeam', team.id),
      version: team.version,
      backingUnitId: globalId('Unit', unit.id),
    };
    const r = await s.run<{
      updateWorkTeam: {
        __typename: string;
        data?: { backingUnitName: string; version: number };
        currentVersion?: number;
      };
    }>('township', UPDATE, { input });
    expect(r.data!.updateWorkTeam.data).toMatchObject({
      backingUnitName: unit.name,
      version: team.version + 1,
    });
    expect(s.statements.length).toBe(5);
    const stale = await s.run<{ updateWorkTeam: { __typename: string; currentVersion?: number } }>(
      'township',
      UPDATE,
      { input },
    );
    expect(stale.data!.updateWorkTeam).toMatchObject({
      __typename: 'ConflictError',
      currentVersion: team.version + 1,
    });
  });
});

describe('Excel exports', () => {
  it('the roster has a row per team with TEAM.STRENGTH and a row per member with TEAM.TERM, inside the jurisdiction', async () => {
    const viewer = await s.viewer('township');
    const workbook = await written((out) => exportRoster(s.handle.db, viewer, { open: true }, out));
    const teams = sheetRows(workbook, '工作队');
    const members = sheetRows(workbook, '队员');
    expect(teams[0]).toEqual([
      '乡镇',
      '村',
      '后盾单位',
      '进驻日期',
      '撤离日期',
      '在岗队员',
      '队伍力量 (TEAM.STRENGTH)',
    ]);
    const count = await s.handle.db.$count(
      (await import('@gongjian/db/schema')).workTeams,
      (await import('drizzle-orm')).sql`region_path like ${`${viewer.regionPath}%`} and end_date is null`,
    );
    expect(teams.length - 1).toBe(count);
    expect(String(teams[1]![6])).toMatch(/TEAM\.STRENGTH/);
    expect(members.length).toBeGreaterThan(1);
    expect(String(members[1]![7])).toMatch(/TEAM\.TERM/);
  });

  it('the pairing export is the list’s rows in the import’s column order; a helper gets only their own', async () => {
    const helper = await helperNamed('导出测试人');
    const ids = await freshHouseholds(s, 2);
    for (const householdId of ids) await pair(s, 'village', { householdId, helperId: helper.gid });
    const numbers = await numbersOf(ids);
    const byClerk = sheetRows(
      await written(async (out) =>
        exportPairings(
          s.handle.db,
          await s.viewer('village'),
          { helperId: { id: helper.id }, open: true },
          out,
        ),
      ),
      '结对名单',
    );
    expect(byClerk[0]!.slice(0, 5)).toEqual([
      '户编号',
      '帮扶责任人',
      '所在单位',
      '结对开始日期',
      '结对结束日期',
    ]);
    expect(
      byClerk
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...numbers].sort());
    expect(byClerk[1]![1]).toBe('导出测试人');
    const helperViewer = await s.viewer('helper');
    const own = sheetRows(
      await written((out) => exportPairings(s.handle.db, helperViewer, {}, out)),
      '结对名单',
    );
    const ownCount = await s.handle.db.$count(pairings, eq(pairings.helperId, helperViewer.cadreId ?? -1));
    expect(own.length - 1).toBe(ownCount);
  });

  it('the compliance export lists the month’s short households with the rule’s explanation', async () => {
    const viewer = await s.viewer('township');
    const month = (await import('../src/policy')).clock.today().slice(0, 7);
    const workbook = await written((out) =>
      exportCompliance(s.handle.db, viewer, { month, regionId: null, helperId: null, onlyShort: true }, out),
    );
    const rows = sheetRows(workbook, `${month} 走访达标`);
    expect(rows[0]).toContain('说明 (VISIT.MONTHLY)');
    for (const row of rows.slice(1)) expect(row[7]).toBe('未达标');
  });
});

describe('bulk pairing from Excel', () => {
  it('the template has the sheet, the columns and a notes sheet', async () => {
    const workbook = await written((out) => writePairingTemplate(out));
    expect(sheetRows(workbook, PAIRING_SHEET)[0]).toEqual([
      '户编号',
      '帮扶责任人',
      '所在单位',
      '结对开始日期',
      '更换帮扶责任人',
    ]);
    expect(sheetRows(workbook, '填写说明').length).toBeGreaterThan(5);
  });

  it('every bad row is reported with its column and rule, and nothing is written unless the sheet is clean', async () => {
    const helper = await helperNamed('批量测试人');
    const numbers = await numbersOf(await freshHouseholds(s, 7));
    const file = await sheet([
      ...numbers.slice(0, 6).map((n) => [n, '批量测试人', helper.unitName, '', '']),
      [numbers[0], '批量测试人', helper.unitName, '', ''],
      ['X-NOPE', '批量测试人', helper.unitName, '', ''],
      [numbers[6], '查无此人', helper.unitName, '2099-01-01', '也许'],
      ['', '', '', '', ''],
    ]);
    const viewer = await s.viewer('village');
    const result = await importPairings(s.handle.db, viewer, file, { mode: 'ALL', dryRun: false });
    expect(result.status).toBe('REJECTED');
    expect(result.rows).toBe(9);
    const at = (row: number) =>
      result.issues.filter((i) => i.row === row).map((i) => `${i.column}:${i.reason}`);
    expect(at(7)).toEqual([expect.stringMatching(/^帮扶责任人:.*上限5户.*PAIRING\.CAP/)]);
    expect(at(8)).toEqual(['户编号:与第 2 行重复']);
    expect(at(9)).toEqual(['户编号:户编号不存在或不在您的管辖范围内']);
    expect(at(10)).toEqual([
      '帮扶责任人:在您的管辖范围内没有该单位的这名干部',
      '更换帮扶责任人:应填"是"或"否"',
    ]);
    expect(await s.handle.db.$count(pairings, eq(pairings.helperId, helper.id))).toBe(0);

    const clean = await importPairings(s.handle.db, viewer, file, { mode: 'CLEAN_ONLY', dryRun: false });
    expect(clean).toMatchObject({ status: 'IMPORTED', written: 5 });
    expect(await s.handle.db.$count(pairings, eq(pairings.helperId, helper.id))).toBe(5);
  });

  it('a dry run validates only; a replacement ends the old pairing; a re-import of the same sheet is refused row by row', async () => {
    const first = await helperNamed('更换前');
    const second = await helperNamed('更换后');
    const [householdId] = await freshHouseholds(s, 1);
    await pair(s, 'village', { householdId, helperId: first.gid, startDate: '2026-01-01' });
    const [number] = await numbersOf([householdId!]);
    const viewer = await s.viewer('village');
    const file = await sheet([[number, '更换后', second.unitName, '2026-02-01', '是']]);
    expect(await importPairings(s.handle.db, viewer, file, { mode: 'ALL', dryRun: true })).toMatchObject({
      status: 'VALIDATED',
      written: 0,
    });
    expect(await importPairings(s.handle.db, viewer, file, { mode: 'ALL', dryRun: false })).toMatchObject({
      status: 'IMPORTED',
      written: 1,
      replaced: 1,
    });
    const rows = await s.handle.db.select().from(pairings).where(eq(pairings.helperId, first.id));
    expect(rows[0]!.endDate).toBe('2026-01-31');
    const again = await importPairings(
      s.handle.db,
      viewer,
      await sheet([[number, '更换后', second.unitName, '', '']]),
      {
        mode: 'ALL',
        dryRun: false,
      },
    );
    expect(again.status).toBe('REJECTED');
    expect(again.issues[0]!.reason).toMatch(/PAIRING\.ALREADY_PAIRED|PAIRING\.SAME_HELPER/);
  });

  it('a file that is not a workbook, or lacks the sheet, is refused before any row', async () => {
    const viewer = await s.viewer('village');
    const garbage = await importPairings(s.handle.db, viewer, Buffer.from('not excel'), {
      mode: 'ALL',
      dryRun: false,
    });
    expect(garbage.issues[0]!.reason).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['x']);
    const wrong = await importPairings(s.handle.db, viewer, Buffer.from(await workbook.xlsx.writeBuffer()), {
      mode: 'ALL',
      dryRun: false,
    });
    expect(wrong.issues[0]!.reason).toContain('结对名单');
  });
});
