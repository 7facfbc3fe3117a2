export * from './access';
export * from './audit';
export * from './enums';
export * from './geography';
export * from './identification';
export * from './organisation';
export * from './responsibility';
export * from './work';
