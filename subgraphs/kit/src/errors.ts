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
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  ORGANISATION_NOT_PARTY: 403,
};

export function careRecordError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return careRecordError(ErrorCode.BAD_USER_INPUT, message, extensions);
}
