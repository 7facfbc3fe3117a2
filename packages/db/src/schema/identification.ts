/** Precise identification (精准识别机制): the registry and its procedures, split by concern. */
export * from './identification-enums';
export * from './identification-procedure';
export * from './identification-registry';
