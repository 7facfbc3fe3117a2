import type { Locale } from './i18n.tsx';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const decimalPattern = /^(-?)(\d+)(\.\d+)?$/;

/** Every count in both clients is written one way: digits grouped by thousands (1,632), at most two decimals. */
export function formatNumber(value: number | null | undefined): string {
  return value == null ? '—' : grouped.format(value);
}

/**
 * An exact decimal the API sends as a string (万元 with six decimals, say), grouped by thousands without
 * passing through a float, so 436530.522 reads 436,530.522 and no digit is lost.
 */
export function formatDecimal(value: string | null | undefined): string {
  if (value == null) return '—';
  const match = decimalPattern.exec(value);
  if (!match) return value;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/** An instant as the county reads it: Asia/Shanghai, whatever the browser's zone. */
export function formatInstant(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Shanghai', hour12: false });
}
