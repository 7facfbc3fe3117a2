import type { Context } from '../../context';
import { countyPolicy } from '../../policy';
import { oncePerRequest } from '../../shared/once-per-request';

/** The county's policy for a year, read once per request however many list fields (page, totalCount) ask for it. */
export function listPolicy(ctx: Context, countyId: number, year: number) {
  return oncePerRequest(ctx, `supervision.policy:${countyId}:${year}`, () =>
    countyPolicy(ctx.db, countyId, year),
  );
}
