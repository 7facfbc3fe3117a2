import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/schema/index';

/**
 * Every domain row names its county (`county_id`, the distribution key at national scale) and its place in the
 * region tree (`region_path`, the jurisdiction filter). A table without either must be listed here with why.
 */
const NOT_DOMAIN: Record<string, string> = {
  sessions: 'sign-in sessions, keyed by their token',
  rate_limit_loginperip: 'rate-limiter counters, keyed by IP',
  rate_limit_graphqlperip: 'rate-limiter counters, keyed by IP',
  rate_limit_graphqlperuser: 'rate-limiter counters, keyed by user',
};
/** Rows that may lie above any county: the province and the country in the region tree, province-wide accounts and their audit rows. */
const COUNTY_MAY_BE_NULL = new Set(['regions', 'users', 'audit_log']);

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table));

describe('tenancy of the domain tables', () => {
  it('reads every table of the schema', () => {
    expect(tables.length).toBeGreaterThan(50);
  });

  it.each(tables.filter((table) => !(table.name in NOT_DOMAIN)).map((table) => [table.name, table] as const))(
    '%s has county_id and region_path',
    (name, table) => {
      const county = table.columns.find((column) => column.name === 'county_id');
      expect(county, `${name} lacks county_id`).toBeDefined();
      expect(
        table.columns.some((column) => column.name === 'region_path'),
        `${name} lacks region_path`,
      ).toBe(true);
      if (!COUNTY_MAY_BE_NULL.has(name)) expect(county!.notNull, `${name}.county_id may be null`).toBe(true);
    },
  );

  it('lists no table as outside the domain that the schema no longer has', () => {
    const names = new Set(tables.map((table) => table.name));
    expect(Object.keys(NOT_DOMAIN).filter((name) => !names.has(name))).toEqual([]);
  });
});
