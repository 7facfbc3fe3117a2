import type { DbExecutor } from '../database';
import { seedUsers } from './access/index';
import { JIANGHUA_COUNTY_CODE, seedGeography } from './geography/index';
import { seedOrganisation } from './organisation/index';
import { createRandom } from './random';
import { MECHANISM_STEPS } from './steps';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './access/index';
export type { SeededCounty } from './demo-step';
export { JIANGHUA_COUNTY_CODE, JIANGHUA_FIGURES } from './geography/index';

/**
 * Loads the Jianghua demo county unless it is already there. Returns true when it seeded. `now` is the
 * loading instant (the API passes its clock), which recent visits are placed against.
 */
export async function seedJianghua(db: DbExecutor, seed = 20190911, now = new Date()): Promise<boolean> {
  const existing = await db.query.regions.findFirst({ where: { code: JIANGHUA_COUNTY_CODE } });
  if (existing) return false;
  const random = createRandom(seed);
  const county = await seedGeography(db, random);
  await seedOrganisation(db, random, county);
  await seedUsers(db, county);
  for (const step of MECHANISM_STEPS) await step(db, county, random, { now });
  return true;
}
