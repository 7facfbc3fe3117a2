import { integer, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Columns every domain row carries: the county it belongs to (the tenant, the future shard key) and
 * the materialised path of its region (`/1/3/57/`), which jurisdiction filters match by prefix.
 */
export const tenantColumns = () => ({
  countyId: integer('county_id').notNull(),
  regionPath: text('region_path').notNull(),
});

export const versionColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
