export * from './caps';
export * from './disclosure';
export * from './fund-writes';
export * from './projects';
export * from './reconciliation';
export * from './step-roles';
export * from './objections';
