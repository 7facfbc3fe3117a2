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
