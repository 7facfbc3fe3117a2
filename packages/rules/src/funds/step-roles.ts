import type { CalendarDate } from '../calendar';
import type { ActorRole, ProjectState } from '../enums';
import { allPassed, type Decision, makeReason, type Reason } from '../explanation';
import type { Policy } from '../parameters';
import { source } from '../sources';
import { canAdvanceProject, type PostedNotice } from './fund-writes';
import { PROJECT_TRANSITIONS, type ProjectFacts } from './projects';

/**
 * Who takes each step of the project library (PROJLIB_2018): the village applies (村两委 and the work team),
 * the township reviews, the county appraises, approves and announces; the township or the village carries the
 * works out, the township accepts them, the county registers and hands over the assets (ASSET_2021).
 */
export const PROJECT_STEP_ROLES: Record<ProjectState, readonly ActorRole[]> = {
  APPLICATION: ['VILLAGE_CLERK'],
  TOWNSHIP_REVIEW: ['TOWNSHIP_CLERK'],
  COUNTY_APPRAISAL: ['COUNTY_ADMIN'],
  APPROVED: ['COUNTY_ADMIN'],
  IN_LIBRARY: ['COUNTY_ADMIN'],
  IMPLEMENTATION: ['TOWNSHIP_CLERK', 'VILLAGE_CLERK'],
  COMPLETION_ACCEPTANCE: ['TOWNSHIP_CLERK'],
  ASSET_HANDOVER: ['COUNTY_ADMIN'],
  REMOVED: ['COUNTY_ADMIN'],
};

/** The township may turn an application down at its review (出库 before it reaches the county). */
const REMOVAL_AT_APPLICATION: readonly ActorRole[] = ['TOWNSHIP_CLERK', 'COUNTY_ADMIN'];

/** The roles that may move a project from `from` to `to`. */
export function projectStepRoles(from: ProjectState | null, to: ProjectState): readonly ActorRole[] {
  return to === 'REMOVED' && from === 'APPLICATION' ? REMOVAL_AT_APPLICATION : PROJECT_STEP_ROLES[to];
}

/** PROJECT.STEP_ROLE: one of the actor's roles takes this step (`from` null: the application itself). */
export function mayTakeProjectStep(
  roles: readonly string[],
  from: ProjectState | null,
  to: ProjectState,
): Reason {
  const allowed = projectStepRoles(from, to);
  const passed = roles.some((role) => (allowed as readonly string[]).includes(role));
  const actor = roles.join('/') || '—';
  return makeReason({
    ruleId: 'PROJECT.STEP_ROLE',
    passed,
    params: { allowedRoles: [...allowed] },
    facts: { from, to, roles: [...roles] },
    source: source('PROJLIB_2018', 'N', '村申报、乡审核、县论证审定'),
    zh: passed ? `${actor} 可办理 ${to}` : `${actor} 无权办理 ${to}, 应由 ${allowed.join('/')} 办理`,
    en: passed ? `${actor} may record ${to}` : `${actor} may not record ${to}; ${allowed.join('/')} may`,
  });
}

/** The steps out of `from` that one of `roles` may take (what the console offers them). */
export function projectStepsFor(roles: readonly string[], from: ProjectState): ProjectState[] {
  return PROJECT_TRANSITIONS[from].filter((to) => mayTakeProjectStep(roles, from, to).passed);
}

/** PROJECT.TRANSITION, PROJECT.PERFORMANCE_TARGET, PROJECT.NOTICE_RUN and PROJECT.STEP_ROLE: a step as one actor takes it. */
export function canTakeProjectStep(
  roles: readonly string[],
  project: ProjectFacts,
  to: ProjectState,
  notices: readonly PostedNotice[],
  today: CalendarDate,
  policy: Policy,
): Decision<'PASS' | 'FAIL'> {
  const reasons = [
    ...canAdvanceProject(project, to, notices, today, policy).reasons,
    mayTakeProjectStep(roles, project.state, to),
  ];
  return { outcome: allPassed(reasons) ? 'PASS' : 'FAIL', reasons };
}

/** Who may import applications in bulk (项目库导入): the village for itself, the township and the county for theirs. */
export const PROJECT_IMPORT_ROLES: readonly ActorRole[] = ['VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN'];

/**
 * PROJECT.IMPORT_ROLE: an actor may import a sheet of project applications. Imported projects enter at
 * APPLICATION only; every later step is still taken one by one by the role PROJECT.STEP_ROLE names.
 */
export function mayImportProjects(roles: readonly string[]): Decision<'PASS' | 'FAIL'> {
  const passed = roles.some((role) => (PROJECT_IMPORT_ROLES as readonly string[]).includes(role));
  const actor = roles.join('/') || '—';
  const allowed = PROJECT_IMPORT_ROLES.join('/');
  const reason = makeReason({
    ruleId: 'PROJECT.IMPORT_ROLE',
    passed,
    params: { allowedRoles: [...PROJECT_IMPORT_ROLES] },
    facts: { roles: [...roles] },
    source: source('PROJLIB_2018', 'N', '村申报、乡审核、县论证审定'),
    zh: passed ? `${actor} 可导入项目申报` : `${actor} 无权导入项目, 应由 ${allowed} 导入`,
    en: passed
      ? `${actor} may import project applications`
      : `${actor} may not import projects; ${allowed} may`,
  });
  return { outcome: passed ? 'PASS' : 'FAIL', reasons: [reason] };
}
