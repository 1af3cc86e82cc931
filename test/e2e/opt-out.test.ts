import { subgraphServices } from '@shareforyou/schema';
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { generateFeeds } from '../../tools/src/synthetic';
import { asGatewayFor, asUser, closeDatabases, codes, database, PETER } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

afterAll(closeDatabases);

const ORGANISATION_DATABASES = subgraphServices.filter((s) => !['registry', 'audit'].includes(s.name)).map((s) => s.name.replace(/-/g, '_'));
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const peterFeeds = () => [...generateFeeds({ patients: 1, from: 3 })];
const open = (key: string) => asUser(key).query(`{ patient(nhsNumber: "${PETER()}") { name { text } medications { id } aeAttendances { id } } }`);

const waitFor = (check: () => Promise<boolean>, timeoutMs = 15_000) => pollUntil('the opt-out to take effect', check, timeoutMs);

describe('opt-out and opt-in, recorded only by the registered practice', () => {
  it('another practice cannot record the opt-out', async () => {
    const response = await asUser('other-gp').query(`mutation { recordOptOut(nhsNumber: "${PETER()}") { status } }`);
    expect(codes(response)).toEqual(['FORBIDDEN_ACTION']);
    expect((await open('gp')).errors).toBeUndefined();
  });

  it('after the practice records it, nothing is served, stored data is purged everywhere, and feeds are refused', async () => {
    const before = await open('gp');
    expect(before.data.patient.medications.length).toBeGreaterThan(0);

    const receipt = await asUser('receptionist').query(`mutation { recordOptOut(nhsNumber: "${PETER()}") { status recordedBy practice { odsCode } } }`);
    expect(receipt.errors).toBeUndefined();
    expect(receipt.data.recordOptOut).toEqual({ status: 'opted-out', recordedBy: 'Gemma Holt', practice: { odsCode: 'P83005' } });

    // The same answer as a patient the record has never heard of.
    const unknown = await asUser('gp').query('{ patient(nhsNumber: "9434765919") { name { text } } }');
    for (const key of ['gp', 'ae-doctor']) {
      const response = await open(key);
      expect(codes(response)).toEqual(['NO_SHARED_RECORD']);
      expect(response.errors?.[0].message).toBe(unknown.errors?.[0].message);
      expect(response.data.patient).toBeNull();
    }
    // The combined record computes from what the gateway hands it: even handed items, it serves an opted-out patient nothing.
    const handed = await asGatewayFor('gp').query(
      'combined',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { combinedMedications { items { id } } } } }',
      { r: [{ __typename: 'Patient', nhsNumber: PETER(), medications: before.data.patient.medications.map((m: { id: string }) => ({ ...m, current: true, provenance: { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice' } })), hospitalPrescriptions: [], mentalHealthMedications: [] }] },
    );
    expect(codes(handed)).toEqual(['NO_SHARED_RECORD']);
    expect(handed.data?._entities ?? [null]).toEqual([null]);
    const trace = await asUser('gp').query('{ patientSearch(familyName: "Holroyd", birthDate: "1958-09-02") { nhsNumber } }');
    expect((trace.data?.patientSearch ?? []).map((m: any) => m.nhsNumber)).not.toContain(PETER());

    // Purged: the index keeps only the access record that refuses feeds; every slice is gone.
    const registry = await database('registry');
    expect(await registry.collection('patients').countDocuments({ _id: PETER() as never })).toBe(0);
    const access = await registry.collection('patientAccess').findOne({ _id: PETER() as never });
    expect(access?.relationships).toEqual([]);
    for (const name of ORGANISATION_DATABASES) {
      const slices = (await database(name)).collection('patientSlices');
      await waitFor(async () => (await slices.countDocuments({ _id: PETER() as never })) === 0);
    }

    // A feed for him is refused and stores nothing.
    for (const feed of peterFeeds()) {
      const response = await sendBundle(feed.target, feed.odsCode, JSON.stringify(feed.bundle), env());
      expect(response.status).toBe(200);
      expect(response.issues.some((i) => i.code === 'forbidden' && /opted out/.test(i.diagnostics ?? ''))).toBe(true);
    }
    expect(await registry.collection('patients').countDocuments({ _id: PETER() as never })).toBe(0);
    for (const name of ORGANISATION_DATABASES) {
      expect(await (await database(name)).collection('patientSlices').countDocuments({ _id: PETER() as never })).toBe(0);
    }
  });

  it('a slice written just after the purge (a feed checked just before the opt-out) is purged too, even after later changes', async () => {
    const registry = await database('registry');
    const gpSlices = (await database('gp')).collection('patientSlices');
    const purgeState = (await database('gp')).collection('purgeState');
    // A later change in the log (someone the record does not know, opting in) moves every
    // subgraph's watermark past Peter's opt-out.
    const later = new Date();
    await registry.collection('optOutLog').insertOne({ nhsNumber: '9434765919', status: 'opted-in', recordedAt: later });
    await waitFor(async () => ((await purgeState.findOne({ _id: 'optOutLog' as never }))?.watermark ?? new Date(0)) >= later);
    // Only now does the late feed's write land.
    await gpSlices.insertOne({ _id: PETER() as never, panels: {}, sources: [] });
    await waitFor(async () => (await gpSlices.countDocuments({ _id: PETER() as never })) === 0, 10_000);
  });

  it('only the registered practice can opt him back in; data fed afterwards is shared again', async () => {
    expect(codes(await asUser('other-gp').query(`mutation { recordOptIn(nhsNumber: "${PETER()}") { status } }`))).toEqual(['FORBIDDEN_ACTION']);
    const receipt = await asUser('gp').query(`mutation { recordOptIn(nhsNumber: "${PETER()}") { status recordedBy } }`);
    expect(receipt.data.recordOptIn).toEqual({ status: 'opted-in', recordedBy: 'Dr Aisha Rahman' });
    // Feeds order registry first (demographics and registration), then the slices.
    const feeds = peterFeeds().sort((a, b) => Number(b.target === 'registry') - Number(a.target === 'registry'));
    for (const feed of feeds) {
      const response = await sendBundle(feed.target, feed.odsCode, JSON.stringify(feed.bundle), env());
      expect(response.status).toBe(200);
    }
    const after = await open('gp');
    expect(after.errors).toBeUndefined();
    expect(after.data.patient.medications.length).toBeGreaterThan(0);
  });
});
