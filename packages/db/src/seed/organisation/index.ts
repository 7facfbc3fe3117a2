import type { DbExecutor } from '../../client';
import { type BackingLevel, cadres, type UnitKind, units } from '../../schema/index';
import type { SeededCounty } from '../demo-step';
import { mobilePhone, personName } from '../people';
import type { Random } from '../random';
import {
  CITY_BACKING_UNITS,
  COUNTY_BACKING_UNITS,
  NATIONAL_BACKING_UNITS,
  PROVINCIAL_BACKING_UNITS,
} from './names';

type UnitRow = typeof units.$inferSelect;

/** A cadre of `unit` with a demo name and phone number (drawn in that order). */
export function demoCadre(
  random: Random,
  unit: Pick<UnitRow, 'id' | 'countyId' | 'regionPath'>,
  post: string,
) {
  return {
    countyId: unit.countyId,
    regionPath: unit.regionPath,
    unitId: unit.id,
    name: personName(random),
    post,
    phone: mobilePhone(random),
  };
}

const LEADER_POSTS = [
  '县委书记(指挥长)',
  '县长(副指挥长)',
  '县委副书记(副指挥长)',
  '县委常委、常务副县长(副指挥长)',
  '副县长(副指挥长)',
];

/** Posts of the demo cadres of one unit; work stations draw their staff size (2–5) from `random`. */
function postsOf(random: Random, unit: UnitRow): string[] {
  if (unit.kind === 'WORK_STATION')
    return Array.from({ length: random.int(2, 5) }, (_, i) => (i === 0 ? '扶贫工作站站长' : '扶贫专干'));
  if (unit.kind === 'TOWNSHIP_GOVERNMENT') return ['乡镇党委书记', '乡镇长'];
  if (unit.kind === 'VILLAGE_COMMITTEE') return ['村党支部书记'];
  if (unit.kind === 'BACKING_UNIT') return ['扶贫联络员'];
  return [];
}

export async function seedOrganisation(db: DbExecutor, random: Random, county: SeededCounty) {
  const { countyId } = county;
  const unit = (
    region: { id: number; regionPath: string },
    name: string,
    kind: UnitKind,
    backingLevel: BackingLevel | null = null,
  ) => ({ countyId, regionId: region.id, regionPath: region.regionPath, name, kind, backingLevel });
  const countyRegion = { id: countyId, regionPath: county.countyPath };
  const countyUnit = (name: string, level: BackingLevel) => unit(countyRegion, name, 'BACKING_UNIT', level);
  const unitValues = [
    unit(countyRegion, '江华瑶族自治县委县政府领导班子', 'COUNTY_LEADERSHIP'),
    ...NATIONAL_BACKING_UNITS.map((n) => countyUnit(n, 'NATIONAL')),
    ...PROVINCIAL_BACKING_UNITS.map((n) => countyUnit(n, 'PROVINCIAL')),
    ...CITY_BACKING_UNITS.map((n) => countyUnit(n, 'CITY')),
    ...COUNTY_BACKING_UNITS.map((n) => countyUnit(`江华瑶族自治县${n.replace(/^县/, '')}`, 'COUNTY')),
    ...county.townships.flatMap((t) => [
      unit(t, `${t.name}人民政府`, 'TOWNSHIP_GOVERNMENT'),
      unit(t, `${t.name}扶贫工作站`, 'WORK_STATION'),
    ]),
    ...county.villages.map((v) =>
      unit(
        v,
        `${county.townships.find((t) => t.id === v.townshipId)!.name}${v.name}村民委员会`,
        'VILLAGE_COMMITTEE',
      ),
    ),
  ];
  const unitRows = await db.insert(units).values(unitValues).returning();

  const leadership = unitRows.find((u) => u.kind === 'COUNTY_LEADERSHIP')!;
  const cadreValues = [
    ...LEADER_POSTS.map((post) => demoCadre(random, leadership, post)),
    ...unitRows.flatMap((u) => postsOf(random, u).map((post) => demoCadre(random, u, post))),
  ];
  await db.insert(cadres).values(cadreValues);
}
