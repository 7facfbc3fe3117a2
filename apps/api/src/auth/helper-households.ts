import { pairings } from '@gongjian/db/schema';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Context, Viewer } from '../context';
import { oncePerRequest } from '../shared/once-per-request';
import { isHelperOnly } from './permissions';

/**
 * A helper only (结对帮扶责任人 without a clerk role) sees the households of their open pairings, not the
 * whole village: the SQL condition for lists, and the set the household types' scope checks, loaded once
 * per request.
 */
export function pairedWithHelper(householdId: AnyPgColumn | SQL, viewer: Viewer | null): SQL | undefined {
  if (!viewer || !isHelperOnly(viewer.roles)) return undefined;
  return sql`exists (select 1 from ${pairings} hp where hp.household_id = ${householdId} and hp.helper_id = ${viewer.cadreId ?? -1} and hp.end_date is null)`;
}

export async function helperMaySeeHousehold(ctx: Context, householdId: number): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer || !isHelperOnly(viewer.roles)) return true;
  const paired = await oncePerRequest(ctx, 'helper-households', async () => {
    const rows = await ctx.db
      .select({ householdId: pairings.householdId })
      .from(pairings)
      .where(and(eq(pairings.helperId, viewer.cadreId ?? -1), isNull(pairings.endDate)));
    return new Set(rows.map((row) => row.householdId));
  });
  return paired.has(householdId);
}
