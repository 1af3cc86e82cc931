import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { careRecordError, ErrorCode, errorDetail, serviceLogger } from '@shareforyou/kit';
import type { GatewayContext } from './context';
import { recordRefusal } from './refusals';

/**
 * What the client is told when something goes wrong, and what the operator's log keeps.
 *
 * - A source that is unavailable (timed out, refused the connection, its breaker open) costs only
 *   its own fields: SOURCE_UNAVAILABLE naming it, why, and the paths it cost.
 * - A source that answered with an internal error: SOURCE_FAILED, naming it, with the request id
 *   the operator looks up in the logs. Not "did not answer": it did.
 * - Errors a subgraph deliberately returned (FORBIDDEN_FIELD, NO_CARE_RELATIONSHIP, ...) pass through.
 * - Anything else is INTERNAL_ERROR with the request id. No response carries a stack trace, a file
 *   path, an internal address or JavaScript error text.
 */

export type UnavailableReason = 'timeout' | 'unreachable' | 'circuit-open';

const OUR_CODES = new Set<string>(Object.values(ErrorCode));
const LIMIT_MESSAGES = /depth limit|cost limit|aliases limit|token limit|directives limit|Query depth|exceeded/i;
const CLIENT_ERROR_CODES = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND']);
/** Codes whose message is ours to write, so it is replaced by one that names the request id. */
const NEEDS_REQUEST_ID = new Set<string>([ErrorCode.SOURCE_FAILED, ErrorCode.INTERNAL_ERROR]);

const log = serviceLogger('gateway');

const WHY: Record<UnavailableReason, (timeoutMs: number) => string> = {
  timeout: (ms) => `no answer within its time limit (${ms} ms) or the request's deadline`,
  unreachable: () => 'it could not be reached',
  'circuit-open': () => 'it failed repeatedly just now, so it is skipped for a few seconds and then tried again',
};

export function sourceUnavailable(serviceName: string, reason: UnavailableReason, paths: string[], timeoutMs: number): GraphQLError {
  return careRecordError(
    ErrorCode.SOURCE_UNAVAILABLE,
    `The ${serviceName} source did not answer (${WHY[reason](timeoutMs)}); its part of the record is missing from this response.`,
    { serviceName, reason, paths },
  );
}

function failedMessage(serviceName: string, requestId: string): string {
  return `The ${serviceName} source failed while answering; its part of the record is missing from this response. Quote request id ${requestId} to the service desk.`;
}

export function sourceFailed(serviceName: string, requestId: string, paths: string[]): GraphQLError {
  return careRecordError(ErrorCode.SOURCE_FAILED, failedMessage(serviceName, requestId), { serviceName, requestId, paths });
}

/** graphql-js suggests names it knows ("Did you mean the enum value EMERGENCY_CARE?"): a map of the schema for a prober. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Apollo's formatError: keeps our codes (minus anything internal), classifies the rest; never suggests a name. */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const answer = classifiedError(formatted);
  const message = answer.message.replace(SUGGESTION, '');
  return message === answer.message ? answer : { ...answer, message };
}

function classifiedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
  if (code && OUR_CODES.has(code)) {
    const { exception: _dropped, stacktrace: _trace, ...kept } = extensions;
    return { ...formatted, extensions: kept };
  }
  if (serviceName) {
    // The subgraph answered with an error that is not one of ours: it failed.
    return { message: failedMessage(serviceName, '-'), path: formatted.path, extensions: { code: ErrorCode.SOURCE_FAILED, serviceName } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && LIMIT_MESSAGES.test(formatted.message)) {
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, limit: true } };
  }
  if (code && CLIENT_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  return { message: 'The ShareforYou gateway failed while answering. Quote request id - to the service desk.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_ERROR } };
}

function isClientError(error: GraphQLError): boolean {
  const code = String(error.extensions?.code ?? '');
  return CLIENT_ERROR_CODES.has(code) || (OUR_CODES.has(code) && !NEEDS_REQUEST_ID.has(code));
}

/**
 * Puts the request id into every failure the client sees, and writes the detail (which the client
 * never sees) to the operational log under the same id.
 */
export function errorReport(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          const requestId = contextValue?.requestId ?? '-';
          for (const error of errors) {
            if (isClientError(error)) {
              // A refusal (a field the role may not see, no care relationship, a malformed request):
              // counted and logged by code and path, never by message (it may name the patient).
              const code = String(error.extensions?.code ?? 'BAD_USER_INPUT');
              const path = error.path?.filter((p) => typeof p === 'string').join('.');
              recordRefusal({ code, kind: error.path ? 'field' : 'request', reason: path ? `${code} at ${path}` : code, address: contextValue?.clientAddress ?? null, requestId, userId: contextValue?.user?.userId });
              continue;
            }
            log.error({ requestId, code: error.extensions?.code, serviceName: error.extensions?.serviceName, path: error.path, ...errorDetail(error.originalError ?? error) }, 'request error');
          }
        },
        async willSendResponse({ response, contextValue: context }) {
          const requestId = context?.requestId;
          if (!requestId) return;
          response.http.headers.set('x-request-id', requestId);
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          // A refusal of the request itself (a limit, a syntax error) raised by a plugin is the
          // client's doing: 400, not the 500 Apollo gives any exception from a plugin.
          const refusedOutright = response.body.singleResult.data == null && errors.every((e) => e.extensions?.code === ErrorCode.BAD_USER_INPUT);
          if (refusedOutright && (response.http.status ?? 200) >= 500) response.http.status = 400;
          response.body.singleResult.errors = errors.map((error) => {
            const code = String(error.extensions?.code ?? '');
            if (!NEEDS_REQUEST_ID.has(code) || error.extensions?.requestId === requestId) return error;
            const message = error.message.replace('request id -', `request id ${requestId}`);
            return { ...error, message, extensions: { ...error.extensions, requestId } };
          });
        },
      };
    },
  };
}
