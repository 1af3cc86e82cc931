import { freePortBase } from '../../tools/src/stack/ports';
import { GATEWAY_ENTRY, spawnService, stopProcess, waitHealthy } from '../../tools/src/stack/services';
import { asUser, MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * Overload refused, not degraded (issue #20.6), on a gateway of its own with a small capacity in
 * front of the shared stack's subgraphs: a burst beyond it is answered 503 SERVICE_BUSY with
 * Retry-After, at once, and every record that is answered is answered whole (no source named
 * unavailable because of our own queueing). The capacity under real load is measured in the
 * benchmark (`npm run bench -- --concurrency 200`, docs/performance.md).
 */

let gateway: { url: string; stop: () => Promise<void> };

beforeAll(async () => {
  const base = await freePortBase(stackInfo().portBase + 780);
  const env = { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase), GATEWAY_PORT: String(base), GATEWAY_MAX_IN_FLIGHT: '2', GATEWAY_ADMISSION_WAIT_MS: '10000', GATEWAY_ADMISSION_QUEUE: '4' };
  const service = spawnService('gateway-overload', GATEWAY_ENTRY, env, base, true);
  try {
    await waitHealthy(service);
  } catch (error) {
    await stopProcess(service.child);
    throw error;
  }
  gateway = { url: `http://127.0.0.1:${base}/graphql`, stop: () => stopProcess(service.child) };
}, 60_000);
afterAll(() => gateway?.stop());

const RECORD = `query OverloadRecord($n: String!) { patient(nhsNumber: $n) { nhsNumber name { text } medications { id } allergies { id } problems { id } } }`;

async function post(): Promise<{ status: number; retryAfter: string | null; body: any; ms: number }> {
  const started = Date.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${asUser('gp').token}` },
    body: JSON.stringify({ query: RECORD, variables: { n: MARGARET() } }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json(), ms: Date.now() - started };
}

it('a burst of forty against a capacity of two plus four waiting (each may wait 10 s): the rest are refused whole with 503 SERVICE_BUSY and Retry-After; every answered record is whole', async () => {
  const answers = await Promise.all(Array.from({ length: 40 }, () => post()));
  const busy = answers.filter((a) => a.status === 503);
  const served = answers.filter((a) => a.status === 200);
  expect(busy.length).toBeGreaterThan(0);
  expect(served.length).toBeGreaterThanOrEqual(6);
  expect(busy.length + served.length).toBe(40);
  for (const refusal of busy) {
    expect(refusal.retryAfter).toBe('1');
    expect(refusal.body).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_BUSY' }) })] });
    expect(refusal.body.data).toBeUndefined();
  }
  for (const answer of served) {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.patient.nhsNumber).toBe(MARGARET());
  }
  // Refused early: the line was full, so none waited (the served ones waited their turn, up to 10 s).
  expect(Math.max(...busy.map((b) => b.ms))).toBeLessThanOrEqual(Math.max(...served.map((s) => s.ms)));
  // Once the burst is over, the same request is served.
  expect((await post()).status).toBe(200);
  const metrics = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
  expect(metrics).toMatch(new RegExp(`shareforyou_gateway_busy_refusals_total ${busy.length}\\b`));
});
