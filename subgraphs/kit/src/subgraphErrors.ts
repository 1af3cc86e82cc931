import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { SubgraphContext } from './context';
import { careRecordError, ErrorCode } from './errors';
import { errorDetail } from './logger';

/**
 * A subgraph's errors as the gateway (and so the client) sees them: our own codes and GraphQL's
 * request errors pass; anything else (a database error, a bug) becomes INTERNAL_ERROR with a
 * fixed message, and its detail goes to the operational log under the request id. No JavaScript
 * error text, stack trace or file path leaves the process.
 */

const OUR_CODES = new Set<string>(Object.values(ErrorCode));
// PERSISTED_QUERY_NOT_FOUND: the gateway sent an operation's hash (automatic persisted queries) this
// process has not seen yet; the gateway answers it by sending the whole operation.
const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** A database that did not answer in time or could not be reached: the source is unavailable, not broken. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { name?: string; code?: unknown; message?: string } | null;
  if (!e) return false;
  if (/^(MongoNetworkError|MongoNetworkTimeoutError|MongoServerSelectionError|MongooseServerSelectionError|MongoOperationTimeoutError|MongoPoolClearedError|MongoNotConnectedError)$/.test(e.name ?? '')) return true;
  // 50: MaxTimeMSExpired (the server gave up at our limit); a command buffered while disconnected.
  return e.code === 50 || /buffering timed out/.test(e.message ?? '');
}

export function formatSubgraphError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  if (OUR_CODES.has(code) || REQUEST_ERRORS.has(code)) {
    const { stacktrace: _trace, exception: _dropped, ...kept } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: kept };
  }
  const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  if (isDatabaseUnavailable(original)) {
    return { message: 'This source\'s database did not answer in time; its part of the record is missing.', path: formatted.path, extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, reason: 'database' } };
  }
  return { message: 'Internal error in this source; the detail is in its log under the request id.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_ERROR } };
}

export function errorLogPlugin(log: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = String(error.extensions?.code ?? '');
            if (OUR_CODES.has(code) || REQUEST_ERRORS.has(code)) continue;
            if (isDatabaseUnavailable(error.originalError)) {
              log.warn({ requestId: contextValue?.identity?.requestId, path: error.path, ...errorDetail(error.originalError) }, 'database unavailable');
              continue;
            }
            log.error({ requestId: contextValue?.identity?.requestId, path: error.path, ...errorDetail(error.originalError ?? error) }, 'resolver error');
          }
        },
      };
    },
  };
}

/** Once the request's deadline has passed nobody will receive the answer: resolve nothing more. */
export function deadlinePlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          return {
            willResolveField() {
              if (Date.now() > contextValue.deadline) {
                throw careRecordError(ErrorCode.SOURCE_UNAVAILABLE, 'The request deadline passed before this source could answer.', { reason: 'timeout' });
              }
            },
          };
        },
      };
    },
  };
}
