import type { DbExecutor } from '../database';
import type { VillageKind } from '../schema/index';
import type { Random } from './random';

/** The day the demo is set against: the article's publication date (task states, ages). */
export const DEMO_DATE = '2019-09-11';

/** The demo county's regions, as the geography step made them; every later step receives it. */
export interface SeededCounty {
  countyId: number;
  countyPath: string;
  townships: { id: number; name: string; regionPath: string }[];
  villages: { id: number; townshipId: number; name: string; regionPath: string; kind: VillageKind }[];
}

/**
 * A mechanism's part of the demo county, run after geography, organisation and users, in the order of
 * `MECHANISM_STEPS`. It reads what earlier steps wrote from the database and draws only from `random`.
 */
export type DemoStep = (
  db: DbExecutor,
  county: SeededCounty,
  random: Random,
  load: DemoLoad,
) => Promise<void>;

/** When the demo is loaded (the API's clock): data kept relative to that day, such as recent visits, reads it. */
export interface DemoLoad {
  now: Date;
}
