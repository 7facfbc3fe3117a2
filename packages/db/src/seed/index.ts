export * from './jianghua';
export { createRandom, type Random } from './random';
export { type DemoStep, MECHANISM_STEPS } from './steps';
