import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import jwksClient from 'jwks-rsa';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import { careRecordError, devUserIssuer, ErrorCode, USER_AUDIENCE, type UserIdentity } from '@shareforyou/kit';

/**
 * The user's token, verified by the issuer's published keys (JWKS), as it will be against NHS CIS2.
 * Production: OIDC_ISSUER is CIS2's issuer URL and OIDC_CLIENT_ID our client id there (the token's
 * audience). Locally: the development OpenID Connect provider on port base + 8 (tools/src/identity/).
 * The JWKS address comes from the issuer's discovery document unless OIDC_JWKS_URI says it. The
 * algorithm is pinned; issuer, audience and expiry are checked with a small clock tolerance.
 *
 * The selected role (selected_roleid) points at one entry of nhsid_nrbac_roles, which carries the
 * organisation (org_code) and the job role code (the R-code at the end of role_code).
 */

const ALGORITHM = 'RS256';
const CLOCK_TOLERANCE_SECONDS = 30;

export interface NrbacRole {
  person_roleid: string;
  org_code: string;
  role_code: string;
  role_name?: string;
}

export interface UserTokenClaims {
  sub: string;
  name: string;
  selected_roleid: string;
  nhsid_nrbac_roles: NrbacRole[];
}

const issuer = () => process.env.OIDC_ISSUER ?? devUserIssuer();
const audience = () => process.env.OIDC_AUDIENCE ?? process.env.OIDC_CLIENT_ID ?? USER_AUDIENCE;

async function discoverJwksUri(): Promise<string> {
  if (process.env.OIDC_JWKS_URI) return process.env.OIDC_JWKS_URI;
  const url = `${issuer().replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`the identity provider's discovery document answered ${response.status}`);
  const { jwks_uri: jwksUri, issuer: published } = (await response.json()) as { jwks_uri?: string; issuer?: string };
  if (published !== issuer() || !jwksUri) throw new Error('the discovery document does not match OIDC_ISSUER');
  return jwksUri;
}

let jwks: Promise<ReturnType<typeof jwksClient>> | undefined;
function keys(): Promise<ReturnType<typeof jwksClient>> {
  jwks ??= discoverJwksUri().then((jwksUri) => jwksClient({ jwksUri, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 }));
  // A provider that was not up yet is asked again on the next request.
  jwks.catch(() => (jwks = undefined));
  return jwks;
}

function signingKey(header: JwtHeader, callback: SigningKeyCallback): void {
  keys()
    .then((client) => client.getSigningKey(header.kid))
    .then((key) => callback(null, key.getPublicKey()), (error: Error) => callback(error));
}

function unauthenticated(message: string) {
  return careRecordError(ErrorCode.UNAUTHENTICATED, message);
}

function verify(token: string): Promise<UserTokenClaims> {
  return new Promise((resolve, reject) => {
    jwt.verify(
      token,
      signingKey,
      { algorithms: [ALGORITHM], issuer: issuer(), audience: audience(), clockTolerance: CLOCK_TOLERANCE_SECONDS },
      (error, payload) => (error ? reject(error) : resolve(payload as UserTokenClaims)),
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
  let claims: UserTokenClaims;
  try {
    claims = await verify(match[1]);
  } catch (error) {
    const expired = (error as Error).name === 'TokenExpiredError';
    throw unauthenticated(expired ? 'Your session has expired: sign in again.' : 'The token is not valid for the ShareforYou Care Record.');
  }
  const role = claims.nhsid_nrbac_roles?.find((r) => r.person_roleid === claims.selected_roleid);
  if (!claims.sub || !role?.org_code || !role.role_code) {
    throw unauthenticated('The token has no selected role with an organisation and job role.');
  }
  const jobRole = jobRoleOf(role);
  return {
    userId: claims.sub,
    name: claims.name ?? claims.sub,
    odsCode: role.org_code,
    jobRole,
    // A job role the policy does not list gets the empty profile: every field is then denied.
    profile: profileForJobRole(loadPolicy(), jobRole) ?? 'none',
  };
}
