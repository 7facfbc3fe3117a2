/**
 * What POST /assistance/pairings/import answers (JSON): the wire contract between the API's bulk pairing
 * route and the console.
 */

/** A bad cell or row: its row (0 and 1 for a missing sheet or header), its column and why. */
export interface PairingImportIssue {
  row: number;
  column: string;
  reason: string;
}

export interface PairingImportResult {
  status: 'IMPORTED' | 'REJECTED' | 'VALIDATED';
  /** ALL: nothing is written unless the whole sheet is clean. CLEAN_ONLY: the clean rows are written. */
  mode: 'ALL' | 'CLEAN_ONLY';
  dryRun: boolean;
  rows: number;
  badRows: number;
  errorCount: number;
  /** Pairings stored, of which `replaced` ended a household's previous pairing. */
  written: number;
  replaced: number;
  /** The first 1000 issues. */
  issues: PairingImportIssue[];
}
