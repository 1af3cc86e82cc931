import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { readSecret, signGatewayIdentity, type GatewayIdentity } from '@shareforyou/kit';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import type { DemoUser } from '../demo/users';

/**
 * Gateway identities for the clients that bypass our gateway: the floor (calling subgraphs
 * directly) and the peer gateway. A subgraph spends each identity it accepts, so both sign one per
 * call, as our gateway does: the floor in the load generator (`identity` on each part), the peer in
 * its configuration, from the claims and the key the bench hands it (its own loopback stack, the
 * local dev key).
 */
export function benchIdentity(user: DemoUser, requestId = `bench-${randomUUID()}`): GatewayIdentity {
  const profile = profileForJobRole(loadPolicy(), user.jobRole);
  if (!profile) throw new Error(`job role ${user.jobRole} has no profile in the policy`);
  return { userId: user.userId, name: user.name, odsCode: user.odsCode, jobRole: user.jobRole, profile, requestId };
}

/** What the peer needs to sign an identity per call: the claims, issuer and audience of one the kit signed, and the key. */
export function peerSigning(identity: GatewayIdentity): Record<string, string> {
  const { iat: _iat, exp: _exp, jti: _jti, iss, aud, ...claims } = jwt.decode(signGatewayIdentity(identity)) as Record<string, unknown>;
  return {
    SHAREFORYOU_BENCH_PEER_CLAIMS: JSON.stringify(claims),
    SHAREFORYOU_BENCH_PEER_ISSUER: String(iss),
    SHAREFORYOU_BENCH_PEER_AUDIENCE: String(aud),
    SHAREFORYOU_BENCH_PEER_KEY: readSecret('gatewayIdentityPrivate'),
  };
}
