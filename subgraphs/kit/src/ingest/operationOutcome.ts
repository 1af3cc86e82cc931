/** FHIR OperationOutcome: a refused feed's answer, each entry's outcome in a response Bundle, the answer under Prefer: return=OperationOutcome, and the gateway's FHIR API errors. */

export interface OutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code:
    | 'invalid' | 'structure' | 'required' | 'value' | 'forbidden' | 'security' | 'too-costly' | 'not-supported'
    | 'informational' | 'duplicate' | 'exception' | 'suppressed' | 'not-found' | 'login' | 'throttled' | 'transient' | 'incomplete' | 'business-rule';
  diagnostics: string;
  expression?: string[];
  /** A code from a code system of our own (the GraphQL API's error codes, for the FHIR API's refusals). */
  details?: { coding: Array<{ system: string; code: string }>; text?: string };
}

export function operationOutcome(issues: OutcomeIssue[]): fhir4.OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues.length ? issues : [{ severity: 'information', code: 'informational', diagnostics: 'Nothing to do.' }] };
}

export function outcomeError(code: OutcomeIssue['code'], diagnostics: string, expression?: string): fhir4.OperationOutcome {
  return operationOutcome([{ severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) }]);
}
