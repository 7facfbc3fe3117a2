import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'drizzle-orm';
import type { NextFunction, Request, Response } from 'express';

export interface RequestContext {
  requestId: string;
  /** SQL statements the request issued so far, counted by `statementCounter`. */
  statements: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** A caller's own id is kept when it is a plain token (a proxy's trace id); anything else is replaced. */
const CALLER_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Drizzle logger that counts each statement against the request that issued it; it never sees values. */
export const statementCounter: Logger = {
  logQuery() {
    const context = storage.getStore();
    if (context) context.statements += 1;
  },
};

/** Gives every request an id, sent back as `x-request-id`. */
export function assignRequestId(req: Request, res: Response, next: NextFunction) {
  const given = req.get('x-request-id');
  const requestId = given && CALLER_ID.test(given) ? given : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('x-request-id', requestId);
  next();
}

/**
 * Opens the request's context. Placed after the body parser: a stream's events run in the socket's async
 * context, so a context opened before the body is read would be lost by the time the resolvers run.
 */
export function openRequestContext(_req: Request, res: Response, next: NextFunction) {
  storage.run({ requestId: String(res.locals.requestId ?? randomUUID()), statements: 0 }, next);
}
