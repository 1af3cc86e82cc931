import { GraphQLError } from 'graphql';

/** The error codes of the design (extensions.code). Clients switch on these, never on messages. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  ORGANISATION_NOT_PARTY: 'ORGANISATION_NOT_PARTY',
  NO_CARE_RELATIONSHIP: 'NO_CARE_RELATIONSHIP',
  NO_SHARED_RECORD: 'NO_SHARED_RECORD',
  /** The user's role may not perform this action (open records, trace, declare break-glass, ...). */
  FORBIDDEN_ACTION: 'FORBIDDEN_ACTION',
  FORBIDDEN_FIELD: 'FORBIDDEN_FIELD',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  SOURCE_UNAVAILABLE: 'SOURCE_UNAVAILABLE',
  /** A source answered, but with an internal error: its part is missing; the request id finds the detail in the logs. */
  SOURCE_FAILED: 'SOURCE_FAILED',
  /** Something failed inside the service itself; the request id finds the detail in the logs. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  /** One stored item could not be shown and was left out; the rest of its section was served. */
  ITEM_UNREADABLE: 'ITEM_UNREADABLE',
  /** The gateway is at capacity: the request was refused before it started (HTTP 503, Retry-After), so nothing is half-answered; try again. */
  SERVICE_BUSY: 'SERVICE_BUSY',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  ORGANISATION_NOT_PARTY: 403,
};

export function careRecordError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    // The code's usual HTTP status, unless the caller says otherwise (429 for too many failed sign-ins).
    extensions: { code, ...(status ? { http: { status } } : {}), ...extensions },
  });
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return careRecordError(ErrorCode.BAD_USER_INPUT, message, extensions);
}
