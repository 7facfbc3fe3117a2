import { InvalidInputError } from './errors';

/** An exact fraction of whole numbers. Thresholds are ratios too (2 % = {2, 100}); never compare floats. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** A computed rate: the exact fraction, a percentage for display ("1.99%") and a float for charts only. */
export interface Rate extends Ratio {
  percent: string;
  approximate: number;
}

export function ratio(numerator: number, denominator: number, field = 'ratio'): Ratio {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    throw new InvalidInputError(
      field,
      `numerator and denominator must be whole numbers (${numerator}/${denominator})`,
    );
  }
  if (denominator <= 0) {
    throw new InvalidInputError(field, `denominator must be greater than 0 (${numerator}/${denominator})`);
  }
  return { numerator, denominator };
}

export function percentRatio(percent: number): Ratio {
  return ratio(percent, 100);
}

/** Greatest common divisor of |a| and b, for b > 0 (so it is at least 1). */
function gcd(a: bigint, b: bigint): bigint {
  let x = b;
  let y = a < 0n ? -a : a;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a reduced Ratio from bigint parts, checking the result still fits a safe integer. */
export function ratioFromBigInt(numerator: bigint, denominator: bigint, field = 'ratio'): Ratio {
  if (denominator <= 0n) throw new InvalidInputError(field, 'denominator must be greater than 0');
  const divisor = gcd(numerator, denominator);
  const reducedNumerator = numerator / divisor;
  const reducedDenominator = denominator / divisor;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (reducedNumerator > max || -reducedNumerator > max || reducedDenominator > max) {
    throw new InvalidInputError(field, 'exact fraction is too large to represent');
  }
  return ratio(Number(reducedNumerator), Number(reducedDenominator), field);
}

/** -1, 0 or 1 as a < b, a = b, a > b, by exact cross-multiplication. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = BigInt(a.numerator) * BigInt(b.denominator);
  const right = BigInt(b.numerator) * BigInt(a.denominator);
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

export function isBelow(value: Ratio, threshold: Ratio): boolean {
  return compareRatio(value, threshold) < 0;
}

export function isAtLeast(value: Ratio, threshold: Ratio): boolean {
  return compareRatio(value, threshold) >= 0;
}

/** The fraction as a percentage with `decimals` places, rounded half away from zero: 1/3 → "33.33%". */
export function formatPercent(value: Ratio, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const scaledNumerator = BigInt(value.numerator) * 100n * scale;
  const denominator = BigInt(value.denominator);
  const negative = scaledNumerator < 0n;
  const magnitude = negative ? -scaledNumerator : scaledNumerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const sign = negative && rounded !== 0n ? '-' : '';
  return `${sign}${whole}${decimals > 0 ? `.${fraction}` : ''}%`;
}

export function toRate(value: Ratio): Rate {
  return {
    numerator: value.numerator,
    denominator: value.denominator,
    percent: formatPercent(value),
    approximate: value.numerator / value.denominator,
  };
}

/** Exact sum of ratios. */
export function addRatios(values: readonly Ratio[]): Ratio {
  let numerator = 0n;
  let denominator = 1n;
  for (const value of values) {
    numerator = numerator * BigInt(value.denominator) + BigInt(value.numerator) * denominator;
    denominator *= BigInt(value.denominator);
    const divisor = gcd(numerator, denominator);
    numerator /= divisor;
    denominator /= divisor;
  }
  return ratioFromBigInt(numerator, denominator);
}

/** value ÷ divisor, exactly (divisor a whole number > 0). */
export function divideRatio(value: Ratio, divisor: number): Ratio {
  ratio(1, divisor, 'divisor');
  return ratioFromBigInt(BigInt(value.numerator), BigInt(value.denominator) * BigInt(divisor));
}

/** value × factor, exactly. */
export function multiplyRatio(value: Ratio, factor: Ratio): Ratio {
  return ratioFromBigInt(
    BigInt(value.numerator) * BigInt(factor.numerator),
    BigInt(value.denominator) * BigInt(factor.denominator),
  );
}

/** Largest whole number ≤ value. */
export function floorRatio(value: Ratio): number {
  const numerator = BigInt(value.numerator);
  const denominator = BigInt(value.denominator);
  let quotient = numerator / denominator;
  if (numerator % denominator !== 0n && numerator < 0n) quotient -= 1n;
  return Number(quotient);
}

/** Smallest whole number ≥ value. */
export function ceilRatio(value: Ratio): number {
  const numerator = BigInt(value.numerator);
  const denominator = BigInt(value.denominator);
  let quotient = numerator / denominator;
  if (numerator % denominator !== 0n && numerator > 0n) quotient += 1n;
  return Number(quotient);
}
