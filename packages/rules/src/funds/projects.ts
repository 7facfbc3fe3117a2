import type { ProjectState } from '../enums';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import { source } from '../sources';

/**
 * The project library lifecycle (PROJLIB_2018, ASSET_2021): each stage leads to the next; a project
 * can be removed (调整出库) at any stage before implementation starts.
 */
export const PROJECT_TRANSITIONS: Record<ProjectState, readonly ProjectState[]> = {
  APPLICATION: ['TOWNSHIP_REVIEW', 'REMOVED'],
  TOWNSHIP_REVIEW: ['COUNTY_APPRAISAL', 'REMOVED'],
  COUNTY_APPRAISAL: ['APPROVED', 'REMOVED'],
  APPROVED: ['IN_LIBRARY', 'REMOVED'],
  IN_LIBRARY: ['IMPLEMENTATION', 'REMOVED'],
  IMPLEMENTATION: ['COMPLETION_ACCEPTANCE'],
  COMPLETION_ACCEPTANCE: ['ASSET_HANDOVER'],
  ASSET_HANDOVER: [],
  REMOVED: [],
};

export interface ProjectFacts {
  id: string;
  state: ProjectState;
  /** 绩效目标: mandatory to enter the library. */
  performanceTarget: string | null;
}

/** May the project move to `to`? Refuses a transition the lifecycle lacks, and library entry without a target. */
export function transitionProject(project: ProjectFacts, to: ProjectState): Decision<'ACCEPTED' | 'REFUSED'> {
  const allowed = PROJECT_TRANSITIONS[project.state];
  const transitionOk = allowed.includes(to);
  const reasons: Reason[] = [
    makeReason({
      ruleId: 'PROJECT.TRANSITION',
      passed: transitionOk,
      params: { allowed: [...allowed] },
      facts: { projectId: project.id, from: project.state, to },
      source: source('PROJLIB_2018', 'N'),
      zh: transitionOk ? `项目可由 ${project.state} 进入 ${to}` : `项目不能由 ${project.state} 进入 ${to}`,
      en: transitionOk ? `${project.state} → ${to} is allowed` : `${project.state} → ${to} is not allowed`,
    }),
  ];
  if (to === 'IN_LIBRARY') {
    const hasTarget = (project.performanceTarget ?? '').trim() !== '';
    reasons.push(
      makeReason({
        ruleId: 'PROJECT.PERFORMANCE_TARGET',
        passed: hasTarget,
        facts: { projectId: project.id, performanceTarget: project.performanceTarget },
        source: source('PROJLIB_2018', 'N', '绩效目标 mandatory'),
        zh: hasTarget ? '已填报绩效目标' : '未填报绩效目标, 不得入库',
        en: hasTarget ? 'Performance target set' : 'No performance target: cannot enter the library',
      }),
    );
  }
  return { outcome: allPassed(reasons) ? 'ACCEPTED' : 'REFUSED', reasons };
}
