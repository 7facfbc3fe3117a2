import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { DbHandle } from '@gongjian/db';
import { PothosValidationError } from '@pothos/core';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import { sql } from 'drizzle-orm';
import express, { type Express, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { SESSION_COOKIE, viewerFromToken } from './auth/sessions';
import type { Context, CookieJar } from './context';
import { env } from './env';
import { failureRecord, logFailure, operationNames, sqlStateOf } from './error-log';
import { DomainError, ValidationError } from './errors';
import { createRateLimiters, type RateLimiters } from './limits/limiters';
import { graphqlPerIpLimit, noteSessionStarted, RATE_LIMITED, rateLimitPlugin } from './limits/refusals';
import type { RateLimitSettings } from './limits/settings';
import { auditRoutes } from './modules/access/audit-route';
import { assistanceRoutes } from './modules/assistance/excel-route';
import { fundsRoutes } from './modules/funds/export-route';
import { fundsImportRoutes } from './modules/funds/import-route';
import { identificationRoutes } from './modules/identification/import-route';
import { ORGANISATION_SHEETS } from './modules/organisation/export-sheets';
import { RESPONSIBILITY_SHEETS } from './modules/responsibility/export-sheets';
import { supervisionRoutes } from './modules/supervision/export-route';
import { WORK_ADVANCEMENT_SHEETS } from './modules/work-advancement/export-sheets';
import {
  DISK_FULL_MESSAGE,
  type DiskGuard,
  diskGuardForImports,
  diskGuardPlugin,
  isDiskFull,
  STORAGE_FULL,
} from './ops/disk-full';
import { createMetrics, type Metrics } from './ops/metrics';
import { assignRequestId, openRequestContext } from './ops/request-context';
import { createLogger, requestLogPlugin } from './ops/request-log';
import { opsRoutes } from './ops/routes';
import { schema } from './schema';
import { serveClient } from './serve-client';
import { exportRouter } from './shared/excel-export';
import {
  loadTrustedDocuments,
  type TrustedDocumentsPolicy,
  trustedDocumentsMiddleware,
} from './trusted-documents';

/** Codes whose message is meant for the client; anything else is logged and masked. */
const CLIENT_SAFE_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
  STORAGE_FULL,
  RATE_LIMITED,
]);

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P03',
]);

/** The database is unreachable (any error in the cause chain carries a connection failure code). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === 'string' && CONNECTION_ERROR_CODES.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * graphql-js suggests names ("Did you mean the enum value …?", "Did you mean \"…\"?") in validation errors and
 * in variable coercion errors; Apollo and armor strip only some of them (armor leaves "[Suggestion hidden]?").
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*(?:Did you mean [^?]*|\[Suggestion hidden\])\?/g, '');
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDatabaseUnavailable(original)) {
    return {
      message: '数据库暂时不可用,请稍后重试',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  if (isDiskFull(original)) {
    logFailure('error', '[graphql] database disk full', failureRecord(error, original, formatted.path));
    return { message: DISK_FULL_MESSAGE, path: formatted.path, extensions: { code: STORAGE_FULL } };
  }
  if (sqlStateOf(original) === '57014') {
    logFailure('warn', '[graphql] statement timed out', failureRecord(error, original, formatted.path));
    return {
      message: '数据库查询超时,请缩小查询范围或稍后重试 (the database did not answer in time)',
      path: formatted.path,
      extensions: { code: 'TIMEOUT' },
    };
  }
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original instanceof ValidationError ? { fieldErrors: original.fieldErrors } : {}),
      },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (code === 'SERVICE_UNAVAILABLE') {
    return { message: '数据库暂时不可用,请稍后重试', extensions: { code } };
  }
  if (CLIENT_SAFE_CODES.has(code)) {
    return {
      message: withoutSuggestions(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  const record = failureRecord(error, original, formatted.path);
  // An argument the checks in arguments/ did not foresee: a Pothos decoding refusal, or a value PostgreSQL
  // refused as data (SQLSTATE class 22, e.g. a forged cursor holding text where a date is ordered).
  if (original instanceof PothosValidationError || sqlStateOf(original)?.startsWith('22')) {
    logFailure('warn', '[graphql] argument refused late', record);
    return {
      message: '参数值无效 (an argument value is malformed or of the wrong type)',
      path: formatted.path,
      extensions: { code: 'VALIDATION', errorId: record.errorId },
    };
  }
  logFailure('error', '[graphql] internal error', record);
  return {
    message: '服务器内部错误,请稍后重试',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: record.errorId },
  };
}

/** Limits checked before any resolver (and so before any SQL) runs. */
export const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 20 },
  // Tokens are limited by graphql-js's own parser (parseOptions below): armor's version answers HTTP 500.
  maxTokens: { enabled: false },
  costLimit: { maxCost: 50000, depthCostFactor: 1.2 },
  blockFieldSuggestion: { enabled: true },
});

/** HTTP status from the errors: a database that cannot be reached is 503; a document refused before execution (parse, validation, limits) is the client's fault, 400, not 500. */
const statusFromErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const codes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code));
        if (
          codes.some((code) => code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT' || code === STORAGE_FULL)
        ) {
          response.http.status = 503;
          return;
        }
        if (response.body.singleResult.data) return;
        if (codes.some((code) => code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
          response.http.status = 400;
        }
      },
    };
  },
};

export function createApollo(extraPlugins: ApolloServerPlugin<Context>[] = []) {
  const protection = armor.protect();
  return new ApolloServer<Context>({
    schema,
    csrfPrevention: true,
    // main.ts owns shutdown; Apollo's own signal handlers would re-raise the signal mid-way.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: 3000 },
    // Document ids are the trusted-documents middleware's: ids the client builds registered, never the client's own.
    persistedQueries: false,
    introspection: env.ideEnabled,
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    formatError,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      statusFromErrors,
      operationNames,
      ...extraPlugins,
    ],
  });
}

function cookieJar(res: Response): CookieJar {
  const options = { httpOnly: true, sameSite: 'lax' as const, secure: env.secureCookies, path: '/' };
  const jar: CookieJar = {
    set: (name, value, expires) => {
      if (name === SESSION_COOKIE) noteSessionStarted(jar);
      res.cookie(name, value, { ...options, expires });
    },
    clear: (name) => res.clearCookie(name, options),
  };
  return jar;
}

/** The documents the built clients registered, enforced as `env` says. */
export function trustedDocumentsFromEnv(): TrustedDocumentsPolicy {
  return {
    documents: loadTrustedDocuments([
      path.join(env.clientDist.admin, 'persisted-documents.json'),
      path.join(env.clientDist.leadership, 'persisted-documents.json'),
    ]),
    enforced: env.trustedDocumentsEnforced,
  };
}

export interface OpsOptions {
  /** Where the request log goes (stdout by default). */
  log?: Logger;
  /** The embedded database's free-space guard (decision 0023); none on PostgreSQL. */
  disk?: DiskGuard;
}

export async function createApp(
  handle: DbHandle,
  trustedDocuments: TrustedDocumentsPolicy = trustedDocumentsFromEnv(),
  rateLimits: RateLimitSettings = env.rateLimits,
  ops: OpsOptions = {},
): Promise<{ app: Express; apollo: ApolloServer<Context>; limiters: RateLimiters; metrics: Metrics }> {
  if (trustedDocuments.enforced && trustedDocuments.documents.size === 0) {
    console.warn(
      '[graphql] trusted documents are enforced but no client manifest was found: every operation is refused',
    );
  }
  // Counts shared through the database the replicas share; PGlite's single process counts in memory.
  const limiters = await createRateLimiters(
    rateLimits,
    handle.kind === 'postgres' ? env.databaseUrl : undefined,
  );
  const metrics = createMetrics(handle);
  const apollo = createApollo([
    rateLimitPlugin(limiters),
    requestLogPlugin(ops.log ?? createLogger(), metrics),
    ...(ops.disk ? [diskGuardPlugin(ops.disk)] : []),
  ]);
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(assignRequestId);

  app.get('/healthz', async (_req, res) => {
    try {
      await handle.db.execute(sql`select 1`);
      res.json({ status: 'ok', database: handle.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: handle.kind });
    }
  });
  app.use(opsRoutes(handle, metrics, { token: env.metricsToken, production: env.production }));

  app.use(
    '/graphql',
    cors({ origin: env.allowedOrigins.length ? env.allowedOrigins : false, credentials: true }),
    graphqlPerIpLimit(limiters),
    express.json({ limit: '64kb' }),
    openRequestContext,
    trustedDocumentsMiddleware(trustedDocuments),
    cookieParser(),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        let viewer: Context['viewer'];
        try {
          viewer = await viewerFromToken(handle.db, req.cookies?.[SESSION_COOKIE]);
        } catch (error) {
          console.error('[graphql] database unavailable', (error as Error).message);
          throw new GraphQLError('数据库暂时不可用,请稍后重试', {
            extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
          });
        }
        return { db: handle.db, viewer, cookies: cookieJar(res), requestIp: req.ip ?? null };
      },
    }),
  );

  if (ops.disk) app.post('/identification/households/import', diskGuardForImports(ops.disk));
  app.post('/identification/households/import', metrics.followImport);
  app.use('/identification', identificationRoutes(handle));
  app.use('/access', auditRoutes(handle));
  app.use('/funds', fundsRoutes(handle));
  app.use('/funds', fundsImportRoutes(handle));
  app.use('/supervision', supervisionRoutes(handle));
  app.use('/assistance', assistanceRoutes(handle));
  app.use(
    exportRouter(handle, {
      action: 'register.export',
      sheets: { ...ORGANISATION_SHEETS, ...RESPONSIBILITY_SHEETS, ...WORK_ADVANCEMENT_SHEETS },
    }),
  );

  serveClient(app, '/admin', env.clientDist.admin);
  serveClient(app, '/leadership', env.clientDist.leadership);
  if (env.ideEnabled) serveClient(app, '/ide', env.clientDist.ide);
  app.get('/', (_req, res) => res.redirect('/admin/'));

  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: express.Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status ?? 500;
      // The error may carry the request body (a JSON parse failure does): log its class only.
      if (status >= 500) logFailure('error', '[http] internal error', failureRecord(error, error));
      const message =
        error.type === 'entity.too.large' ? '请求过大' : status < 500 ? '请求格式错误' : '服务器内部错误';
      res.status(status).json({
        errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }],
      });
    },
  );
  return { app, apollo, limiters, metrics };
}
