export * from './application-state';
export * from './decisions';
export * from './exclusions';
export * from './guarantees';
export * from './income';
export * from './monitoring';
export * from './procedure';
export * from './status';
