import { randomUUID } from 'node:crypto';
import { asUser, closeDatabases, database, MARGARET } from '../support/clients';
import { FAULT_BOUNDS, pause, pollUntil, resume, spareGateway, spareSubgraph, timedPost, type Spare } from '../support/faults';
import { stackInfo } from '../support/stackInfo';

/**
 * The database stalls (SIGSTOP on the local FerretDB: connections stay open, nothing answers).
 * Through a gateway whose registry and gp are spare instances with production-like bounds, a
 * record request gets an answer within the deadline, and no part of the record without its audit
 * event (with the audit store on the same stalled database, that means no record data at all).
 */

const DEADLINE_MS = Number(FAULT_BOUNDS.REQUEST_DEADLINE_MS);
const RECORD = () => `{ patient(nhsNumber: "${MARGARET()}") { name { text } medications { id } } }`;
const ALLOWED_CODES = new Set(['SOURCE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);

let registry: Spare;
let gp: Spare;
let gateway: Spare;
const databasePid = () => stackInfo().databasePid ?? undefined;

beforeAll(async () => {
  registry = await spareSubgraph('registry', stackInfo().portBase + 900);
  gp = await spareSubgraph('gp', stackInfo().portBase + 940);
  gateway = await spareGateway({ registry, gp }, stackInfo().portBase + 980);
}, 400_000);

afterAll(async () => {
  resume(databasePid());
  await closeDatabases();
  await Promise.all([gateway?.stop(), registry?.stop(), gp?.stop()]);
});

it('a paused database: a bounded wait, SOURCE_UNAVAILABLE or AUDIT_UNAVAILABLE, never data without audit; served again once it resumes', async () => {
  if (!databasePid()) return; // MONGODB_URI: not our engine to pause.
  const token = asUser('gp').token;
  expect((await timedPost(gateway.url, token, RECORD())).body.errors).toBeUndefined();

  const requestIds: string[] = [];
  const answers = [];
  pause(databasePid());
  try {
    for (let i = 0; i < 3; i += 1) {
      const requestId = `dbpause-${randomUUID()}`;
      requestIds.push(requestId);
      answers.push({ requestId, ...(await timedPost(gateway.url, token, RECORD(), requestId)) });
    }
  } finally {
    resume(databasePid());
  }
  for (const answer of answers) {
    process.stdout.write(`  [fault] database paused: answered in ${answer.ms} ms, HTTP ${answer.status}, ${(answer.body.errors ?? []).map((e: any) => `${e.extensions?.code}${e.extensions?.serviceName ? `(${e.extensions.serviceName})` : ''}`).join(' ')}\n`);
    expect(answer.ms).toBeLessThan(DEADLINE_MS + 1_000);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    for (const error of answer.body.errors) expect(ALLOWED_CODES).toContain(error.extensions?.code);
    expect(answer.text).not.toMatch(/Mongo|ECONN|buffering|\.ts\b|127\.0\.0\.1/);
  }

  // Once it resumes, the record is served again, with nothing restarted.
  await pollUntil('the record to be served again', async () => (await timedPost(gateway.url, token, RECORD())).body.errors === undefined, 60_000, 500);
  await pollUntil('the stack itself to serve again', async () => (await timedPost(stackInfo().gatewayUrl, token, RECORD())).body.errors === undefined, 60_000, 500);

  // Whatever was served while it was paused has its event.
  const events = await (await database('audit')).collection('auditEvents').find({ requestId: { $in: requestIds } }).toArray();
  for (const answer of answers) {
    const patient = answer.body.data?.patient;
    if (patient?.name) expect(events.some((e) => e.requestId === answer.requestId && e.subgraph === 'registry')).toBe(true);
    if (patient?.medications) expect(events.some((e) => e.requestId === answer.requestId && e.subgraph === 'gp')).toBe(true);
  }
}, 300_000);
