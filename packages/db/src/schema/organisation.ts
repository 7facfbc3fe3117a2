import { index, integer, pgEnum, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from './columns';
import { regions } from './geography';

export const unitKind = pgEnum('unit_kind', [
  'COUNTY_LEADERSHIP',
  'COUNTY_DEPARTMENT',
  'BACKING_UNIT',
  'TOWNSHIP_GOVERNMENT',
  'WORK_STATION',
  'VILLAGE_COMMITTEE',
]);

export const backingLevel = pgEnum('backing_level', ['NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY']);

export type UnitKind = (typeof unitKind.enumValues)[number];
export type BackingLevel = (typeof backingLevel.enumValues)[number];

/** 单位: county leadership, departments, backing units, township governments, work stations, village committees. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    kind: unitKind('kind').notNull(),
    backingLevel: backingLevel('backing_level'),
    ...versionColumns(),
  },
  (t) => [
    unique('units_county_name_uq').on(t.countyId, t.name),
    index('units_region_idx').on(t.regionId),
    index('units_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

/** 干部: a person who works in the campaign. Their region is their unit's region. */
export const cadres = pgTable(
  'cadres',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ...tenantColumns(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    post: text('post').notNull(),
    phone: text('phone'),
    ...versionColumns(),
  },
  (t) => [
    index('cadres_unit_idx').on(t.unitId),
    index('cadres_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
