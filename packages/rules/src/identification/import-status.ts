import type { HouseholdStatus } from '../enums';
import { type Decision, makeReason } from '../explanation';
import { source } from '../sources';

/** The status a household enters the register with, whichever way it is entered (form or Excel). */
export const ENTRY_STATUS: HouseholdStatus = 'NON_POOR';

const SOURCE = source('ID_PROCEDURE_2015', 'L', '贫困户须经两公示一公告的识别程序纳入');

/**
 * IMPORT.NEW_HOUSEHOLD_STATUS and IMPORT.STATUS_CHANGE: an import registers or updates households but never
 * changes who is poor. A new household enters as 非贫困户 and becomes poor only through an identification
 * application; an existing household keeps the status its completed applications gave it.
 */
export function checkImportedStatus(facts: {
  householdNumber: string;
  importedStatus: HouseholdStatus;
  registeredStatus: HouseholdStatus | null;
}): Decision<'PASS' | 'FAIL'> {
  const { householdNumber, importedStatus, registeredStatus } = facts;
  const reason =
    registeredStatus === null
      ? makeReason({
          ruleId: 'IMPORT.NEW_HOUSEHOLD_STATUS',
          passed: importedStatus === ENTRY_STATUS,
          params: { entryStatus: ENTRY_STATUS },
          facts: { householdNumber, importedStatus },
          source: SOURCE,
          zh:
            importedStatus === ENTRY_STATUS
              ? '新登记农户以非贫困户纳入名册'
              : '新登记农户只能以「非贫困户」导入: 纳入贫困户须在系统中发起识别申请, 经两公示一公告',
          en:
            importedStatus === ENTRY_STATUS
              ? 'A new household enters the register as non-poor'
              : 'A new household can only be imported as non-poor: it becomes poor through an identification application with its two notices and announcement',
        })
      : makeReason({
          ruleId: 'IMPORT.STATUS_CHANGE',
          passed: importedStatus === registeredStatus,
          facts: { householdNumber, importedStatus, registeredStatus },
          source: SOURCE,
          zh:
            importedStatus === registeredStatus
              ? '导入状态与系统一致'
              : '导入状态与系统中的状态不一致: 状态变更须走动态调整程序',
          en:
            importedStatus === registeredStatus
              ? 'The imported status matches the register'
              : 'The imported status differs from the register: a status changes only through an adjustment application',
        });
  return { outcome: reason.passed ? 'PASS' : 'FAIL', reasons: [reason] };
}
