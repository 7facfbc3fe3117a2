import type { ApplicationKind, ProcedureStep } from '../enums';
import { type Decision, makeReason } from '../explanation';
import { source } from '../sources';
import { APPLICATION_STEPS } from './status';

/** Where a status-change application stands: open while its procedure runs, else closed for good. */
export type ApplicationState = 'IN_PROGRESS' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';

const STATE_ZH: Record<ApplicationState, string> = {
  IN_PROGRESS: '办理中',
  COMPLETED: '已完成',
  REJECTED: '已否决',
  WITHDRAWN: '已撤回',
};

/** APPLICATION.CLOSED: steps are recorded, and an application withdrawn, only while it is in progress. */
export function applicationOpen(state: ApplicationState): Decision<'PASS' | 'FAIL'> {
  const open = state === 'IN_PROGRESS';
  return {
    outcome: open ? 'PASS' : 'FAIL',
    reasons: [
      makeReason({
        ruleId: 'APPLICATION.CLOSED',
        passed: open,
        facts: { state },
        source: source('ID_PROCEDURE_2015', 'L'),
        zh: open ? '申请办理中' : `该申请${STATE_ZH[state]}, 不能再办理步骤`,
        en: open
          ? 'The application is in progress'
          : `The application is ${state.toLowerCase()}; no step can be recorded`,
      }),
    ],
  };
}

export interface ApplicationAfterStep {
  state: ApplicationState;
  /** The step that comes next, or null once the application is closed. */
  nextStep: ProcedureStep | null;
  /** The household's status changes now (the last step was approved). */
  changesStatus: boolean;
}

/**
 * The application after an accepted step: a rejection closes it (REJECTED); the approved last step
 * completes it and changes the household's status; otherwise it waits for the next step of its kind.
 */
export function applicationAfterStep(
  application: { kind: ApplicationKind; stepsDone: number },
  decision: 'APPROVED' | 'REJECTED',
  procedureComplete: boolean,
): ApplicationAfterStep {
  if (decision === 'REJECTED') return { state: 'REJECTED', nextStep: null, changesStatus: false };
  if (procedureComplete) return { state: 'COMPLETED', nextStep: null, changesStatus: true };
  const next = APPLICATION_STEPS[application.kind][application.stepsDone + 1] ?? null;
  return { state: 'IN_PROGRESS', nextStep: next, changesStatus: false };
}
