import type express from 'express';
import { accessError, controlIsOn, decideAccess, ErrorCode, signGatewayIdentity } from '@shareforyou/kit';
import type { GatewayContext } from './context';
import { FailedSignIns, tooManyFailedSignIns } from './failedSignIns';
import { requireActiveParty } from './organisationStatus';
import { recordRefusal, tokenClaimsForLog } from './refusals';
import { authenticateUser, CLIENT_NAME_HEADER } from './userToken';

/**
 * Who is asking, checked once per request at every door that serves the record (/graphql, /fhir):
 * the failed sign-in limit, the user's token, may the role use the record, is the organisation an
 * active party. Every refusal is counted and logged (refusals.ts). Throws the GraphQL error the
 * API answers with; a door that is not GraphQL translates it (fhir/operationOutcome.ts).
 */

export interface ContextOptions {
  deadlineMs: number;
  failedSignIns: FailedSignIns;
  requestIdOf: (req: express.Request) => string;
}

export type ContextFor = (req: express.Request) => Promise<GatewayContext>;

export function requestContext({ deadlineMs, failedSignIns, requestIdOf }: ContextOptions): ContextFor {
  return async (req) => {
    const deadline = Date.now() + deadlineMs;
    const requestId = requestIdOf(req);
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = failedSignIns.retryAfterSeconds(address);
    if (wait) {
      recordRefusal({ code: ErrorCode.UNAUTHENTICATED, kind: 'rate-limited', reason: `more than ${failedSignIns.perMinute} failed sign-ins this minute`, address, requestId, ...tokenClaimsForLog(req.header('authorization')) });
      throw tooManyFailedSignIns(wait);
    }
    let user;
    try {
      user = await authenticateUser(req.header('authorization'), req.header(CLIENT_NAME_HEADER));
    } catch (error) {
      failedSignIns.record(address);
      recordRefusal({ code: ErrorCode.UNAUTHENTICATED, kind: 'token', reason: (error as Error).message, address, requestId, ...tokenClaimsForLog(req.header('authorization')) });
      throw error;
    }
    try {
      const decision = decideAccess({ action: 'useRecord', actor: user });
      if (!decision.allowed) throw accessError(decision, { jobRole: user.jobRole, http: { status: 403 } });
      // A patient belongs to no organisation: there is no party to check.
      if (controlIsOn('partyCheck') && !user.patientNhsNumber) await requireActiveParty(user);
    } catch (error) {
      const code = String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'ERROR');
      recordRefusal({ code, kind: 'access', reason: (error as Error).message, address, requestId, userId: user.userId });
      throw error;
    }
    return {
      requestId,
      user,
      clientAddress: address,
      deadline,
      operationName: null,
      // One identity per subgraph call (each is spent when accepted), signed when the client's operation name is known.
      identityToken: (operationName: string | null) => signGatewayIdentity({ ...user, requestId, operationName }),
    } satisfies GatewayContext;
  };
}
