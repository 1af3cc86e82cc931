import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { readKey } from './secrets';

/**
 * The identity the gateway vouches for on every call to a subgraph: who the user is, where they
 * work, which profile the policy gives their job role, and the request id. Signed with the
 * gateway's own key (ES256) for one call: it must say when it expires, live at most a minute, and
 * is spent once accepted (its `jti` is remembered until it expires), so a copied identity cannot
 * be replayed even within its minute. A subgraph trusts nothing it did not sign.
 */

export const IDENTITY_HEADER = 'x-shareforyou-identity';
export const REQUEST_ID_HEADER = 'x-request-id';
const ISSUER = 'shareforyou-gateway';
const AUDIENCE = 'shareforyou-subgraphs';
const ALGORITHM = 'ES256';
const LIFETIME_SECONDS = 60;
/** Clock difference allowed between the gateway and a subgraph. */
const SKEW_SECONDS = 5;

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
  /** The user's family name (CIS2 `family_name`), for the same-surname monitoring; null when the token has none. */
  familyName?: string | null;
  /** The client application the request came from (the token's `azp`, else the client's name header). */
  application?: string | null;
  /** A patient's own identity (a patient token): their NHS number. Staff identities have none. */
  patientNhsNumber?: string | null;
  /**
   * A SMART launch's patient, when the user's token reaches only the patient in context
   * (patient/ scopes: tokenRules launchPatientOf): no other record may be opened with it.
   */
  launchPatient?: string | null;
}

/** What the client asked for, as the audit trail records it beside the per-service fetch names. */
export interface ClientRequest {
  /** The client's own operation name (e.g. OpenMargaret), not the gateway's per-service fetch name. */
  operationName?: string | null;
  /**
   * The gateway's own calls (the organisation status check) are marked internal, so the access log
   * can keep them apart from what users did.
   */
  internal?: boolean;
}

export interface GatewayIdentity extends UserIdentity, ClientRequest {
  requestId: string;
}

interface IdentityClaims {
  sub: string;
  name: string;
  org: string;
  job_role: string;
  profile: string;
  rid: string;
  fam?: string | null;
  app?: string | null;
  op?: string | null;
  int?: boolean;
  pat?: string | null;
  lpt?: string | null;
  iat?: number;
  exp?: number;
  jti?: string;
}

/**
 * The gateway's own identity, for a call that no user made (reporting a refusal spike to the audit
 * service). No user token can carry it: the `service` profile is no job role's in schema/policy.yaml.
 */
export const GATEWAY_SERVICE_USER = { userId: 'shareforyou-gateway', name: 'ShareforYou gateway', odsCode: 'SHAREFORYOU', jobRole: 'service', profile: 'service' } as const;

export const isGatewayService = (identity: GatewayIdentity) => identity.internal === true && identity.profile === GATEWAY_SERVICE_USER.profile && identity.userId === GATEWAY_SERVICE_USER.userId;

/** Signs the identity for one subgraph call, for at most a minute. */
export function signGatewayIdentity(identity: GatewayIdentity): string {
  const claims: IdentityClaims = {
    sub: identity.userId,
    name: identity.name,
    org: identity.odsCode,
    job_role: identity.jobRole,
    profile: identity.profile,
    rid: identity.requestId,
    fam: identity.familyName ?? null,
    app: identity.application ?? null,
    op: identity.operationName ?? null,
    int: identity.internal === true,
    pat: identity.patientNhsNumber ?? null,
    lpt: identity.launchPatient ?? null,
  };
  return jwt.sign(claims, readKey('gatewayIdentityPrivate', 'private'), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: LIFETIME_SECONDS,
    jwtid: randomUUID(),
  });
}

/**
 * The identities this process has accepted, until they expire: one accepted again is a replay. Per
 * process: with several instances of one subgraph a copy could reach another instance once within
 * its minute (docs/security.md says what the deployment adds).
 */
const spent = new Map<string, number>();
let nextSweep = 0;

function spend(jti: string, expiresAtMs: number): void {
  const now = Date.now();
  if (now >= nextSweep) {
    for (const [id, expires] of spent) if (expires < now) spent.delete(id);
    nextSweep = now + 10_000;
  }
  if (spent.has(jti)) throw new Error('gateway identity already used: each identity is for one call');
  spent.set(jti, expiresAtMs);
}

/** Throws when the token is missing, forged, expired or meant for someone else. */
export function verifyGatewayIdentity(token: string | undefined): GatewayIdentity {
  if (!token) throw new Error('no gateway identity');
  const claims = jwt.verify(token, readKey('gatewayIdentityPublic', 'public'), {
    algorithms: [ALGORITHM],
    issuer: ISSUER,
    audience: AUDIENCE,
    clockTolerance: SKEW_SECONDS,
  }) as IdentityClaims;
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw new Error('gateway identity must say when it was issued and when it expires');
  if (claims.exp - claims.iat > LIFETIME_SECONDS + SKEW_SECONDS) throw new Error(`gateway identity lives longer than ${LIFETIME_SECONDS} s`);
  if (claims.iat > Date.now() / 1000 + SKEW_SECONDS) throw new Error('gateway identity issued in the future');
  if (typeof claims.jti !== 'string' || !claims.jti) throw new Error('gateway identity lacks jti');
  // A patient's identity has no organisation or job role: it carries their NHS number instead.
  const required = claims.pat ? (['sub', 'profile', 'rid'] as const) : (['sub', 'org', 'job_role', 'profile', 'rid'] as const);
  for (const key of required) {
    if (typeof claims[key] !== 'string' || !claims[key]) throw new Error(`gateway identity lacks ${key}`);
  }
  spend(claims.jti, (claims.exp + SKEW_SECONDS) * 1000);
  return {
    userId: claims.sub,
    name: claims.name,
    odsCode: claims.org,
    jobRole: claims.job_role,
    profile: claims.profile,
    requestId: claims.rid,
    familyName: claims.fam ?? null,
    application: claims.app ?? null,
    operationName: claims.op ?? null,
    internal: claims.int === true,
    patientNhsNumber: claims.pat ?? null,
    launchPatient: claims.lpt ?? null,
  };
}
