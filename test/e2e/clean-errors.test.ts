import jwt from 'jsonwebtoken';
import { generateKeyPairSync } from 'node:crypto';
import { DEV_ISSUER, devUserIssuer, IDENTITY_HEADER, readSecret, signGatewayIdentity, USER_AUDIENCE } from '@shareforyou/kit';
import { devSigningKey } from '../../tools/src/identity/keys';
import { subgraphUrl } from '@shareforyou/schema';
import { findDemoUser } from '../../tools/src/demo/users';
import { asGatewayFor, asUser, MARGARET } from '../support/clients';
import { INTERNAL_TEXT } from '../support/internalText';
import { stackInfo } from '../support/stackInfo';

/** Every error is JSON with the right status, and says nothing of the internals. */

const subgraph = (name: string, path = '/graphql') => subgraphUrl(name, { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) }).replace(/\/graphql$/, path);

async function raw(url: string, init: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, body: JSON.parse(text) };
}

/** Signed as a string, so jsonwebtoken signs claims of any shape (as a faulty issuer might). */
function signUser(claims: Record<string, unknown>, options: { subject?: string; expiresIn?: number } = {}) {
  const iat = Math.floor(Date.now() / 1000);
  const all = { iss: devUserIssuer(), aud: USER_AUDIENCE, iat, ...(options.subject ? { sub: options.subject } : {}), ...(options.expiresIn ? { exp: iat + options.expiresIn } : {}), ...claims };
  // Signed by the local provider's key (its key id in the header), so only the claims are at fault.
  const key = devSigningKey();
  return jwt.sign(JSON.stringify(all), key.privateKeyPem, { algorithm: 'RS256', keyid: key.kid });
}

const gp = findDemoUser('gp');
const roles = [{ person_roleid: 'r1', org_code: gp.odsCode, role_code: `S0000:G0000:${gp.jobRole}` }];
const RECORD = () => JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET()}") { name { text } } }` });
const asBearer = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

describe('the gateway', () => {
  it('a malformed JSON body is a 400 GraphQL error in JSON, not an HTML page', async () => {
    const answer = await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(asUser('gp').token), body: '{"query": "{ patient' });
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/application\/json/);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('a query over the token limit is a 400, never a 500', async () => {
    const fields = Array.from({ length: 5200 }, () => 'nhsNumber').join(' ');
    const answer = await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(asUser('gp').token), body: JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET()}") { ${fields} } }` }) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('an unknown path is a JSON 404', async () => {
    const answer = await raw(stackInfo().gatewayUrl.replace(/\/graphql$/, '/wp-admin'), { method: 'GET' });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('answers carry the request id, so the operator can find the request in the logs', async () => {
    const response = await fetch(stackInfo().gatewayUrl, { method: 'POST', headers: { ...asBearer(asUser('gp').token), 'x-request-id': 'clean-errors-0001' }, body: RECORD() });
    expect(response.headers.get('x-request-id')).toBe('clean-errors-0001');
  });

  it('liveness and readiness answer separately', async () => {
    const base = stackInfo().gatewayUrl.replace(/\/graphql$/, '');
    expect((await raw(`${base}/health/live`, {})).body).toEqual({ service: 'gateway', live: true });
    expect((await raw(`${base}/health/ready`, {})).status).toBe(200);
  });
});

describe('strict user tokens', () => {
  const refused = async (token: string) => {
    const answer = await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(token), body: RECORD() });
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
    return answer.body.errors[0].message as string;
  };

  it('a well-formed token within the maximum lifetime is accepted', async () => {
    const answer = await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(signUser({ selected_roleid: 'r1', nhsid_nrbac_roles: roles }, { subject: gp.userId, expiresIn: 3600 })), body: RECORD() });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });

  it('a token without exp is refused', async () => {
    expect(await refused(signUser({ selected_roleid: 'r1', nhsid_nrbac_roles: roles }, { subject: gp.userId }))).toMatch(/no expiry/);
  });

  it('a token that lives longer than the maximum is refused', async () => {
    expect(await refused(signUser({ selected_roleid: 'r1', nhsid_nrbac_roles: roles }, { subject: gp.userId, expiresIn: 13 * 3600 }))).toMatch(/longer than/);
  });

  it.each([
    ['roles as a string', { selected_roleid: 'r1', nhsid_nrbac_roles: 'R8000' }],
    ['roles of numbers', { selected_roleid: 'r1', nhsid_nrbac_roles: [{ person_roleid: 1, org_code: 2, role_code: 3 }] }],
    ['a selected role that is a list', { selected_roleid: ['r1'], nhsid_nrbac_roles: roles }],
    ['a name that is an object', { name: { given: 'x' }, selected_roleid: 'r1', nhsid_nrbac_roles: roles }],
    ['exp as text', { exp: 'tomorrow', selected_roleid: 'r1', nhsid_nrbac_roles: roles }],
  ])('validly signed claims of the wrong shape (%s) are a 401, not a 500', async (_label, claims) => {
    await refused(signUser({ sub: gp.userId, exp: Math.floor(Date.now() / 1000) + 600, ...claims }));
  });
});

describe('the subgraphs', () => {
  it('a malformed JSON body on /graphql is a 400 in JSON', async () => {
    const answer = await raw(subgraph('gp'), { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signGatewayIdentity(asGatewayFor('gp').identity) }, body: '{"query":' });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('a malformed JSON body on /fhir is a 400 OperationOutcome in JSON', async () => {
    const answer = await raw(subgraph('gp', '/fhir'), { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: '{"resourceType": "Bund' });
    expect(answer.status).toBe(400);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('a feed system token without exp, or living too long, is refused with a 401 OperationOutcome', async () => {
    const key = readSecret('feedTokenSigningKey');
    const sign = (options: jwt.SignOptions) => jwt.sign({ org: 'P83005', token_use: 'feed' }, key, { algorithm: 'RS256', issuer: DEV_ISSUER, audience: 'shareforyou-feeds', subject: 'system:P83005', ...options });
    for (const token of [sign({}), sign({ expiresIn: 30 * 24 * 3600 })]) {
      const answer = await raw(subgraph('gp', '/fhir'), { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` }, body: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] }) });
      expect(answer.status).toBe(401);
      expect(answer.body.issue[0].code).toBe('security');
    }
  });

  it("an expired or forged feed token is refused in this project's words, never the library's (jwt expired, invalid signature)", async () => {
    const key = readSecret('feedTokenSigningKey');
    const now = Math.floor(Date.now() / 1000);
    const expired = jwt.sign({ org: 'P83005', token_use: 'feed', iat: now - 600, exp: now - 300 }, key, { algorithm: 'RS256', issuer: DEV_ISSUER, audience: 'shareforyou-feeds', subject: 'system:P83005' });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const forged = jwt.sign({ org: 'P83005', token_use: 'feed' }, privateKey, { algorithm: 'RS256', issuer: DEV_ISSUER, audience: 'shareforyou-feeds', subject: 'system:P83005', expiresIn: 300 });
    for (const [token, says] of [[expired, /has expired/], [forged, /not signed by the key this record trusts/]] as const) {
      const answer = await raw(subgraph('gp', '/fhir'), { method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` }, body: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] }) });
      expect(answer.status).toBe(401);
      expect(answer.body.issue[0].diagnostics).toMatch(says);
      expect(answer.text).not.toMatch(/jwt expired|invalid signature|jwt malformed/);
    }
  });

  it('readiness says whether the database and the audit store are reachable; liveness only that the process answers', async () => {
    const ready = await raw(subgraph('gp', '/health/ready'), {});
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ service: 'gp', ready: true, dependencies: { database: 'reachable', auditStore: 'reachable' } });
    expect((await raw(subgraph('gp', '/health/live'), {})).body).toEqual({ service: 'gp', live: true });
  });
});

describe('every refusal is counted on the gateway\'s /metrics by code (issue #21.2)', () => {
  const metricsUrl = () => stackInfo().gatewayUrl.replace(/\/graphql$/, '/metrics');
  const count = async (code: string, kind: string) => {
    const text = await (await fetch(metricsUrl())).text();
    const line = text.split('\n').find((l) => l.startsWith(`shareforyou_gateway_refusals_total{code="${code}",kind="${kind}"}`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('a refused token, a field the role may not see and a malformed request each add one to their count', async () => {
    const before = { token: await count('UNAUTHENTICATED', 'token'), field: await count('FORBIDDEN_FIELD', 'field'), request: await count('BAD_USER_INPUT', 'request') };
    await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer('not-a-token'), body: RECORD() });
    await asUser('receptionist').query(`query($n: String!) { patient(nhsNumber: $n) { medications { id } } }`, { n: MARGARET() });
    await raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(asUser('gp').token), body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) });
    expect(await count('UNAUTHENTICATED', 'token')).toBe(before.token + 1);
    expect(await count('FORBIDDEN_FIELD', 'field')).toBeGreaterThan(before.field);
    expect(await count('BAD_USER_INPUT', 'request')).toBe(before.request + 1);
    // The metrics name codes and kinds, never a token, a user or a patient.
    expect(await (await fetch(metricsUrl())).text()).not.toMatch(new RegExp(`${MARGARET()}|not-a-token|demo-`));
  });
});

describe('client mistakes in the GraphQL request are 400s with a clear message, never 500 (issue #21.5)', () => {
  const post = (body: Record<string, unknown>) => raw(stackInfo().gatewayUrl, { method: 'POST', headers: asBearer(asUser('gp').token), body: JSON.stringify(body) });
  const record = (name: string) => `query ${name} { patient(nhsNumber: "${MARGARET()}") { nhsNumber } }`;

  it.each([
    ['several operations and no operationName', { query: `${record('A')} ${record('B')}` }, /operationName/],
    ['an operationName the document does not hold', { query: record('A'), operationName: 'Nope' }, /Nope/],
    ['a subscription', { query: 'subscription Watch { patient { nhsNumber } }' }, /subscription/i],
    ['an anonymous query beside a named mutation', { query: `{ patient(nhsNumber: "${MARGARET()}") { nhsNumber } } mutation M { __typename }` }, /anonymous/i],
  ])('%s: 400 BAD_USER_INPUT saying what is wrong', async (_case, body, says) => {
    const answer = await post(body);
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(answer.body.errors[0].message).toMatch(says);
    expect(answer.text).not.toMatch(INTERNAL_TEXT);
  });

  it('a wrong enum value is refused without suggesting the right one (suggestions are hidden, enum values too)', async () => {
    const answer = await post({ query: `mutation { declareBreakGlass(nhsNumber: "${MARGARET()}", reason: EMERGENCY_CAR, detail: "x") { id } }` });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/Did you mean|EMERGENCY_CARE/);
  });

  it('the depth limit counts fields, not fragments: a depth-3 selection through three nested fragments is answered', async () => {
    const query = `query Nested { patient(nhsNumber: "${MARGARET()}") { ...A } }
      fragment A on Patient { ...B }
      fragment B on Patient { ...C }
      fragment C on Patient { name { ...D } }
      fragment D on PersonName { ...E }
      fragment E on PersonName { ...F }
      fragment F on PersonName { text }`;
    const answer = await post({ query });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });
});
