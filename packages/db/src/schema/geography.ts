import { type AnyPgColumn, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { versionColumns } from './columns';

export const regionLevel = pgEnum('region_level', [
  'PROVINCE',
  'CITY',
  'COUNTY',
  'TOWNSHIP',
  'VILLAGE',
  'GROUP',
]);

export const villageKind = pgEnum('village_kind', [
  'POOR_VILLAGE',
  'NON_POOR_WITH_POOR',
  'NON_POOR',
  'COMMUNITY',
]);

export type RegionLevel = (typeof regionLevel.enumValues)[number];
export type VillageKind = (typeof villageKind.enumValues)[number];

/**
 * 行政区划: province → city → county → township → village → group. The county is the tenant;
 * rows above the county (province, city) have no county. `regionPath` is this region's own path.
 */
export const regions = pgTable(
  'regions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    countyId: integer('county_id').references((): AnyPgColumn => regions.id),
    parentId: integer('parent_id').references((): AnyPgColumn => regions.id),
    regionPath: text('region_path').notNull().unique(),
    level: regionLevel('level').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    villageKind: villageKind('village_kind'),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versionColumns(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentId, t.sortOrder),
    index('regions_county_level_idx').on(t.countyId, t.level),
    index('regions_path_prefix_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);
