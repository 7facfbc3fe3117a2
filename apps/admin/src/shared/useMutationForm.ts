import { describeQueryError, enumLabel, formFieldErrors, useLocale } from '@gongjian/ui';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { describeFailure, fieldErrorsOf, type MutationFailure, readFailure } from './failure.ts';

/** The union a mutation answers with: its `…Success` payload, or errors that carry at least a code. */
type Outcome = { __typename: `${string}Success` } | (MutationFailure & { __typename: string });
type Succeeded<O> = Extract<O, { __typename: `${string}Success` }>;

/**
 * The failure state of a form that runs one mutation: `settle` takes the mutation's result and its outcome
 * field and gives back the success payload, or null after showing what went wrong — the transport error,
 * the error code (CONFLICT, FORBIDDEN, a broken rule …) in words, and, when `fields` are named, each
 * ValidationError field error on its antd form field.
 */
export function useMutationForm<Values>(
  options: { form?: FormInstance<Values>; fields?: ReadonlyArray<keyof Values & string> } = {},
) {
  const { locale } = useLocale();
  const [failure, setFailure] = useState<string | null>(null);
  function settle<O extends Outcome>(
    result: { error?: CombinedError },
    outcome: O | null | undefined,
  ): Succeeded<O> | null {
    if (result.error || !outcome) {
      setFailure(result.error ? describeQueryError(result.error, locale) : null);
      return null;
    }
    if (outcome.__typename.endsWith('Success')) return outcome as Succeeded<O>;
    const failed = outcome as MutationFailure;
    const fieldErrors = fieldErrorsOf(failed);
    // The field names are checked against Values where the hook is called; antd's own path type is too deep here.
    const form: FormInstance | undefined = options.form;
    const placed =
      form && options.fields && fieldErrors ? formFieldErrors(fieldErrors, options.fields) : null;
    if (placed) form?.setFields(placed.fields);
    // A message shown on its field is not repeated above the form; the ones no field shows are.
    setFailure(
      placed
        ? [enumLabel('ErrorCode', readFailure(failed).code, locale), ...placed.unplaced].join('；')
        : describeFailure(failed, locale),
    );
    return null;
  }
  return { failure, setFailure, settle };
}
