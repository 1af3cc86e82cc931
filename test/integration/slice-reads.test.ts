import type { Connection } from 'mongoose';
import {
  ensureLocalSecrets,
  feedJournal,
  freshnessOf,
  loadSlices,
  patientSliceModel,
  prepareBundle,
  SliceReader,
  sliceFeedTarget,
  writeTransaction,
  type FeedJournal,
  type FeedTarget,
  type PatientSliceModel,
} from '@shareforyou/kit';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { closeDatabases } from '../support/clients';
import { commandLog, type CommandLog } from '../support/commandLog';
import { GP_PRACTICE, medicationEntry } from '../support/feedBundles';

/**
 * A request reads of a patient's slice only the panels its query asks for, in one command, and the
 * source's freshness from what the write stored beside them: the answers are those of the whole
 * slice, read and opened, in every case (staged transaction writes, a slice stored before the
 * freshness was kept), on the real database.
 */

const GP = GP_PRACTICE;
const PATIENTS = ['9990000018', '9990000026'];
const DB = 'slice_reads_test';

const allergyEntry = (nhsNumber: string, id: string, lastUpdated: string) => ({
  resource: {
    resourceType: 'AllergyIntolerance',
    id,
    meta: { versionId: '1', lastUpdated },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }] },
    patient: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } },
  },
  request: { method: 'PUT', url: `AllergyIntolerance/${id}` },
});
const bundle = (type: 'batch' | 'transaction') => ({
  resourceType: 'Bundle',
  type,
  entry: PATIENTS.flatMap((n) => [medicationEntry(n, `ms-${n}`), allergyEntry(n, `al-${n}`, '2025-03-01T09:30:00+01:00')]),
});

let log: CommandLog;
let db: Connection;
let slices: PatientSliceModel;
let journal: FeedJournal;
let target: FeedTarget<any>;

beforeAll(async () => {
  ensureLocalSecrets();
  log = await commandLog(DB);
  db = log.connection;
  await db.dropDatabase();
  slices = patientSliceModel(db);
  journal = feedJournal(db);
  target = sliceFeedTarget('gp', gpFeed, slices);
});
afterAll(async () => {
  await db?.dropDatabase();
  await log?.close();
  await closeDatabases();
});
beforeEach(async () => {
  await slices.deleteMany({});
});

const writeBatch = async () => {
  for (const [nhsNumber, entries] of prepareBundle(target, bundle('batch'), GP).byPatient) await target.write(nhsNumber, entries, GP);
};

/** What a request's resolvers ask, all in one turn of the event loop, as GraphQL execution asks them. */
const ask = (reader: SliceReader) =>
  Promise.all(
    PATIENTS.map(async (n) => {
      const [medications, allergies, freshness] = await Promise.all([reader.panel(n, 'medications'), reader.panel(n, 'allergies'), reader.freshness(n)]);
      return { medications, allergies, freshness };
    }),
  );

/** The same answers worked out from the whole slice, read and opened. */
const fromWhole = async () =>
  (await loadSlices(slices, journal.pendingAmong).loadMany(PATIENTS)).map((slice) => {
    const panels = (slice as any)?.panels ?? {};
    return { medications: panels.medications ?? [], allergies: panels.allergies ?? [], freshness: freshnessOf(panels) };
  });

it('answers each panel and the freshness from one read that brings back only the panels asked for', async () => {
  await writeBatch();
  const stored = await db.collection('patientSlices').findOne({ _id: PATIENTS[0] as never });
  // The freshness is stored sealed beside the panels, like them.
  expect(stored?.freshness?.sealed).toEqual(expect.any(String));
  expect(JSON.stringify(stored?.freshness)).not.toMatch(/Bury Central/);

  log.clear();
  const reader = new SliceReader(slices, journal.pendingAmong);
  // A field whose rule first waits for the access record's shared read (kit: sharedFreshReadsByIds,
  // dispatched on setImmediate) asks a little later than the rest, and joins the same read.
  const late = (async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return reader.panel(PATIENTS[0], 'carers');
  })();
  const answers = await ask(reader);
  expect(await late).toEqual([]);
  expect(log.reads('patientSlices')).toBe(1);
  expect(answers).toEqual(await fromWhole());
  expect(answers[0].medications.map((m) => m.id)).toEqual([`P83005/MedicationStatement/ms-${PATIENTS[0]}`]);
  expect(answers[0].allergies.map((a) => a.id)).toEqual([`P83005/AllergyIntolerance/al-${PATIENTS[0]}`]);
  // The latest update by instant, in UTC (the allergy's 09:30+01:00, after the medicine's 2024 date).
  expect(answers[0].freshness).toEqual({ organisations: [['P83005', 'Bury Central Medical Practice']], lastUpdated: '2025-03-01T08:30:00.000Z' });
});

it('a query asking one panel opens that panel only: the others are not even sent', async () => {
  await writeBatch();
  const sent: string[][] = [];
  const spy = jest.spyOn(slices, 'find');
  const reader = new SliceReader(slices, journal.pendingAmong);
  const medicines = await reader.panel(PATIENTS[0], 'medications');
  const query = spy.mock.results[0].value as { projection(): Record<string, unknown> };
  sent.push(Object.keys(query.projection()));
  spy.mockRestore();
  expect(medicines).toHaveLength(1);
  expect(sent).toEqual([['panels.medications', 'staged', 'freshness']]);
});

it('shows a committed transaction\'s staged writes, and not a pending one\'s, as the whole slice does', async () => {
  const interrupted: FeedTarget<any> = { ...target, settle: async () => { throw new Error('killed after the commit'); } };
  await expect(writeTransaction(journal, interrupted, GP, prepareBundle(target, bundle('transaction'), GP).byPatient)).rejects.toThrow('killed after the commit');
  expect(await slices.countDocuments({ 'staged.0': { $exists: true } })).toBe(2);
  const answers = await ask(new SliceReader(slices, journal.pendingAmong));
  expect(answers).toEqual(await fromWhole());
  expect(answers.map((a) => a.medications.length + a.allergies.length)).toEqual([2, 2]);
  expect(answers[1].freshness.organisations).toEqual([['P83005', 'Bury Central Medical Practice']]);
  // And to a query that asks for a panel alone (no freshness to read the slice whole for).
  const alone = new SliceReader(slices, journal.pendingAmong);
  expect((await Promise.all(PATIENTS.map((n) => alone.panel(n, 'medications')))).map((items) => items.length)).toEqual([1, 1]);

  // A pending transaction's writes stay out, through this reader too.
  await slices.deleteMany({});
  const pendingReader = new SliceReader(slices, async (ids) => new Set(ids));
  const dying: FeedTarget<any> = { ...target, settle: async () => { throw new Error('killed'); } };
  await expect(writeTransaction(journal, dying, GP, prepareBundle(target, bundle('transaction'), GP).byPatient)).rejects.toThrow('killed');
  const pending = await ask(pendingReader);
  expect(pending.map((a) => [a.medications, a.allergies, a.freshness])).toEqual(PATIENTS.map(() => [[], [], { organisations: [], lastUpdated: null }]));
});

it('a slice stored before the freshness was kept is read whole for it, and answers the same', async () => {
  await writeBatch();
  const expected = await fromWhole();
  await db.collection('patientSlices').updateMany({}, { $unset: { freshness: '' } });
  const answers = await ask(new SliceReader(slices, journal.pendingAmong));
  expect(answers).toEqual(expected);
  expect(answers[0].freshness.lastUpdated).toBe('2025-03-01T08:30:00.000Z');
});

it('a patient with no slice has empty panels and no freshness, and a panel name that is not one is refused', async () => {
  const reader = new SliceReader(slices, journal.pendingAmong);
  expect(await reader.panel('9990000034', 'medications')).toEqual([]);
  expect(await reader.freshness('9990000034')).toEqual({ organisations: [], lastUpdated: null });
  expect(() => reader.panel('9990000034', 'panels.$where')).toThrow(/not a panel name/);
});
