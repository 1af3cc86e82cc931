import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { USER_AUDIENCE } from '@shareforyou/kit';
import { cis2Claims } from '../../tools/src/identity/claims';
import { devSigningKey } from '../../tools/src/identity/keys';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, codes, gatewayPost, MARGARET, PETER } from '../support/clients';
import { exchangeCode, issuer, startSignIn } from '../support/signIn';
import { stackInfo } from '../support/stackInfo';

const nameQuery = () => `{ patient(nhsNumber: "${MARGARET()}") { name { text } } }`;

describe('the local OpenID Connect provider', () => {
  it('publishes discovery and JWKS as CIS2 does: its own URL as issuer, code flow with S256 PKCE only', async () => {
    const discovery = (await (await fetch(`${issuer()}/.well-known/openid-configuration`)).json()) as Record<string, any>;
    expect(discovery.issuer).toBe(issuer());
    expect(discovery.response_types_supported).toEqual(['code']);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'nationalrbacaccess']));
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Array<Record<string, string>> };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: devSigningKey().kid })]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
  });

  it('the GP signs in on its page and gets an access token with CIS2 claims that the gateway accepts', async () => {
    const signIn = await startSignIn();
    expect(signIn.page).toContain('Who are you?');
    expect(signIn.page).toContain('Dr Aisha Rahman');
    const { code } = await signIn.finish({ user: findDemoUser('gp').userId });
    expect(code).toBeTruthy();
    const token = await exchangeCode(code!, signIn.verifier);
    expect(token.status).toBe(200);
    expect(token.cors).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const claims = jwt.decode(token.body.access_token) as Record<string, any>;
    expect(claims).toMatchObject({
      iss: issuer(),
      aud: USER_AUDIENCE,
      sub: 'demo-gp-aisha-rahman',
      name: 'Dr Aisha Rahman',
      family_name: 'Rahman',
      selected_roleid: 'role-demo-gp-aisha-rahman',
      nhsid_nrbac_roles: [{ person_roleid: 'role-demo-gp-aisha-rahman', org_code: 'P83005', role_code: 'S0000:G0000:R8000', role_name: 'Clinical Practitioner Access Role' }],
    });
    const idToken = jwt.decode(token.body.id_token) as Record<string, any>;
    expect(idToken).toMatchObject({ iss: issuer(), sub: 'demo-gp-aisha-rahman', selected_roleid: 'role-demo-gp-aisha-rahman' });
    const response = await gatewayPost({ authorization: `Bearer ${token.body.access_token}` }, nameQuery());
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.name.text).toBe('Margaret Joan ASHWORTH');
  });

  it('a user with several roles picks one, and that role is the selected one in the token', async () => {
    const nurse = findDemoUser('community-nurse');
    const signIn = await startSignIn();
    const second = `role-${nurse.userId}-2`;
    const { code } = await signIn.finish({ user: nurse.userId, role: second });
    const token = await exchangeCode(code!, signIn.verifier);
    const claims = jwt.decode(token.body.access_token) as Record<string, any>;
    expect(claims.selected_roleid).toBe(second);
    expect(claims.nhsid_nrbac_roles.map((r: { org_code: string }) => r.org_code)).toEqual(['NR5', 'P83005']);
  });

  it("an EHR launch (SMART): the clinical system's user and role are signed in without the page, and the token response names the patient; the launch opens once; another aud is refused", async () => {
    const gatewayFhir = `${new URL(stackInfo().gatewayUrl).origin}/fhir`;
    const launch = async (as: string) => {
      const response = await fetch(`${issuer()}/launch-simulator`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ as, patient: MARGARET() }).toString() });
      expect(response.status).toBe(303);
      const to = new URL(response.headers.get('location')!);
      expect(to.pathname).toBe('/launch');
      expect(to.searchParams.get('iss')).toBe(gatewayFhir);
      return to.searchParams.get('launch')!;
    };
    const nurse = findDemoUser('community-nurse');
    const id = await launch(`${nurse.userId} role-${nurse.userId}-2`);
    const scope = 'openid profile nationalrbacaccess care-record launch fhirUser patient/*.rs';
    const signIn = await startSignIn({ extra: { launch: id, aud: gatewayFhir, scope } });
    const code = new URL(signIn.redirect).searchParams.get('code');
    expect(code).toBeTruthy();
    const token = await exchangeCode(code!, signIn.verifier);
    expect(token.body).toMatchObject({ patient: MARGARET(), need_patient_banner: true });
    const claims = jwt.decode(token.body.access_token) as Record<string, any>;
    expect(claims).toMatchObject({ sub: nurse.userId, selected_roleid: `role-${nurse.userId}-2`, patient: MARGARET() });
    expect(claims.scope.split(' ')).toEqual(expect.arrayContaining(['care-record', 'patient/*.rs']));
    expect((jwt.decode(token.body.id_token) as Record<string, any>).fhirUser).toMatch(new RegExp(`/Practitioner/${nurse.userId}$`));
    // The token is the nurse's, in the chosen role: the gateway takes it like any other.
    expect(codes(await gatewayPost({ authorization: `Bearer ${token.body.access_token}` }, nameQuery()))).toEqual([]);
    // Used once.
    const again = await startSignIn({ extra: { launch: id, aud: gatewayFhir, scope } });
    expect(again.page).toMatch(/unknown, used or expired/);
    // A launch never widens access: a clinic that has not signed the data sharing framework gets a token the record still refuses.
    const outsider = findDemoUser('non-party');
    const outsiderSignIn = await startSignIn({ extra: { launch: await launch(`${outsider.userId} role-${outsider.userId}`), aud: gatewayFhir, scope } });
    const outsiderToken = await exchangeCode(new URL(outsiderSignIn.redirect).searchParams.get('code')!, outsiderSignIn.verifier);
    expect(outsiderToken.body.patient).toBe(MARGARET());
    expect(codes(await gatewayPost({ authorization: `Bearer ${outsiderToken.body.access_token}` }, nameQuery()))).toEqual(['ORGANISATION_NOT_PARTY']);
    // A launch for another FHIR server: refused by the provider too.
    const elsewhere = await startSignIn({ extra: { launch: await launch(`${findDemoUser('gp').userId} role-${findDemoUser('gp').userId}`), aud: 'https://fhir.elsewhere.invalid/r4', scope } });
    expect(new URL(elsewhere.redirect).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(elsewhere.redirect).searchParams.get('code')).toBeNull();
  });

  it("a launch asking for the patient in context only (patient/*.rs, no care-record) opens that patient's record and no other, by either door; no break-glass or trace around it", async () => {
    const gatewayFhir = `${new URL(stackInfo().gatewayUrl).origin}/fhir`;
    const gp = findDemoUser('gp');
    const response = await fetch(`${issuer()}/launch-simulator`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ as: `${gp.userId} role-${gp.userId}`, patient: MARGARET() }).toString() });
    const launch = new URL(response.headers.get('location')!).searchParams.get('launch')!;
    const signIn = await startSignIn({ extra: { launch, aud: gatewayFhir, scope: 'openid profile nationalrbacaccess launch fhirUser patient/*.rs' } });
    const token = await exchangeCode(new URL(signIn.redirect).searchParams.get('code')!, signIn.verifier);
    const claims = jwt.decode(token.body.access_token) as Record<string, any>;
    expect(claims.scope.split(' ')).not.toContain('care-record');
    expect(claims.patient).toBe(MARGARET());
    const launched = asUser('gp', { token: token.body.access_token });
    const name = (nhsNumber: string) => `{ patient(nhsNumber: "${nhsNumber}") { name { text } } }`;

    // The GP's practice cares for Peter too: the GP's ordinary sign-in opens him.
    expect(codes(await asUser('gp').query(name(PETER())))).toEqual([]);
    expect(codes(await launched.query(name(MARGARET())))).toEqual([]);
    const refused = await launched.query(name(PETER()));
    expect(refused.data?.patient ?? null).toBeNull();
    expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([['FORBIDDEN_ACTION', 'outside-launch-context']]);
    expect(refused.errors?.[0].message).toMatch(/opened from your clinical system for one patient/);
    // The viewer is told so: the patient it is limited to, and no trace (the ordinary sign-in may trace).
    expect((await launched.query('{ myAccess { traceAllowed launchPatient } }')).data?.myAccess).toEqual({ traceAllowed: false, launchPatient: MARGARET() });
    expect((await asUser('gp').query('{ myAccess { traceAllowed launchPatient } }')).data?.myAccess).toEqual({ traceAllowed: true, launchPatient: null });

    const fhir = (path: string) => fetch(`${gatewayFhir}/${path}`, { headers: { authorization: `Bearer ${token.body.access_token}` } });
    expect((await fhir(`Patient/${MARGARET()}/$summary`)).status).toBe(200);
    const summary = await fhir(`Patient/${PETER()}/$summary`);
    expect(summary.status).toBe(403);
    expect(JSON.stringify(await summary.json())).toContain('FORBIDDEN_ACTION');
    expect((await fhir(`AllergyIntolerance?patient=${PETER()}`)).status).toBe(403);

    const breakGlass = await launched.query(`mutation { declareBreakGlass(nhsNumber: "${PETER()}", reason: EMERGENCY_CARE, detail: "Collapsed in the waiting room") { id } }`);
    expect(codes(breakGlass)).toEqual(['FORBIDDEN_ACTION']);
    const trace = await launched.query('{ patientSearch(familyName: "Holroyd", birthDate: "1958-09-02") { nhsNumber } }');
    expect(codes(trace)).toEqual(['FORBIDDEN_ACTION']);
  });

  it('refuses an authorization request without PKCE, and a code redeemed without its verifier', async () => {
    const withoutPkce = await startSignIn({ codeChallenge: null });
    expect(withoutPkce.page).not.toContain('Who are you?');
    expect(withoutPkce.page).toMatch(/code_challenge|PKCE/i);

    const signIn = await startSignIn();
    const { code } = await signIn.finish({ user: findDemoUser('gp').userId });
    const wrong = await exchangeCode(code!, 'not-the-verifier-not-the-verifier-not-the-verifier');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
  });
});

describe('the gateway verifies user tokens by the issuer JWKS', () => {
  const claims = () => cis2Claims(findDemoUser('gp'));
  const key = () => devSigningKey();
  const sign = (options: jwt.SignOptions, secret: string = key().privateKeyPem) =>
    jwt.sign(claims(), secret, { algorithm: 'RS256', keyid: key().kid, issuer: issuer(), audience: USER_AUDIENCE, subject: 'demo-gp-aisha-rahman', expiresIn: 600, ...options });

  it('accepts the provider key, issuer and audience', async () => {
    expect((await gatewayPost({ authorization: `Bearer ${sign({})}` }, nameQuery())).errors).toBeUndefined();
  });

  it('refuses a token with patient/ scopes alone that names no patient: it opens no record', async () => {
    const response = await gatewayPost({ authorization: `Bearer ${jwt.sign({ ...claims(), scope: 'patient/*.rs' }, key().privateKeyPem, { algorithm: 'RS256', keyid: key().kid, issuer: issuer(), audience: USER_AUDIENCE, subject: 'demo-gp-aisha-rahman', expiresIn: 600 })}` }, nameQuery());
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0].message).toMatch(/names none/);
  });

  it.each([
    ['another issuer', () => sign({ issuer: 'https://elsewhere.example' })],
    ['another audience', () => sign({ audience: 'another-service' })],
    ['a key the JWKS does not publish', () => sign({ keyid: 'unknown' }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())],
    ['the right key id but another key', () => sign({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())],
    ['an unpinned algorithm (HS256)', () => jwt.sign(claims(), 'shared-secret', { algorithm: 'HS256', issuer: issuer(), audience: USER_AUDIENCE, subject: 'x', expiresIn: 600 })],
  ])('refuses a token with %s as UNAUTHENTICATED', async (_what, make) => {
    const response = await gatewayPost({ authorization: `Bearer ${make()}` }, nameQuery());
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });
});
