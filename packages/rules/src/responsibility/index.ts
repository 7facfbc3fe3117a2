export * from './task-writes';
export * from './tasks';
