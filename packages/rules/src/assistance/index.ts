export * from './activities';
export * from './pairing';
export * from './teams';
export * from './visits';
export * from './writes';
