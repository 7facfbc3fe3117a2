import {
  type CalendarDate,
  daysBetween,
  lastDayOfMonth,
  monthOf,
  parseCalendarDate,
  shanghaiDate,
} from '@gongjian/rules';
import { DEMO_DATE, type DemoLoad } from './demo-step';

/**
 * The demo clock (decision 0021): the county's history keeps its real dates, while records still open on
 * the loading day are moved from the article's month to the loading month, whole months at a time, so
 * that on the loading day they stand to it as they stood to 2019-09-11 (due at a month end stays due at
 * a month end; order between dates is kept, so a child is never due after its parent). A procedure
 * under way moves by whole days instead, keeping its notice periods.
 */
export interface DemoClock {
  /** The loading day in the county (Asia/Shanghai). */
  today: CalendarDate;
  /** Whole months from the article's month to the loading month (0 when loaded before it). */
  months: number;
  /** Whole days from the article's day to the loading day (0 when loaded before it). */
  days: number;
  /** A date of the article's year moved to the loading month. */
  live(date: CalendarDate): CalendarDate;
}

const monthIndex = (date: CalendarDate) => {
  const { year, month } = parseCalendarDate(date);
  return year * 12 + month - 1;
};

export function demoClock(load: DemoLoad): DemoClock {
  const today = shanghaiDate(load.now);
  const months = Math.max(0, monthIndex(today) - monthIndex(DEMO_DATE));
  const live = (date: CalendarDate): CalendarDate => {
    const target = monthIndex(date) + months;
    const month = `${Math.floor(target / 12)}-${String((target % 12) + 1).padStart(2, '0')}`;
    const last = lastDayOfMonth(month);
    if (date === lastDayOfMonth(monthOf(date))) return last;
    const day = date.slice(8, 10);
    return `${month}-${day}` < last ? `${month}-${day}` : last;
  };
  return { today, months, days: Math.max(0, daysBetween(DEMO_DATE, today)), live };
}
