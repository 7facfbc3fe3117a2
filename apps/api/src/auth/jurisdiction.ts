import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Viewer } from '../context';

/** A row is inside the viewer's jurisdiction when its region path starts with the viewer's. */
export function insideJurisdiction(viewer: Viewer | null, regionPath: string): boolean {
  return viewer !== null && regionPath.startsWith(viewer.regionPath);
}

/**
 * Regions are also readable upwards (the county above a township clerk), so that breadcrumbs and
 * pickers can name them; their lists and counts stay filtered to the jurisdiction.
 */
export function regionVisible(viewer: Viewer | null, regionPath: string): boolean {
  return (
    viewer !== null && (regionPath.startsWith(viewer.regionPath) || viewer.regionPath.startsWith(regionPath))
  );
}

/** LIKE pattern for a path prefix; paths hold only digits and slashes, so nothing needs escaping. */
export function pathPrefix(regionPath: string): string {
  if (!/^\/(\d+\/)*$/.test(regionPath)) throw new Error(`invalid region path ${regionPath}`);
  return `${regionPath}%`;
}

/** Relational-query filter for rows inside the jurisdiction (denies everything without a viewer). */
export function jurisdictionWhere(viewer: Viewer | null) {
  return { regionPath: { like: viewer ? pathPrefix(viewer.regionPath) : '/none/%' } };
}

/** Rows at or above the viewer's region, or inside it: county records a township clerk may read. */
export function visibleUpOrDown(column: AnyPgColumn | SQL, viewer: Viewer | null): SQL {
  const viewerPath = viewer?.regionPath ?? '/none/';
  return sql`(${column} like ${pathPrefix(viewerPath)} or ${viewerPath} like ${column} || '%')`;
}

/** Rows of a region's subtree, resolved inside the statement (an unknown region matches nothing). */
export function inRegionSubtree(column: unknown, regionId: { id: string | number } | null | undefined) {
  if (!regionId) return undefined;
  return sql`${column} like (select r.region_path from regions r where r.id = ${Number(regionId.id)}) || '%'`;
}
