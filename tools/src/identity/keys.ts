import { createHash, createPrivateKey, createPublicKey, type JsonWebKey } from 'node:crypto';
import { ensureLocalSecrets, readSecret } from '@shareforyou/kit';

/**
 * The local provider's one signing key: the dev identity provider's RSA key in .secrets/ (made on
 * first run). The provider publishes it in its JWKS and `npm run token` signs with it under the same
 * key id, so the gateway accepts both by the same JWKS.
 */

export const SIGNING_ALGORITHM = 'RS256';

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  privateJwk: JsonWebKey;
}

/** RFC 7638 thumbprint: a key id that follows the key, so a new key never reuses an old id. */
function thumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

let cached: SigningKey | undefined;
export function devSigningKey(): SigningKey {
  if (cached) return cached;
  ensureLocalSecrets();
  const privateKeyPem = readSecret('devIdentityProviderPrivate');
  const kid = thumbprint(createPublicKey(privateKeyPem).export({ format: 'jwk' }));
  const privateJwk = { ...createPrivateKey(privateKeyPem).export({ format: 'jwk' }), kid, alg: SIGNING_ALGORITHM, use: 'sig' };
  cached = { kid, privateKeyPem, privateJwk };
  return cached;
}
