/**
 * The local stand-in for NHS CIS2 and for the feeds' integration platform: one issuer, one RSA key
 * in .secrets/. The gateway verifies user tokens against it unless OIDC_JWKS_URI is set.
 */
export const DEV_ISSUER = 'https://dev-idp.shareforyou.local';
export const USER_AUDIENCE = 'shareforyou-care-record';
export const FEED_AUDIENCE = 'shareforyou-feeds';
