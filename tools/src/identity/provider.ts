import express from 'express';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { readSecret, USER_AUDIENCE } from '@shareforyou/kit';
import { demoUsers } from '../demo/users';
import { cis2Claims, rolesOf } from './claims';
import { devSigningKey, SIGNING_ALGORITHM } from './keys';
import { signInRoutes } from './signInPage';

/**
 * The local OpenID Connect provider, on the certified oidc-provider library, behaving like NHS CIS2
 * where the care record depends on it: discovery, JWKS, authorization code with PKCE (S256, always),
 * CIS2's claims (selected_roleid, nhsid_nrbac_roles, name) and a sign-in page where a demo user picks
 * who they are and which role. Access tokens for the care record are JWTs (RFC 9068) with audience
 * shareforyou-care-record, signed RS256 with the key the JWKS publishes. Development only.
 */

export const CARE_RECORD_RESOURCE = 'urn:shareforyou:care-record';
export const CARE_RECORD_SCOPE = 'care-record';
/** OpenID scopes, as CIS2's (nationalrbacaccess: the role claims). The record's scope belongs to its resource. */
export const SCOPES = ['openid', 'profile', 'nationalrbacaccess'];
const ACCESS_TOKEN_SECONDS = 8 * 3600;

export interface PublicClient {
  clientId: string;
  /** Origins whose root page is a redirect URI (the viewer, the example host). */
  origins: string[];
}

export function createIdentityProvider(issuer: string, clients: PublicClient[]) {
  const key = devSigningKey();
  // The role chosen at sign-in, per grant: it becomes selected_roleid in every token of that grant.
  const selectedRoles = new Map<string, string>();
  const allowedOrigins = new Set(clients.flatMap((c) => c.origins));

  const userById = (id: string) => demoUsers.find((u) => u.userId === id);
  const configuration: Configuration = {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: c.origins.map((o) => `${o}/`),
      post_logout_redirect_uris: c.origins.map((o) => `${o}/`),
    })),
    jwks: { keys: [key.privateJwk as any] },
    cookies: { keys: [readSecret('devIdentityCookieKey')] },
    responseTypes: ['code'],
    pkce: { required: () => true, methods: ['S256'] },
    scopes: SCOPES,
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], nationalrbacaccess: ['selected_roleid', 'nhsid_nrbac_roles'] },
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALGORITHM] },
    ttl: { AccessToken: ACCESS_TOKEN_SECONDS, IdToken: 3600, Session: ACCESS_TOKEN_SECONDS, Grant: ACCESS_TOKEN_SECONDS, Interaction: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => CARE_RECORD_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== CARE_RECORD_RESOURCE) throw new errors.InvalidTarget(`the only resource here is ${CARE_RECORD_RESOURCE}`);
          return { scope: CARE_RECORD_SCOPE, audience: USER_AUDIENCE, accessTokenTTL: ACCESS_TOKEN_SECONDS, accessTokenFormat: 'jwt', jwt: { sign: { alg: SIGNING_ALGORITHM } } };
        },
      },
    },
    findAccount: (ctx, sub) => {
      const user = userById(sub);
      if (!user) return undefined;
      const grantId = (ctx.oidc?.entities as { Grant?: { jti: string } } | undefined)?.Grant?.jti;
      return { accountId: sub, claims: () => ({ sub, ...cis2Claims(user, (grantId && selectedRoles.get(grantId)) || undefined) }) };
    },
    extraTokenClaims: (_ctx, token) => {
      const { accountId, grantId } = token as { accountId?: string; grantId?: string };
      const user = accountId ? userById(accountId) : undefined;
      return user ? cis2Claims(user, (grantId && selectedRoles.get(grantId)) || undefined) : undefined;
    },
  };
  const provider = new Provider(issuer, configuration);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ identity: 'ok' });
  });
  app.use(
    signInRoutes(provider, async (params, userId, roleId) => {
      const user = userById(userId);
      if (!user || !rolesOf(user).some((r) => r.roleId === roleId)) throw new Error('unknown user or role');
      const grant = new provider.Grant({ accountId: userId, clientId: String(params.client_id) });
      grant.addOIDCScope(SCOPES.join(' '));
      grant.addResourceScope(CARE_RECORD_RESOURCE, CARE_RECORD_SCOPE);
      const grantId = await grant.save();
      selectedRoles.set(grantId, roleId);
      return grantId;
    }, [...allowedOrigins]),
  );
  app.use(provider.callback());
  return app;
}
