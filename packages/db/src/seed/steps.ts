import type { DbExecutor } from '../client';
import { seedIdentification } from './identification';
import type { SeededCounty } from './jianghua';
import type { Random } from './random';
import { seedWorkAdvancement } from './work';

/** A mechanism's part of the demo county, run after geography, organisation and users, in this order. */
export type DemoStep = (db: DbExecutor, county: SeededCounty, random: Random) => Promise<void>;

export const MECHANISM_STEPS: DemoStep[] = [seedWorkAdvancement, seedIdentification];
