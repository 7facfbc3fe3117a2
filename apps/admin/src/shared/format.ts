const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Every count and amount in the console is written one way: digits grouped by thousands (1,632). */
export function formatNumber(value: number): string {
  return grouped.format(value);
}
