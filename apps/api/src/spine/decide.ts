import { type Decision, failedReasons } from '@gongjian/rules';
import { RuleViolationError } from '../errors';

/**
 * Decide: a rules decision whose outcome is not one of `passing` becomes RULE_VIOLATION carrying the first
 * failed rule's id and every failed rule's explanation.
 */
export function refuseUnless<O extends string>(decision: Decision<O>, passing: readonly O[] = ['PASS' as O]) {
  if (passing.includes(decision.outcome)) return;
  const failed = failedReasons(decision.reasons);
  throw new RuleViolationError(
    failed[0]?.ruleId ?? decision.outcome,
    failed.map((reason) => reason.messageZh).join('; ') || decision.outcome,
  );
}
