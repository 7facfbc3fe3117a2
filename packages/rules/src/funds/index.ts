export * from './caps';
export * from './disclosure';
export * from './fund-writes';
export * from './objections';
export * from './projects';
export * from './reconciliation';
export * from './source-once';
export * from './step-roles';
