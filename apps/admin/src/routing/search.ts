import * as z from 'zod/mini';

/** A search parameter that is dropped, not an error, when a hand-edited URL gives it a wrong value. */
function lenient<Schema extends z.ZodMiniType>(schema: Schema) {
  return z.catch(z.optional(schema), undefined);
}

export const text = lenient(z.string());
export const flag = lenient(z.boolean());
export const whole = lenient(z.int());

export function oneOf<Value extends string>(values: readonly Value[]) {
  return lenient(z.enum(values as [Value, ...Value[]]));
}

export function someOf<Value extends string>(values: readonly Value[]) {
  return lenient(z.array(z.enum(values as [Value, ...Value[]])));
}

export const texts = lenient(z.array(z.string()));

/** Where a paged list is: the `after` cursors of the pages visited past the first, and the page size. */
export const pagingSearch = { cursors: texts, size: whole };
