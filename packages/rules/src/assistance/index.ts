export * from './pairing';
export * from './teams';
export * from './visits';
