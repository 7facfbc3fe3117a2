import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * What every Excel import shares: read one sheet of a workbook into rows keyed by column, report every bad
 * cell as a row-level issue (row, column header, reason), and write all rows (mode ALL, only when the whole
 * sheet is clean) or the clean ones (CLEAN_ONLY) through the caller's one transaction; a dry run only checks.
 * Row 0 is the file itself (unreadable, no such sheet), row 1 the header row.
 */

export interface ImportColumn<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  note: string;
  /** The values a drop-down offers in the template. */
  list?: readonly string[];
}

export interface ImportIssue {
  row: number;
  column: string;
  reason: string;
}

export interface ImportOptions {
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
}

export interface ImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  rows: number;
  badRows: number;
  errorCount: number;
  written: number;
  issues: ImportIssue[];
}

export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, string>;
}

/** Another writer changed what the check relied on between the check and the write: nothing is written. */
export class ImportConflict extends Error {}

const MAX_ISSUES = 1000;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
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

/** The non-empty rows of `sheetName` by column key; `aliases` are further headers (an export's) for a key. */
export async function readImportSheet<K extends string>(
  file: Buffer,
  sheetName: string,
  columns: readonly ImportColumn<K>[],
  aliases: Record<string, K> = {},
): Promise<{ rows: SheetRow<K>[]; issues: ImportIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  const issues: ImportIssue[] = [];
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    issues.push({ row: 0, column: '', reason: '无法读取该文件, 请上传 .xlsx 格式的 Excel 文件' });
    return { rows: [], issues };
  }
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) {
    issues.push({ row: 0, column: '', reason: `缺少工作表「${sheetName}」, 请使用导入模板` });
    return { rows: [], issues };
  }
  const byHeader = new Map<string, K>([
    ...columns.map((c) => [c.header, c.key] as const),
    ...Object.entries(aliases),
  ]);
  const keyOf = (sheet.getRow(1).values as unknown[]).map((v) => byHeader.get(cellText(v)));
  for (const c of columns)
    if (c.required && !keyOf.includes(c.key)) issues.push({ row: 1, column: c.header, reason: '缺少必填列' });
  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = Object.fromEntries(columns.map((c) => [c.key, ''])) as Record<K, string>;
    (row.values as unknown[]).forEach((value, index) => {
      const key = keyOf[index];
      if (key) cells[key] = cellText(value);
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return { rows, issues };
}

/** An `issue(key, reason)` for one row, having reported its empty required cells already. */
export function rowIssues<K extends string>(
  columns: readonly ImportColumn<K>[],
  { row, cells }: SheetRow<K>,
  issues: ImportIssue[],
) {
  const header = (key: K) => columns.find((c) => c.key === key)!.header;
  const issue = (key: K, reason: string) => issues.push({ row, column: header(key), reason });
  for (const c of columns) if (c.required && !cells[c.key]) issue(c.key, '不能为空');
  return issue;
}

export interface ImportSteps<K extends string, C> {
  read: { rows: SheetRow<K>[]; issues: ImportIssue[] };
  check: (rows: SheetRow<K>[]) => Promise<{ clean: C[]; issues: ImportIssue[] }>;
  /** Writes the clean rows in one transaction; throws ImportConflict (or what `isConflict` names) to write none. */
  write: (clean: C[]) => Promise<void>;
  isConflict?: (error: unknown) => boolean;
  conflictReason: string;
  options: ImportOptions;
}

/** Check, then write all or the clean rows; the result counts rows, bad rows, issues and what was written. */
export async function runImport<K extends string, C>(
  steps: ImportSteps<K, C>,
): Promise<ImportResult & { clean: C[] }> {
  const { read, options } = steps;
  const checked = read.issues.length > 0 ? { clean: [], issues: [] } : await steps.check(read.rows);
  const issues = [...read.issues, ...checked.issues];
  const result = (status: ImportResult['status'], written: number) => ({
    status,
    mode: options.mode,
    dryRun: options.dryRun,
    rows: read.rows.length,
    badRows: new Set(checked.issues.map((i) => i.row)).size,
    errorCount: issues.length,
    written,
    issues: issues.slice(0, MAX_ISSUES),
    clean: checked.clean,
  });
  const refused = read.issues.length > 0 || (options.mode === 'ALL' && issues.length > 0);
  if (refused || read.rows.length === 0) return result('REJECTED', 0);
  if (options.dryRun) return result('VALIDATED', 0);
  if (checked.clean.length === 0) return result('REJECTED', 0);
  try {
    await steps.write(checked.clean);
  } catch (error) {
    if (!(error instanceof ImportConflict) && !steps.isConflict?.(error)) throw error;
    return {
      ...result('REJECTED', 0),
      errorCount: issues.length + 1,
      issues: [{ row: 0, column: '', reason: steps.conflictReason }, ...issues.slice(0, MAX_ISSUES - 1)],
    };
  }
  return result('IMPORTED', checked.clean.length);
}

/** The empty template: one sheet with the headers (drop-downs for listed columns), a notes sheet per column. */
export async function writeImportTemplate(
  out: Writable,
  template: { sheet: string; columns: readonly ImportColumn[]; notes: readonly string[]; width?: number },
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheet);
  sheet.columns = template.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: template.width ?? 20,
  }));
  template.columns.forEach((c, index) => {
    if (!c.list) return;
    const formula = `"${c.list.join(',')}"`;
    for (let row = 2; row <= 501; row++)
      sheet.getCell(row, index + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        error: `请从下拉列表选择${c.header}`,
      };
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列', '必填', '说明']);
  for (const c of template.columns) notes.addRow([c.header, c.required ? '是' : '否', c.note]);
  for (const note of template.notes) notes.addRow(['', '', note]);
  await workbook.xlsx.write(out);
}
