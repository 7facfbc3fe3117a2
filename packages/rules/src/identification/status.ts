import type { CalendarDate } from '../calendar';
import type { ActorRole, ApplicationKind, HouseholdStatus, ProcedureStep, StepRefusal } from '../enums';
import { makeReason, type Reason } from '../explanation';
import { LABELS_ZH } from '../labels';
import type { Policy } from '../parameters';
import { source } from '../sources';
import { attemptStep, type CompletedStep, type ProcedureDefinition } from './procedure';

/**
 * Which status each application kind moves a household from and to. A status changes only when the
 * whole procedure of its application is complete (the announcement).
 * END_POLICY (exited → no longer receiving policies) is an addition to the five kinds of the brief: no
 * other kind reaches EXITED_NO_POLICY.
 */
export const APPLICATION_TRANSITIONS: Record<
  ApplicationKind,
  Partial<Record<HouseholdStatus, HouseholdStatus>>
> = {
  IDENTIFY: { NON_POOR: 'POOR' },
  ADD_MISSED: { NON_POOR: 'POOR' },
  EXIT: { POOR: 'EXITED', RETURNED: 'EXITED' },
  RETURN: { EXITED: 'RETURNED', EXITED_NO_POLICY: 'RETURNED' },
  REMOVE_WRONGLY_INCLUDED: { POOR: 'NON_POOR', RETURNED: 'EXITED' },
  END_POLICY: { EXITED: 'EXITED_NO_POLICY' },
};

const INCLUSION_STEPS: readonly ProcedureStep[] = [
  'VILLAGE_DELIBERATION',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEW',
  'SECOND_NOTICE',
  'COUNTY_APPROVAL',
  'ANNOUNCEMENT',
];
const ONE_NOTICE_STEPS: readonly ProcedureStep[] = [
  'VILLAGE_DELIBERATION',
  'FIRST_NOTICE',
  'TOWNSHIP_REVIEW',
  'COUNTY_APPROVAL',
  'ANNOUNCEMENT',
];

/**
 * Steps per kind: entering the register (identify, add missed, return) takes 两公示一公告, two notices
 * and an announcement (ID_PROCEDURE_2015); exit and removal take one village notice (EXIT_2016);
 * ending policies after the support period is a county decision.
 */
export const APPLICATION_STEPS: Record<ApplicationKind, readonly ProcedureStep[]> = {
  IDENTIFY: INCLUSION_STEPS,
  ADD_MISSED: INCLUSION_STEPS,
  RETURN: INCLUSION_STEPS,
  EXIT: ONE_NOTICE_STEPS,
  REMOVE_WRONGLY_INCLUDED: ONE_NOTICE_STEPS,
  END_POLICY: ['COUNTY_APPROVAL', 'ANNOUNCEMENT'],
};

export const STEP_ROLES: Record<ProcedureStep, readonly ActorRole[]> = {
  VILLAGE_DELIBERATION: ['VILLAGE_CLERK'],
  FIRST_NOTICE: ['VILLAGE_CLERK'],
  TOWNSHIP_REVIEW: ['TOWNSHIP_CLERK'],
  SECOND_NOTICE: ['TOWNSHIP_CLERK'],
  COUNTY_APPROVAL: ['COUNTY_ADMIN'],
  ANNOUNCEMENT: ['COUNTY_ADMIN'],
};

/** The application kinds a household in `status` can start. */
export function applicationKindsFrom(status: HouseholdStatus): ApplicationKind[] {
  return (Object.keys(APPLICATION_TRANSITIONS) as ApplicationKind[]).filter(
    (kind) => APPLICATION_TRANSITIONS[kind][status] !== undefined,
  );
}

export function procedureFor(kind: ApplicationKind, policy: Policy): ProcedureDefinition<ProcedureStep> {
  const noticeDays = policy.get('procedure.minNoticeDays')[kind];
  return {
    name: `PROCEDURE.${kind}`,
    steps: APPLICATION_STEPS[kind],
    roles: STEP_ROLES,
    noticeDays: { FIRST_NOTICE: noticeDays, SECOND_NOTICE: noticeDays },
    source: source(kind === 'EXIT' ? 'EXIT_2016' : 'ID_PROCEDURE_2015', kind === 'EXIT' ? 'N' : 'L'),
    labelsZh: { steps: LABELS_ZH.procedureStep, roles: LABELS_ZH.actorRole },
  };
}

/** A status-change application (动态调整) for one household. */
export interface StatusApplication {
  kind: ApplicationKind;
  fromStatus: HouseholdStatus;
  completedSteps: readonly CompletedStep<ProcedureStep>[];
}

export interface StepDecision {
  outcome: 'ACCEPTED' | 'REFUSED';
  refusals: StepRefusal[];
  reasons: Reason[];
  /** The application with the step recorded (unchanged when refused). */
  application: StatusApplication;
  complete: boolean;
  /** The household's status after this step: the new status once complete, else still `fromStatus`. */
  status: HouseholdStatus;
}

/**
 * Records the next step of a status-change application, or says why not (typed refusals). `date` is the
 * Shanghai calendar day the step happened.
 */
export function nextStep(
  application: StatusApplication,
  step: ProcedureStep,
  actorRole: ActorRole,
  date: CalendarDate,
  policy: Policy,
): StepDecision {
  const target = APPLICATION_TRANSITIONS[application.kind][application.fromStatus];
  if (target === undefined) {
    return {
      outcome: 'REFUSED',
      refusals: ['TRANSITION_NOT_ALLOWED'],
      reasons: [
        makeReason({
          ruleId: 'STATUS.TRANSITION',
          passed: false,
          params: { allowedFrom: Object.keys(APPLICATION_TRANSITIONS[application.kind]) },
          facts: { kind: application.kind, fromStatus: application.fromStatus },
          source: source('ID_PROCEDURE_2015', 'L'),
          zh: `状态为 ${application.fromStatus} 的农户不能办理 ${application.kind}`,
          en: `A household in ${application.fromStatus} cannot go through ${application.kind}`,
        }),
      ],
      application,
      complete: false,
      status: application.fromStatus,
    };
  }
  const attempt = attemptStep(
    procedureFor(application.kind, policy),
    application.completedSteps,
    step,
    actorRole,
    date,
  );
  return {
    outcome: attempt.outcome,
    refusals: attempt.refusals,
    reasons: attempt.reasons,
    application:
      attempt.outcome === 'ACCEPTED'
        ? { ...application, completedSteps: attempt.completedSteps }
        : application,
    complete: attempt.complete,
    status: attempt.complete ? target : application.fromStatus,
  };
}
