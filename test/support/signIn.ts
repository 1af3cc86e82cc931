import { createHash, randomBytes } from 'node:crypto';
import { VIEWER_CLIENT_ID } from '../../tools/src/identity/clients';
import { viewerOrigin } from '../../tools/src/stack/ports';
import { stackInfo } from './stackInfo';

/**
 * The authorization code flow with PKCE against the local provider, as a browser would walk it:
 * following redirects by hand with a small cookie jar, and submitting the sign-in page's forms.
 */

export const issuer = () => `http://127.0.0.1:${stackInfo().portBase + 8}`;

class Browser {
  private cookies = new Map<string, string>();
  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
  /** Follows redirects until one leaves the provider (to the client's redirect URI) or a page is shown. */
  async follow(response: Response): Promise<{ response: Response; url: string }> {
    let url = response.url;
    while (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, issuer()).toString();
      if (!url.startsWith(issuer())) return { response, url };
      response = await this.go(url);
    }
    return { response, url };
  }
  form(url: string, fields: Record<string, string>) {
    return this.go(new URL(url, issuer()).toString(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  }
}

export interface SignIn {
  page: string;
  /** Where the first walk of redirects ended: the client's redirect URI when no page was shown (an EHR launch). */
  redirect: string;
  browser: Browser;
  finish: (fields: Record<string, string>) => Promise<{ code: string | null; page: string; redirect: string }>;
  verifier: string;
}

export async function startSignIn(options: { codeChallenge?: string | null; extra?: Record<string, string> } = {}): Promise<SignIn> {
  const browser = new Browser();
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const params = new URLSearchParams({
    client_id: VIEWER_CLIENT_ID,
    redirect_uri: `${viewerOrigin(stackInfo().portBase)}/`,
    response_type: 'code',
    scope: 'openid profile nationalrbacaccess care-record',
    state: randomBytes(8).toString('hex'),
    prompt: 'login',
    ...options.extra,
  });
  if (options.codeChallenge !== null) {
    params.set('code_challenge', options.codeChallenge ?? challenge);
    params.set('code_challenge_method', 'S256');
  }
  const { response, url } = await browser.follow(await browser.go(`${issuer()}/auth?${params}`));
  const page = await response.text();
  return {
    page,
    redirect: url,
    browser,
    verifier,
    async finish(fields) {
      const action = /action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`no sign-in form on the page: ${page.slice(0, 300)}`);
      let result = await browser.follow(await browser.form(action, fields));
      let text = result.response.status === 200 ? await result.response.text() : '';
      // A user with several roles gets a second form: the role.
      if (fields.role && /action="([^"]+\/role)"/.test(text)) {
        result = await browser.follow(await browser.form(/action="([^"]+)"/.exec(text)![1], fields));
        text = result.response.status === 200 ? await result.response.text() : '';
      }
      return { code: new URL(result.url).searchParams.get('code'), page: text, redirect: result.url };
    },
  };
}

export async function exchangeCode(code: string, verifier: string) {
  const response = await fetch(`${issuer()}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: viewerOrigin(stackInfo().portBase) },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: VIEWER_CLIENT_ID, redirect_uri: `${viewerOrigin(stackInfo().portBase)}/` }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any>, cors: response.headers.get('access-control-allow-origin') };
}
