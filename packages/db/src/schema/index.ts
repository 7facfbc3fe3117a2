export * from './access';
export * from './assistance';
export * from './funds';
export * from './geography';
export * from './identification';
export * from './organisation';
export * from './responsibility';
export * from './work-advancement';
