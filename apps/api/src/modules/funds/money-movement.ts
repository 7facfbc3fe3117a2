import type { DbExecutor } from '@gongjian/db';
import { projects } from '@gongjian/db/schema';
import type { Decision } from '@gongjian/rules';
import { and, eq, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { ConflictError } from '../../errors';
import { actedOn } from '../../shared/dates';
import { enteredAmountSchema } from '../../shared/money';
import { text, validate } from '../../shared/validate';
import { refuseUnless } from '../../spine/decide';
import { nextVersion } from '../../spine/write';

type SumTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface RunningSum<Row> {
  id: number;
  /** The running sum the write moves (allocated, paid). */
  sum: keyof Row & string;
  amountFen: number;
  /** What the row must still meet after the move: its cap and its state, in SQL. */
  within: (sum: SQL) => SQL | undefined;
  /** The rules' decision on the row as it is now, when the guarded update moved nothing. */
  decide: (current: Row | undefined) => Decision<'PASS' | 'FAIL'>;
  /** What changed under the writer when the rules still pass (another writer got there first). */
  conflictMessage: string;
}

/**
 * The guarded running sum (资金额度): adds the amount to the row's sum in one update that holds only while the
 * cap and state still allow it, so concurrent writers never pass the cap (the table's check constraint is the
 * last line). Nothing moved: the row is read again and the rules refuse with its figures, else CONFLICT.
 */
export async function addToRunningSum<T extends SumTable>(
  tx: DbExecutor,
  table: T,
  move: RunningSum<InferSelectModel<T>>,
): Promise<void> {
  const column = (table as unknown as Record<string, PgColumn>)[move.sum]!;
  const moved = sql`${column} + ${move.amountFen}`;
  const [row] = await tx
    .update(table)
    .set({ [move.sum]: moved, ...nextVersion(table) } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, move.id), move.within(moved)))
    .returning({ id: table.id });
  if (row) return;
  const [current] = (await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, move.id))) as InferSelectModel<T>[];
  refuseUnless(move.decide(current));
  throw new ConflictError(
    (current as { version?: number } | undefined)?.version ?? null,
    move.conflictMessage,
  );
}

/** An allocation's or a payment's entry: the amount in 元 or 万元, its notes, its day (default today). */
export function movementEntry(
  input: {
    amountYuan?: string | null;
    amountWanYuan?: string | null;
    notes?: string | null;
  },
  day: string | null | undefined,
  dayArgument: string,
) {
  return {
    amountFen: validate(enteredAmountSchema, input),
    notes: validate(text(500).nullish(), input.notes) ?? null,
    day: actedOn(day, dayArgument),
  };
}

/** A money list's filter by its project: one project, or the projects of one plan year. */
export function ofProject(
  projectId: PgColumn,
  args: { projectId?: { id: string | number } | null; year?: number | null },
): (SQL | undefined)[] {
  return [
    args.projectId ? eq(projectId, Number(args.projectId.id)) : undefined,
    args.year != null
      ? sql`${projectId} in (select ${projects.id} from ${projects} where ${projects.year} = ${args.year})`
      : undefined,
  ];
}
