import { MARGARET, asUser } from '../support/clients';
import { FAULT_BOUNDS, pause, pollUntil, resume, spareGateway, spareSubgraph, timedPost, type Spare } from '../support/faults';
import { stackInfo } from '../support/stackInfo';

/**
 * A source that hangs (SIGSTOP: the port still accepts connections, nothing answers) costs only its
 * own fields, within the request deadline; after repeated failures its breaker skips it at once;
 * when it wakes up it is used again without restarting anything.
 */

const DEADLINE_MS = Number(FAULT_BOUNDS.REQUEST_DEADLINE_MS);
const RECORD = () => `{ patient(nhsNumber: "${MARGARET()}") { name { text } medications { id } communityEpisodes { id } } }`;

let community: Spare;
let gateway: Spare;
const token = () => asUser('gp').token;
const ask = () => timedPost(gateway.url, token(), RECORD());

beforeAll(async () => {
  community = await spareSubgraph('community', stackInfo().portBase + 700);
  gateway = await spareGateway({ community }, stackInfo().portBase + 760);
}, 400_000);

afterAll(async () => {
  resume(community?.service.child.pid);
  await Promise.all([gateway?.stop(), community?.stop()]);
});

afterEach(() => resume(community.service.child.pid));

it('a hung source costs only its fields, with SOURCE_UNAVAILABLE naming it and the paths, within the deadline', async () => {
  const before = await ask();
  expect(before.body.errors).toBeUndefined();
  expect(before.body.data.patient.communityEpisodes).not.toBeNull();

  pause(community.service.child.pid);
  const hung = await ask();
  expect(hung.ms).toBeLessThan(DEADLINE_MS);
  expect(hung.status).toBe(200);
  expect(hung.body.data.patient.name.text).toBe('Margaret Joan ASHWORTH');
  expect(hung.body.data.patient.medications.length).toBeGreaterThan(0);
  expect(hung.body.data.patient.communityEpisodes).toBeNull();
  expect(hung.body.errors).toHaveLength(1);
  expect(hung.body.errors[0].extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', serviceName: 'community', reason: 'timeout', paths: ['patient.communityEpisodes'] });
  expect(hung.text).not.toMatch(/127\.0\.0\.1|ECONN|AbortError|TimeoutError|\.ts\b/);
  process.stdout.write(`  [fault] hung community source: answered in ${hung.ms} ms (deadline ${DEADLINE_MS} ms)\n`);
});

it('a source that keeps failing is skipped at once (breaker open), then used again when it recovers, without a restart', async () => {
  pause(community.service.child.pid);
  const open = await pollUntil('the breaker to open', async () => {
    const answer = await ask();
    return answer.body.errors?.[0]?.extensions?.reason === 'circuit-open' ? answer : null;
  }, 60_000, 0);
  expect(open.ms).toBeLessThan(Number(FAULT_BOUNDS.SOURCE_TIMEOUT_MS));
  expect(open.body.data.patient.medications.length).toBeGreaterThan(0);
  expect(open.body.errors[0].message).toMatch(/skipped for a few seconds/);

  resume(community.service.child.pid);
  const recovered = await pollUntil('the community source to be used again', async () => {
    const answer = await ask();
    return answer.body.errors === undefined ? answer : null;
  }, 30_000);
  expect(recovered.body.data.patient.communityEpisodes).not.toBeNull();
});
