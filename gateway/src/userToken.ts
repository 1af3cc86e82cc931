import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import {
  careRecordError,
  checkLifetime,
  CLOCK_TOLERANCE_SECONDS,
  DEV_ISSUER,
  ErrorCode,
  readSecret,
  TokenRefused,
  USER_AUDIENCE,
  userClaims,
  userTokenMaxLifetime,
  type NrbacRole,
  type UserIdentity,
} from '@shareforyou/kit';

/**
 * The user's token. In production: NHS CIS2 (OIDC), keys from its JWKS (OIDC_JWKS_URI). Locally: the
 * dev identity provider's key in .secrets/ (npm run token). Either way the algorithm is pinned, and
 * issuer, audience and expiry are checked with a small clock tolerance.
 *
 * The selected role (selected_roleid) points at one entry of nhsid_nrbac_roles, which carries the
 * organisation (org_code) and the job role code (the R-code at the end of role_code).
 */

const ALGORITHM = 'RS256';

const issuer = () => process.env.OIDC_ISSUER ?? DEV_ISSUER;
const audience = () => process.env.OIDC_AUDIENCE ?? USER_AUDIENCE;

let jwks: ReturnType<typeof jwksClient> | undefined;
function signingKey(header: JwtHeader, callback: SigningKeyCallback): void {
  const jwksUri = process.env.OIDC_JWKS_URI;
  if (!jwksUri) {
    callback(null, readSecret('devIdentityProviderPublic'));
    return;
  }
  jwks ??= jwksClient({ jwksUri, cache: true, rateLimit: true });
  jwks.getSigningKey(header.kid, (error, key) => callback(error, key?.getPublicKey()));
}

function unauthenticated(message: string) {
  return careRecordError(ErrorCode.UNAUTHENTICATED, message);
}

function verify(token: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    jwt.verify(
      token,
      signingKey,
      { algorithms: [ALGORITHM], issuer: issuer(), audience: audience(), clockTolerance: CLOCK_TOLERANCE_SECONDS },
      (error, payload) => (error ? reject(error) : resolve(payload)),
    );
  });
}

/** The job role code is the last colon-separated part of role_code, e.g. S8000:G8000:R8000 -> R8000. */
export function jobRoleOf(role: NrbacRole): string {
  return role.role_code.split(':').pop() ?? '';
}

export async function authenticateUser(authorization: string | undefined): Promise<UserIdentity> {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw unauthenticated('Sign in first: send "Authorization: Bearer <token>" (locally: npm run token -- --user gp).');
  let payload: unknown;
  try {
    payload = await verify(match[1]);
  } catch (error) {
    const expired = (error as Error).name === 'TokenExpiredError';
    throw unauthenticated(expired ? 'Your session has expired: sign in again.' : 'The token is not valid for the ShareforYou Care Record.');
  }
  // Signed by the right issuer, but it must also expire in time and be shaped as CIS2 shapes it.
  let claims: ReturnType<typeof userClaims>;
  try {
    checkLifetime(payload, userTokenMaxLifetime());
    claims = userClaims(payload);
  } catch (error) {
    if (error instanceof TokenRefused) throw unauthenticated(error.message);
    throw error;
  }
  const jobRole = jobRoleOf(claims.selectedRole);
  return {
    userId: claims.sub,
    name: claims.name ?? claims.sub,
    odsCode: claims.selectedRole.org_code,
    jobRole,
    // A job role the policy does not list gets the empty profile: every field is then denied.
    profile: profileForJobRole(loadPolicy(), jobRole) ?? 'none',
  };
}
