/** A right-aligned 万元 column of a funds table, its figure read from the row. */
export function moneyColumn<Row>(title: string, key: string, value: (row: Row) => string | null) {
  return { title, key, align: 'right' as const, render: (_: unknown, row: Row) => value(row) };
}
