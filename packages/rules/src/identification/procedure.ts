import { addDays, type CalendarDate, requireCalendarDate } from '../calendar';
import type { ActorRole, StepRefusal } from '../enums';
import { InvalidInputError } from '../errors';
import { makeReason, type Reason } from '../explanation';
import type { SourceRef } from '../sources';

/** A step already done: what, when (Shanghai calendar day) and by which role. */
export interface CompletedStep<S extends string> {
  step: S;
  date: CalendarDate;
  actorRole: ActorRole;
}

/** An ordered procedure: who may do each step, and which steps are notices that must run their days. */
export interface ProcedureDefinition<S extends string> {
  name: string;
  steps: readonly S[];
  roles: Record<S, readonly ActorRole[]>;
  /** Minimum days a notice step stays posted (the posting day counts as day 1). */
  noticeDays: Partial<Record<S, number>>;
  source: SourceRef;
  /** Chinese names of the steps and roles for the messages; without them the codes are shown. */
  labelsZh?: { steps: Record<S, string>; roles: Record<ActorRole, string> };
}

export interface StepAttempt<S extends string> {
  outcome: 'ACCEPTED' | 'REFUSED';
  refusals: StepRefusal[];
  reasons: Reason[];
  completedSteps: CompletedStep<S>[];
  /** True once the last step has been accepted. */
  complete: boolean;
}

function refuse<S extends string>(
  completed: CompletedStep<S>[],
  refusal: StepRefusal,
  reason: Reason,
): StepAttempt<S> {
  return {
    outcome: 'REFUSED',
    refusals: [refusal],
    reasons: [reason],
    completedSteps: completed,
    complete: false,
  };
}

/** Throws when the stored steps are not a prefix of the procedure (corrupt input, not a refusal). */
export function validateCompletedSteps<S extends string>(
  definition: ProcedureDefinition<S>,
  completed: readonly CompletedStep<S>[],
): void {
  completed.forEach((done, index) => {
    requireCalendarDate(done.date, `completedSteps[${index}].date`);
    if (definition.steps[index] !== done.step) {
      throw new InvalidInputError(
        `completedSteps[${index}]`,
        `expected ${definition.steps[index]}, got ${done.step}`,
      );
    }
  });
}

/**
 * Tries to record `step` by `actorRole` on `date`. Refuses a step not in the procedure, an
 * out-of-order step, a finished procedure, a wrong role, a date before the previous step, and a step
 * that follows a notice before the notice has run its days (posted on D for n days: next step from D + n).
 */
export function attemptStep<S extends string>(
  definition: ProcedureDefinition<S>,
  completed: readonly CompletedStep<S>[],
  step: S,
  actorRole: ActorRole,
  date: CalendarDate,
): StepAttempt<S> {
  validateCompletedSteps(definition, completed);
  requireCalendarDate(date, 'date');
  const done = [...completed];
  const prefix = `${definition.name}`;
  const ref = definition.source;
  const stepZh = (value: S) => definition.labelsZh?.steps[value] ?? value;
  const roleZh = (value: ActorRole) => definition.labelsZh?.roles[value] ?? value;
  if (done.length === definition.steps.length) {
    return refuse(
      done,
      'ALREADY_COMPLETE',
      makeReason({
        ruleId: `${prefix}.ALREADY_COMPLETE`,
        passed: false,
        facts: { step },
        source: ref,
        zh: `程序已全部完成, 不能再办理 ${stepZh(step)}`,
        en: `The procedure is complete; ${step} cannot be recorded`,
      }),
    );
  }
  if (!definition.steps.includes(step)) {
    return refuse(
      done,
      'STEP_NOT_IN_PROCEDURE',
      makeReason({
        ruleId: `${prefix}.STEP_NOT_IN_PROCEDURE`,
        passed: false,
        params: { steps: [...definition.steps] },
        facts: { step },
        source: ref,
        zh: `本程序不含步骤 ${step}`,
        en: `${step} is not a step of this procedure`,
      }),
    );
  }
  const expected = definition.steps[done.length] as S;
  if (step !== expected) {
    return refuse(
      done,
      'OUT_OF_ORDER',
      makeReason({
        ruleId: `${prefix}.ORDER`,
        passed: false,
        params: { expectedStep: expected },
        facts: { step },
        source: ref,
        zh: `步骤顺序错误: 应先办理 ${stepZh(expected)}, 不能办理 ${stepZh(step)}`,
        en: `Out of order: ${expected} comes next, not ${step}`,
      }),
    );
  }
  const refusals: StepRefusal[] = [];
  const reasons: Reason[] = [];
  const allowedRoles = definition.roles[step];
  const roleOk = allowedRoles.includes(actorRole);
  if (!roleOk) refusals.push('WRONG_ROLE');
  reasons.push(
    makeReason({
      ruleId: `${prefix}.ROLE`,
      passed: roleOk,
      params: { allowedRoles: [...allowedRoles] },
      facts: { step, actorRole },
      source: ref,
      zh: roleOk
        ? `${roleZh(actorRole)} 可办理 ${stepZh(step)}`
        : `${roleZh(actorRole)} 无权办理 ${stepZh(step)}, 应由 ${allowedRoles.map(roleZh).join('/')} 办理`,
      en: roleOk
        ? `${actorRole} may record ${step}`
        : `${actorRole} may not record ${step}; ${allowedRoles.join('/')} may`,
    }),
  );
  const previous = done[done.length - 1];
  if (previous) {
    const dateOk = date >= previous.date;
    if (!dateOk) refusals.push('DATE_BEFORE_PREVIOUS_STEP');
    reasons.push(
      makeReason({
        ruleId: `${prefix}.DATE_ORDER`,
        passed: dateOk,
        facts: { date, previousStep: previous.step, previousDate: previous.date },
        source: ref,
        zh: dateOk
          ? `日期 ${date} 不早于上一步 ${previous.date}`
          : `日期 ${date} 早于上一步${stepZh(previous.step)}的日期 ${previous.date}`,
        en: dateOk
          ? `${date} is not before the previous step (${previous.date})`
          : `${date} is before ${previous.step} on ${previous.date}`,
      }),
    );
    const noticeDays = definition.noticeDays[previous.step];
    if (noticeDays !== undefined) {
      const earliest = addDays(previous.date, noticeDays);
      const elapsed = date >= earliest;
      if (!elapsed) refusals.push('NOTICE_NOT_ELAPSED');
      reasons.push(
        makeReason({
          ruleId: `${prefix}.NOTICE_DAYS`,
          passed: elapsed,
          params: { minNoticeDays: noticeDays },
          facts: { noticeStep: previous.step, postedOn: previous.date, earliestNextStep: earliest, date },
          source: ref,
          zh: elapsed
            ? `公示自 ${previous.date} 起已满 ${noticeDays} 天`
            : `公示自 ${previous.date} 起未满 ${noticeDays} 天, ${earliest} 起方可办理下一步`,
          en: elapsed
            ? `The notice posted on ${previous.date} has run its ${noticeDays} days`
            : `The notice posted on ${previous.date} runs ${noticeDays} days; next step from ${earliest}`,
        }),
      );
    }
  }
  if (refusals.length > 0)
    return { outcome: 'REFUSED', refusals, reasons, completedSteps: done, complete: false };
  const completedSteps = [...done, { step, date, actorRole }];
  return {
    outcome: 'ACCEPTED',
    refusals,
    reasons,
    completedSteps,
    complete: completedSteps.length === definition.steps.length,
  };
}
