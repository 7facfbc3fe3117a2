export * from './lights';
export * from './warnings';
