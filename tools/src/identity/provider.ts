import express from 'express';
import Provider, { errors, type Configuration } from 'oidc-provider';
import { CARE_RECORD_SCOPE, readSecret, USER_AUDIENCE } from '@shareforyou/kit';
import { demoUsers } from '../demo/users';
import { cis2Claims, rolesOf } from './claims';
import { devSigningKey, SIGNING_ALGORITHM } from './keys';
import { LaunchContexts } from './launchContext';
import { launchSimulatorRoutes, type LaunchTarget } from './launchSimulator';
import { page, signInRoutes } from './signInPage';

/**
 * The local OpenID Connect provider, on the certified oidc-provider library, behaving like NHS CIS2
 * where the care record depends on it: discovery, JWKS, authorization code with PKCE (S256, always),
 * CIS2's claims (selected_roleid, nhsid_nrbac_roles, name) and a sign-in page where a demo user picks
 * who they are and which role. Access tokens for the care record are JWTs (RFC 9068) with audience
 * shareforyou-care-record, signed RS256 with the key the JWKS publishes. It also plays a clinical
 * system for SMART on FHIR EHR launch (/launch-simulator): a request with a `launch` it issued is
 * signed in as that system's user, and the token response names the patient in context (`patient`,
 * `need_patient_banner`) as SMART App Launch 2.0 says. Development only.
 */

export const CARE_RECORD_RESOURCE = 'urn:shareforyou:care-record';
/** OpenID scopes, as CIS2's (nationalrbacaccess: the role claims). The record's scope belongs to its resource. */
export const SCOPES = ['openid', 'profile', 'nationalrbacaccess'];
/** SMART App Launch's scopes: `launch` (EHR launch), `fhirUser` (who is signed in, as a FHIR reference). */
export const SMART_SCOPES = ['launch', 'fhirUser'];
/**
 * The resource scopes a client may ask for. The record's own controls decide what is read (the
 * user's role, care relationship, break-glass); `patient/*.rs` alone narrows that to the patient
 * of the launch (kit tokenRules launchPatientOf). A client asking for none gets care-record.
 */
const RESOURCE_SCOPES = [CARE_RECORD_SCOPE, 'patient/*.rs', 'user/*.rs'];

/** The resource scopes granted for what the client asked. */
export function grantedResourceScopes(asked: Set<string>): string[] {
  const granted = RESOURCE_SCOPES.filter((s) => asked.has(s));
  return granted.length ? granted : [CARE_RECORD_SCOPE];
}
const ACCESS_TOKEN_SECONDS = 8 * 3600;

export interface PublicClient {
  clientId: string;
  /** Origins whose root page is a redirect URI (the viewer, the example host). */
  origins: string[];
}

export function createIdentityProvider(issuer: string, clients: PublicClient[], launchTarget?: LaunchTarget) {
  const key = devSigningKey();
  // The role chosen at sign-in, per grant: it becomes selected_roleid in every token of that grant.
  const selectedRoles = new Map<string, string>();
  // The patient of an EHR launch, per grant: the token response names it.
  const launchPatients = new Map<string, string>();
  const launches = new LaunchContexts();
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
    scopes: [...SCOPES, ...SMART_SCOPES],
    // launch: the opaque EHR launch id; aud: the FHIR server the client will call (SMART requires it, checked below).
    extraParams: {
      launch: null,
      aud: async (_ctx, value) => {
        if (value !== undefined && launchTarget && value !== launchTarget.fhirBase) throw new errors.InvalidRequest(`aud must be this care record's FHIR base, ${launchTarget.fhirBase}`);
      },
    },
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], nationalrbacaccess: ['selected_roleid', 'nhsid_nrbac_roles'], fhirUser: ['fhirUser'] },
    clientBasedCORS: (_ctx, origin) => allowedOrigins.has(origin),
    enabledJWA: { idTokenSigningAlgValues: [SIGNING_ALGORITHM] },
    ttl: { AccessToken: ACCESS_TOKEN_SECONDS, IdToken: 3600, Session: ACCESS_TOKEN_SECONDS, Grant: ACCESS_TOKEN_SECONDS, Interaction: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // Our own pages, in the sign-in page's style: both choices sign out of the record (the client's grant is revoked either way), so they say so.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign out',
            `<h1>Sign out</h1><p>You are signing out of the ShareforYou Care Record.</p>${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out of everything</button></p>
<p>This also ends your sign-in for any other application that uses it.</p>
<p><button type="submit" form="op.logoutForm" class="secondary">Sign out of the care record only</button></p>
<p>You stay signed in for other applications.</p>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = page('Signed out', '<h1>You have signed out</h1><p>Close this window, or open the care record again to sign in.</p>');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => CARE_RECORD_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== CARE_RECORD_RESOURCE) throw new errors.InvalidTarget(`the only resource here is ${CARE_RECORD_RESOURCE}`);
          return { scope: RESOURCE_SCOPES.join(' '), audience: USER_AUDIENCE, accessTokenTTL: ACCESS_TOKEN_SECONDS, accessTokenFormat: 'jwt', jwt: { sign: { alg: SIGNING_ALGORITHM } } };
        },
      },
    },
    findAccount: (ctx, sub) => {
      const user = userById(sub);
      if (!user) return undefined;
      const grantId = (ctx.oidc?.entities as { Grant?: { jti: string } } | undefined)?.Grant?.jti;
      return { accountId: sub, claims: () => ({ sub, fhirUser: `${issuer}/Practitioner/${sub}`, ...cis2Claims(user, (grantId && selectedRoles.get(grantId)) || undefined) }) };
    },
    extraTokenClaims: (_ctx, token) => {
      const { accountId, grantId } = token as { accountId?: string; grantId?: string };
      const user = accountId ? userById(accountId) : undefined;
      if (!user) return undefined;
      const patient = grantId ? launchPatients.get(grantId) : undefined;
      return { ...cis2Claims(user, (grantId && selectedRoles.get(grantId)) || undefined), ...(patient ? { patient } : {}) };
    },
  };
  const provider = new Provider(issuer, configuration);
  // SMART: the token response of a launched grant names the patient in context (copied from the access token just issued).
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { access_token?: string } | undefined;
    if (ctx.path !== '/token' || ctx.status !== 200 || typeof body?.access_token !== 'string') return;
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString() || '{}') as { patient?: string };
    if (claims.patient) Object.assign(body, { patient: claims.patient, need_patient_banner: true });
  });

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ identity: 'ok' });
  });
  app.use(
    signInRoutes(provider, async (params, userId, roleId, launch) => {
      const user = userById(userId);
      if (!user || !rolesOf(user).some((r) => r.roleId === roleId)) throw new Error('unknown user or role');
      const grant = new provider.Grant({ accountId: userId, clientId: String(params.client_id) });
      const asked = new Set(String(params.scope ?? '').split(' '));
      grant.addOIDCScope([...SCOPES, ...SMART_SCOPES.filter((s) => asked.has(s))].join(' '));
      grant.addResourceScope(CARE_RECORD_RESOURCE, grantedResourceScopes(asked).join(' '));
      const grantId = await grant.save();
      selectedRoles.set(grantId, roleId);
      if (launch) launchPatients.set(grantId, launch.patient);
      return grantId;
    }, [...allowedOrigins], launches),
  );
  if (launchTarget) app.use(launchSimulatorRoutes(launches, launchTarget));
  app.use(provider.callback());
  return app;
}
