import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Context, CookieJar } from '../context';
import { type RateLimiters, spend } from './limiters';

export const RATE_LIMITED = 'RATE_LIMITED';

const message = (retryAfterSeconds: number) =>
  `请求过于频繁,请 ${retryAfterSeconds} 秒后再试 (too many requests: retry in ${retryAfterSeconds} s)`;

/** Per-IP limit on /graphql, before the body is parsed or any SQL runs. */
export function graphqlPerIpLimit(limiters: RateLimiters): RequestHandler {
  return async (req, res, next) => {
    try {
      const refusal = await spend(limiters.graphqlPerIp, req.ip ?? 'unknown');
      if (!refusal) return next();
      res
        .status(429)
        .set('Retry-After', String(refusal.retryAfterSeconds))
        .json({
          errors: [{ message: message(refusal.retryAfterSeconds), extensions: { code: RATE_LIMITED } }],
        });
    } catch (error) {
      next(error);
    }
  };
}

/** Cookie jars of requests that started a session: a successful sign-in gives its login point back. */
const startedSessions = new WeakSet<CookieJar>();

export function noteSessionStarted(jar: CookieJar) {
  startedSessions.add(jar);
}

/** How many times the operation calls Mutation.login at its root, fragments included. */
function loginFieldCount(operation: OperationDefinitionNode, document: DocumentNode): number {
  if (operation.operation !== 'mutation') return 0;
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
    ),
  );
  const seen = new Set<string>();
  const count = (selectionSet: SelectionSetNode): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === 'login' ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return sum;
      seen.add(fragment.name.value);
      return sum + count(fragment.selectionSet);
    }, 0);
  return count(operation.selectionSet);
}

function refused(retryAfterSeconds: number) {
  return new GraphQLError(message(retryAfterSeconds), {
    extensions: {
      code: RATE_LIMITED,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * Per-user limit on operations and per-IP limit on failed sign-ins, once the operation is known (before it
 * executes). Closes the limiters' connections when the server stops.
 */
export function rateLimitPlugin(limiters: RateLimiters): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return { serverWillStop: () => limiters.close() };
    },
    async requestDidStart() {
      let loginIp: string | null = null;
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.viewer) {
            const refusal = await spend(limiters.graphqlPerUser, String(contextValue.viewer.id));
            if (refusal) throw refused(refusal.retryAfterSeconds);
          }
          const logins = operation ? loginFieldCount(operation, document) : 0;
          if (logins > 0) {
            const ip = contextValue.requestIp ?? 'unknown';
            const refusal = await spend(limiters.loginPerIp, ip, logins);
            if (refusal) throw refused(refusal.retryAfterSeconds);
            loginIp = ip;
          }
        },
        async willSendResponse({ contextValue }) {
          if (loginIp && startedSessions.has(contextValue.cookies))
            await limiters.loginPerIp.reward(loginIp, 1);
        },
      };
    },
  };
}
