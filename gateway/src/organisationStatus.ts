import { randomUUID } from 'node:crypto';
import { accessError, careRecordError, decideAccess, ErrorCode, IDENTITY_HEADER, REQUEST_ID_HEADER, signGatewayIdentity, type SharingStatus, type UserIdentity } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import { sourceTimeoutMs } from './sourceDeadlines';
import { subgraphFetch } from './subgraphFetch';

/**
 * Is the user's organisation an active party to the data sharing framework? Asked of the registry,
 * remembered for ORGANISATION_STATUS_TTL_SECONDS (default 30), so a suspension takes effect within
 * a minute without a restart.
 */

const ttlMs = () => Number(process.env.ORGANISATION_STATUS_TTL_SECONDS ?? 30) * 1000;
const known = new Map<string, { status: string | null; until: number }>();
/** One question to the register per organisation at a time: a burst that finds the status expired shares it. */
const asking = new Map<string, Promise<string | null>>();

async function fetchStatus(user: UserIdentity): Promise<string | null> {
  const requestId = randomUUID();
  const response = await subgraphFetch(subgraphUrl('registry'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [IDENTITY_HEADER]: signGatewayIdentity({ ...user, requestId, operationName: 'OrganisationStatus', application: 'shareforyou-gateway', internal: true }),
      [REQUEST_ID_HEADER]: requestId,
    },
    body: JSON.stringify({ query: 'query OrganisationStatus { myOrganisation { sharingStatus } }' }),
    signal: AbortSignal.timeout(sourceTimeoutMs('registry')),
  });
  const body = (await response.json()) as { data?: { myOrganisation: { sharingStatus: string } | null } };
  if (!body.data) throw new Error(`registry answered ${response.status}`);
  return body.data.myOrganisation?.sharingStatus ?? null;
}

export async function requireActiveParty(user: UserIdentity): Promise<void> {
  const cached = known.get(user.odsCode);
  let status: string | null;
  if (cached && cached.until > Date.now()) status = cached.status;
  else {
    let answer = asking.get(user.odsCode);
    if (!answer) {
      answer = fetchStatus(user).finally(() => asking.delete(user.odsCode));
      asking.set(user.odsCode, answer);
    }
    try {
      status = await answer;
    } catch {
      throw careRecordError(ErrorCode.SOURCE_UNAVAILABLE, 'The organisation register did not answer, so access cannot be checked. Try again shortly.', {
        serviceName: 'registry',
        reason: 'unreachable',
        http: { status: 503 },
      });
    }
    known.set(user.odsCode, { status, until: Date.now() + ttlMs() });
  }
  const decision = decideAccess({ action: 'useRecord', actor: { odsCode: user.odsCode }, organisationStatus: status as SharingStatus | null });
  if (!decision.allowed) throw accessError(decision);
}
