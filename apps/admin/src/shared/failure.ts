import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { enumLabel, fill, type Locale } from '@gongjian/ui';
import { RuleReasons_reason } from './RuleReasons.tsx';
import { ruleLabels } from './ruleLabels.ts';
import { plainMessage, reasonText } from './ruleText.ts';
import { sharedWords } from './words.ts';

/** Every typed error a mutation can answer with, with what a clerk needs to read it. Spread it in every mutation. */
export const MutationFailure_error = graphql(
  `
    fragment MutationFailure_error on Error {
      __typename
      code
      message
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on RuleViolationError {
        ruleId
      }
      ... on ConflictError {
        currentVersion
      }
      ... on StepRefusedError {
        ruleId
        refusals
        reasons {
          ...RuleReasons_reason
        }
      }
    }
  `,
  [RuleReasons_reason],
);

export type MutationFailure = FragmentOf<typeof MutationFailure_error>;

/** The failure's fields, unmasked (for placing field errors on a form). */
export function readFailure(error: MutationFailure) {
  return readFragment(MutationFailure_error, error);
}

/** The field errors of a ValidationError, to place on a form's fields; null for other failures. */
export function fieldErrorsOf(error: MutationFailure) {
  const failure = readFailure(error);
  return failure.__typename === 'ValidationError' ? failure.fieldErrors : null;
}

/**
 * A refused write in words: the error code in the clerk's language, then what the API says about it —
 * the refusals of a procedure step with the rules' messages, the rule broken, or the fields named.
 */
export function describeFailure(error: MutationFailure, locale: Locale): string {
  const failure = readFailure(error);
  const words = sharedWords[locale];
  const parts: string[] = [];
  switch (failure.__typename) {
    case 'StepRefusedError': {
      for (const refusal of failure.refusals) parts.push(enumLabel('StepRefusal', refusal, locale));
      for (const reason of failure.reasons.map((r) => readFragment(RuleReasons_reason, r)))
        if (!reason.passed) parts.push(reasonText(reason, locale));
      break;
    }
    case 'ConflictError':
      parts.push(
        failure.currentVersion == null
          ? words.conflictNoVersion
          : fill(words.conflict, { version: failure.currentVersion }),
      );
      if (locale === 'zh-CN' && failure.message) parts.push(plainMessage(failure.message));
      break;
    case 'RuleViolationError': {
      parts.push(enumLabel('ErrorCode', failure.code, locale));
      const known = ruleLabels[locale][failure.ruleId];
      if (known) parts.push(fill(words.ruleViolation, { rule: known }));
      else parts.push(locale === 'en' ? `${words.ruleId} ${failure.ruleId}` : plainMessage(failure.message));
      break;
    }
    case 'ValidationError':
      parts.push(enumLabel('ErrorCode', failure.code, locale));
      for (const field of failure.fieldErrors) parts.push(`${field.path.join('.')}: ${field.message}`);
      break;
    default:
      parts.push(enumLabel('ErrorCode', failure.code, locale));
  }
  return parts.join('；');
}
