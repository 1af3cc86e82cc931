import jwt from 'jsonwebtoken';
import { devUserIssuer, USER_AUDIENCE } from '@shareforyou/kit';
import { cis2Claims, type TokenUser } from '../identity/claims';
import { devSigningKey, SIGNING_ALGORITHM } from '../identity/keys';

/**
 * A user token without the browser: the same claims, issuer and signing key (same key id) as the
 * local OpenID Connect provider's access tokens, so the gateway accepts it by the provider's JWKS.
 */
/** The local client application tokens are issued to (CIS2's `azp`), unless a caller names another. */
const DEV_CLIENT_ID = 'shareforyou-dev-client';

export function userToken(
  user: TokenUser,
  options: { expiresInSeconds?: number; selectedRoleId?: string; clientId?: string | null } = {},
): string {
  const key = devSigningKey();
  const clientId = options.clientId === undefined ? DEV_CLIENT_ID : options.clientId;
  return jwt.sign({ ...cis2Claims(user, options.selectedRoleId), ...(clientId ? { azp: clientId } : {}) }, key.privateKeyPem, {
    algorithm: SIGNING_ALGORITHM,
    keyid: key.kid,
    issuer: devUserIssuer(),
    audience: USER_AUDIENCE,
    subject: user.userId,
    expiresIn: options.expiresInSeconds ?? 8 * 3600,
  });
}

/**
 * A patient's own token, as a patient portal's sign-in (NHS login-shaped: the NHS number at the
 * highest proofing level) would give it. Kept apart from the staff tokens: the local identity
 * provider will issue it too.
 */
export function patientToken(nhsNumber: string, options: { expiresInSeconds?: number } = {}): string {
  const key = devSigningKey();
  return jwt.sign({ nhs_number: nhsNumber, identity_proofing_level: 'P9', azp: 'shareforyou-patient-portal' }, key.privateKeyPem, {
    algorithm: SIGNING_ALGORITHM,
    keyid: key.kid,
    issuer: devUserIssuer(),
    audience: USER_AUDIENCE,
    subject: `patient-${nhsNumber}`,
    expiresIn: options.expiresInSeconds ?? 3600,
  });
}
