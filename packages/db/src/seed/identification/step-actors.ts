import type { ActorRole } from '@gongjian/rules';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '../../client';
import { cadres, units } from '../../schema/index';
import type { SeededCounty } from '../demo-step';

export interface StepActors {
  village(villagePath: string): { id: number; name: string };
  township(villagePath: string): { id: number; name: string };
  county: { id: null; name: string };
  helpers(villagePath: string): { id: number; name: string }[];
}

export function actorFor(actors: StepActors, role: ActorRole, villagePath: string): string {
  if (role === 'VILLAGE_CLERK') return actors.village(villagePath).name;
  if (role === 'TOWNSHIP_CLERK') return actors.township(villagePath).name;
  return actors.county.name;
}

/** Who signs each level's steps in the demo: the village's Party secretary, the township station, the county. */
export async function stepActors(db: DbExecutor, county: SeededCounty): Promise<StepActors> {
  const rows = await db
    .select({ id: cadres.id, name: cadres.name, regionPath: cadres.regionPath })
    .from(cadres)
    .innerJoin(units, eq(units.id, cadres.unitId))
    .where(
      and(eq(cadres.countyId, county.countyId), inArray(units.kind, ['WORK_STATION', 'VILLAGE_COMMITTEE'])),
    )
    .orderBy(cadres.id);
  const byPath = new Map<string, { id: number; name: string }[]>();
  for (const row of rows) byPath.set(row.regionPath, [...(byPath.get(row.regionPath) ?? []), row]);
  const townshipPath = (villagePath: string) => villagePath.replace(/\d+\/$/, '');
  return {
    village: (villagePath) => byPath.get(villagePath)?.[0] ?? byPath.get(townshipPath(villagePath))![0]!,
    township: (villagePath) => byPath.get(townshipPath(villagePath))![0]!,
    county: { id: null, name: '县扶贫开发办公室' },
    helpers: (villagePath) => [
      ...(byPath.get(villagePath) ?? []),
      ...(byPath.get(townshipPath(villagePath)) ?? []),
    ],
  };
}
