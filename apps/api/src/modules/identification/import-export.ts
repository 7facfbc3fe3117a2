import { createHash } from 'node:crypto';
import type { Database } from '@gongjian/db';
import ExcelJS from 'exceljs';
import type { Viewer } from '../../context';
import {
  cellText,
  HOUSEHOLD_COLUMNS,
  HOUSEHOLD_SHEET,
  type ImportIssue,
  INCOME_COLUMNS,
  INCOME_SHEET,
  MEMBER_COLUMNS,
  MEMBER_SHEET,
  type RawRow,
  type TemplateColumn,
} from './excel-template';
import { validateImport } from './import-validation';
import { type ImportCounts, writeImport } from './import-write';

export type { ImportIssue } from './excel-template';
export { exportHouseholds, writeTemplate } from './export-workbook';

/**
 * Excel import and export of the registry with exceljs (never the abandoned `xlsx` package). The import
 * reads the whole file, validates every row against the template, the rules of input and the database,
 * reports every bad row, and only then writes, in one transaction; upserts by household number and ID
 * number make a re-import of the same file add nothing.
 */

export type ImportEvent =
  | { type: 'progress'; phase: 'parse' | 'validate' | 'write'; done: number; total: number | null }
  | ({ type: 'error' } & ImportIssue)
  | { type: 'result'; result: ImportResult };

export interface ImportOptions {
  /** ALL: nothing is written unless the whole file is clean. CLEAN_ONLY: write the clean households, report the rest. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  fileName?: string;
}

export interface ImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  mode: ImportOptions['mode'];
  dryRun: boolean;
  householdRows: number;
  memberRows: number;
  incomeRows: number;
  errorCount: number;
  skippedHouseholds: number;
  households: ImportCounts;
  members: ImportCounts;
  incomes: ImportCounts;
  /** Rows created or updated, over the three sheets: 0 for a re-import of an unchanged file. */
  changedRows: number;
  fileDigest: string;
}

/**
 * Reads the workbook and returns the rows of the three sheets keyed by column key; a missing sheet,
 * a missing required header or a header the template does not have is an issue on row 0 or 1 (the
 * income sheet may be left out). exceljs's streaming reader (4.4.0) can split a multi-byte
 * character at a chunk boundary and garble Chinese text (exceljs issues #2084, #2316), so the file is
 * loaded whole: its reader decodes each part to a string before parsing.
 */
export async function parseWorkbook(
  file: Buffer,
  onProgress: (rows: number) => void,
): Promise<{ households: RawRow[]; members: RawRow[]; incomes: RawRow[]; issues: ImportIssue[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const issues: ImportIssue[] = [];
  let count = 0;
  const read = (name: string, columns: readonly TemplateColumn[], optional = false) => {
    const sheet = workbook.getWorksheet(name);
    const rows: RawRow[] = [];
    if (!sheet) {
      if (!optional)
        issues.push({
          sheet: name,
          row: 0,
          column: '',
          reason: `缺少工作表「${name}」`,
          code: 'MISSING_SHEET',
        });
      return rows;
    }
    const byHeader = new Map(columns.map((c) => [c.header, c.key]));
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => cellText(v));
    const keyOf = headers.map((header) => byHeader.get(header));
    headers.forEach((header, index) => {
      if (header && !keyOf[index])
        issues.push({
          sheet: name,
          row: 1,
          column: header,
          reason: `模板中没有这一列 (本表的列: ${columns.map((c) => c.header).join(' / ')})`,
          code: 'UNKNOWN_COLUMN',
        });
    });
    for (const c of columns)
      if (c.required && !keyOf.includes(c.key))
        issues.push({ sheet: name, row: 1, column: c.header, reason: '缺少必填列', code: 'MISSING_COLUMN' });
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, unknown> = {};
      let empty = true;
      (row.values as unknown[]).forEach((value, index) => {
        const key = keyOf[index];
        if (!key) return;
        cells[key] = value;
        if (cellText(value) !== '') empty = false;
      });
      if (empty) return;
      rows.push({ row: number, cells });
      if (++count % 5000 === 0) onProgress(count);
    });
    return rows;
  };
  const households = read(HOUSEHOLD_SHEET, HOUSEHOLD_COLUMNS);
  const members = read(MEMBER_SHEET, MEMBER_COLUMNS);
  const incomes = read(INCOME_SHEET, INCOME_COLUMNS, true);
  onProgress(count);
  return { households, members, incomes, issues };
}

/** Imports a workbook: parse, validate everything, then (unless rejected or a dry run) write in one transaction. */
export async function importWorkbook(
  db: Database,
  viewer: Viewer,
  file: Buffer,
  options: ImportOptions,
  emit: (event: ImportEvent) => void,
): Promise<ImportResult> {
  const fileDigest = createHash('sha256').update(file).digest('hex');
  let parsed: Awaited<ReturnType<typeof parseWorkbook>>;
  try {
    parsed = await parseWorkbook(file, (done) =>
      emit({ type: 'progress', phase: 'parse', done, total: null }),
    );
  } catch {
    parsed = {
      households: [],
      members: [],
      incomes: [],
      issues: [
        {
          sheet: '',
          row: 0,
          column: '',
          reason: '无法读取文件: 不是有效的 .xlsx 工作簿',
          code: 'UNREADABLE_FILE',
        },
      ],
    };
  }
  const validated = await validateImport(db, viewer, parsed, (done, total) =>
    emit({ type: 'progress', phase: 'validate', done, total }),
  );
  const issues = [
    ...parsed.issues,
    ...validated.issues.map((issue) => ({ ...issue, code: 'INVALID_VALUE' as const })),
  ];
  for (const issue of issues) emit({ type: 'error', ...issue });
  const empty = { created: 0, updated: 0, unchanged: 0 };
  const base = {
    mode: options.mode,
    dryRun: options.dryRun,
    householdRows: parsed.households.length,
    memberRows: parsed.members.length,
    incomeRows: parsed.incomes.length,
    errorCount: issues.length,
    skippedHouseholds: parsed.households.length - validated.households.length,
    fileDigest,
  };
  const rejected = parsed.issues.length > 0 || (options.mode === 'ALL' && issues.length > 0);
  if (rejected || options.dryRun) {
    const result: ImportResult = {
      ...base,
      status: rejected ? 'REJECTED' : 'VALIDATED',
      households: empty,
      members: empty,
      incomes: empty,
      changedRows: 0,
    };
    emit({ type: 'result', result });
    return result;
  }
  const counts = await writeImport(
    db,
    viewer,
    validated,
    { digest: fileDigest, mode: options.mode },
    (done, total) => emit({ type: 'progress', phase: 'write', done, total }),
  );
  const changedRows = Object.values(counts).reduce((sum, c) => sum + c.created + c.updated, 0);
  const result: ImportResult = { ...base, status: 'IMPORTED', ...counts, changedRows };
  emit({ type: 'result', result });
  return result;
}
