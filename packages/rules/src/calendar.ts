import { InvalidInputError } from './errors';

/**
 * Calendar days are 'YYYY-MM-DD' strings (the county's calendar, Asia/Shanghai). Instants (visits,
 * timestamps) are ISO strings with an explicit offset or Date objects, and are turned into the Shanghai
 * calendar day before any rule looks at them. The rules never read the clock.
 *
 * Adding months or years keeps the day number; when that day does not exist in the target month
 * (31 Aug + 6 months, 29 Feb + 1 year) the result is the first day of the following month. The same
 * rule gives ages: someone born on 29 Feb turns a year older on 1 Mar in a common year.
 */
export type CalendarDate = string;
/** 'YYYY-MM' */
export type CalendarMonth = string;

export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

interface DateParts {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format(parts: DateParts): CalendarDate {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

export function parseCalendarDate(value: string, field = 'date'): DateParts {
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new InvalidInputError(field, `expected a calendar date YYYY-MM-DD, got "${value}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidInputError(field, `no such day: "${value}"`);
  }
  return { year, month, day };
}

export function requireCalendarDate(value: string, field = 'date'): CalendarDate {
  parseCalendarDate(value, field);
  return value;
}

export function parseCalendarMonth(value: string, field = 'month'): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(value);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12) {
    throw new InvalidInputError(field, `expected a calendar month YYYY-MM, got "${value}"`);
  }
  return { year: Number(match[1]), month };
}

/** Days since 1970-01-01 (pure arithmetic on the proleptic Gregorian calendar). */
export function toDayNumber(date: CalendarDate, field = 'date'): number {
  const { year, month, day } = parseCalendarDate(date, field);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const date = new Date(dayNumber * 86_400_000);
  return format({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

export function addDays(date: CalendarDate, days: number, field = 'date'): CalendarDate {
  return fromDayNumber(toDayNumber(date, field) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

export function addMonths(date: CalendarDate, months: number, field = 'date'): CalendarDate {
  const { year, month, day } = parseCalendarDate(date, field);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (day <= daysInMonth(targetYear, targetMonth))
    return format({ year: targetYear, month: targetMonth, day });
  return addDays(
    format({ year: targetYear, month: targetMonth, day: daysInMonth(targetYear, targetMonth) }),
    1,
  );
}

export function addYears(date: CalendarDate, years: number, field = 'date'): CalendarDate {
  return addMonths(date, years * 12, field);
}

/** Completed years of age on `onDate` (see the 29 Feb rule above). */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  const birth = parseCalendarDate(birthDate, 'birthDate');
  const on = parseCalendarDate(onDate, 'onDate');
  let age = on.year - birth.year;
  if (addYears(birthDate, age, 'birthDate') > onDate) age -= 1;
  return age;
}

export function monthOf(date: CalendarDate): CalendarMonth {
  requireCalendarDate(date);
  return date.slice(0, 7);
}

export function firstDayOfMonth(month: CalendarMonth): CalendarDate {
  parseCalendarMonth(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: CalendarMonth): CalendarDate {
  const parts = parseCalendarMonth(month);
  return `${month}-${pad(daysInMonth(parts.year, parts.month), 2)}`;
}

const shanghaiDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNTY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Asia/Shanghai of an instant (ISO string with Z or an offset, or a Date). */
export function shanghaiDate(instant: string | Date, field = 'instant'): CalendarDate {
  if (typeof instant === 'string' && !INSTANT_PATTERN.test(instant)) {
    throw new InvalidInputError(field, `expected an ISO instant with Z or an offset, got "${instant}"`);
  }
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new InvalidInputError(field, 'not a valid instant');
  const parts = Object.fromEntries(shanghaiDayFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** A calendar day as given ('YYYY-MM-DD'), or the Shanghai calendar day of an instant. */
export function toCountyDay(value: string | Date, field = 'date'): CalendarDate {
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return requireCalendarDate(value, field);
  return shanghaiDate(value, field);
}

/** Days of [from, to] (inclusive) that fall inside `month`; 0 when they do not meet. */
export function daysInsideMonth(from: CalendarDate, to: CalendarDate | null, month: CalendarMonth): number {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  const start = from > first ? from : first;
  const end = to === null || to > last ? last : to;
  return end < start ? 0 : daysBetween(start, end) + 1;
}
