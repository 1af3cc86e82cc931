import type { BundleType } from './feedBundle';
import { ENTRY_RESPONSES } from './entryResponse';
import type { EntryResult } from './feedTarget';
import { operationOutcome, type OutcomeIssue } from './operationOutcome';

/**
 * The answer to an accepted bundle, one per entry in entry order: a `batch-response` (a batch or a
 * collection) or `transaction-response` Bundle with one `entry.response` per request entry (FHIR
 * R4 http.html#transaction), or, for a client that asks with `Prefer: return=OperationOutcome`,
 * the OperationOutcome this feed answered before (a summary, then each entry's outcome). Pure.
 */

/** What the feed did with one entry, and what it has to say about it. */
export interface EntryAnswer {
  index: number;
  result: EntryResult;
  resourceType: string;
  /** The source's id and version, when the entry named a resource of this feed's. */
  written?: { sourceId: string; version: string };
  /** Errors, warnings and notes about this entry, as the feed found them. */
  issues: OutcomeIssue[];
}

/** Where an issue belongs: the entry its expression names, or -1 for the bundle itself. */
export function entryIndexOf(issue: OutcomeIssue): number {
  const match = /^Bundle\.entry\[(\d+)\]/.exec(issue.expression?.[0] ?? '');
  return match ? Number(match[1]) : -1;
}

/** Each result with its count, in the order of the entries: "created 1, not-stored 1". */
function counts(answers: EntryAnswer[]): Map<EntryResult, number> {
  const counted = new Map<EntryResult, number>();
  for (const { result } of answers) counted.set(result, (counted.get(result) ?? 0) + 1);
  return counted;
}

/**
 * One line for the sender and the log: every result with its count, then, when any entry was of
 * a type this feed does not store, how many and which types (never silent: hazard H70).
 */
export function feedSummary(answers: EntryAnswer[]): string {
  const line = `Accepted: ${[...counts(answers)].map(([result, count]) => `${result} ${count}`).join(', ')}.`;
  const unstored = answers.filter((a) => a.result === 'not-stored');
  if (unstored.length === 0) return line;
  const types = [...new Set(unstored.map((a) => a.resourceType))].join(', ');
  return `${line} ${unstored.length} ${unstored.length === 1 ? 'entry' : 'entries'} not stored: this feed does not store ${types}.`;
}

/** Reads a summary line back into counts per result (the project's own clients use it). */
export function summaryCounts(summary: string): Map<string, number> {
  const listed = /^Accepted: ([^.]*)\./.exec(summary)?.[1] ?? '';
  return new Map(listed.split(', ').filter(Boolean).map((part) => {
    const [result, count] = part.split(' ');
    return [result, Number(count)] as [string, number];
  }));
}

/** The entry's own outcome lines: what its result means, then what the feed found. */
function outcomeIssues(answer: EntryAnswer): OutcomeIssue[] {
  const rule = ENTRY_RESPONSES[answer.result].outcome;
  const own: OutcomeIssue[] = rule ? [{ severity: rule.severity, code: rule.code, diagnostics: rule.diagnostics(answer.resourceType), expression: [`Bundle.entry[${answer.index}]`] }] : [];
  return [...own, ...answer.issues];
}

/** Where the summary rides on a response Bundle: R4's Bundle has no extensions of its own (R5 adds Bundle.issues), so on its meta. */
export const FEED_SUMMARY_EXTENSION = 'https://fhir.shareforyou.nhs.uk/StructureDefinition/feed-summary';

function checkOnePerEntry(answers: EntryAnswer[], entryCount: number): void {
  // FHIR: exactly one response per request entry, in the same order; a gap is this code's fault.
  if (answers.length !== entryCount || answers.some((a, i) => a.index !== i)) {
    throw new Error(`feed answer: ${answers.length} answers for ${entryCount} entries`);
  }
}

export function feedResponseBundle(type: BundleType, answers: EntryAnswer[], entryCount: number, now: Date = new Date()): fhir4.Bundle {
  checkOnePerEntry(answers, entryCount);
  return {
    resourceType: 'Bundle',
    // A collection is not a request (FHIR: collections are not processed); this feed reads it as a batch and answers so.
    type: type === 'transaction' ? 'transaction-response' : 'batch-response',
    timestamp: now.toISOString(),
    meta: { extension: [{ url: FEED_SUMMARY_EXTENSION, valueString: feedSummary(answers) }] },
    entry: answers.map((answer) => {
      const rule = ENTRY_RESPONSES[answer.result];
      const issues = outcomeIssues(answer);
      const held = rule.held && answer.written;
      return {
        response: {
          status: rule.status,
          ...(held ? { location: `${answer.resourceType}/${answer.written!.sourceId}/_history/${answer.written!.version}`, etag: `W/"${answer.written!.version}"` } : {}),
          ...(issues.length ? { outcome: operationOutcome(issues) } : {}),
        },
      };
    }),
  };
}

/**
 * The answer before response Bundles (Prefer: return=OperationOutcome): the summary, then every
 * entry's outcome in entry order; an entry with nothing more to say is named by its result.
 */
export function feedOutcome(answers: EntryAnswer[], entryCount: number): fhir4.OperationOutcome {
  checkOnePerEntry(answers, entryCount);
  const summary: OutcomeIssue = { severity: 'information', code: 'informational', diagnostics: feedSummary(answers) };
  return operationOutcome([
    summary,
    ...answers.flatMap((answer) => {
      const issues = outcomeIssues(answer);
      return issues.length ? issues : [{ severity: 'information' as const, code: 'informational' as const, diagnostics: answer.result, expression: [`Bundle.entry[${answer.index}]`] }];
    }),
  ]);
}
