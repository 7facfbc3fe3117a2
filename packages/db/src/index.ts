export * from './audit-retention';
export * from './client';
export * from './password';
export * from './roles';
export * from './schema/index';
export { relations } from './schema/relations';
