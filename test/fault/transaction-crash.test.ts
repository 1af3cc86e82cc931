import { DEADLINE_HEADER, FEED_JOURNAL, IDENTITY_HEADER, openPanels, PAUSE_HOOK, signGatewayIdentity, signSystemToken, verifyAuditTrail } from '@shareforyou/kit';
import { subgraphUrl } from '@shareforyou/schema';
import { readAnswer, sendBundle } from '../../tools/src/feeds/feedClient';
import { syntheticNhsNumber } from '../../tools/src/synthetic/nhsNumbers';
import { asGatewayFor, asUser, closeDatabases, codes, database } from '../support/clients';
import { medicationEntry } from '../support/feedBundles';
import { pollUntil, spareSubgraph, type Spare } from '../support/faults';
import { stackInfo } from '../support/stackInfo';

/**
 * A FHIR transaction bundle is all or nothing, even when the subgraph writing it is killed
 * (SIGKILL) between two patients' writes, on a database without multi-document transactions.
 * A spare gp writes the bundle with the test-only fault hook (a long pause after each patient's
 * writes); the test waits, by polling the database, until the journal entry is there and the first
 * patient's writes are staged, kills it, and reads the record through the stack's own gateway and
 * gp (same database): nothing of the bundle. A gp started afterwards (without the hook) completes
 * it before serving: all of it. The source sending the bundle again leaves exactly one copy.
 *
 * The same for the registry, whose transactions form care relationships that every subgraph reads
 * to decide who may open a record: a spare registry killed between two patients' admissions opens
 * no patient's record to the trust, neither through the gateway (the stack's registry) nor in a
 * subgraph asked directly (the stack's acute), until a registry that starts completes it: then all.
 */

const PATIENTS = 3;
const PER_PATIENT = 2;
const ODS = 'P83005';

/** Synthetic NHS numbers of this run, far above the seeded patients' indexes. */
const firstIndex = 800_000 + (Date.now() % 90_000);
const patients = Array.from({ length: PATIENTS }, (_, i) => syntheticNhsNumber(firstIndex + i));
const run = Date.now().toString(36);
const sourceIds = (nhsNumber: string) => Array.from({ length: PER_PATIENT }, (_, i) => `tx-${run}-${nhsNumber}-${i}`);

const registration = {
  resourceType: 'Bundle',
  type: 'batch',
  entry: patients.map((nhsNumber, i) => ({
    resource: {
      resourceType: 'Patient',
      id: `tx-${run}-${i}`,
      meta: { versionId: '1', lastUpdated: '2024-01-10T09:00:00Z' },
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber }],
      name: [{ use: 'official', family: 'Journal', given: [`Crash${i}`] }],
      gender: 'female',
      birthDate: '1960-01-01',
      generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: ODS } }],
    },
    request: { method: 'PUT', url: `Patient/tx-${run}-${i}` },
  })),
};
const transaction = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: patients.flatMap((nhsNumber) =>
    sourceIds(nhsNumber).map((id) => medicationEntry(nhsNumber, id)),
  ),
};

const feedUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '/fhir');
async function post(url: string, bundle: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken(ODS)}` },
    body: JSON.stringify(bundle),
    signal: AbortSignal.timeout(120_000),
  });
  return { status: response.status, ...readAnswer((await response.json()) as fhir4.Bundle) };
}

/** The bundle's medications on each patient's record as the GP sees it through the stack's gateway. */
async function bundleSeen(): Promise<number[]> {
  const gp = asUser('gp');
  return Promise.all(
    patients.map(async (nhsNumber) => {
      const response = await gp.query(`query($n: String!) { patient(nhsNumber: $n) { medications { provenance { sourceId } } } }`, { n: nhsNumber });
      expect(response.errors).toBeUndefined();
      const ids = (response.data.patient.medications as Array<{ provenance: { sourceId: string } }>).map((m) => m.provenance.sourceId);
      return ids.filter((id) => id.startsWith(`tx-${run}-`)).length;
    }),
  );
}

let writer: Spare | undefined;
let restarted: Spare | undefined;
let registryWriter: Spare | undefined;
let registryRestarted: Spare | undefined;

const TRUST = 'RM3';
const admissions = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: patients.map((nhsNumber, i) => ({
    resource: {
      resourceType: 'Encounter',
      id: `tx-${run}-adm-${i}`,
      meta: { versionId: '1', lastUpdated: '2025-02-01T09:00:00Z' },
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
      subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } },
      period: { start: '2025-02-01T08:00:00Z' },
    },
    request: { method: 'PUT', url: `Encounter/tx-${run}-adm-${i}` },
  })),
};

/**
 * May the trust's A&E doctor open each patient? Through the gateway (the stack's registry decides
 * first), and asked of the stack's acute subgraph directly (its own read of the access records).
 */
async function trustOpens(): Promise<Array<{ gateway: boolean; acute: boolean }>> {
  const doctor = asUser('ae-doctor');
  const { identity } = asGatewayFor('ae-doctor');
  const acuteUrl = subgraphUrl('acute', { SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
  return Promise.all(
    patients.map(async (nhsNumber) => {
      const viaGateway = await doctor.query(`query($n: String!) { patient(nhsNumber: $n) { nhsNumber admissions { status } } }`, { n: nhsNumber });
      const direct = await fetch(acuteUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signGatewayIdentity(identity), [DEADLINE_HEADER]: '5000' },
        body: JSON.stringify({ query: `{ _entities(representations: [{ __typename: "Patient", nhsNumber: "${nhsNumber}" }]) { ... on Patient { admissions { status } } } }` }),
      }).then((r) => r.json() as Promise<{ data?: { _entities: Array<unknown> }; errors?: Array<{ extensions?: { code?: string } }> }>);
      for (const denied of [codes(viaGateway), (direct.errors ?? []).map((e) => e.extensions?.code)]) {
        expect(denied.filter((code) => code !== 'NO_CARE_RELATIONSHIP')).toEqual([]);
      }
      return { gateway: viaGateway.data?.patient?.nhsNumber === nhsNumber, acute: Boolean(direct.data?._entities?.[0]) && !direct.errors?.length };
    }),
  );
}

beforeAll(async () => {
  const registered = await sendBundle('registry', ODS, JSON.stringify(registration), { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
  expect(registered.status).toBe(200);
  writer = await spareSubgraph('gp', stackInfo().portBase + 900, { [PAUSE_HOOK]: '120000' });
}, 400_000);

afterAll(async () => {
  await closeDatabases();
  await Promise.all([writer?.stop(), restarted?.stop(), registryWriter?.stop(), registryRestarted?.stop()]);
});

it('a transaction bundle interrupted by SIGKILL is invisible until a restart completes it, and a retry leaves one copy', async () => {
  const gpDb = await database('gp');
  const journal = gpDb.collection(FEED_JOURNAL);
  const startedAt = new Date();
  const interrupted = post(feedUrl(writer!.url), transaction).catch((error: Error) => error);

  const entry = await pollUntil('the journal entry and the first patient\'s staged writes', async () => {
    const found = await journal.findOne({ 'organisation.odsCode': ODS, createdAt: { $gte: startedAt }, state: 'pending' });
    if (!found) return null;
    const staged = await gpDb.collection('patientSlices').countDocuments({ _id: { $in: patients as never[] }, 'staged.journal': String(found._id) });
    return staged >= 1 ? found : null;
  }, 60_000, 100);
  writer!.service.child.kill('SIGKILL');
  await interrupted;

  // Half of it is in the database ...
  const stagedFor = async () =>
    (await gpDb.collection('patientSlices').find({ _id: { $in: patients as never[] } }).toArray()).filter((s) => (s.staged ?? []).some((x: { journal: string }) => x.journal === String(entry._id))).length;
  const half = await stagedFor();
  expect(half).toBeGreaterThanOrEqual(1);
  expect(half).toBeLessThan(PATIENTS);
  expect((await journal.findOne({ _id: entry._id }))?.state).toBe('pending');
  // ... and none of it is on the record.
  expect(await bundleSeen()).toEqual(patients.map(() => 0));

  // A gp that starts completes the transaction before it serves.
  const restartAt = Date.now();
  restarted = await spareSubgraph('gp', stackInfo().portBase + 950);
  const restartMs = Date.now() - restartAt;
  const completed = await journal.findOne({ _id: entry._id });
  expect(completed?.state).toBe('done');
  expect(completed?.patients).toBeUndefined();
  expect(await stagedFor()).toBe(0);
  expect(await bundleSeen()).toEqual(patients.map(() => PER_PATIENT));

  // The source retries (it never got an answer): one copy of each item.
  const retry = await post(feedUrl(restarted.url), transaction);
  expect(retry.status).toBe(200);
  expect(retry.summary).toBe(`Accepted: unchanged ${PATIENTS * PER_PATIENT}.`);
  expect(await bundleSeen()).toEqual(patients.map(() => PER_PATIENT));
  const slices = await gpDb.collection('patientSlices').find({ _id: { $in: patients as never[] } }).toArray();
  for (const slice of slices) expect((openPanels(String(slice._id), slice.panels).medications as Array<{ id: string }>).map((m) => m.id).sort()).toEqual(sourceIds(slice._id as unknown as string).map((id) => `${ODS}/MedicationStatement/${id}`).sort());

  const verified = await verifyAuditTrail(await database('audit'));
  expect(verified.breaks).toEqual([]);
  process.stdout.write(
    `  [fault] transaction of ${PATIENTS * PER_PATIENT} entries over ${PATIENTS} patients, writer killed after ${half} patient(s) staged: ` +
      `0 of ${PATIENTS * PER_PATIENT} items visible before recovery; a gp started and completed it in ${restartMs} ms (start included); ` +
      `then ${PATIENTS * PER_PATIENT} visible; the retry answered "unchanged ${PATIENTS * PER_PATIENT}"; audit trail verifies\n`,
  );
}, 400_000);

it("a registry transaction interrupted by SIGKILL opens no patient's record to anyone until a restart completes it, then all of them", async () => {
  registryWriter = await spareSubgraph('registry', stackInfo().portBase + 1000, { [PAUSE_HOOK]: '120000' });
  const registryDb = await database('registry');
  const journal = registryDb.collection(FEED_JOURNAL);
  const accessRecords = registryDb.collection('patientAccess');
  expect(await trustOpens()).toEqual(patients.map(() => ({ gateway: false, acute: false })));

  const startedAt = new Date();
  const sent = async (url: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken(TRUST)}` },
      body: JSON.stringify(admissions),
      signal: AbortSignal.timeout(120_000),
    });
    return { status: response.status, ...readAnswer((await response.json()) as fhir4.Bundle) };
  };
  const interrupted = sent(feedUrl(registryWriter.url)).catch((error: Error) => error);
  const entry = await pollUntil("the registry's journal entry and the first patient's staged admission", async () => {
    const found = await journal.findOne({ 'organisation.odsCode': TRUST, createdAt: { $gte: startedAt }, state: 'pending' });
    if (!found) return null;
    return (await accessRecords.countDocuments({ _id: { $in: patients as never[] }, 'staged.journal': String(found._id) })) >= 1 ? found : null;
  }, 60_000, 100);
  registryWriter.service.child.kill('SIGKILL');
  await interrupted;

  const stagedFor = async () => (await accessRecords.countDocuments({ _id: { $in: patients as never[] }, 'staged.journal': String(entry._id) }));
  const half = await stagedFor();
  expect(half).toBeGreaterThanOrEqual(1);
  expect(half).toBeLessThan(PATIENTS);
  expect((await journal.findOne({ _id: entry._id }))?.state).toBe('pending');
  // Part of the bundle is in the registry's database; none of it opens a record, anywhere.
  expect(await trustOpens()).toEqual(patients.map(() => ({ gateway: false, acute: false })));

  const restartAt = Date.now();
  registryRestarted = await spareSubgraph('registry', stackInfo().portBase + 1050);
  const restartMs = Date.now() - restartAt;
  expect((await journal.findOne({ _id: entry._id }))?.state).toBe('done');
  expect(await stagedFor()).toBe(0);
  expect(await trustOpens()).toEqual(patients.map(() => ({ gateway: true, acute: true })));

  const retry = await sent(feedUrl(registryRestarted.url));
  expect(retry.status).toBe(200);
  expect(retry.summary).toBe(`Accepted: unchanged ${PATIENTS}.`);
  process.stdout.write(
    `  [fault] registry transaction of ${PATIENTS} admissions, writer killed after ${half} patient(s) staged: no record opened to the trust ` +
      `(gateway and acute) before recovery; a registry started and completed it in ${restartMs} ms (start included); then all ${PATIENTS} open; the retry answered "unchanged ${PATIENTS}"\n`,
  );
}, 400_000);
