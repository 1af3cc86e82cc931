import * as oauth from 'oauth4webapi';

/**
 * Sign-in for the viewer: OpenID Connect authorization code with PKCE (oauth4webapi, a certified
 * relying-party library), against the local provider in development and NHS CIS2 in production.
 * The access token lives in this tab's sessionStorage only; the viewer keeps no other secret.
 */

export interface ViewerConfig {
  gatewayUrl: string;
  issuer: string;
  clientId: string;
}

const SCOPE = 'openid profile nationalrbacaccess care-record';
const KEY = 'shareforyou.signIn';
const redirectUri = () => `${window.location.origin}/`;

async function server(config: ViewerConfig) {
  const issuer = new URL(config.issuer);
  // The local provider is plain http on the loopback address; CIS2 is https.
  const options = issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
  return { as, options, client: { client_id: config.clientId } };
}

export async function beginSignIn(config: ViewerConfig): Promise<void> {
  const { as } = await server(config);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  // The provider returns to the origin's root (the registered redirect URI); then back to this page.
  sessionStorage.setItem(`${KEY}.pending`, JSON.stringify({ verifier, state, returnTo: window.location.pathname }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: SCOPE,
    state,
    prompt: 'login',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On return from the provider: exchanges the code (with the PKCE verifier) for the access token. */
export async function completeSignIn(config: ViewerConfig): Promise<boolean> {
  const current = new URL(window.location.href);
  if (!current.searchParams.has('code') && !current.searchParams.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(`${KEY}.pending`) ?? 'null') as { verifier: string; state: string; returnTo?: string } | null;
  sessionStorage.removeItem(`${KEY}.pending`);
  window.history.replaceState(null, '', /^\/(?!\/)/.test(pending?.returnTo ?? '') ? pending!.returnTo! : '/');
  if (!pending) throw new Error('The sign-in was not started from this tab: sign in again.');
  const { as, client, options } = await server(config);
  const params = oauth.validateAuthResponse(as, client, current, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, options);
  const result = await oauth.processAuthorizationCodeResponse(as, client, response);
  sessionStorage.setItem(`${KEY}.token`, result.access_token);
  return true;
}

export const currentToken = () => sessionStorage.getItem(`${KEY}.token`);

export async function signOut(config: ViewerConfig): Promise<void> {
  sessionStorage.removeItem(`${KEY}.token`);
  const { as } = await server(config);
  const end = as.end_session_endpoint ? new URL(as.end_session_endpoint) : undefined;
  if (end) {
    end.searchParams.set('client_id', config.clientId);
    end.searchParams.set('post_logout_redirect_uri', redirectUri());
    window.location.assign(end.toString());
  } else window.location.assign('/');
}
