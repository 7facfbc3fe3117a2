import { insideJurisdiction } from '../auth/jurisdiction';
import { hasPermission, type Permission } from '../auth/permissions';
import type { Context } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';

/** Which row a write names: what it is (in Chinese), the argument that names it, and its id. */
export interface RowRef {
  entity: string;
  argument: string;
  id: number;
}

/**
 * Load: a row the viewer may change. A missing row is NOT_FOUND naming the argument; a row outside the
 * jurisdiction is FORBIDDEN, decided here, before the resolver validates anything against the row.
 */
export function writableRow<T extends { regionPath: string }>(
  ctx: Context,
  row: T | undefined,
  ref: RowRef,
): T {
  const found = referencedRow(row, ref);
  if (!insideJurisdiction(ctx.viewer, found.regionPath))
    throw new ForbiddenError(`${ref.argument}: 该${ref.entity}不在您的管辖范围内`);
  return found;
}

/** A row an argument refers to (a source, a replaced document): NOT_FOUND naming the argument when missing. */
export function referencedRow<T>(row: T | undefined | null, ref: RowRef): T {
  if (!row) throw new NotFoundError(ref.entity, String(ref.id), ref.argument);
  return row;
}

/** County records (meetings, resolutions, documents) are kept at the county: the viewer's jurisdiction must be all of it. */
export function countyOfViewer(ctx: Context) {
  const viewer = ctx.viewer;
  if (!viewer?.countyId || viewer.jurisdictionId !== viewer.countyId)
    throw new ForbiddenError('会议、决议和政策文件由县级登记');
  return { countyId: viewer.countyId, regionPath: viewer.regionPath };
}

/** The editor must have read the row's current version (checked again by the guarded update). */
export function atVersion<T extends { version: number }>(row: T, version: number): T {
  if (row.version !== version) throw new ConflictError(row.version);
  return row;
}

/** The viewer's role allows the write; else FORBIDDEN as the write's typed result (not a top-level error). */
export function requirePermission(ctx: Context, permission: Permission) {
  if (!ctx.viewer || !hasPermission(ctx.viewer.roles, permission))
    throw new ForbiddenError(`您的角色不能执行此操作 (${permission}) / your role may not do this`);
}

/**
 * Whether the viewer may change a row: their role has the permission and the row lies inside their
 * jurisdiction — the same two checks the write makes, for the `viewerCan…` fields the console follows.
 */
export function viewerMayChange(ctx: Context, permission: Permission, regionPath: string): boolean {
  return (
    ctx.viewer !== null &&
    hasPermission(ctx.viewer.roles, permission) &&
    insideJurisdiction(ctx.viewer, regionPath)
  );
}

/** Who reports progress on a task, as TASK.REPORTER sees them. */
export function reporterOf(ctx: Context, task: { responsiblePersonId: number }) {
  const roles = ctx.viewer?.roles ?? [];
  return {
    helperOnly: roles.includes('HELPER') && !hasPermission(roles, 'task.write'),
    responsible: ctx.viewer?.cadreId != null && ctx.viewer.cadreId === task.responsiblePersonId,
  };
}
