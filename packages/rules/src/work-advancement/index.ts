export * from './command-structure';
export * from './staffing';
export * from './withdrawal';
