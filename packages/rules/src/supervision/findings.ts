import type { VillageKind } from '../enums';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * The refusals of the supervision records that are not reports or score sheets: closing an inspection
 * finding, recording an accountability case, appointing a village supervisor.
 */

const ARTICLE = source('ARTICLE_2019', 'A');

const decide = (reasons: Reason[]): Decision<'PASS' | 'FAIL'> => ({
  outcome: allPassed(reasons) ? 'PASS' : 'FAIL',
  reasons,
});

/** INSPECTION.FINDING_OPEN and INSPECTION.TASK_DONE: an open finding closes once its rectification task is done. */
export function canCloseInspectionFinding(finding: {
  id: string;
  closed: boolean;
  taskDone: boolean;
}): Decision<'PASS' | 'FAIL'> {
  return decide([
    makeReason({
      ruleId: 'INSPECTION.FINDING_OPEN',
      passed: !finding.closed,
      facts: { id: finding.id, closed: finding.closed },
      source: ARTICLE,
      zh: finding.closed ? '该督查问题已销号' : '督查问题整改中',
      en: finding.closed ? 'The finding is already closed' : 'The finding is open',
    }),
    makeReason({
      ruleId: 'INSPECTION.TASK_DONE',
      passed: finding.taskDone,
      facts: { id: finding.id, taskDone: finding.taskDone },
      source: ARTICLE,
      zh: finding.taskDone ? '整改任务已办结' : '整改任务尚未办结, 督查问题不能销号',
      en: finding.taskDone ? 'The rectification task is done' : 'The rectification task is not done yet',
    }),
  ]);
}

export interface AccountabilityBasis {
  reportId: string | null;
  inspectionFindingId: string | null;
  auditFindingId: string | null;
}

/** ACCOUNTABILITY.ONE_BASIS: a case rests on exactly one report, inspection finding or audit finding. */
export function canRecordAccountability(basis: AccountabilityBasis): Decision<'PASS' | 'FAIL'> {
  const named = [basis.reportId, basis.inspectionFindingId, basis.auditFindingId].filter(
    (id) => id !== null,
  ).length;
  const passed = named === 1;
  return decide([
    makeReason({
      ruleId: 'ACCOUNTABILITY.ONE_BASIS',
      passed,
      facts: { ...basis, named },
      source: source('ARTICLE_2019', 'A', '强化脱贫攻坚执纪问责'),
      zh: passed
        ? '问责依据已指明'
        : named === 0
          ? '请指明问责依据: 举报、督查问题或审计发现之一'
          : '问责依据只能是举报、督查问题或审计发现中的一个',
      en: passed ? 'One basis named' : `Name exactly one basis (${named} given)`,
    }),
  ]);
}

/** SUPERVISOR.VILLAGE_WITH_POOR: 村级扶贫监督员 serve the villages with poor residents (112 + 192 in Jianghua). */
export function canAppointVillageSupervisor(village: {
  name: string;
  kind: VillageKind;
}): Decision<'PASS' | 'FAIL'> {
  const passed = village.kind === 'POOR_VILLAGE' || village.kind === 'NON_POOR_WITH_POOR';
  return decide([
    makeReason({
      ruleId: 'SUPERVISOR.VILLAGE_WITH_POOR',
      passed,
      facts: { village: village.name, kind: village.kind },
      source: source('ARTICLE_2019', 'A', '112个贫困村和192个有贫困人口的非贫困村都安排一名村级扶贫监督员'),
      zh: passed
        ? `「${village.name}」有贫困人口, 设村级扶贫监督员`
        : `「${village.name}」没有贫困人口, 不设村级扶贫监督员`,
      en: passed ? 'A village with poor residents' : 'The village has no poor residents',
    }),
  ]);
}
