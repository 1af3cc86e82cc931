/**
 * Which answer the sender asked for, by FHIR's `Prefer` header (http.html#ops: return=minimal |
 * representation | OperationOutcome). `return=OperationOutcome` keeps the answer this feed gave
 * before response Bundles (one OperationOutcome: a summary, then each entry's outcome), for
 * clients built on it. Anything else, or no header, is the FHIR response Bundle; `representation`
 * is answered as `minimal` (the record keeps what it shows, not the source's resource to echo back),
 * as FHIR lets a server do.
 */

export type AnswerKind = 'response-bundle' | 'operation-outcome';

export function preferredAnswer(prefer: string | undefined): AnswerKind {
  // Prefer: return=OperationOutcome; handling=strict ... (comma or semicolon separated, case-insensitive token).
  const asked = (prefer ?? '').split(/[;,]/).map((p) => p.trim().toLowerCase());
  return asked.includes('return=operationoutcome') ? 'operation-outcome' : 'response-bundle';
}
