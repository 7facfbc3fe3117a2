/**
 * The events POST /identification/households/import writes, one JSON object a line (NDJSON): the wire
 * contract between the API's import route and the clients that read it.
 */
export type ImportEvent =
  | { type: 'progress'; phase: 'parse' | 'validate' | 'write'; done: number; total: number | null }
  | ({ type: 'error' } & ImportIssue)
  | { type: 'result'; result: ImportResult }
  /** The import broke off after it began streaming; nothing was written. */
  | { type: 'failed'; message: string };

/** A bad cell or row: its sheet, its row (0 and 1 for a missing sheet or header), its column and why. */
export interface ImportIssue {
  sheet: string;
  row: number;
  column: string;
  reason: string;
  /** Sheet-level (the file is rejected): UNREADABLE_FILE, MISSING_SHEET, MISSING_COLUMN, UNKNOWN_COLUMN. */
  code?: 'UNREADABLE_FILE' | 'MISSING_SHEET' | 'MISSING_COLUMN' | 'UNKNOWN_COLUMN' | 'INVALID_VALUE';
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  /** ALL: nothing is written unless the whole file is clean. CLEAN_ONLY: the clean households are written. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  householdRows: number;
  memberRows: number;
  /** Rows of the optional 年度收入 sheet. */
  incomeRows: number;
  errorCount: number;
  skippedHouseholds: number;
  households: ImportCounts;
  members: ImportCounts;
  incomes: ImportCounts;
  /** Created plus updated rows over the three sheets: 0 when an unchanged file is imported again. */
  changedRows: number;
  /** SHA-256 of the uploaded file. */
  fileDigest: string;
}
