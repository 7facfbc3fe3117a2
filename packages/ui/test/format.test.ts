import { describe, expect, test } from 'vitest';
import { formatDecimal, formatInstant, formatNumber } from '../src/format.ts';

describe('numbers are written one way in both clients', () => {
  test.each([
    [1632, '1,632'],
    [571806, '571,806'],
    [0, '0'],
    [98.456, '98.46'],
    [-1200, '-1,200'],
  ])('the count %d reads %s', (value, shown) => {
    expect(formatNumber(value)).toBe(shown);
  });

  test('a missing count reads as a dash, not as 0', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });

  test.each([
    ['436530.522', '436,530.522'],
    ['436011.81', '436,011.81'],
    ['-518.712', '-518.712'],
    ['24239.288000', '24,239.288000'],
    ['900719925474099.123456', '900,719,925,474,099.123456'],
    ['0.3', '0.3'],
  ])('the exact amount %s reads %s with every digit kept', (value, shown) => {
    expect(formatDecimal(value)).toBe(shown);
  });

  test('a value that is not a decimal is shown as it came, and a missing one as a dash', () => {
    expect(formatDecimal('未填')).toBe('未填');
    expect(formatDecimal(null)).toBe('—');
  });

  test('an instant reads in the county’s time whatever the browser’s zone', () => {
    expect(formatInstant('2026-12-31T16:10:00Z', 'zh-CN')).toBe('2027/1/1 00:10:00');
    expect(formatInstant('2026-12-31T15:30:00Z', 'en')).toBe('12/31/2026, 23:30:00');
  });
});
