import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { readSecret, signGatewayIdentity } from '@shareforyou/kit';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import type { DemoUser } from '../demo/users';

/**
 * Gateway identities for clients that bypass our gateway: the floor (calling subgraphs directly) and
 * the peer gateway. The kit signs for 60 s; a benchmark level can outlast that, so the claims the
 * kit signs are re-signed with the same key, algorithm, issuer and audience for longer. Only the
 * benchmark does this, on its own loopback stack, with the local dev key.
 */
export function longLivedGatewayIdentity(user: DemoUser, lifetimeSeconds: number, requestId = `bench-${randomUUID()}`): string {
  const profile = profileForJobRole(loadPolicy(), user.jobRole);
  if (!profile) throw new Error(`job role ${user.jobRole} has no profile in the policy`);
  const short = signGatewayIdentity({ userId: user.userId, name: user.name, odsCode: user.odsCode, jobRole: user.jobRole, profile, requestId });
  const decoded = jwt.decode(short, { complete: true });
  if (!decoded || typeof decoded.payload === 'string') throw new Error('could not read the kit\'s gateway identity');
  const { iat: _iat, exp: _exp, ...claims } = decoded.payload;
  return jwt.sign(claims, readSecret('gatewayIdentityPrivate'), { algorithm: decoded.header.alg as jwt.Algorithm, expiresIn: lifetimeSeconds });
}
