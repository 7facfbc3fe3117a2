import { index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { tenantColumns, versionColumns } from './columns';
import { backingLevel, unitKind } from './enums';
import { regions } from './geography';

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
