import {
  commonWords,
  describeQueryError,
  enumLabel,
  fill,
  formFieldErrors,
  useLocale,
  useWords,
} from '@gongjian/ui';
import { Alert, Button, type FormInstance } from 'antd';
import { useState } from 'react';
import type { CombinedError } from 'urql';
import { adminWords } from '../words.ts';
import { fieldErrorsOf, type MutationFailure, readFailure } from './failure.ts';

type Outcome = { __typename: `${string}Success` } | (MutationFailure & { __typename: string });
type Succeeded<O> = Extract<O, { __typename: `${string}Success` }>;

export interface VersionedFailure {
  text: string;
  /** Set when the record changed since it was read (a ConflictError). */
  conflictVersion?: number | null;
}

/**
 * The failure state of a create-or-edit form for a versioned record: `settle` gives back the success
 * payload, or null after placing ValidationError field errors on their antd fields and keeping the rest
 * (the error code in words, errors on other paths, the current version after a conflict) for
 * `VersionedFailureAlert`.
 */
export function useVersionedMutationForm<Values>(options: {
  form: FormInstance<Values>;
  fields: ReadonlyArray<keyof Values & string>;
}) {
  const common = useWords(commonWords);
  const { locale } = useLocale();
  const [failure, setFailure] = useState<VersionedFailure | null>(null);
  function settle<O extends Outcome>(
    result: { error?: CombinedError },
    outcome: O | null | undefined,
  ): Succeeded<O> | null {
    if (result.error || !outcome) {
      setFailure({ text: result.error ? describeQueryError(result.error, locale) : common.unexpectedError });
      return null;
    }
    if (outcome.__typename.endsWith('Success')) return outcome as Succeeded<O>;
    const failed = readFailure(outcome as MutationFailure);
    const fieldErrors = fieldErrorsOf(outcome as MutationFailure);
    const placed = fieldErrors ? formFieldErrors(fieldErrors, options.fields) : null;
    // The field names are checked against Values where the hook is called; antd's own path type is too deep here.
    const form: FormInstance = options.form;
    if (placed) form.setFields(placed.fields);
    setFailure({
      text: [enumLabel('ErrorCode', failed.code, locale), ...(placed?.unplaced ?? [])].join('；'),
      conflictVersion: failed.__typename === 'ConflictError' ? failed.currentVersion : undefined,
    });
    return null;
  }
  return { failure, setFailure, settle };
}

/** The failure of a versioned form; after a conflict, a warning with a button to load the current record. */
export function VersionedFailureAlert({
  failure,
  onLoadLatest,
  testId,
}: {
  failure: VersionedFailure | null;
  onLoadLatest: () => void;
  testId?: string;
}) {
  const words = useWords(adminWords);
  if (!failure) return null;
  const conflict = failure.conflictVersion !== undefined;
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid={testId}
      message={conflict ? words.conflictTitle : failure.text}
      description={
        conflict ? fill(words.conflictDetail, { version: failure.conflictVersion ?? '?' }) : undefined
      }
      action={
        conflict && (
          <Button size="small" onClick={onLoadLatest}>
            {words.loadLatest}
          </Button>
        )
      }
    />
  );
}
