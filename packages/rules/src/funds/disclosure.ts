import { addDays, type CalendarDate, daysBetween } from '../calendar';
import type { NoticeKind } from '../enums';
import { InvalidInputError } from '../errors';
import { type Decision, makeReason } from '../explanation';
import type { Policy } from '../parameters';

/** Last day a notice posted on `postedOn` must stay up (the posting day counts as day 1). */
export function earliestTakeDown(kind: NoticeKind, postedOn: CalendarDate, policy: Policy): CalendarDate {
  return addDays(postedOn, policy.get('disclosure.noticeDays')[kind].minDays - 1, 'postedOn');
}

/**
 * Disclosure period (公告公示): days posted = last day − posting day + 1. Fewer than the minimum
 * (fund and project boards 10 days; household and village notices 5) fails; more than a maximum
 * (household and village notices 7) is a warning.
 */
export function checkNoticePeriod(
  kind: NoticeKind,
  postedOn: CalendarDate,
  lastDayPosted: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL' | 'WARNING'> & { daysPosted: number } {
  const period = policy.resolve('disclosure.noticeDays');
  const { minDays, maxDays } = period.value[kind];
  const daysPosted = daysBetween(postedOn, lastDayPosted) + 1;
  if (daysPosted < 1) throw new InvalidInputError('lastDayPosted', 'is before the posting day');
  const outcome =
    daysPosted < minDays ? 'FAIL' : maxDays !== null && daysPosted > maxDays ? 'WARNING' : 'PASS';
  const limits = maxDays === null ? `≥ ${minDays}` : `${minDays}–${maxDays}`;
  return {
    outcome,
    daysPosted,
    reasons: [
      makeReason({
        ruleId: 'DISCLOSURE.PERIOD',
        passed: outcome !== 'FAIL',
        params: { minDays, maxDays },
        facts: { kind, postedOn, lastDayPosted, daysPosted },
        source: period.source,
        zh: `公示 ${postedOn} 至 ${lastDayPosted} 共 ${daysPosted} 天, 要求 ${limits} 天${outcome === 'PASS' ? '' : outcome === 'FAIL' ? ', 不足' : ', 超出常规'}`,
        en: `Posted ${daysPosted} day(s) (${postedOn} to ${lastDayPosted}); required ${limits}`,
      }),
    ],
  };
}
