import { type Decision, makeReason } from '../explanation';
import { source } from '../sources';

/**
 * A meeting, resolution or policy document is withdrawn (撤回), never deleted: it stays visible with the
 * day, the reason and who withdrew it. A withdrawn record is neither edited nor withdrawn again.
 */

const SOURCE = source('ARTICLE_2019', 'A', '会议、决议和政策文件留档可查');

export type RecordAction = 'EDIT' | 'WITHDRAW';

/** RECORD.WITHDRAWN: a withdrawn record takes no edit and no second withdrawal. */
export function canChangeRecord(
  record: { withdrawnOn: string | null },
  action: RecordAction,
): Decision<'PASS' | 'FAIL'> {
  const passed = record.withdrawnOn === null;
  const verbZh = action === 'EDIT' ? '修改' : '再次撤回';
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'RECORD.WITHDRAWN',
        passed,
        facts: { withdrawnOn: record.withdrawnOn, action },
        source: SOURCE,
        zh: passed ? '记录有效' : `记录已于 ${record.withdrawnOn} 撤回, 不能${verbZh}`,
        en: passed
          ? 'The record is in effect'
          : `The record was withdrawn on ${record.withdrawnOn}; it cannot be ${action === 'EDIT' ? 'edited' : 'withdrawn again'}`,
      }),
    ],
  };
}

/** RECORD.WITHDRAW_DATE: the withdrawal is dated between the record's own date and today. */
export function checkWithdrawalDate(
  recordOn: string,
  withdrawnOn: string,
  today: string,
): Decision<'PASS' | 'FAIL'> {
  const passed = withdrawnOn >= recordOn && withdrawnOn <= today;
  return {
    outcome: passed ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'RECORD.WITHDRAW_DATE',
        passed,
        facts: { recordOn, withdrawnOn, today },
        source: SOURCE,
        zh: passed ? '撤回日期有效' : `撤回日期 ${withdrawnOn} 应在 ${recordOn} 至今天 ${today} 之间`,
        en: passed
          ? 'The withdrawal date is valid'
          : `The withdrawal date ${withdrawnOn} must lie between ${recordOn} and today ${today}`,
      }),
    ],
  };
}
