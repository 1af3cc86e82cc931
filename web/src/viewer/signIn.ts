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
  /** This care record's FHIR base: the only `iss` an EHR launch may name. */
  fhirBase: string;
}

const SCOPE = 'openid profile nationalrbacaccess care-record';
/** An EHR launch asks for the patient in context only (no care-record): the token opens that one record and no other. */
const LAUNCH_SCOPE = 'openid profile nationalrbacaccess launch fhirUser patient/*.rs';
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
  await authorize(config, {});
}

/**
 * SMART on FHIR EHR launch: a clinical system opened /launch?iss=<FHIR base>&launch=<opaque>. The
 * launch is honoured only for this care record's own FHIR base (a launch naming another server
 * would send the user's sign-in there); the provider then signs in the clinical system's user and
 * names the patient in context, whose record opens at once.
 */
export async function beginLaunch(config: ViewerConfig, launchUrl: URL): Promise<void> {
  const iss = launchUrl.searchParams.get('iss') ?? '';
  const launch = launchUrl.searchParams.get('launch') ?? '';
  if (!launch) throw new Error('This launch did not say which launch it is (no "launch" parameter): open the record again from your clinical system.');
  if (iss.replace(/\/$/, '') !== config.fhirBase.replace(/\/$/, '')) {
    throw new Error(`This launch names ${iss || 'no FHIR server'} as its record, not this care record (${config.fhirBase}): it was refused. Ask your system administrator to check the launch address.`);
  }
  await authorize(config, { launch, aud: config.fhirBase, scope: LAUNCH_SCOPE });
}

async function authorize(config: ViewerConfig, extra: Record<string, string>): Promise<void> {
  const { as } = await server(config);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  // The provider returns to the origin's root (the registered redirect URI); then back to this page (a launch to the record itself).
  const returnTo = extra.launch ? '/' : window.location.pathname;
  sessionStorage.setItem(`${KEY}.pending`, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(as.authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    response_type: 'code',
    scope: SCOPE,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    // Always an interaction: a launch is signed in as the launching system's user, never as whoever signed in here before.
    prompt: 'login',
    ...extra,
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
  // SMART: the patient open in the clinical system that launched the viewer.
  if (typeof result.patient === 'string') sessionStorage.setItem(`${KEY}.launchPatient`, result.patient);
  return true;
}

export const currentToken = () => sessionStorage.getItem(`${KEY}.token`);

/** The patient an EHR launch put in context, once: the viewer opens that record, then forgets it. */
export function takeLaunchPatient(): string | null {
  const patient = sessionStorage.getItem(`${KEY}.launchPatient`);
  sessionStorage.removeItem(`${KEY}.launchPatient`);
  return patient;
}

/** The state the provider's sign-out returns with: the viewer then shows its signed-out page. */
export const SIGNED_OUT_STATE = 'signed-out';

/** Ends the session here and at the provider, which returns to the viewer's signed-out page. */
export async function signOut(config: ViewerConfig): Promise<void> {
  sessionStorage.clear();
  const { as } = await server(config);
  const end = as.end_session_endpoint ? new URL(as.end_session_endpoint) : undefined;
  if (end) {
    end.searchParams.set('client_id', config.clientId);
    end.searchParams.set('post_logout_redirect_uri', redirectUri());
    end.searchParams.set('state', SIGNED_OUT_STATE);
    window.location.assign(end.toString());
  } else window.location.assign('/');
}
