/// <reference types="fhir" />
import { operationOutcome, type OutcomeIssue } from '@shareforyou/kit/src/ingest/operationOutcome';

/**
 * A refusal or failure of the FHIR API, as FHIR says it: an OperationOutcome with the HTTP status
 * of its kind, carrying the same reason code the GraphQL API gives (extensions.code there,
 * issue.details here), so a client of either reads the same reason.
 */

/** The code system of the record's error codes (DESIGN.md: UNAUTHENTICATED, FORBIDDEN_FIELD, ...). */
export const ERROR_CODE_SYSTEM = 'urn:shareforyou:error-code';

interface Kind {
  status: number;
  issue: OutcomeIssue['code'];
}

const KINDS: Record<string, Kind> = {
  UNAUTHENTICATED: { status: 401, issue: 'login' },
  ORGANISATION_NOT_PARTY: { status: 403, issue: 'forbidden' },
  FORBIDDEN_ACTION: { status: 403, issue: 'forbidden' },
  FORBIDDEN_FIELD: { status: 403, issue: 'forbidden' },
  NO_CARE_RELATIONSHIP: { status: 403, issue: 'forbidden' },
  // An unknown and an opted-out patient get the same answer (DESIGN.md).
  NO_SHARED_RECORD: { status: 404, issue: 'not-found' },
  BAD_USER_INPUT: { status: 422, issue: 'invalid' },
  AUDIT_UNAVAILABLE: { status: 503, issue: 'transient' },
  SOURCE_UNAVAILABLE: { status: 503, issue: 'transient' },
  SOURCE_FAILED: { status: 500, issue: 'exception' },
  INTERNAL_ERROR: { status: 500, issue: 'exception' },
};

export interface FhirRefusal {
  status: number;
  outcome: fhir4.OperationOutcome;
  headers: Record<string, string>;
}

/** The HTTP status for a record error code (500 for a code this API does not know). */
export function statusOf(code: string): number {
  return KINDS[code]?.status ?? 500;
}

export function refusal(code: string, message: string, options: { status?: number; expression?: string; issue?: OutcomeIssue['code'] } = {}): FhirRefusal {
  const kind = KINDS[code] ?? { status: 500, issue: 'exception' as const };
  const status = options.status ?? kind.status;
  const issue: OutcomeIssue = {
    severity: 'error',
    code: options.issue ?? (status === 429 ? 'throttled' : kind.issue),
    diagnostics: message,
    details: { coding: [{ system: ERROR_CODE_SYSTEM, code }], text: code },
    ...(options.expression ? { expression: [options.expression] } : {}),
  };
  const headers: Record<string, string> = {};
  if (status === 401) headers['www-authenticate'] = 'Bearer realm="ShareforYou Care Record"';
  if (status === 503) headers['retry-after'] = '5';
  return { status, outcome: operationOutcome([issue]), headers };
}

/** A GraphQL error (thrown by the context, or in an answer) as a FHIR refusal. */
export function refusalOf(error: { message: string; extensions?: Record<string, unknown> }): FhirRefusal {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_ERROR';
  // Too many failed sign-ins carries 429 of its own; every other code has the status of its kind.
  const status = (error.extensions?.http as { status?: number } | undefined)?.status === 429 ? 429 : undefined;
  return refusal(code, error.message, { status });
}

/** A bad parameter of a FHIR request: 422 with the parameter named. */
export function badParameter(message: string, parameter?: string): FhirRefusal {
  return refusal('BAD_USER_INPUT', message, { expression: parameter });
}
