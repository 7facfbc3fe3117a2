import type { ApolloServerPlugin } from '@apollo/server';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Context } from '../context';
import type { Metrics } from './metrics';
import { currentRequest } from './request-context';

/** A GraphQL name; anything else a client sent as the operation name is not repeated in the log. */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** JSON lines on stdout (or `destination`): ISO time, level as a word, no host or pid. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * One line per GraphQL request: its id, operation name, duration, SQL statement count, HTTP status and
 * error codes. Never the variables, the document or an error's message: those carry names and ID numbers.
 */
export function requestLogPlugin(log: Logger, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const given = operationName ?? request.operationName;
          const operation = given && OPERATION_NAME.test(given) ? given : 'anonymous';
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          const ms = performance.now() - started;
          metrics.observeRequest(
            operation,
            ms / 1000,
            errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
          );
          const context = currentRequest();
          log.info(
            {
              requestId: context?.requestId,
              operation,
              durationMs: Math.round(ms * 10) / 10,
              statements: context?.statements ?? 0,
              status: response.http.status ?? 200,
              errorCodes,
            },
            'graphql',
          );
        },
      };
    },
  };
}
