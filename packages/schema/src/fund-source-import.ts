/**
 * What POST /funds/sources/import answers (JSON): the wire contract between the API's fund source import
 * route and the console.
 */

/** A bad cell or row: its row (0 and 1 for a missing sheet or header), its column and why. */
export interface FundSourceImportIssue {
  row: number;
  column: string;
  reason: string;
}

export interface FundSourceImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  /** ALL: nothing is written unless the whole sheet is clean. CLEAN_ONLY: the clean rows are written. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  rows: number;
  badRows: number;
  errorCount: number;
  written: number;
  /** The first 1000 issues. */
  issues: FundSourceImportIssue[];
}
