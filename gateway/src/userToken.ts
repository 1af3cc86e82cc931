import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import {
  careRecordError,
  checkLifetime,
  CLOCK_TOLERANCE_SECONDS,
  devUserIssuer,
  ErrorCode,
  isPatientToken,
  isValidNhsNumber,
  launchPatientOf,
  normaliseNhsNumber,
  patientClaims,
  TokenRefused,
  USER_AUDIENCE,
  userClaims,
  userTokenMaxLifetime,
  type NrbacRole,
  type PatientTokenClaims,
  type UserIdentity,
  type UserTokenClaims,
} from '@shareforyou/kit';
import { IssuerKeys } from './issuerKeys';

/** The policy profile of a patient's own identity (schema/policy.yaml). */
const PATIENT_PROFILE = 'patient';

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

const issuer = () => process.env.OIDC_ISSUER ?? devUserIssuer();
const audience = () => process.env.OIDC_AUDIENCE ?? process.env.OIDC_CLIENT_ID ?? USER_AUDIENCE;

/** What the issuer's OpenID Connect discovery document says this gateway needs (its JWKS, and for SMART clients its endpoints). */
export interface IssuerConfiguration {
  issuer: string;
  jwks_uri?: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  token_endpoint_auth_methods_supported?: string[];
  code_challenge_methods_supported?: string[];
  scopes_supported?: string[];
}

/** The issuer's discovery document, checked to name the issuer the gateway trusts. */
export async function issuerConfiguration(): Promise<IssuerConfiguration> {
  const url = `${issuer().replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`the identity provider's discovery document answered ${response.status}`);
  const document = (await response.json()) as IssuerConfiguration;
  if (document.issuer !== issuer()) throw new Error('the discovery document does not match OIDC_ISSUER');
  return document;
}

async function discoverJwksUri(): Promise<string> {
  if (process.env.OIDC_JWKS_URI) return process.env.OIDC_JWKS_URI;
  const { jwks_uri: jwksUri } = await issuerConfiguration();
  if (!jwksUri) throw new Error('the discovery document does not match OIDC_ISSUER');
  return jwksUri;
}

/** The provider's keys: refreshed on a schedule, an unknown key id refused at once (issuerKeys.ts). */
const issuerKeys = new IssuerKeys({ jwksUri: discoverJwksUri });

class UnknownSigningKey extends Error {}

function signingKey(header: JwtHeader, callback: SigningKeyCallback): void {
  issuerKeys.keyFor(header.kid).then(
    (key) => (key ? callback(null, key) : callback(new UnknownSigningKey('the token names a key the sign-in provider does not publish'))),
    (error: Error) => callback(error),
  );
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
function jobRoleOf(role: NrbacRole): string {
  return role.role_code.split(':').pop() ?? '';
}

/**
 * A patient: no organisation and no job role, only their own NHS number; the policy's patient
 * profile lets them see who has looked at their record, nothing else.
 */
function patientIdentity(claims: PatientTokenClaims, clientNameHeader: string | undefined): UserIdentity {
  if (!isValidNhsNumber(claims.nhs_number)) throw unauthenticated('The patient token has no valid NHS number.');
  return {
    userId: claims.sub,
    name: 'Patient',
    odsCode: '',
    jobRole: '',
    profile: PATIENT_PROFILE,
    familyName: null,
    application: clientApplication(claims, clientNameHeader),
    patientNhsNumber: normaliseNhsNumber(claims.nhs_number),
  };
}

/** A client's own name for itself (Apollo's client-name header), kept only when it is a plain short name. */
const CLIENT_NAME = /^[A-Za-z0-9 ._:-]{1,64}$/;
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/**
 * The client application every look is recorded with: the client the token was issued to (an ID
 * token's authorised party `azp`, else a JWT access token's `client_id`, RFC 9068: what the sign-in
 * provider puts in the viewer's, the console's, a launched app's and a host's tokens) wins over the
 * header the client sends about itself. Exported for its unit test.
 */
export function clientApplication(claims: Pick<UserTokenClaims, 'azp' | 'client_id'>, header: string | undefined): string | null {
  for (const named of [claims.azp, claims.client_id]) if (named && CLIENT_NAME.test(named)) return named;
  return header && CLIENT_NAME.test(header) ? header : null;
}

export async function authenticateUser(authorization: string | undefined, clientNameHeader?: string): Promise<UserIdentity> {
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
  let launchPatient: string | null;
  try {
    checkLifetime(payload, userTokenMaxLifetime());
    if (isPatientToken(payload)) return patientIdentity(patientClaims(payload), clientNameHeader);
    claims = userClaims(payload);
    launchPatient = launchPatientOf(claims);
    if (launchPatient !== null && !isValidNhsNumber(launchPatient)) throw new TokenRefused('The token\'s patient in context is not a valid NHS number.');
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
    familyName: typeof claims.family_name === 'string' && claims.family_name ? claims.family_name : null,
    application: clientApplication(claims, clientNameHeader),
    launchPatient: launchPatient === null ? null : normaliseNhsNumber(launchPatient),
    // A job role the policy does not list gets the empty profile: every field is then denied.
    profile: profileForJobRole(loadPolicy(), jobRole) ?? 'none',
  };
}
