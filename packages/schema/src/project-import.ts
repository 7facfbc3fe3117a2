/**
 * What POST /funds/projects/import answers (JSON): the wire contract between the API's project library
 * import route and the console.
 */

/** A bad cell or row: its row (0 and 1 for a missing sheet or header), its column and why. */
export interface ProjectImportIssue {
  row: number;
  column: string;
  reason: string;
}

export interface ProjectImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  /** ALL: nothing is written unless the whole sheet is clean. CLEAN_ONLY: the clean rows are written. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  rows: number;
  badRows: number;
  errorCount: number;
  /** Projects entered at APPLICATION. */
  written: number;
  /** Rows whose project (same year, village and name) is already in the library, left as they are. */
  unchanged: number;
  /** The first 1000 issues. */
  issues: ProjectImportIssue[];
}
