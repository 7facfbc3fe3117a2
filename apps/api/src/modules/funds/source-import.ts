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
import { writeAudit } from '../../audit';
import type { Viewer } from '../../context';
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

/**
 * 资金来源导入: fund sources from an Excel sheet, for the county. Every row is checked as createFundSource checks
 * one (category, name, years, an amount in 元 or 万元, exactly one, in whole fen) and against the sources already
 * registered and the rows above it (the same category, name and years is one source). Then, in one transaction
 * under the county's import lock, all rows (mode ALL, only when the whole sheet is clean) or the clean ones
 * (CLEAN_ONLY) are written; the duplicate check is repeated under the lock, so the same file imported twice
 * at once is written once.
 */

export const SOURCE_SHEET = '资金来源';

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
    list: Object.values(CATEGORY_NAMES),
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
] as const satisfies readonly ImportColumn[];

type ColumnKey = (typeof SOURCE_COLUMNS)[number]['key'];

export type SourceImportIssue = ImportIssue;
export type SourceImportResult = ImportResult;
export type SourceImportOptions = ImportOptions;

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

const YEAR = /^\d{4}$/;
const YUAN = /^\d{1,12}(\.\d{1,2})?$/;
const WAN_YUAN = /^\d{1,8}(\.\d{1,6})?$/;

/** One row's values, or its issues (several per row when several cells are wrong). */
function checkRow({ row, cells }: SheetRow<ColumnKey>, issues: SourceImportIssue[]): CheckedSource | null {
  const before = issues.length;
  const issue = rowIssues(SOURCE_COLUMNS, { row, cells }, issues);
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

function checkRows(rows: SheetRow<ColumnKey>[], registered: Set<string>) {
  const issues: SourceImportIssue[] = [];
  const clean: CheckedSource[] = [];
  const seen = new Map<string, number>();
  for (const sheetRow of rows) {
    const checked = checkRow(sheetRow, issues);
    if (!checked) continue;
    const { row } = checked;
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

export async function importFundSources(
  db: Database,
  viewer: Viewer,
  county: { countyId: number; regionPath: string },
  file: Buffer,
  options: SourceImportOptions,
): Promise<SourceImportResult> {
  const { clean: _clean, ...result } = await runImport({
    read: await readImportSheet(file, SOURCE_SHEET, SOURCE_COLUMNS, EXPORT_HEADERS),
    check: async (rows) => checkRows(rows, await registeredKeys(db, county.countyId)),
    write: (clean) =>
      db.transaction(async (tx) => {
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtext('fund-source-import'), ${county.countyId})`,
        );
        const registered = await registeredKeys(tx, county.countyId);
        if (clean.some((s) => registered.has(sourceKey(s)))) throw new ImportConflict();
        for (const s of clean) {
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
      }),
    conflictReason: '校验后其他导入已登记了其中的资金来源, 未写入任何数据, 请重新导入',
    options,
  });
  return result;
}

/** The empty template: the category a drop-down, a notes sheet describing every column. */
export async function writeSourceTemplate(out: Writable) {
  await writeImportTemplate(out, {
    sheet: SOURCE_SHEET,
    columns: SOURCE_COLUMNS,
    notes: [
      '同一类别、名称和起止年度的资金来源只登记一次; 已登记的行会被指出, 不会重复写入',
      '金额按文本填写可避免 Excel 舍入; 万元最多六位小数 (整分)',
    ],
  });
}
