import { InvalidInputError } from './errors';

/**
 * Money is held as a whole number of fen (分, 1/100 yuan) in a JS number. Every amount the system
 * handles (a county's five-year funds are about 4.4 × 10^11 fen) is far below 2^53, so integer
 * arithmetic on numbers is exact; every function here checks that it stays a safe integer.
 * Never build a Fen from a floating-point yuan value: parse decimal strings with `yuan()` or `wanYuan()`.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN_YUAN = 1_000_000;

export function requireFen(value: number, field: string): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new InvalidInputError(field, `money must be a whole number of fen, got ${value}`);
  }
  return value;
}

export function requireNonNegativeFen(value: number, field: string): Fen {
  requireFen(value, field);
  if (value < 0) throw new InvalidInputError(field, `amount must not be negative, got ${value}`);
  return value;
}

function parseDecimal(amount: string | number, fractionDigits: number, field: string): Fen {
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) {
      throw new InvalidInputError(field, 'pass a non-integer amount as a decimal string, not a float');
    }
    return requireFen(amount * 10 ** fractionDigits, field);
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim().replaceAll(',', ''));
  if (!match) throw new InvalidInputError(field, `not a decimal amount: "${amount}"`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > fractionDigits) {
    throw new InvalidInputError(field, `"${amount}" has more precision than one fen`);
  }
  const digits = `${whole}${fraction.padEnd(fractionDigits, '0')}`;
  const magnitude = Number(digits);
  if (!Number.isSafeInteger(magnitude)) throw new InvalidInputError(field, `"${amount}" is too large`);
  return sign === '-' && magnitude !== 0 ? -magnitude : magnitude;
}

/** Yuan (元) as an integer or a decimal string with at most 2 decimals → fen. */
export function yuan(amount: string | number, field = 'amount'): Fen {
  return parseDecimal(amount, 2, field);
}

/** 万元 (10,000 yuan) as an integer or a decimal string with at most 6 decimals → fen. */
export function wanYuan(amount: string | number, field = 'amount'): Fen {
  return parseDecimal(amount, 6, field);
}

function formatScaled(fen: Fen, fractionDigits: number, trimZeros: boolean): string {
  requireFen(fen, 'fen');
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(fractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - fractionDigits);
  let fraction = digits.slice(digits.length - fractionDigits);
  if (trimZeros) fraction = fraction.replace(/0+$/, '');
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** Fen → "2952.00" (yuan, always two decimals). */
export function formatYuan(fen: Fen): string {
  return formatScaled(fen, 2, false);
}

/** Fen → "436530.522" (万元, exact, trailing zeros dropped). */
export function formatWanYuan(fen: Fen): string {
  return formatScaled(fen, 6, true);
}

export function sumFen(amounts: readonly Fen[], field = 'amounts'): Fen {
  let total = 0;
  for (const amount of amounts) total = requireFen(total + requireFen(amount, field), field);
  return total;
}
