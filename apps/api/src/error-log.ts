import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * What the server log says about a failure: an id the client also receives, the operation's name, the
 * error's class and SQLSTATE. Never a message, a stack or the query's parameters: a database error's
 * message repeats the SQL with its parameters, which hold names, phone numbers and ID numbers.
 */
export interface FailureRecord {
  errorId: string;
  operation: string;
  errorClass: string;
  causeClass?: string;
  sqlState?: string;
  path?: string;
}

const operationOfError = new WeakMap<object, string>();

/** Remembers each error's operation name so that formatError, which is not given it, can log it. */
export const operationNames: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, operationName }) {
        for (const error of errors) {
          const name = operationName ?? 'anonymous';
          operationOfError.set(error, name);
          if (error.originalError) operationOfError.set(error.originalError, name);
        }
      },
    };
  },
};

/** The SQLSTATE anywhere in the cause chain (PostgreSQL's five-character condition code). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** The class of an error; a bundled driver's minified class falls back to the error's own `name`. */
function className(value: unknown): string {
  if (!value || typeof value !== 'object') return typeof value;
  const constructorName = value.constructor?.name ?? 'Object';
  const ownName = (value as { name?: unknown }).name;
  return constructorName.length <= 2 && typeof ownName === 'string' ? ownName : constructorName;
}

export function failureRecord(wrapper: unknown, original: unknown, path?: readonly (string | number)[]) {
  const cause = (original as { cause?: unknown } | null)?.cause;
  const record: FailureRecord = {
    errorId: randomUUID(),
    operation:
      operationOfError.get(wrapper as object) ?? operationOfError.get(original as object) ?? 'unknown',
    errorClass: className(original),
  };
  if (cause) record.causeClass = className(cause);
  const sqlState = sqlStateOf(original);
  if (sqlState) record.sqlState = sqlState;
  if (path?.length) record.path = path.join('.');
  return record;
}

export function logFailure(level: 'error' | 'warn', what: string, record: FailureRecord) {
  const fields = Object.entries(record).map(([key, value]) => `${key}=${value}`);
  console[level](`${what} ${fields.join(' ')}`);
}
