import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { RuleReasons_reason } from '../../shared/RuleReasons.tsx';

export const ApplicationProcedure_application = graphql(
  `
    fragment ApplicationProcedure_application on StatusApplication {
      id
      kind
      state
      year
      fromStatus
      toStatus
      startedOn
      completedOn
      nextStep
      nextStepRoles
      viewerCanRecordStep
      viewerCanWithdraw
      noticeEndsOn
      procedureSteps
      stepsDone
      reason
      againstAdviceReason
      rulesAdvice
      rulesOutcome
      rulesExplanation {
        ...RuleReasons_reason
      }
      steps {
        sequence
        step
        decision
        actorName
        actorRole
        actedOn
        notes
        recordedAt
      }
      version
    }
  `,
  [RuleReasons_reason],
);

export type Application = ReturnType<typeof readApplication>;

export function readApplication(application: FragmentOf<typeof ApplicationProcedure_application>) {
  return readFragment(ApplicationProcedure_application, application);
}

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar days). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days a posted notice still has to run before the next step, or null when no notice is running. */
export function noticeDaysLeft(noticeEndsOn: string | null, today: string): number | null {
  if (!noticeEndsOn) return null;
  const left = daysBetween(today, noticeEndsOn);
  return left > 0 ? left : null;
}
