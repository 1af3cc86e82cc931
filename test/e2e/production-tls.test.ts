import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { Agent, fetch as undiciFetch } from 'undici';
import { ensureLocalTlsMaterial, fetchAs, OPERATOR, signSystemToken, tlsMaterial } from '@shareforyou/kit';
import { subgraphServices, subgraphUrl } from '@shareforyou/schema';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { feedUrl, sendBundle } from '../../tools/src/feeds/feedClient';
import { generateFeeds } from '../../tools/src/synthetic';
import { EMBED_EXAMPLE_OFFSET, freePortBase, localDatabasePort, VIEWER_OFFSET } from '../../tools/src/stack/ports';
import { startStack, type RunningStack } from '../../tools/src/stack/stack';
import { MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * Encrypted hops (issue #21.6), on a production-mode stack of its own started by the project's own
 * stack code with its own CA: the gateway serves HTTPS, subgraphs take only our CA's client
 * certificates and each route only the certificate it is for, a source system's certificate only
 * for its own organisation's feed, and the database only TLS with a client certificate.
 */

let stack: RunningStack;
let dir: string;
/** Margaret's bundle from the acute trust RM3, sent again in the feed tests (idempotent). */
let acuteBundle = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shareforyou-production-'));
  const portBase = await freePortBase(stackInfo().portBase + 120, (base) => [localDatabasePort(base), base + VIEWER_OFFSET, base + EMBED_EXAMPLE_OFFSET]);
  stack = await startStack({ portBase, dataDir: dir, tlsDir: join(dir, 'tls'), production: true, quiet: true, env: { GATEWAY_REQUEST_LOG: 'off' }, log: () => undefined });
  // Margaret's record, through the feeds, each organisation's bundle with its own source-system certificate.
  const served = new Set(subgraphServices.map((s) => s.name));
  for (const feed of generateFeeds({ patients: 1 })) {
    if (!served.has(feed.target)) continue;
    if (feed.target === 'acute' && feed.odsCode === 'RM3') acuteBundle = JSON.stringify(feed.bundle);
    const answer = await sendBundle(feed.target, feed.odsCode, JSON.stringify(feed.bundle), stack.env);
    if (answer.status !== 200) throw new Error(`${feed.target} ${feed.odsCode} answered ${answer.status}: ${answer.summary}`);
  }
}, 300_000);
afterAll(async () => {
  await stack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const env = () => stack.env;
const subgraph = (name: string) => subgraphUrl(name, env());
const asGateway = () => fetchAs({ service: 'gateway' }, env());
const asSourceSystem = (odsCode: string) => fetchAs({ sourceSystem: odsCode }, env());

/** A demo user's token naming this stack's sign-in provider as issuer. */
function tokenFor(key: string): string {
  const before = process.env.SHAREFORYOU_PORT_BASE;
  process.env.SHAREFORYOU_PORT_BASE = String(stack.portBase);
  try {
    return userToken(findDemoUser(key));
  } finally {
    process.env.SHAREFORYOU_PORT_BASE = before;
  }
}

const graphqlBody = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) };
const feedPost = (odsCode: string) => ({ method: 'POST', headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken(odsCode)}` }, body: acuteBundle });

/** Why a call failed: the network error's cause (a refused handshake, a closed socket). */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return String((error as { cause?: { code?: string; message?: string } }).cause?.code ?? (error as Error).message);
  }
  throw new Error('the call was answered');
}

describe('production mode: every hop encrypted', () => {
  it('the gateway serves HTTPS, and the GP opens a record through it with every source answering', async () => {
    expect(stack.gatewayUrl).toMatch(/^https:/);
    const sources = ['gpSource', 'acuteSource', 'mentalHealthSource', 'communitySource', 'socialCareSource'];
    const response = await undiciFetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor('gp')}` },
      body: JSON.stringify({ query: `query Open($n: String!) { patient(nhsNumber: $n) { nhsNumber name { text } medications { medication { display } } ${sources.map((s) => `${s} { lastUpdated }`).join(' ')} } }`, variables: { n: MARGARET() } }),
      // Node's fetch trusts only the public roots: this client trusts our CA, like a browser that imported it.
      dispatcher: new Agent({ connect: { ca: tlsMaterial({ service: OPERATOR }, env()).ca } }),
    });
    const body = (await response.json()) as { data: { patient: Record<string, unknown> } | null; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.patient.nhsNumber).toBe(MARGARET());
    expect((body.data?.patient.medications as unknown[]).length).toBeGreaterThan(0);
    for (const source of sources) expect(body.data?.patient[source]).not.toBeNull();
  });

  it('a plain-HTTP call to a subgraph is refused, and to the gateway too', async () => {
    for (const { name } of subgraphServices) expect(await refusal(fetch(subgraph(name).replace(/^https:/, 'http:'), graphqlBody))).toMatch(/SOCKET|ECONNRESET|other side closed/);
    expect(await refusal(fetch(stack.gatewayUrl.replace(/^https:/, 'http:'), graphqlBody))).toMatch(/SOCKET|ECONNRESET|other side closed/);
  });

  it('a subgraph refuses the handshake without a client certificate, and with one our CA did not sign', async () => {
    const ca = tlsMaterial({ service: OPERATOR }, env()).ca;
    const withoutCertificate = new Agent({ connect: { ca } });
    expect(await refusal(undiciFetch(subgraph('gp'), { ...graphqlBody, dispatcher: withoutCertificate }))).toMatch(/ECONNRESET|SOCKET|certificate|ERR_SSL/i);
    // A "gateway" certificate from another CA, with the same name in it.
    const strangerDir = join(dir, 'stranger-tls');
    await ensureLocalTlsMaterial({ dir: strangerDir, services: ['gateway'], sourceSystems: [] });
    const stranger = tlsMaterial({ service: 'gateway' }, { SHAREFORYOU_TLS_DIR: strangerDir });
    const withStrangerCertificate = new Agent({ connect: { ca, cert: stranger.cert, key: stranger.key } });
    expect(await refusal(undiciFetch(subgraph('gp'), { ...graphqlBody, dispatcher: withStrangerCertificate }))).toMatch(/ECONNRESET|SOCKET|certificate|ERR_SSL/i);
  });

  it("a subgraph's GraphQL route answers only the gateway's certificate: a source system's or the operator's is refused", async () => {
    const asGatewayAnswer = await asGateway()(subgraph('gp'), graphqlBody);
    // The gateway's certificate is let through to the identity check (no identity here: 401).
    expect(asGatewayAnswer.status).toBe(401);
    for (const call of [asSourceSystem('P83005'), fetchAs({ service: OPERATOR }, env())]) {
      const answer = await call(subgraph('gp'), graphqlBody);
      expect(answer.status).toBe(403);
      expect(JSON.stringify(await answer.json())).toContain("only the ShareforYou gateway's client certificate");
    }
  });

  it("a feed takes a source system's certificate for its own organisation only", async () => {
    // RM3's system with its own certificate: accepted.
    expect((await asSourceSystem('RM3')(feedUrl('acute', env()), feedPost('RM3'))).status).toBe(200);
    // P83005's certificate with RM3's token on RM3's feed: refused, naming the rule.
    const borrowed = await asSourceSystem('P83005')(feedUrl('acute', env()), feedPost('RM3'));
    expect(borrowed.status).toBe(403);
    expect(JSON.stringify(await borrowed.json())).toContain("the client certificate is not RM3's");
    // P83005's own certificate and token on the acute trust's feed: not its feed.
    expect((await asSourceSystem('P83005')(feedUrl('acute', env()), feedPost('P83005'))).status).toBe(403);
    // The gateway's certificate on a feed: refused.
    const gatewayOnFeed = await asGateway()(feedUrl('acute', env()), feedPost('RM3'));
    expect(gatewayOnFeed.status).toBe(403);
  });

  it('the database refuses a connection without TLS, and a TLS one without a client certificate', async () => {
    const plain = stack.mongoUri.replace(/\/\?.*$/, '/');
    await expect(mongoose.createConnection(plain, { dbName: 'registry', serverSelectionTimeoutMS: 3_000 }).asPromise()).rejects.toThrow();
    const noCertificate = stack.mongoUri.replace(/&tlsCertificateKeyFile=[^&]*/, '');
    await expect(mongoose.createConnection(noCertificate, { dbName: 'registry', serverSelectionTimeoutMS: 3_000 }).asPromise()).rejects.toThrow();
    const operator = await mongoose.createConnection(stack.mongoUri, { dbName: 'registry', serverSelectionTimeoutMS: 5_000 }).asPromise();
    try {
      expect(await operator.collection('patients').countDocuments()).toBe(1);
    } finally {
      await operator.close();
    }
  });
});
