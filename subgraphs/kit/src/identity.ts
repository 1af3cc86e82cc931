import jwt from 'jsonwebtoken';
import { readSecret } from './secrets';

/**
 * The identity the gateway vouches for on every call to a subgraph: who the user is, where they
 * work, which profile the policy gives their job role, and the request id. Signed with the
 * gateway's own key (ES256), valid for a minute, so a subgraph trusts nothing it did not sign.
 */

export const IDENTITY_HEADER = 'x-shareforyou-identity';
export const REQUEST_ID_HEADER = 'x-request-id';
const ISSUER = 'shareforyou-gateway';
const AUDIENCE = 'shareforyou-subgraphs';
const ALGORITHM = 'ES256';
const LIFETIME_SECONDS = 60;

export interface UserIdentity {
  /** The user's identity-provider subject (e.g. CIS2 UUID). */
  userId: string;
  name: string;
  /** ODS code of the organisation of the user's selected role. */
  odsCode: string;
  /** NHS national RBAC job role code, e.g. R8000. */
  jobRole: string;
  /** The policy profile the job role maps to. */
  profile: string;
}

export interface GatewayIdentity extends UserIdentity {
  requestId: string;
}

interface IdentityClaims {
  sub: string;
  name: string;
  org: string;
  job_role: string;
  profile: string;
  rid: string;
}

/** Signs the identity for a minute; only the benchmark's stand-in clients (floor, peer) ask for longer. */
export function signGatewayIdentity(identity: GatewayIdentity, options: { lifetimeSeconds?: number } = {}): string {
  const claims: IdentityClaims = {
    sub: identity.userId,
    name: identity.name,
    org: identity.odsCode,
    job_role: identity.jobRole,
    profile: identity.profile,
    rid: identity.requestId,
  };
  return jwt.sign(claims, readSecret('gatewayIdentityPrivate'), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: options.lifetimeSeconds ?? LIFETIME_SECONDS,
  });
}

/** Throws when the token is missing, forged, expired or meant for someone else. */
export function verifyGatewayIdentity(token: string | undefined): GatewayIdentity {
  if (!token) throw new Error('no gateway identity');
  const claims = jwt.verify(token, readSecret('gatewayIdentityPublic'), {
    algorithms: [ALGORITHM],
    issuer: ISSUER,
    audience: AUDIENCE,
    clockTolerance: 5,
  }) as IdentityClaims;
  for (const key of ['sub', 'org', 'job_role', 'profile', 'rid'] as const) {
    if (typeof claims[key] !== 'string' || !claims[key]) throw new Error(`gateway identity lacks ${key}`);
  }
  return {
    userId: claims.sub,
    name: claims.name,
    odsCode: claims.org,
    jobRole: claims.job_role,
    profile: claims.profile,
    requestId: claims.rid,
  };
}
