import { type CalendarDate, type CalendarMonth, lastDayOfMonth } from '@gongjian/rules';
import { type Random, weighted } from '../random';

export const VISIT_NOTES = [
  '了解家庭收入和务工情况',
  '宣讲产业扶持和教育资助政策',
  '核实两不愁三保障落实情况',
  '帮助联系务工岗位',
  '查看危房改造进度',
  '填写帮扶手册并签字',
] as const;

/**
 * The visits of one pairing in one month (固定走访日, at least 2): past months mostly 2, sometimes 1 or 3;
 * the current month only on days already passed, and more often short, so the compliance list has
 * households in it on any day. A visit on the loading day itself is at 08:00–09:00 and only after 09:00.
 */
export function monthVisitDays(
  random: Random,
  month: CalendarMonth,
  today: CalendarDate,
  now: Date,
): { day: CalendarDate; at: string }[] {
  const current = today.startsWith(`${month}-`);
  const lastDay = Number((current ? today : lastDayOfMonth(month)).slice(8, 10));
  const todayOpen = !current || now.getTime() >= Date.parse(`${today}T09:00:00+08:00`);
  const available = Array.from({ length: current && !todayOpen ? lastDay - 1 : lastDay }, (_, i) => i + 1);
  const wanted = current
    ? weighted(random, [
        [2, 75],
        [1, 15],
        [0, 10],
      ] as const)
    : weighted(random, [
        [2, 88],
        [3, 6],
        [1, 6],
      ] as const);
  const days = random
    .shuffle(available)
    .slice(0, wanted)
    .sort((a, b) => a - b);
  return days.map((dayNumber) => {
    const day = `${month}-${String(dayNumber).padStart(2, '0')}`;
    const minutes = day === today ? random.int(0, 59) : random.int(0, 599);
    const hh = String(8 + Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return { day, at: `${day}T${hh}:${mm}:00+08:00` };
  });
}
