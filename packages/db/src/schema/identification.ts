/** Precise identification (精准识别机制): the registry and its procedures, one file per entity. */

export * from './identification/applications';
export type { StoredReason } from './identification/columns';
export * from './identification/enums';
export * from './identification/households';
export * from './identification/measures';
export * from './identification/monitoring';
export * from './identification/rates';
export * from './identification/screening';
