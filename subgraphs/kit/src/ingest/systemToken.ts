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
  const claims = jwt.verify(match[1], readKey('feedTokenPublicKey', 'public'), {
    algorithms: [ALGORITHM],
    issuer: process.env.FEED_TOKEN_ISSUER ?? DEV_ISSUER,
    audience: FEED_AUDIENCE,
    clockTolerance: 30,
  }) as { sub?: string; org?: string; token_use?: string };
  if (claims.token_use !== 'feed' || !claims.org || !claims.sub) throw new Error('This is not a feed system token.');
  return { systemId: claims.sub, odsCode: claims.org };
}
