export * from './access';
export * from './audit';
export * from './enums';
export * from './geography';
export * from './organisation';
