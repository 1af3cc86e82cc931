import jwt from 'jsonwebtoken';
import { devUserIssuer, USER_AUDIENCE } from '@shareforyou/kit';
import { cis2Claims, type TokenUser } from '../identity/claims';
import { devSigningKey, SIGNING_ALGORITHM } from '../identity/keys';

/**
 * A user token without the browser: the same claims, issuer and signing key (same key id) as the
 * local OpenID Connect provider's access tokens, so the gateway accepts it by the provider's JWKS.
 */
export function userToken(user: TokenUser, options: { expiresInSeconds?: number; selectedRoleId?: string } = {}): string {
  const key = devSigningKey();
  return jwt.sign(cis2Claims(user, options.selectedRoleId), key.privateKeyPem, {
    algorithm: SIGNING_ALGORITHM,
    keyid: key.kid,
    issuer: devUserIssuer(),
    audience: USER_AUDIENCE,
    subject: user.userId,
    expiresIn: options.expiresInSeconds ?? 8 * 3600,
  });
}
