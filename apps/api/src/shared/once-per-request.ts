const requestMemo = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Loads a value once per request (keyed by the request's context), however many fields ask for it. */
export function oncePerRequest<T>(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
  let memo = requestMemo.get(ctx);
  if (!memo) {
    memo = new Map();
    requestMemo.set(ctx, memo);
  }
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    memo.set(key, value);
  }
  return value;
}
