export * from './client';
export * from './schema/index';
export { relations } from './schema/relations';
export * from './password';
