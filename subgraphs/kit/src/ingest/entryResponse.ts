import type { EntryResult } from './feedTarget';
import type { OutcomeIssue } from './operationOutcome';

/**
 * What one entry's result means to the sending system, as FHIR R4's RESTful API answers a batch or
 * transaction entry (http.html#transaction): an HTTP status, and whether the entry's resource is
 * now held (then `location` and `etag` name its version). Choices where FHIR leaves room:
 * - a stale or unchanged write is 200 OK: the request was understood and the record is as the
 *   source wants it (or newer); nothing for the sender to fix or retry;
 * - a delete of something not held is 200 OK, as FHIR R4 says for deleting a resource that does not
 *   exist (3.1.0.7), not 404: the deletion is remembered so an older version sent later is not stored;
 * - a withheld sensitive resource (national summaries exclude it) is 200 OK with a warning
 *   (`suppressed`): processed as the rules say, not stored; a 4xx would invite the sender to "fix" it;
 * - a type this feed does not store is 200 OK with a warning (`not-supported`) naming the type.
 *   FHIR would answer 404 for a type a server does not support, but then a transaction carrying
 *   one (a Claim beside the clinical items) would have to fail whole; the record takes the rest
 *   and says, per entry and in the summary, what it did not store;
 * - a supporting resource (Practitioner, Medication, ...) is 200 OK with information;
 * - a patient who opted out: 403 Forbidden; a refused entry: 422 Unprocessable Entity.
 */

export interface EntryResponseRule {
  status: string;
  /** The entry's version is held now: the answer gives its location and etag. */
  held: boolean;
  /** The outcome's own line for this result, if it says more than the status. */
  outcome?: { severity: OutcomeIssue['severity']; code: OutcomeIssue['code']; diagnostics: (resourceType: string) => string };
}

const info = (diagnostics: string) => ({ severity: 'information' as const, code: 'informational' as const, diagnostics: () => diagnostics });

export const ENTRY_RESPONSES: Record<EntryResult, EntryResponseRule> = {
  created: { status: '201 Created', held: true },
  updated: { status: '200 OK', held: true },
  unchanged: { status: '200 OK', held: true, outcome: info('unchanged: this version is already held') },
  stale: { status: '200 OK', held: false, outcome: info('stale: a newer version is already held; nothing changed') },
  deleted: { status: '200 OK', held: false, outcome: info('deleted: no longer shown') },
  'not-held': {
    status: '200 OK',
    held: false,
    outcome: { severity: 'information', code: 'not-found', diagnostics: () => 'nothing held to delete; the deletion is kept, so an older version sent later is not stored' },
  },
  withheld: {
    status: '200 OK',
    held: false,
    outcome: { severity: 'warning', code: 'suppressed', diagnostics: () => 'withheld: national summaries exclude this information, so it is not stored' },
  },
  'refused-opted-out': { status: '403 Forbidden', held: false },
  'refused-invalid': { status: '422 Unprocessable Entity', held: false },
  supporting: { status: '200 OK', held: false },
  'not-stored': { status: '200 OK', held: false },
};
