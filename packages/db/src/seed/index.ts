export * from './jianghua';
export { createRandom, type Random } from './random';
