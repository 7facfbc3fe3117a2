import { z } from 'zod';
import { writeAudit } from '../audit';
import { insideJurisdiction } from '../auth/jurisdiction';
import type { Context } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { validate } from './validate';

const RevealSchema = z.object({
  reason: z.string().trim().min(2, '请填写查看理由').max(500, '不能超过500个字'),
});

export interface RevealRequest<Row extends { regionPath: string }> {
  /** The entity in Chinese, for NOT_FOUND (家庭成员). */
  entity: string;
  entityType: string;
  field: string;
  /** The id as the client sent it; `id` is its decoded row id, or null when it names another type. */
  argumentId: string;
  id: number | null;
  reason: string;
  load: (id: number) => Promise<Row | undefined>;
}

/**
 * 查看完整个人信息: the row of a viewer with the unmask permission, inside their jurisdiction. Every attempt is in
 * the audit log with its reason, the refused ones too (PIPL art. 51: who looked, or tried to, at what and why).
 */
export async function revealPersonalData<Row extends { regionPath: string }>(
  ctx: Context,
  request: RevealRequest<Row>,
): Promise<Row> {
  const { reason } = validate(RevealSchema, { reason: request.reason });
  const { entity, entityType, field, argumentId, id } = request;
  const record = (refusal: string | null, regionPath: string | null) =>
    writeAudit(ctx.db, ctx.viewer, {
      action: refusal ? 'personal-data.reveal-refused' : 'personal-data.reveal',
      entityType,
      entityId: id,
      regionPath,
      after: refusal ? { field, refusal } : { field },
      reason,
    });
  if (!ctx.viewer?.mayUnmask) {
    await record('NO_UNMASK_PERMISSION', null);
    throw new ForbiddenError('您没有查看完整个人信息的权限');
  }
  const row = id === null ? undefined : await request.load(id);
  if (!row || !insideJurisdiction(ctx.viewer, row.regionPath)) {
    await record(row ? 'OUTSIDE_JURISDICTION' : 'NOT_FOUND', row?.regionPath ?? null);
    throw new NotFoundError(entity, argumentId, 'id');
  }
  await record(null, row.regionPath);
  return row;
}
