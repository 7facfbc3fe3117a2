export * from './assessments';
export * from './findings';
export * from './reports';
export * from './rewards';
