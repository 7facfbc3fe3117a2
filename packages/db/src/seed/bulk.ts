import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type DbExecutor, rowsOf } from '../client';

/**
 * Inserts many rows in a few statements: each chunk travels as one JSON parameter and is expanded by
 * `json_populate_recordset` into the table's own row type, so enums, dates and arrays are cast by
 * PostgreSQL. Only the columns present in the first row are written; the others take their defaults.
 * Returns the `returning` columns (database names) of every inserted row, in insertion order.
 */
export async function bulkInsert<R extends Record<string, unknown>>(
  db: DbExecutor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  options: { returning?: string[]; chunkSize?: number } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  const columnList = sql.raw(names.map((name) => `"${name}"`).join(', '));
  const returning = options.returning?.length
    ? sql.raw(` returning ${options.returning.map((name) => `"${name}"`).join(', ')}`)
    : sql.raw('');
  const chunkSize = options.chunkSize ?? 5000;
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        record[names[index]!] = row[key];
      });
      return record;
    });
    const result = await db.execute(
      sql`insert into ${table} (${columnList}) select ${columnList} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)${returning}`,
    );
    if (options.returning?.length) out.push(...rowsOf<R>(result));
  }
  return out;
}
