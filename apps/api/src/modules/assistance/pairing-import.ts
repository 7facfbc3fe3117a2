import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { pairings } from '@gongjian/db/schema';
import { addDays, canPairHelper, requireCalendarDate } from '@gongjian/rules';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Viewer } from '../../context';
import { clock, policyForYear, runRule } from '../../policy';
import {
  type ImportColumn,
  ImportConflict,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
  readImportSheet,
  rowIssues,
  runImport,
  type SheetRow,
  writeImportTemplate,
} from '../../shared/excel-import';
import { rowsOf } from '../../shared/rows';
import { constraintText } from './db-constraint';

/**
 * 批量结对: pairings from an Excel sheet. Every row is checked as pairHelper checks one request (the
 * household and helper exist and are in the jurisdiction, the rules' PAIRING.* with the helper's load
 * counting the rows above it); every bad row is reported; then, in one transaction, all rows are written
 * (mode ALL, only when the whole sheet is clean) or the clean ones (CLEAN_ONLY). The database's cap
 * trigger still guards every insert.
 */

export const PAIRING_SHEET = '结对名单';

export const PAIRING_COLUMNS = [
  { key: 'householdNumber', header: '户编号', required: true, note: '农户台账中的户编号' },
  { key: 'helperName', header: '帮扶责任人', required: true, note: '干部姓名, 与干部管理中一致' },
  { key: 'unitName', header: '所在单位', required: true, note: '帮扶责任人所在单位的全称' },
  { key: 'startDate', header: '结对开始日期', required: false, note: 'YYYY-MM-DD, 默认今天, 不晚于今天' },
  {
    key: 'replace',
    header: '更换帮扶责任人',
    required: false,
    note: '是/否; 该户已有帮扶责任人时填"是"则更换',
    list: ['是', '否'],
  },
] as const satisfies readonly ImportColumn[];

/** A bad cell or row (row 0 and 1: a missing sheet or header); the console's copy is in @gongjian/schema. */
export type PairingImportIssue = ImportIssue;
export type PairingImportOptions = ImportOptions;
export interface PairingImportResult extends ImportResult {
  replaced: number;
}

type ColumnKey = (typeof PAIRING_COLUMNS)[number]['key'];

interface CheckedRow {
  row: number;
  householdId: number;
  helperId: number;
  startDate: string;
  currentPairingId: number | null;
  currentHelperId: number | null;
  countyId: number;
  regionPath: string;
}

/** Validates every row; returns the clean rows and the issues (several per row when several rules fail). */
async function checkRows(db: Database, viewer: Viewer, rows: SheetRow<ColumnKey>[]) {
  const issues: PairingImportIssue[] = [];
  const numbers = [...new Set(rows.map((r) => r.cells.householdNumber).filter(Boolean))];
  const names = [...new Set(rows.map((r) => r.cells.helperName).filter(Boolean))];
  const households = rowsOf<{
    id: number;
    number: string;
    countyId: number;
    regionPath: string;
    code: string;
    pairingId: number | null;
    helperId: number | null;
    startDate: string | null;
  }>(
    await db.execute(sql`
      select h.id, h.household_number as number, h.county_id as "countyId", h.region_path as "regionPath", v.code,
             p.id as "pairingId", p.helper_id as "helperId", p.start_date::text as "startDate"
      from households h join regions v on v.id = h.village_id
      left join pairings p on p.household_id = h.id and p.end_date is null
      where h.household_number = any(${`{${numbers.map((n) => `"${n.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])
        and h.region_path like ${`${viewer.regionPath}%`}`),
  );
  const helpers = rowsOf<{ id: number; name: string; unitName: string; open: number }>(
    await db.execute(sql`
      select c.id, c.name, u.name as "unitName",
             (select count(*)::int from pairings p where p.helper_id = c.id and p.end_date is null) as open
      from cadres c join units u on u.id = c.unit_id
      where c.name = any(${`{${names.map((n) => `"${n.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])
        and (c.region_path like ${`${viewer.regionPath}%`} or ${viewer.regionPath} like c.region_path || '%')`),
  );
  const householdByNumber = new Map(households.map((h) => [h.number, h]));
  const load = new Map(helpers.map((h) => [h.id, h.open]));
  const seen = new Map<string, number>();
  const today = clock.today();
  const clean: CheckedRow[] = [];
  for (const sheetRow of rows) {
    const { row, cells } = sheetRow;
    const before = issues.length;
    const issue = rowIssues(PAIRING_COLUMNS, sheetRow, issues);
    const household = cells.householdNumber ? householdByNumber.get(cells.householdNumber) : undefined;
    if (cells.householdNumber && !household) issue('householdNumber', '户编号不存在或不在您的管辖范围内');
    const earlier = seen.get(cells.householdNumber);
    if (cells.householdNumber && earlier !== undefined) issue('householdNumber', `与第 ${earlier} 行重复`);
    else if (cells.householdNumber) seen.set(cells.householdNumber, row);
    const matches = helpers.filter((h) => h.name === cells.helperName && h.unitName === cells.unitName);
    if (cells.helperName && cells.unitName && matches.length === 0)
      issue('helperName', '在您的管辖范围内没有该单位的这名干部');
    if (matches.length > 1) issue('helperName', '该单位有同名干部, 请先在干部管理中区分');
    let startDate = today;
    if (cells.startDate) {
      try {
        startDate = requireCalendarDate(cells.startDate, 'startDate');
      } catch {
        issue('startDate', '日期格式应为 YYYY-MM-DD');
      }
    }
    if (cells.replace && cells.replace !== '是' && cells.replace !== '否') issue('replace', '应填"是"或"否"');
    if (issues.length > before || !household || matches.length !== 1) continue;
    const helper = matches[0]!;
    const policy = runRule(() => policyForYear(Number(startDate.slice(0, 4)), household.code));
    const decision = canPairHelper(
      {
        householdId: String(household.id),
        helperId: String(helper.id),
        helperActiveHouseholds: load.get(helper.id) ?? 0,
        current: household.pairingId
          ? { helperId: String(household.helperId), startDate: household.startDate! }
          : null,
        replaceCurrent: cells.replace === '是',
        startDate,
        today,
      },
      policy,
    );
    if (decision.outcome === 'FAIL') {
      for (const reason of decision.reasons.filter((r) => !r.passed))
        issue(reason.ruleId === 'PAIRING.START_DATE' ? 'startDate' : 'helperName', reason.messageZh);
      continue;
    }
    load.set(helper.id, (load.get(helper.id) ?? 0) + 1);
    if (household.helperId !== null) load.set(household.helperId, (load.get(household.helperId) ?? 1) - 1);
    clean.push({
      row,
      householdId: household.id,
      helperId: helper.id,
      startDate,
      currentPairingId: household.pairingId,
      currentHelperId: household.helperId,
      countyId: household.countyId,
      regionPath: household.regionPath,
    });
  }
  return { clean, issues };
}

/** Writes the checked rows in one transaction, household and helper rows locked in id order first. */
async function writeRows(db: Database, viewer: Viewer, rows: CheckedRow[]) {
  await db.transaction(async (tx) => {
    const householdIds = rows.map((r) => r.householdId).sort((a, b) => a - b);
    const helperIds = [...new Set(rows.map((r) => r.helperId))].sort((a, b) => a - b);
    await tx.execute(
      sql`select 1 from households where id = any(${`{${householdIds.join(',')}}`}::int[]) order by id for no key update`,
    );
    await tx.execute(
      sql`select 1 from cadres where id = any(${`{${helperIds.join(',')}}`}::int[]) order by id for no key update`,
    );
    for (const r of rows) {
      if (r.currentPairingId !== null) {
        const ended = await tx.execute(sql`
          update ${pairings} set end_date = ${addDays(r.startDate, -1)}, version = version + 1, updated_at = now()
          where id = ${r.currentPairingId} and end_date is null returning id`);
        if (rowsOf(ended).length === 0) throw new ImportConflict();
      }
      const [created] = await tx
        .insert(pairings)
        .values({
          countyId: r.countyId,
          regionPath: r.regionPath,
          helperId: r.helperId,
          householdId: r.householdId,
          startDate: r.startDate,
        })
        .returning({ id: pairings.id });
      await writeAudit(tx, viewer, {
        action: r.currentPairingId !== null ? 'pairing.replace' : 'pairing.create',
        entityType: 'Pairing',
        entityId: created!.id,
        regionPath: r.regionPath,
        before:
          r.currentPairingId !== null ? { pairingId: r.currentPairingId, helperId: r.currentHelperId } : null,
        after: { householdId: r.householdId, helperId: r.helperId, startDate: r.startDate, source: 'import' },
      });
    }
  });
}

export async function importPairings(
  db: Database,
  viewer: Viewer,
  file: Buffer,
  options: PairingImportOptions,
): Promise<PairingImportResult> {
  const { clean, ...result } = await runImport({
    read: await readImportSheet(file, PAIRING_SHEET, PAIRING_COLUMNS),
    check: (rows) => checkRows(db, viewer, rows),
    write: (rows) => writeRows(db, viewer, rows),
    isConflict: (error) => {
      const text = constraintText(error);
      return text.includes('pairings_helper_cap') || text.includes('pairings_open_household_uq');
    },
    conflictReason: '校验后有其他结对写入 (上限或该户已结对), 未写入任何数据, 请重新导入',
    options,
  });
  const replaced = result.status === 'IMPORTED' ? clean.filter((r) => r.currentPairingId !== null).length : 0;
  return { ...result, replaced };
}

/** The empty template with a notes sheet describing every column. */
export async function writePairingTemplate(out: Writable) {
  await writeImportTemplate(out, {
    sheet: PAIRING_SHEET,
    columns: PAIRING_COLUMNS,
    notes: ['每名帮扶责任人最多结对 5 户 (PAIRING.CAP), 已结对户数与表中在前的行一并计算'],
    width: 18,
  });
}
