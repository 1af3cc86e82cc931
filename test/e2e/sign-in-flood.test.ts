import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import jwt from 'jsonwebtoken';
import { devUserIssuer, USER_AUDIENCE } from '@shareforyou/kit';
import { freePortBase } from '../../tools/src/stack/ports';
import { GATEWAY_ENTRY, spawnService, stopProcess, waitHealthy } from '../../tools/src/stack/services';
import { asUser, MARGARET } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

/**
 * No stranger can deny sign-in (issue #21.1), on a freshly started gateway of its own with the
 * production limit on failed sign-ins: a flood of tokens naming made-up key ids (no credential
 * needed) is refused at once, and a genuine GP token from another address is verified throughout;
 * the flooding address is then answered 429 with Retry-After. The flood, and a GP refused record
 * after record, are each a refusal spike for the privacy office (issue #21.2).
 */

const LIMIT = 20;
const SPIKE = 30;
let gateway: { url: string; stop: () => Promise<void>; output: () => string };

beforeAll(async () => {
  const base = await freePortBase(stackInfo().portBase + 760);
  const env = { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase), GATEWAY_PORT: String(base), GATEWAY_FAILED_SIGN_INS_PER_MINUTE: String(LIMIT), GATEWAY_REFUSAL_SPIKE_THRESHOLD: String(SPIKE) };
  const service = spawnService('gateway-sign-in-flood', GATEWAY_ENTRY, env, base, true);
  // Every line it writes (the service keeps only its last 200 chunks, which the flood alone can fill).
  const written: string[] = [];
  service.child.stdout?.on('data', (chunk) => written.push(String(chunk)));
  try {
    await waitHealthy(service);
  } catch (error) {
    await stopProcess(service.child);
    throw error;
  }
  gateway = { url: `http://127.0.0.1:${base}/graphql`, stop: () => stopProcess(service.child), output: () => written.join('') };
}, 60_000);
afterAll(() => gateway?.stop());

/** A POST from a chosen loopback address (127.0.0.0/8 is all this machine), so the flood and the GP are two clients. */
function post(from: string, token: string): Promise<{ status: number; retryAfter: string | undefined; body: any }> {
  const body = JSON.stringify({ query: `{ patient(nhsNumber: "${MARGARET()}") { nhsNumber } }` });
  return new Promise((resolve, reject) => {
    const req = request(gateway.url, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = () => jwt.sign({ sub: 'nobody' }, privateKey, { algorithm: 'RS256', keyid: randomUUID(), issuer: devUserIssuer(), audience: USER_AUDIENCE, expiresIn: 300 });

it('a flood of made-up key ids from one address never costs a genuine token from another its verification; the flood gets 429 with Retry-After', async () => {
  const genuine = asUser('gp').token;
  const flood: Array<Promise<{ status: number }>> = [];
  const gpAnswers: number[] = [];
  // The flood starts first, on a gateway that has not fetched any key yet.
  for (let i = 0; i < 60; i++) flood.push(post('127.0.0.2', stranger()));
  for (let i = 0; i < 10; i++) {
    gpAnswers.push((await post('127.0.0.3', genuine)).status);
    for (let j = 0; j < 5; j++) flood.push(post('127.0.0.2', stranger()));
  }
  const floodStatuses = (await Promise.all(flood)).map((a) => a.status);
  expect(gpAnswers).toEqual(Array(10).fill(200));
  expect(floodStatuses.every((s) => s === 401 || s === 429)).toBe(true);
  expect(floodStatuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(LIMIT);
  const limited = await post('127.0.0.2', stranger());
  expect(limited.status).toBe(429);
  expect(Number(limited.retryAfter)).toBeGreaterThan(0);
  expect(limited.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  // Even the limited address's genuine token waits its minute: the limit is by address, before any token is read.
  expect((await post('127.0.0.2', genuine)).status).toBe(429);
  expect((await post('127.0.0.3', genuine)).status).toBe(200);
});

const spikeAlerts = async () =>
  (await asUser('privacy-officer').query('{ alerts(first: 200, kind: REFUSAL_SPIKE) { id kind title subjectId nhsNumber } }')).data.alerts as Array<{ id: string; title: string; subjectId: string; nhsNumber: string | null }>;
const about = (subject: RegExp) => async () => (await spikeAlerts()).filter((a) => subject.test(a.subjectId));

it('the flood is a refusal spike of its address for the privacy office: one alert, no patient, its codes said; the genuine address raised none', async () => {
  const alerts = await pollUntil('the refusal spike alert', async () => { const found = await about(/^address:(::ffff:)?127\.0\.0\.2$/)(); return found.length > 0 && found; }, 15_000, 200);
  expect(alerts).toHaveLength(1);
  expect(alerts[0]).toMatchObject({ nhsNumber: null, title: expect.stringMatching(new RegExp(`^${SPIKE} refusals in 5 min from address (::ffff:)?127\\.0\\.0\\.2 \\(UNAUTHENTICATED ${SPIKE}\\)$`)) });
  expect(await about(/127\.0\.0\.3$/)()).toEqual([]);
  // The report itself is in the audit trail, the gateway's own call.
  const log = await asUser('privacy-officer').query('{ accessLog(first: 20, filter: { userId: "shareforyou-gateway", includeInternal: true }) { events { operationName fields { coordinate } } } }');
  expect(JSON.stringify(log.data)).toContain('RefusalSpike.report');
});

it("a GP refused one record after another is a spike of the user, whichever address she uses", async () => {
  const token = asUser('other-gp').token;
  for (let i = 0; i < SPIKE; i++) {
    const answer = await post(i % 2 ? '127.0.0.4' : '127.0.0.5', token);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NO_CARE_RELATIONSHIP');
  }
  const alerts = await pollUntil('the user spike alert', async () => { const found = await about(/^user:demo-gp2-li-wei$/)(); return found.length > 0 && found; }, 15_000, 200);
  expect(alerts[0].title).toMatch(new RegExp(`^${SPIKE} refusals in 5 min for user demo-gp2-li-wei \\(NO_CARE_RELATIONSHIP ${SPIKE}\\)$`));
  // Neither address alone reached the threshold.
  expect(await about(/127\.0\.0\.[45]$/)()).toEqual([]);
});

it('only the gateway itself may report a spike: a user identity is refused, and a report without an identity too', async () => {
  const { signGatewayIdentity, IDENTITY_HEADER, REFUSAL_SPIKE_PATH } = await import('@shareforyou/kit');
  const { subgraphUrl } = await import('@shareforyou/schema');
  const url = new URL(REFUSAL_SPIKE_PATH, subgraphUrl('audit', { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) })).toString();
  const body = JSON.stringify({ subject: 'address:10.9.9.9', windowStart: new Date().toISOString(), windowSeconds: 300, refusals: 99, codes: { UNAUTHENTICATED: 99 } });
  const asOfficer = signGatewayIdentity({ userId: 'demo-po-priya-desai', name: 'Priya Desai', odsCode: 'Y02GM', jobRole: 'R0001', profile: 'privacyOfficer', requestId: randomUUID(), internal: true });
  expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: asOfficer }, body })).status).toBe(403);
  expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
  expect(await about(/10\.9\.9\.9/)()).toEqual([]);
});

it("the gateway's log holds a warn line for the refusals and the spikes, and never the NHS number asked for, the patient's name or a token", async () => {
  const lines = gateway.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
  expect(lines.some((l) => l.msg === 'refused' && l.level === 40 && l.code === 'NO_CARE_RELATIONSHIP' && /127\.0\.0\.[45]/.test(l.address))).toBe(true);
  expect(lines.some((l) => l.msg === 'refusal spike: reported to the privacy office' && l.subject === 'user:demo-gp2-li-wei')).toBe(true);
  const text = gateway.output();
  expect(text).not.toContain(MARGARET());
  expect(text).not.toMatch(/Margaret|Ashworth/i);
  expect(text).not.toContain(asUser('other-gp').token.split('.')[2]);
});
