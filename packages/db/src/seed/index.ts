export type { DemoStep, SeededCounty } from './demo-step';
export * from './jianghua';
export { mobilePhone, personName } from './people';
export { createRandom, type Random } from './random';
export { MECHANISM_STEPS } from './steps';
