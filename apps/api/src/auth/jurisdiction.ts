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

/** The path of no region: what a request without a viewer is scoped to, so every filter denies all. */
export const NO_REGION = '/0/';

const viewerPath = (viewer: Viewer | null) => viewer?.regionPath ?? NO_REGION;

/** Relational-query filter for rows inside the jurisdiction (denies everything without a viewer). */
export function jurisdictionWhere(viewer: Viewer | null) {
  return { regionPath: { like: pathPrefix(viewerPath(viewer)) } };
}

/** SQL: the row's region path lies inside the viewer's jurisdiction (false without a viewer). */
export function inJurisdiction(column: AnyPgColumn | SQL, viewer: Viewer | null): SQL {
  return sql`${column} like ${pathPrefix(viewerPath(viewer))}`;
}

/** SQL: the row's region path lies inside the subtree of `regionPath`. */
export function inSubtree(column: AnyPgColumn | SQL, regionPath: string): SQL {
  return sql`${column} like ${pathPrefix(regionPath)}`;
}

/** Rows at or above the viewer's region, or inside it: county records a township clerk may read. */
export function visibleUpOrDown(column: AnyPgColumn | SQL, viewer: Viewer | null): SQL {
  const path = viewerPath(viewer);
  return sql`(${column} like ${pathPrefix(path)} or ${path} like ${column} || '%')`;
}

/** Rows of a region's subtree, resolved inside the statement (an unknown region matches nothing). */
export function inRegionSubtree(column: unknown, regionId: { id: string | number } | null | undefined) {
  if (!regionId) return undefined;
  return sql`${column} like (select r.region_path from regions r where r.id = ${Number(regionId.id)}) || '%'`;
}
