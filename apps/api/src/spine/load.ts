import { insideJurisdiction } from '../auth/jurisdiction';
import type { Context } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';

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
export async function countyOfViewer(ctx: Context) {
  const county = await ctx.db.query.regions.findFirst({ where: { id: ctx.viewer?.countyId ?? -1 } });
  if (!county || ctx.viewer?.regionPath !== county.regionPath)
    throw new ForbiddenError('会议、决议和政策文件由县级登记');
  return { countyId: county.id, regionPath: county.regionPath };
}
