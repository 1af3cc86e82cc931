import { randomUUID } from 'node:crypto';
import { signGatewayIdentity } from '@shareforyou/kit';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import type { DemoUser } from '../demo/users';

/**
 * Gateway identities for clients that bypass our gateway: the floor (calling subgraphs directly) and
 * the peer gateway. A benchmark level can outlast the kit's one-minute identity, so these are signed
 * for longer. Only the benchmark does this, on its own loopback stack, with the local dev key.
 */
export function longLivedGatewayIdentity(user: DemoUser, lifetimeSeconds: number, requestId = `bench-${randomUUID()}`): string {
  const profile = profileForJobRole(loadPolicy(), user.jobRole);
  if (!profile) throw new Error(`job role ${user.jobRole} has no profile in the policy`);
  return signGatewayIdentity({ userId: user.userId, name: user.name, odsCode: user.odsCode, jobRole: user.jobRole, profile, requestId }, { lifetimeSeconds });
}
