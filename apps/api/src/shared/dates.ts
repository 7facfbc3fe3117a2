import type { CalendarDate } from '@gongjian/rules';
import { clock } from '../clock';
import { ValidationError } from '../errors';

/** A calendar day given by a user: defaults to today, never after it. */
export function actedOn(date: string | null | undefined, field = 'date'): CalendarDate {
  const today = clock.today();
  if (!date) return today;
  if (date > today) throw ValidationError.field(field, `日期不能晚于今天 (${today})`);
  return date;
}
