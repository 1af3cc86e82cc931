import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';
import { outcomeError } from './ingest/operationOutcome';

/**
 * Rules every bearer token must meet beyond its signature (pure functions, so each is tested by
 * calling it). jsonwebtoken checks exp only when a token has one, and any lifetime passes; here a
 * token must expire, must not live longer than its kind's maximum, and must carry claims of the
 * right shape, so a validly signed but odd token is a clean 401 rather than a crash.
 *
 * Maxima: users USER_TOKEN_MAX_LIFETIME_SECONDS (default 12 hours: CIS2 issues sessions of hours);
 * feed systems SYSTEM_TOKEN_MAX_LIFETIME_SECONDS (default 24 hours). Clock tolerance 30 s.
 */

export const CLOCK_TOLERANCE_SECONDS = 30;
export const DEFAULT_USER_TOKEN_MAX_LIFETIME_SECONDS = 12 * 3600;
export const DEFAULT_SYSTEM_TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;

export class TokenRefused extends Error {
  override name = 'TokenRefused';
}

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}

export const userTokenMaxLifetime = (env: NodeJS.ProcessEnv = process.env) => seconds(env.USER_TOKEN_MAX_LIFETIME_SECONDS, DEFAULT_USER_TOKEN_MAX_LIFETIME_SECONDS);
export const systemTokenMaxLifetime = (env: NodeJS.ProcessEnv = process.env) => seconds(env.SYSTEM_TOKEN_MAX_LIFETIME_SECONDS, DEFAULT_SYSTEM_TOKEN_MAX_LIFETIME_SECONDS);

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Throws TokenRefused unless the token expires, was not issued in the future, and lives at most maxLifetimeSeconds. */
export function checkLifetime(claims: unknown, maxLifetimeSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): void {
  if (!claims || typeof claims !== 'object') throw new TokenRefused('The token has no claims.');
  const { exp, iat, nbf } = claims as Record<string, unknown>;
  if (exp === undefined) throw new TokenRefused('The token has no expiry (exp); sign in again to get one that expires.');
  if (!isNumber(exp)) throw new TokenRefused('The token\'s expiry (exp) is not a number of seconds.');
  if (iat !== undefined && !isNumber(iat)) throw new TokenRefused('The token\'s issue time (iat) is not a number of seconds.');
  if (nbf !== undefined && !isNumber(nbf)) throw new TokenRefused('The token\'s start time (nbf) is not a number of seconds.');
  if (isNumber(iat) && iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new TokenRefused('The token was issued in the future; check the clocks.');
  const issued = isNumber(iat) ? iat : nowSeconds;
  if (exp - issued > maxLifetimeSeconds) {
    throw new TokenRefused(`The token lives longer than the ${Math.round(maxLifetimeSeconds / 3600)} hours allowed; sign in again.`);
  }
}

export interface NrbacRole {
  person_roleid: string;
  org_code: string;
  role_code: string;
  role_name?: string;
}

export interface UserTokenClaims {
  sub: string;
  name?: string;
  family_name?: string;
  /** The OIDC client the token was issued to: the client application. */
  azp?: string;
  /** The same, as an OAuth 2.0 JWT access token names it (RFC 9068 `client_id`: the local sign-in provider's access tokens, a SMART app's). */
  client_id?: string;
  selected_roleid: string;
  nhsid_nrbac_roles: NrbacRole[];
  /** SMART scopes granted (space-separated), e.g. "care-record patient/*.rs". */
  scope?: string;
  /** SMART EHR launch: the NHS number of the patient open in the clinical system that launched the sign-in. */
  patient?: string;
}

/** A patient's own token (NHS login-shaped): their NHS number instead of roles. */
export interface PatientTokenClaims {
  sub: string;
  nhs_number: string;
  azp?: string;
  client_id?: string;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 512;

/** The CIS2-shaped claims, checked for shape: the selected role must be one of the roles listed. */
export function userClaims(payload: unknown): UserTokenClaims & { selectedRole: NrbacRole } {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new TokenRefused('The token has no claims.');
  const claims = payload as Record<string, unknown>;
  if (!isText(claims.sub)) throw new TokenRefused('The token names no user (sub).');
  if (claims.name !== undefined && typeof claims.name !== 'string') throw new TokenRefused('The token\'s name claim is not text.');
  if (!isText(claims.selected_roleid)) throw new TokenRefused('The token has no selected role (selected_roleid).');
  if (!Array.isArray(claims.nhsid_nrbac_roles) || claims.nhsid_nrbac_roles.length > 100) throw new TokenRefused('The token\'s roles (nhsid_nrbac_roles) are not a list.');
  const roles = claims.nhsid_nrbac_roles.filter(
    (r): r is NrbacRole =>
      !!r && typeof r === 'object' && isText(r.person_roleid) && isText(r.org_code) && isText(r.role_code) && (r.role_name === undefined || typeof r.role_name === 'string'),
  );
  const selectedRole = roles.find((r) => r.person_roleid === claims.selected_roleid);
  if (!selectedRole) throw new TokenRefused('The token has no selected role with an organisation and job role.');
  const optionalText = (value: unknown) => (isText(value) ? value : undefined);
  return {
    sub: claims.sub,
    name: claims.name as string | undefined,
    family_name: optionalText(claims.family_name),
    azp: optionalText(claims.azp),
    client_id: optionalText(claims.client_id),
    selected_roleid: claims.selected_roleid,
    nhsid_nrbac_roles: roles,
    selectedRole,
    scope: optionalText(claims.scope),
    patient: optionalText(claims.patient),
  };
}

/** The scope that gives a user the whole record their role and care relationships allow (not one patient's). */
export const CARE_RECORD_SCOPE = 'care-record';

/**
 * SMART on FHIR scopes: a token whose resource scopes are all patient-level (`patient/*.rs`), with
 * no user-level one (`user/...`) and not the care-record scope, reaches only the patient in the
 * launch context (its `patient` claim). Such a token without a patient is refused: it names no
 * record it may open. Returns that patient's NHS number, or null when the token is user-level.
 */
export function launchPatientOf(claims: Pick<UserTokenClaims, 'scope' | 'patient'>): string | null {
  const scopes = (claims.scope ?? '').split(' ').filter(Boolean);
  const patientLevel = scopes.some((s) => s.startsWith('patient/'));
  const userLevel = scopes.some((s) => s.startsWith('user/') || s === CARE_RECORD_SCOPE);
  if (!patientLevel || userLevel) return null;
  if (!claims.patient) throw new TokenRefused('The token gives access to one patient (patient/ scopes) but names none (no patient claim): open the record from your clinical system again.');
  return claims.patient;
}

/** Is this a patient's own token (an NHS number, no staff roles)? */
export function isPatientToken(payload: unknown): boolean {
  const claims = (payload ?? {}) as Record<string, unknown>;
  return claims.nhs_number !== undefined && claims.nhsid_nrbac_roles === undefined;
}

/** A patient's claims, checked for shape. */
export function patientClaims(payload: unknown): PatientTokenClaims {
  const claims = (payload ?? {}) as Record<string, unknown>;
  if (!isText(claims.sub)) throw new TokenRefused('The token names no user (sub).');
  if (!isText(claims.nhs_number)) throw new TokenRefused('The patient token has no NHS number.');
  return { sub: claims.sub, nhs_number: claims.nhs_number, azp: isText(claims.azp) ? claims.azp : undefined, client_id: isText(claims.client_id) ? claims.client_id : undefined };
}

/**
 * Before a feed's own credential check (which verifies the signature): a system token that does
 * not expire, or lives too long, is refused with a 401 OperationOutcome. Decoding alone is enough
 * here because this step can only refuse.
 */
export function refuseLongLivedFeedTokens(req: Request, res: Response, next: NextFunction): void {
  const match = /^Bearer (\S+)$/.exec(req.header('authorization') ?? '');
  const claims = match ? jwt.decode(match[1], { json: true }) : null;
  if (!claims) return next();
  try {
    checkLifetime(claims, systemTokenMaxLifetime());
  } catch (error) {
    res.status(401).type('application/fhir+json').send(JSON.stringify(outcomeError('security', `Feed refused: ${(error as Error).message}`)));
    return;
  }
  next();
}
