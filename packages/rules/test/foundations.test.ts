import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addRatios,
  addYears,
  ageOn,
  ceilRatio,
  compareRatio,
  daysBetween,
  daysInMonth,
  daysInsideMonth,
  divideRatio,
  floorRatio,
  formatPercent,
  formatWanYuan,
  formatYuan,
  InvalidInputError,
  isLeapYear,
  lastDayOfMonth,
  monthOf,
  parseCalendarMonth,
  ratio,
  ratioFromBigInt,
  requireFen,
  shanghaiDate,
  sumFen,
  toCountyDay,
  toRate,
  wanYuan,
  yuan,
} from '../src';

describe('money in whole fen', () => {
  it.each([
    ['2952', 295_200],
    ['2952.5', 295_250],
    ['0.01', 1],
    ['-12.30', -1230],
    ['40,000', 4_000_000],
    [40_000, 4_000_000],
  ])('yuan(%s) = %i fen', (input, fen) => {
    expect(yuan(input)).toBe(fen);
  });

  it.each([
    ['81000.712', 81_000_712_000],
    ['436011.81', 436_011_810_000],
    ['22699', 22_699_000_000],
    [24_758, 24_758_000_000],
  ])('wanYuan(%s) = %i fen', (input, fen) => {
    expect(wanYuan(input)).toBe(fen);
  });

  it.each([
    ['a float yuan value', () => yuan(12.5)],
    ['a third decimal of yuan', () => yuan('1.005')],
    ['text', () => yuan('abc')],
    ['an amount beyond 2^53 fen', () => yuan('999999999999999999')],
    ['a non-integer fen', () => requireFen(1.5, 'x')],
    ['an unsafe integer fen', () => yuan(2 ** 53)],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });

  it.each([
    [295_200, '2952.00'],
    [1, '0.01'],
    [-1230, '-12.30'],
    [0, '0.00'],
  ])('formatYuan(%i) = %s', (fen, shown) => {
    expect(formatYuan(fen)).toBe(shown);
  });

  it.each([
    [436_530_522_000, '436530.522'],
    [24_758_000_000, '24758'],
    [518_712_000, '518.712'],
    [-24_239_288_000, '-24239.288'],
    [1, '0.000001'],
  ])('formatWanYuan(%i) = %s', (fen, shown) => {
    expect(formatWanYuan(fen)).toBe(shown);
  });

  it('sums exactly and refuses a sum beyond safe integers', () => {
    expect(sumFen([wanYuan('0.1'), wanYuan('0.2')])).toBe(wanYuan('0.3'));
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(InvalidInputError);
  });
});

describe('exact ratios', () => {
  it.each([
    [ratio(2, 100), ratio(1, 50), 0],
    [ratio(199, 10_000), ratio(2, 100), -1],
    [ratio(3, 100), ratio(2, 100), 1],
    [ratio(9, 10), ratio(90, 100), 0],
  ])('compareRatio(%o, %o) = %i', (a, b, expected) => {
    expect(compareRatio(a, b)).toBe(expected);
  });

  it('compares without float error where floats would fail', () => {
    // 0.1 + 0.2 !== 0.3 in floats; as ratios it is exact.
    expect(compareRatio(addRatios([ratio(1, 10), ratio(2, 10)]), ratio(3, 10))).toBe(0);
  });

  it.each([
    [ratio(1, 3), '33.33%'],
    [ratio(2, 3), '66.67%'],
    [ratio(2, 100), '2.00%'],
    [ratio(-1, 3), '-33.33%'],
    [ratio(-1, 100_000), '0.00%'],
    [ratio(1, 1), '100.00%'],
  ])('formatPercent(%o) = %s', (value, shown) => {
    expect(formatPercent(value)).toBe(shown);
  });

  it('formats with no decimals and gives a rate with a display value', () => {
    expect(formatPercent(ratio(1, 8), 0)).toBe('13%');
    expect(toRate(ratio(3, 150))).toEqual({
      numerator: 3,
      denominator: 150,
      percent: '2.00%',
      approximate: 0.02,
    });
  });

  it.each([
    [ratio(7, 2), 3, 4],
    [ratio(-7, 2), -4, -3],
    [ratio(6, 3), 2, 2],
    [ratio(0, 5), 0, 0],
  ])('floor and ceiling of %o are %i and %i', (value, floor, ceiling) => {
    expect(floorRatio(value)).toBe(floor);
    expect(ceilRatio(value)).toBe(ceiling);
  });

  it('divides exactly and reduces', () => {
    expect(divideRatio(ratio(3, 4), 3)).toEqual({ numerator: 1, denominator: 4 });
    expect(ratioFromBigInt(0n, 7n)).toEqual({ numerator: 0, denominator: 1 });
  });

  it.each([
    ['a zero denominator', () => ratio(1, 0)],
    ['a fractional numerator', () => ratio(0.5, 2)],
    ['a numerator too large', () => ratioFromBigInt(2n ** 60n, 3n)],
    ['a negative numerator too large', () => ratioFromBigInt(-(2n ** 60n), 3n)],
    ['a denominator too large', () => ratioFromBigInt(1n, 2n ** 60n)],
    ['a zero bigint denominator', () => ratioFromBigInt(1n, 0n)],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });
});

describe('calendar days (Asia/Shanghai)', () => {
  it.each([
    [2024, true],
    [2023, false],
    [1900, false],
    [2000, true],
  ])('isLeapYear(%i) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2023, 4, 30],
    [2023, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each([
    ['2024-02-29', 1, '2025-03-01'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-03-01', 2, '2025-03-01'],
    ['2024-01-01', 2, '2026-01-01'],
  ])('addYears(%s, %i) = %s (29 Feb rolls to 1 Mar)', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2024-08-31', 6, '2025-03-01'],
    ['2023-08-31', 6, '2024-03-01'],
    ['2024-01-31', 1, '2024-03-01'],
    ['2024-01-15', 6, '2024-07-15'],
    ['2024-03-31', -1, '2024-03-01'],
    ['2024-11-30', 2, '2025-01-30'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds days across leap days and counts days between', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it.each([
    ['2012-02-29', '2018-02-28', 5],
    ['2012-02-29', '2018-03-01', 6],
    ['2012-02-29', '2020-02-29', 8],
    ['2010-09-01', '2016-08-31', 5],
    ['2010-09-01', '2016-09-01', 6],
  ])('someone born %s is aged on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ['2026-01-31T15:59:59Z', '2026-01-31'],
    ['2026-01-31T16:00:00Z', '2026-02-01'],
    ['2026-01-31T17:00Z', '2026-02-01'],
    ['2026-02-01T00:30:00+08:00', '2026-02-01'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
  ])('the instant %s is %s in Shanghai', (instant, day) => {
    expect(shanghaiDate(instant)).toBe(day);
  });

  it('accepts a Date and a calendar day', () => {
    expect(shanghaiDate(new Date(Date.UTC(2025, 11, 31, 16, 0)))).toBe('2026-01-01');
    expect(toCountyDay('2025-06-30')).toBe('2025-06-30');
    expect(toCountyDay('2025-06-30T16:00:00Z')).toBe('2025-07-01');
  });

  it.each([
    ['an instant without a zone', () => shanghaiDate('2026-01-31T17:00:00')],
    ['an invalid Date', () => shanghaiDate(new Date(Number.NaN))],
    ['an impossible day', () => toCountyDay('2023-02-29')],
    ['a month 13', () => monthOf('2023-13-01')],
    ['a year before 1000', () => addDays('0099-01-01', 1)],
    ['a malformed month', () => parseCalendarMonth('2023-1')],
    ['month 00', () => lastDayOfMonth('2023-00')],
    ['a malformed date', () => addDays('2023/01/01', 1)],
  ])('rejects %s', (_, run) => {
    expect(run).toThrow(InvalidInputError);
  });

  it.each([
    ['2026-01-10', null, '2026-01', 22],
    ['2025-12-01', '2026-01-15', '2026-01', 15],
    ['2026-02-01', null, '2026-01', 0],
    ['2024-01-01', null, '2024-02', 29],
    ['2025-01-01', '2025-12-31', '2026-01', 0],
  ])('a period from %s to %s covers %s for %i days', (from, to, month, days) => {
    expect(daysInsideMonth(from, to, month)).toBe(days);
  });
});
