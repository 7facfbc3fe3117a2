export * from './caps';
export * from './disclosure';
export * from './projects';
export * from './reconciliation';
