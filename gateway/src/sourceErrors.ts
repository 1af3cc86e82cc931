import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '@shareforyou/kit';

/**
 * A subgraph that did not answer costs only its own fields: its error is turned into
 * SOURCE_UNAVAILABLE naming the source, without internal addresses. Errors a subgraph deliberately
 * returned (FORBIDDEN_FIELD, NO_CARE_RELATIONSHIP, ...) pass through unchanged.
 */

const OUR_CODES = new Set<string>(Object.values(ErrorCode));
const LIMIT_MESSAGES = /depth limit|cost limit|aliases limit|token limit|directives limit|Query depth|exceeded/i;

export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : undefined;
  if (code && OUR_CODES.has(code)) {
    const { exception: _dropped, stacktrace: _trace, ...kept } = extensions as Record<string, unknown>;
    return { ...formatted, extensions: kept };
  }
  if (serviceName) {
    return {
      message: `The ${serviceName} source did not answer; its part of the record is missing from this response.`,
      path: formatted.path,
      extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, serviceName },
    };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && LIMIT_MESSAGES.test(formatted.message)) {
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, limit: true } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  return formatted;
}
