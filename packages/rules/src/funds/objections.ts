import type { CalendarDate } from '../calendar';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * 公示异议: an objection raised against a disclosure notice, during its period or after it (the public may
 * object once the board is down, DISCLOSE_2018 "接受群众监督"). A project whose notice has an open objection
 * takes no further step until the township or the county answers it; removal from the library stays open.
 */

export const OBJECTION_STATUSES = ['OPEN', 'ANSWERED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

const DISCLOSURE = source('DISCLOSE_2018', 'N', '公示期间接受群众监督, 异议须核实答复');

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: allPassed(reasons) ? 'PASS' : 'FAIL',
  reasons,
});

/** OBJECTION.RAISED_ON: an objection is raised on or after the posting day, and not after today. */
export function canRaiseObjection(
  notice: { postedOn: CalendarDate; lastDayPosted: CalendarDate },
  raisedOn: CalendarDate,
  today: CalendarDate,
): Decision<'PASS' | 'FAIL'> {
  const beforePosting = raisedOn < notice.postedOn;
  const future = raisedOn > today;
  const passed = !beforePosting && !future;
  const during = raisedOn <= notice.lastDayPosted;
  return decide([
    makeReason({
      ruleId: 'OBJECTION.RAISED_ON',
      passed,
      facts: { raisedOn, postedOn: notice.postedOn, lastDayPosted: notice.lastDayPosted, today },
      source: DISCLOSURE,
      zh: beforePosting
        ? `异议日期 ${raisedOn} 早于公示开始 ${notice.postedOn}`
        : future
          ? `异议日期 ${raisedOn} 晚于今天 ${today}`
          : `异议于 ${raisedOn} 提出 (${during ? '公示期内' : '公示期满后'})`,
      en: beforePosting
        ? `Raised on ${raisedOn}, before the notice was posted on ${notice.postedOn}`
        : future
          ? `Raised on ${raisedOn}, after today ${today}`
          : `Raised on ${raisedOn} (${during ? 'during' : 'after'} the notice period)`,
    }),
  ]);
}

/** OBJECTION.OPEN: only an open objection is answered, once. */
export function canAnswerObjection(objection: {
  id: string;
  status: ObjectionStatus;
}): Decision<'PASS' | 'FAIL'> {
  const passed = objection.status === 'OPEN';
  return decide([
    makeReason({
      ruleId: 'OBJECTION.OPEN',
      passed,
      facts: { objectionId: objection.id, status: objection.status },
      source: DISCLOSURE,
      zh: passed ? '异议待答复' : '该异议已答复, 不能再次答复',
      en: passed ? 'The objection awaits its answer' : 'The objection has already been answered',
    }),
  ]);
}

/** PROJECT.OBJECTION_OPEN: no notice of the project has an unanswered objection. */
export function noOpenObjection(openObjections: number): Reason {
  const passed = openObjections === 0;
  return makeReason({
    ruleId: 'PROJECT.OBJECTION_OPEN',
    passed,
    facts: { openObjections },
    source: DISCLOSURE,
    zh: passed
      ? '项目公示无未答复的异议'
      : `项目公示有 ${openObjections} 件异议未答复, 答复前项目不能进入下一阶段 (可调整出库)`,
    en: passed
      ? 'No open objection to the project notices'
      : `${openObjections} open objection(s) to the project notices: no next step until answered (removal stays possible)`,
  });
}
