export {
  createGongjianClient,
  errorCodesOf,
  type GongjianClientOptions,
  isUnauthenticated,
} from './client.ts';
export type { EnumValue } from './enums.ts';
export type { FundSourceImportIssue, FundSourceImportResult } from './fund-source-import.ts';
export { type FragmentOf, graphql, type ResultOf, readFragment, type VariablesOf } from './graphql.ts';
export type { ImportCounts, ImportEvent, ImportIssue, ImportResult } from './import-stream.ts';
export type { PairingImportIssue, PairingImportResult } from './pairing-import.ts';
export type { ProjectImportIssue, ProjectImportResult } from './project-import.ts';
