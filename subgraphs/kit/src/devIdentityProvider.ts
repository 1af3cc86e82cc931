import { portBase } from '@shareforyou/schema';

/**
 * The local stand-ins. Users: a local OpenID Connect provider (tools/src/identity/) shaped like NHS
 * CIS2, on port base + 8, whose issuer is its own URL; the gateway verifies user tokens by that
 * issuer's JWKS unless OIDC_ISSUER points at CIS2. Feeds: system tokens under a fixed issuer name
 * (the integration platform's stand-in), with their own key pair.
 */
export const DEV_ISSUER = 'https://dev-idp.shareforyou.local';
export const USER_AUDIENCE = 'shareforyou-care-record';
export const FEED_AUDIENCE = 'shareforyou-feeds';

export const IDENTITY_PROVIDER_OFFSET = 8;

/** The local provider's issuer: its own URL, as OpenID Connect discovery requires. */
export function devUserIssuer(env: NodeJS.ProcessEnv = process.env): string {
  return `http://127.0.0.1:${portBase(env) + IDENTITY_PROVIDER_OFFSET}`;
}
