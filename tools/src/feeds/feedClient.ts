import { fetchAs, signSystemToken, FEED_PATH, FEED_SUMMARY_EXTENSION } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';

/**
 * Sends bundles to a subgraph's FHIR feed endpoint with the organisation's system token, and reads
 * the answer: a batch-response / transaction-response Bundle for an accepted bundle, an
 * OperationOutcome for a refused one (or for any, when sent with Prefer: return=OperationOutcome).
 */

export interface FeedResponse {
  status: number;
  answer: fhir4.Bundle | fhir4.OperationOutcome;
  /** "Accepted: created 1, ..." for an accepted bundle; a refusal's first issue otherwise. */
  summary: string;
  /** Every issue in the answer: a refusal's, or each entry's outcome in entry order. */
  issues: fhir4.OperationOutcomeIssue[];
}

const tokens = new Map<string, { token: string; until: number }>();

function systemToken(odsCode: string): string {
  const cached = tokens.get(odsCode);
  if (cached && cached.until > Date.now()) return cached.token;
  const token = signSystemToken(odsCode);
  tokens.set(odsCode, { token, until: Date.now() + 30 * 60_000 });
  return token;
}

export function feedUrl(target: string, env: NodeJS.ProcessEnv = process.env): string {
  return subgraphUrl(target, env).replace(/\/graphql$/, FEED_PATH);
}

/** The summary and the issues of either kind of answer. */
export function readAnswer(answer: fhir4.Bundle | fhir4.OperationOutcome): Pick<FeedResponse, 'summary' | 'issues'> {
  if (answer.resourceType === 'Bundle') {
    const summary = answer.meta?.extension?.find((e) => e.url === FEED_SUMMARY_EXTENSION)?.valueString ?? '';
    return { summary, issues: (answer.entry ?? []).flatMap((e) => e.response?.outcome?.resourceType === 'OperationOutcome' ? ((e.response.outcome as fhir4.OperationOutcome).issue ?? []) : []) };
  }
  return { summary: answer.issue?.[0]?.diagnostics ?? '', issues: answer.issue ?? [] };
}

export async function sendBundle(target: string, odsCode: string, body: string, env: NodeJS.ProcessEnv = process.env, options: { prefer?: string } = {}): Promise<FeedResponse> {
  // In production mode over TLS with the organisation's own source-system certificate.
  const response = await fetchAs({ sourceSystem: odsCode }, env)(feedUrl(target, env), {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${systemToken(odsCode)}`, ...(options.prefer ? { prefer: options.prefer } : {}) },
    body,
  });
  const answer = (await response.json()) as fhir4.Bundle | fhir4.OperationOutcome;
  return { status: response.status, answer, ...readAnswer(answer) };
}
