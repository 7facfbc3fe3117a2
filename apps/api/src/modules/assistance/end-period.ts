import type { pairings, workTeamMembers } from '@gongjian/db/schema';
import type { CalendarDate, Decision } from '@gongjian/rules';
import { isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Context } from '../../context';
import { clock } from '../../policy';
import { validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { updateAtVersion, writeAudited } from '../../spine/write';

/**
 * Ending an open period (a pairing, a team membership): validate the version and end day (default today),
 * decide with the entity's rule, then set the end day at the version while the row is still open, audited.
 */

const EndSchema = z.object({ version: z.number().int().min(1, '版本号无效'), endDate: z.string().nullish() });

type Period = { id: string; startDate: CalendarDate; endDate: CalendarDate | null };

export async function endOpenPeriod(
  ctx: Context,
  spec: {
    table: typeof pairings | typeof workTeamMembers;
    row: { id: number; regionPath: string; startDate: string; endDate: string | null };
    input: unknown;
    entity: string;
    entityType: string;
    action: string;
    decide: (period: Period, endDate: CalendarDate, today: CalendarDate) => Decision<'PASS' | 'FAIL'>;
  },
): Promise<void> {
  const { table, row } = spec;
  const values = validate(EndSchema, spec.input);
  const today = clock.today();
  const endDate = values.endDate ?? today;
  refuseUnless(
    spec.decide({ id: String(row.id), startDate: row.startDate, endDate: row.endDate }, endDate, today),
  );
  await writeAudited(ctx, async (tx) => {
    await updateAtVersion(
      tx,
      table,
      { id: row.id, version: values.version, entity: spec.entity, still: isNull(table.endDate) },
      { endDate },
    );
    return {
      id: row.id,
      audit: {
        action: spec.action,
        entityType: spec.entityType,
        entityId: row.id,
        regionPath: row.regionPath,
        before: { endDate: null },
        after: { endDate },
      },
    };
  });
}
