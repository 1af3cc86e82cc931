import { signSystemToken, FEED_PATH } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';

/** Sends bundles to a subgraph's FHIR feed endpoint with the organisation's system token. */

export interface FeedResponse {
  status: number;
  outcome: fhir4.OperationOutcome;
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

export async function sendBundle(target: string, odsCode: string, body: string, env: NodeJS.ProcessEnv = process.env): Promise<FeedResponse> {
  const response = await fetch(feedUrl(target, env), {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${systemToken(odsCode)}` },
    body,
  });
  return { status: response.status, outcome: (await response.json()) as fhir4.OperationOutcome };
}
