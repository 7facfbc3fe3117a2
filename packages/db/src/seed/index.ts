export * from './jianghua';
export { mobilePhone, personName } from './people';
export { createRandom, type Random } from './random';
export { type DemoStep, MECHANISM_STEPS } from './steps';
