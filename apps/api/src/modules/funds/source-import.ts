import type { Writable } from 'node:stream';
import type { Database } from '@gongjian/db';
import { fundSources } from '@gongjian/db/schema';
import {
  canRegisterSourceOnce,
  FUND_SOURCE_CATEGORIES,
  type FundSourceCategory,
  wanYuan,
  yuan,
} from '@gongjian/rules';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { writeAudit } from '../../audit';
import type { Viewer } from '../../context';

/**
 * 资金来源导入: fund sources from an Excel sheet, for the county. Every row is checked as createFundSource checks
 * one (category, name, years, an amount in 元 or 万元, exactly one, in whole fen) and against the sources already
 * registered and the rows above it (the same category, name and years is one source). Then, in one transaction
 * under the county's import lock, all rows (mode ALL, only when the whole sheet is clean) or the clean ones
 * (CLEAN_ONLY) are written; the duplicate check is repeated under the lock, so the same file imported twice
 * at once is written once.
 */

export const SOURCE_SHEET = '资金来源';
const NOTES_SHEET = '填写说明';

/** 资金来源类别 as the sheet writes them. */
export const CATEGORY_NAMES: Record<FundSourceCategory, string> = {
  FISCAL_POVERTY: '财政扶贫资金',
  INTEGRATED_AGRI: '财政涉农整合资金',
  CREDIT: '信贷扶贫资金',
  SECTOR: '行业部门资金',
  SOCIAL: '社会帮扶资金',
  COUNTY_BUDGET: '县财政预算投入',
  OTHER: '其他资金',
};

export const SOURCE_COLUMNS = [
  {
    key: 'category',
    header: '资金类别',
    required: true,
    note: `下拉选择: ${Object.values(CATEGORY_NAMES).join('、')}`,
  },
  { key: 'name', header: '资金名称', required: true, note: '2 至 100 字' },
  { key: 'fromYear', header: '起始年度', required: true, note: '四位年度, 如 2014' },
  { key: 'toYear', header: '截止年度', required: true, note: '四位年度, 不早于起始年度; 单一年度填同一年' },
  { key: 'amountYuan', header: '金额（元）', required: false, note: '元, 最多两位小数; 与万元二选一' },
  {
    key: 'amountWanYuan',
    header: '金额（万元）',
    required: false,
    note: '万元, 最多六位小数 (整分); 与元二选一',
  },
  { key: 'notes', header: '说明', required: false, note: '最多 500 字' },
] as const;

type ColumnKey = (typeof SOURCE_COLUMNS)[number]['key'];
type Cells = Record<ColumnKey, string>;

export interface SourceImportIssue {
  row: number;
  column: string;
  reason: string;
}

export interface SourceImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  rows: number;
  badRows: number;
  errorCount: number;
  written: number;
  issues: SourceImportIssue[];
}

export interface SourceImportOptions {
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
}

interface CheckedSource {
  row: number;
  category: FundSourceCategory;
  name: string;
  fromYear: number;
  toYear: number;
  amountFen: number;
  notes: string | null;
}

/** The headers of the sources export (导出 Excel), so an exported sheet imports back. */
const EXPORT_HEADERS: Record<string, ColumnKey> = {
  类别: 'category',
  名称: 'name',
  '金额 (万元)': 'amountWanYuan',
};

const header = (key: ColumnKey) => SOURCE_COLUMNS.find((c) => c.key === key)!.header;
/** A category by its Chinese name, or by its code as the export writes it. */
const categoryByName = new Map<string, FundSourceCategory>(
  FUND_SOURCE_CATEGORIES.flatMap((c) => [[CATEGORY_NAMES[c], c] as const, [c, c] as const]),
);
const sourceKey = (s: { category: string; name: string; fromYear: number; toYear: number }) =>
  `${s.category}|${s.name}|${s.fromYear}|${s.toYear}`;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (v.richText)
      return v.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value).trim();
}

async function readRows(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  const issues: SourceImportIssue[] = [];
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    issues.push({ row: 0, column: '', reason: '无法读取该文件, 请上传 .xlsx 格式的 Excel 文件' });
    return { rows: [], issues };
  }
  const sheet = workbook.getWorksheet(SOURCE_SHEET);
  if (!sheet) {
    issues.push({ row: 0, column: '', reason: `缺少工作表「${SOURCE_SHEET}」, 请使用导入模板` });
    return { rows: [], issues };
  }
  const byHeader = new Map<string, ColumnKey>([
    ...SOURCE_COLUMNS.map((c) => [c.header, c.key] as const),
    ...Object.entries(EXPORT_HEADERS),
  ]);
  const keyOf = (sheet.getRow(1).values as unknown[]).map((v) => byHeader.get(cellText(v)));
  for (const c of SOURCE_COLUMNS)
    if (c.required && !keyOf.includes(c.key)) issues.push({ row: 1, column: c.header, reason: '缺少必填列' });
  const rows: { row: number; cells: Cells }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = Object.fromEntries(SOURCE_COLUMNS.map((c) => [c.key, ''])) as Cells;
    (row.values as unknown[]).forEach((value, index) => {
      const key = keyOf[index];
      if (key) cells[key] = cellText(value);
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return { rows, issues };
}

const YEAR = /^\d{4}$/;
const YUAN = /^\d{1,12}(\.\d{1,2})?$/;
const WAN_YUAN = /^\d{1,8}(\.\d{1,6})?$/;

/** One row's values, or its issues (several per row when several cells are wrong). */
function checkRow(row: number, cells: Cells, issues: SourceImportIssue[]): CheckedSource | null {
  const before = issues.length;
  const issue = (key: ColumnKey, reason: string) => issues.push({ row, column: header(key), reason });
  for (const c of SOURCE_COLUMNS) if (c.required && !cells[c.key]) issue(c.key, '不能为空');
  const category = categoryByName.get(cells.category);
  if (cells.category && !category) issue('category', `应为 ${Object.values(CATEGORY_NAMES).join('、')} 之一`);
  if (cells.name && (cells.name.length < 2 || cells.name.length > 100)) issue('name', '应为 2 至 100 字');
  const years = (['fromYear', 'toYear'] as const).map((key) => {
    if (!cells[key]) return null;
    const year = Number(cells[key]);
    if (!YEAR.test(cells[key]) || year < 2000 || year > 2100) {
      issue(key, '年度应在2000至2100之间');
      return null;
    }
    return year;
  });
  const [fromYear, toYear] = years;
  if (fromYear && toYear && fromYear > toYear) issue('toYear', `截止年度 ${toYear} 早于起始年度 ${fromYear}`);
  let amountFen: number | null = null;
  if (!!cells.amountYuan === !!cells.amountWanYuan) issue('amountYuan', '请填写金额 (元或万元, 二选一)');
  else if (cells.amountYuan && !YUAN.test(cells.amountYuan))
    issue('amountYuan', '金额应为不小于0的元, 最多两位小数 (不能小于1分)');
  else if (cells.amountWanYuan && !WAN_YUAN.test(cells.amountWanYuan))
    issue('amountWanYuan', '金额应为不小于0的万元, 最多六位小数 (不能小于1分)');
  else {
    amountFen = cells.amountYuan ? yuan(cells.amountYuan) : wanYuan(cells.amountWanYuan);
    if (amountFen <= 0) issue(cells.amountYuan ? 'amountYuan' : 'amountWanYuan', '金额应大于0');
  }
  if (cells.notes.length > 500) issue('notes', '不能超过500个字');
  if (issues.length > before) return null;
  return {
    row,
    category: category!,
    name: cells.name,
    fromYear: fromYear!,
    toYear: toYear!,
    amountFen: amountFen!,
    notes: cells.notes || null,
  };
}

async function registeredKeys(db: Pick<Database, 'select'>, countyId: number) {
  const rows = await db
    .select({
      category: fundSources.category,
      name: fundSources.name,
      fromYear: fundSources.fromYear,
      toYear: fundSources.toYear,
    })
    .from(fundSources)
    .where(eq(fundSources.countyId, countyId));
  return new Set(rows.map(sourceKey));
}

function checkRows(rows: { row: number; cells: Cells }[], registered: Set<string>) {
  const issues: SourceImportIssue[] = [];
  const clean: CheckedSource[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const checked = checkRow(row, cells, issues);
    if (!checked) continue;
    const key = sourceKey(checked);
    const decision = canRegisterSourceOnce(checked, registered.has(key), seen.get(key) ?? null);
    if (decision.outcome === 'FAIL') {
      for (const reason of decision.reasons.filter((r) => !r.passed))
        issues.push({ row, column: header('name'), reason: reason.messageZh });
      continue;
    }
    seen.set(key, row);
    clean.push(checked);
  }
  return { clean, issues };
}

/** Another import wrote some of these sources between the check and the lock. */
class ImportConflict extends Error {}

export async function importFundSources(
  db: Database,
  viewer: Viewer,
  county: { countyId: number; regionPath: string },
  file: Buffer,
  options: SourceImportOptions,
): Promise<SourceImportResult> {
  const read = await readRows(file);
  const checked =
    read.issues.length > 0
      ? { clean: [], issues: [] }
      : checkRows(read.rows, await registeredKeys(db, county.countyId));
  const issues = [...read.issues, ...checked.issues];
  const result = (status: SourceImportResult['status'], written: number): SourceImportResult => ({
    status,
    mode: options.mode,
    dryRun: options.dryRun,
    rows: read.rows.length,
    badRows: new Set(checked.issues.map((i) => i.row)).size,
    errorCount: issues.length,
    written,
    issues: issues.slice(0, 1000),
  });
  const refused = read.issues.length > 0 || (options.mode === 'ALL' && issues.length > 0);
  if (refused || read.rows.length === 0) return result('REJECTED', 0);
  if (options.dryRun) return result('VALIDATED', 0);
  if (checked.clean.length === 0) return result('REJECTED', 0);
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('fund-source-import'), ${county.countyId})`);
      const registered = await registeredKeys(tx, county.countyId);
      if (checked.clean.some((s) => registered.has(sourceKey(s)))) throw new ImportConflict();
      for (const s of checked.clean) {
        const { row: _row, ...values } = s;
        const [created] = await tx
          .insert(fundSources)
          .values({ ...county, ...values })
          .returning();
        await writeAudit(tx, viewer, {
          action: 'fund-source.import',
          entityType: 'FundSource',
          entityId: created!.id,
          regionPath: county.regionPath,
          after: created,
        });
      }
    });
  } catch (error) {
    if (!(error instanceof ImportConflict)) throw error;
    return {
      ...result('REJECTED', 0),
      errorCount: issues.length + 1,
      issues: [
        { row: 0, column: '', reason: '校验后其他导入已登记了其中的资金来源, 未写入任何数据, 请重新导入' },
        ...issues.slice(0, 999),
      ],
    };
  }
  return result('IMPORTED', checked.clean.length);
}

/** The empty template: the category a drop-down, a notes sheet describing every column. */
export async function writeSourceTemplate(out: Writable) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SOURCE_SHEET);
  sheet.columns = SOURCE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: 20 }));
  const list = `"${Object.values(CATEGORY_NAMES).join(',')}"`;
  for (let row = 2; row <= 501; row++)
    sheet.getCell(row, 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [list],
      showErrorMessage: true,
      error: '请从下拉列表选择资金类别',
    };
  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.addRow(['列', '必填', '说明']);
  for (const c of SOURCE_COLUMNS) notes.addRow([c.header, c.required ? '是' : '否', c.note]);
  notes.addRow(['', '', '同一类别、名称和起止年度的资金来源只登记一次; 已登记的行会被指出, 不会重复写入']);
  notes.addRow(['', '', '金额按文本填写可避免 Excel 舍入; 万元最多六位小数 (整分)']);
  await workbook.xlsx.write(out);
}
