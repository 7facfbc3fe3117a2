export const RULES_VERSION = '0.1.0';

export * from './assistance';
export * from './calendar';
export * from './defaults';
export * from './enums';
export * from './errors';
export * from './explanation';
export * from './funds';
export * from './grouping';
export * from './identification';
export * from './labels';
export * from './money';
export * from './parameters';
export * from './rates';
export * from './ratio';
export * from './responsibility';
export * from './sources';
export * from './supervision';
