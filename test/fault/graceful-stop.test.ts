import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, signGatewayIdentity } from '@shareforyou/kit';
import { asGatewayFor, closeDatabases, database, MARGARET } from '../support/clients';
import { spareSubgraph, type Spare } from '../support/faults';
import { stackInfo } from '../support/stackInfo';

/**
 * SIGTERM while requests are in flight: the subgraph finishes them (with their audit events),
 * accepts nothing new, and exits 0 within the grace period.
 */

const MEDICATIONS = `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${MARGARET()}" }]) { ... on Patient { medications { id } } } }`;
let gp: Spare;

beforeAll(async () => {
  gp = await spareSubgraph('gp', stackInfo().portBase + 1_050, { SHUTDOWN_GRACE_MS: '8000' });
}, 400_000);

afterAll(async () => {
  await closeDatabases();
  await gp?.stop();
});

it('finishes the requests in flight and their audit writes, then exits 0 within the bound', async () => {
  const { identity } = asGatewayFor('gp');
  const ask = async () => {
    const requestId = `stop-${randomUUID()}`;
    try {
      const response = await fetch(gp.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signGatewayIdentity({ ...identity, requestId }) },
        body: JSON.stringify({ query: MEDICATIONS }),
        signal: AbortSignal.timeout(30_000),
      });
      return { requestId, status: response.status, body: (await response.json()) as any };
    } catch (error) {
      return { requestId, status: 0, error: String((error as { cause?: unknown }).cause ?? error) };
    }
  };
  expect((await ask()).status).toBe(200);

  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    const started = Date.now();
    gp.service.child.once('exit', (code) => resolve({ code, ms: Date.now() - started }));
  });
  const inFlight = Array.from({ length: 6 }, ask);
  await new Promise((resolve) => setImmediate(resolve));
  gp.service.child.kill('SIGTERM');
  const answers = await Promise.all(inFlight);
  const { code, ms } = await exited;
  process.stdout.write(`  [fault] SIGTERM with ${answers.length} requests in flight: ${answers.filter((a) => a.status === 200).length} finished, ${answers.filter((a) => a.status === 0).length} refused at connect; exited ${code} after ${ms} ms\n`);

  expect(code).toBe(0);
  expect(ms).toBeLessThan(8_000 + 1_000);
  const events = await (await database('audit')).collection('auditEvents').find({ requestId: { $in: answers.map((a) => a.requestId) }, subgraph: 'gp' }).toArray();
  for (const answer of answers) {
    if (answer.status === 0) {
      // Never cut off half-way: refused before it was accepted.
      expect(answer.error).toMatch(/ECONNREFUSED|ECONNRESET|other side closed|SocketError/);
      continue;
    }
    expect(answer.status).toBe(200);
    expect(answer.body.data._entities[0].medications.length).toBeGreaterThan(0);
    expect(events.some((e) => e.requestId === answer.requestId)).toBe(true);
  }
  expect(answers.some((a) => a.status === 200)).toBe(true);
  // And afterwards nothing is listening.
  expect((await ask()).status).toBe(0);
}, 120_000);
