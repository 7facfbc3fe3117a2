import { errorCodesOf } from '@gongjian/schema';
import type { CombinedError } from 'urql';
import type { Locale } from './i18n.tsx';
import { enumLabel } from './labels.ts';
import { commonWords } from './words.ts';

/** A message for staff: the translated error code when there is one, never the server's raw text. */
export function describeQueryError(error: CombinedError, locale: Locale): string {
  const words = commonWords[locale];
  if (error.networkError) return words.networkFailed;
  const [code] = errorCodesOf(error);
  return code ? enumLabel('ErrorCode', code, locale) : words.unexpectedError;
}

/**
 * Turns a ValidationError's field errors into antd Form `setFields` entries for the fields the form has
 * (the path's last part names the input field); errors on other paths come back in `unplaced`.
 */
export function formFieldErrors<Field extends string>(
  fieldErrors: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>,
  formFields: ReadonlyArray<Field>,
) {
  const byField = new Map<Field, string[]>();
  const unplaced: string[] = [];
  for (const { path, message } of fieldErrors) {
    const field = formFields.find((name) => name === path[path.length - 1]);
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
    else unplaced.push(message);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), unplaced };
}
