import jwt from 'jsonwebtoken';
import { DEV_ISSUER, FEED_AUDIENCE } from '../devIdentityProvider';
import { readKey } from '../secrets';

/**
 * System credentials for source feeds: a token naming one organisation (ODS code), for the feed
 * audience only. A user's token has another audience and is refused. Signed with a key of its own
 * (FEED_TOKEN_PUBLIC_KEY in production, from the integration platform; locally npm run token --
 * --system <ODS>), never with the user identity provider's.
 */

const ALGORITHM = 'RS256';

export interface FeedSystem {
  systemId: string;
  odsCode: string;
}

export function signSystemToken(odsCode: string, lifetimeSeconds = 3600): string {
  return jwt.sign({ org: odsCode, token_use: 'feed' }, readKey('feedTokenSigningKey', 'private'), {
    algorithm: ALGORITHM,
    issuer: DEV_ISSUER,
    audience: FEED_AUDIENCE,
    subject: `system:${odsCode}`,
    expiresIn: lifetimeSeconds,
  });
}

export function verifySystemToken(authorization: string | undefined): FeedSystem {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  if (!match) throw new Error('Send the feed\'s system token as "Authorization: Bearer <token>" (locally: npm run token -- --system <ODS>).');
  let claims: { sub?: string; org?: string; token_use?: string };
  try {
    claims = jwt.verify(match[1], readKey('feedTokenPublicKey', 'public'), {
      algorithms: [ALGORITHM],
      issuer: process.env.FEED_TOKEN_ISSUER ?? DEV_ISSUER,
      audience: FEED_AUDIENCE,
      clockTolerance: 30,
    }) as typeof claims;
  } catch (error) {
    throw new Error(refusalInOurWords(error));
  }
  if (claims.token_use !== 'feed' || !claims.org || !claims.sub) throw new Error('This is not a feed system token.');
  return { systemId: claims.sub, odsCode: claims.org };
}

/** Why a system token was refused, in this project's words (never the library's "jwt expired"). */
function refusalInOurWords(error: unknown): string {
  if (error instanceof jwt.TokenExpiredError) return 'the system token has expired: ask for a new one (locally: npm run token -- --system <ODS>).';
  if (error instanceof jwt.NotBeforeError) return 'the system token is not valid yet: check the sending system\'s clock.';
  const message = error instanceof Error ? error.message : '';
  if (/signature/.test(message)) return 'the system token is not signed by the key this record trusts for feeds.';
  if (/audience/.test(message)) return 'the system token is not for the feeds of this record (wrong audience).';
  if (/issuer/.test(message)) return 'the system token was issued by an issuer this record does not trust.';
  if (/algorithm/.test(message)) return 'the system token is signed with an algorithm this record does not accept.';
  return 'the system token is not a well-formed signed token.';
}
