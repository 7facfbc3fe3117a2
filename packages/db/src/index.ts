export * from './client';
export * from './password';
export * from './schema/index';
export { relations } from './schema/relations';
