import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Keys. In production every key arrives through the environment (PEM text in the variable named
 * below, or a file path in <NAME>_FILE). Locally they are generated on first start into
 * .secrets/ at the repository root (ignored by git), or SHAREFORYOU_SECRETS_DIR.
 */

export const SECRETS_DIR = resolve(process.env.SHAREFORYOU_SECRETS_DIR ?? join(__dirname, '..', '..', '..', '.secrets'));

interface SecretSpec {
  file: string;
  env: string;
  make: () => string;
}

function ecKeyPair() {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

function rsaKeyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** Pairs are generated together; each half is its own secret so a subgraph only ever reads a public key. */
const PAIRS = {
  gatewayIdentity: ecKeyPair,
  auditAnchor: () =>
    generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }),
  devIdentityProvider: rsaKeyPair,
  feedToken: rsaKeyPair,
};

const SPECS: Record<string, SecretSpec> = {
  gatewayIdentityPrivate: { file: 'gateway-identity-private.pem', env: 'GATEWAY_IDENTITY_PRIVATE_KEY', make: () => pair('gatewayIdentity').privateKey },
  gatewayIdentityPublic: { file: 'gateway-identity-public.pem', env: 'GATEWAY_IDENTITY_PUBLIC_KEY', make: () => pair('gatewayIdentity').publicKey },
  devIdentityProviderPrivate: { file: 'dev-idp-private.pem', env: 'DEV_IDP_PRIVATE_KEY', make: () => pair('devIdentityProvider').privateKey },
  devIdentityCookieKey: { file: 'dev-idp-cookie.key', env: 'DEV_IDP_COOKIE_KEY', make: () => randomBytes(32).toString('base64') },
  // Source systems' feed credentials: in production the integration platform signs them and the
  // subgraphs hold only its public key; locally `npm run token -- --system <ODS>` signs with the private half.
  feedTokenSigningKey: { file: 'feed-token-private.pem', env: 'FEED_TOKEN_PRIVATE_KEY', make: () => pair('feedToken').privateKey },
  feedTokenPublicKey: { file: 'feed-token-public.pem', env: 'FEED_TOKEN_PUBLIC_KEY', make: () => pair('feedToken').publicKey },
  recordEncryptionKey: { file: 'record-encryption.key', env: 'RECORD_ENCRYPTION_KEY', make: () => randomBytes(32).toString('base64') },
  /** HMAC key of the privacy office's alert webhook: the receiver checks each alert's signature with it. */
  alertWebhookSecret: { file: 'alert-webhook.key', env: 'ALERT_WEBHOOK_SECRET', make: () => randomBytes(32).toString('base64url') },
  /** Signs the audit chain anchors written outside the audit store (Ed25519). */
  auditAnchorPrivate: { file: 'audit-anchor-private.pem', env: 'AUDIT_ANCHOR_PRIVATE_KEY', make: () => pair('auditAnchor').privateKey },
  auditAnchorPublic: { file: 'audit-anchor-public.pem', env: 'AUDIT_ANCHOR_PUBLIC_KEY', make: () => pair('auditAnchor').publicKey },
};
export type SecretName = keyof typeof SPECS;

const generatedPairs: Partial<Record<keyof typeof PAIRS, { publicKey: string; privateKey: string }>> = {};
function pair(name: keyof typeof PAIRS) {
  generatedPairs[name] ??= PAIRS[name]();
  return generatedPairs[name]!;
}

/** Creates any missing local secret. Only the local tools call this; services never generate keys. */
export function ensureLocalSecrets(): void {
  mkdirSync(SECRETS_DIR, { recursive: true, mode: 0o700 });
  const missing = Object.values(SPECS).filter((spec) => !existsSync(join(SECRETS_DIR, spec.file)));
  for (const spec of missing) {
    const path = join(SECRETS_DIR, spec.file);
    writeFileSync(path, spec.make(), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
}

const cache = new Map<SecretName, string>();

export function readSecret(name: SecretName): string {
  const cached = cache.get(name);
  if (cached) return cached;
  const spec = SPECS[name];
  const fromEnv = process.env[spec.env];
  const fromEnvFile = process.env[`${spec.env}_FILE`];
  const path = join(SECRETS_DIR, spec.file);
  let value: string;
  if (fromEnv) value = fromEnv;
  else if (fromEnvFile) value = readFileSync(fromEnvFile, 'utf8');
  else if (existsSync(path)) value = readFileSync(path, 'utf8');
  else {
    throw new Error(
      `Missing secret ${name}: set ${spec.env} (or ${spec.env}_FILE), or run "npm start" once to create local development keys in ${SECRETS_DIR}.`,
    );
  }
  cache.set(name, value);
  return value;
}

const keyObjects = new Map<SecretName, KeyObject>();

/**
 * A PEM key secret as a key object, parsed once: signing or verifying with the PEM text parses it on
 * every call, which for the per-request identity tokens cost more than the signature itself.
 */
export function readKey(name: SecretName, kind: 'public' | 'private'): KeyObject {
  let key = keyObjects.get(name);
  if (!key) keyObjects.set(name, (key = kind === 'public' ? createPublicKey(readSecret(name)) : createPrivateKey(readSecret(name))));
  return key;
}
