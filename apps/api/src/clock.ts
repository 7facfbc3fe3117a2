import { type CalendarDate, shanghaiDate } from '@gongjian/rules';

/**
 * The API's one clock. `GONGJIAN_CLOCK_AT` (an ISO instant with its offset, e.g.
 * `2026-12-31T23:30:00+08:00`) starts it at that instant and lets it run on from there, so the test
 * tiers can be run on a month's last evening or first minutes; it is refused in production.
 */
export function clockOffsetMs(vars: NodeJS.ProcessEnv = process.env, realNow = Date.now()): number {
  const setting = vars.GONGJIAN_CLOCK_AT ?? '';
  if (setting === '') return 0;
  if (vars.NODE_ENV === 'production') {
    throw new Error('环境变量 GONGJIAN_CLOCK_AT 只用于测试, 生产环境不得设置 (not allowed in production)');
  }
  const start = Date.parse(setting);
  if (!/[zZ]|[+-]\d\d:\d\d$/.test(setting) || Number.isNaN(start)) {
    throw new Error(
      `环境变量 GONGJIAN_CLOCK_AT 必须是带时区的时刻, 如 2026-12-31T23:30:00+08:00 (got "${setting}")`,
    );
  }
  return start - realNow;
}

const offsetMs = clockOffsetMs();

export const clock = {
  /** The current instant. */
  now: (): Date => new Date(Date.now() + offsetMs),
  /** Today in the county calendar (Asia/Shanghai). Tests may replace it. */
  today: (): CalendarDate => shanghaiDate(clock.now()),
};
