import type { Connection } from 'mongoose';
import {
  accessRecordReads,
  decideAccess,
  ensureLocalSecrets,
  FEED_JOURNAL,
  feedJournal,
  followFeedJournal,
  prepareBundle,
  recoverFeedJournal,
  registryAccessModels,
  writeTransaction,
  type FeedingOrganisation,
  type FeedJournal,
  type FeedTarget,
  type PatientAccessRecord,
} from '@shareforyou/kit';
import { registryFeedTarget } from '../../subgraphs/registry/src/feed';
import { registryModels, type RegistryModels } from '../../subgraphs/registry/src/models';
import { visiblePatient } from '../../subgraphs/registry/src/patientRecord';
import { closeDatabases, database } from '../support/clients';
import { dyingAfterFirstStaged } from '../support/dyingTarget';
import { pollUntil } from '../support/polling';

/**
 * The registry's transaction bundles through the journal on the real database (FerretDB: no
 * multi-document transactions). The registry stages them on the patients' access records, and the
 * access reads every subgraph uses (kit accessRecordReads) leave a pending transaction's writes out:
 * a half-written bundle opens no record and shows no patient, anywhere; once it commits, all of it
 * counts at once; recovery completes it. And the journal's done entries are deleted past the retention.
 */

const PRACTICE: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
const TRUST: FeedingOrganisation = { odsCode: 'RM3', name: 'Northern Care Alliance NHS Foundation Trust', kind: 'acute-trust', sharingStatus: 'active', sourceSystem: 'Allscripts Sunrise' };
const PATIENTS = ['9990000034', '9990000042'];
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

let db: Connection;
let models: RegistryModels;
let journal: FeedJournal;
let target: FeedTarget<any>;

const patientEntry = (nhsNumber: string, i: number) => ({
  resource: {
    resourceType: 'Patient',
    id: `rj-pat-${i}`,
    meta: { versionId: '1', lastUpdated: '2025-01-10T09:00:00Z' },
    identifier: [{ system: NHS, value: nhsNumber }],
    name: [{ use: 'official', family: 'Journal', given: [`Registry${i}`] }],
    gender: 'female',
    birthDate: '1950-01-01',
    generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: PRACTICE.odsCode } }],
  },
  request: { method: 'PUT', url: `Patient/rj-pat-${i}` },
});
const admissionEntry = (nhsNumber: string, i: number) => ({
  resource: {
    resourceType: 'Encounter',
    id: `rj-adm-${i}`,
    meta: { versionId: '1', lastUpdated: '2025-01-11T09:00:00Z' },
    status: 'in-progress',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { identifier: { system: NHS, value: nhsNumber } },
    period: { start: '2025-01-11T08:00:00Z' },
  },
  request: { method: 'PUT', url: `Encounter/rj-adm-${i}` },
});

const bundle = (entry: unknown[]) => ({ resourceType: 'Bundle', type: 'transaction', entry });
const registration = bundle(PATIENTS.map(patientEntry));
const admissions = bundle(PATIENTS.map(admissionEntry));
const byPatient = (b: unknown, organisation: FeedingOrganisation) => {
  const prepared = prepareBundle(target, b, organisation);
  expect(prepared.issues).toEqual([]);
  return prepared.byPatient;
};

/** What every subgraph's access decision sees, per patient: may the trust's clinician open it? the practice's? */
async function opens(): Promise<Array<{ trust: boolean; practice: boolean }>> {
  const records = (await accessRecordReads(registryAccessModels(db)).loadMany(PATIENTS)) as Array<PatientAccessRecord | null>;
  const may = (odsCode: string, patient: PatientAccessRecord | null) => decideAccess({ action: 'openRecord', actor: { odsCode, userId: 'u', profile: undefined }, patient }).allowed;
  return records.map((patient) => ({ trust: may(TRUST.odsCode, patient), practice: may(PRACTICE.odsCode, patient) }));
}

/** The registry's own view of each patient (the index entry as findSharedPatient shows it): the given name, or null. */
async function shown(): Promise<Array<string | null>> {
  const records = (await accessRecordReads(registryAccessModels(db)).loadMany(PATIENTS)) as Array<PatientAccessRecord | null>;
  const indexed = await Promise.all(PATIENTS.map((n) => models.Patient.findById(n).lean().exec()));
  return PATIENTS.map((_, i) => visiblePatient(indexed[i] as never, records[i])?.name.given[0] ?? null);
}


beforeAll(async () => {
  ensureLocalSecrets();
  db = (await database('registry')).useDb('registry_journal_test');
  await db.dropDatabase();
  const access = registryAccessModels(db);
  models = registryModels({ own: db, registry: db, access, slices: null });
  journal = feedJournal(db);
  target = registryFeedTarget(models);
});
afterAll(async () => {
  await db?.dropDatabase();
  await closeDatabases();
});
beforeEach(async () => {
  await Promise.all([models.Patient.deleteMany({}), models.PatientAccess.deleteMany({}), db.collection(FEED_JOURNAL).deleteMany({})]);
});

it('a registration transaction interrupted half way shows no patient and opens no record; recovery completes it', async () => {
  await expect(writeTransaction(journal, dyingAfterFirstStaged(target, PATIENTS[0]), PRACTICE, byPatient(registration, PRACTICE))).rejects.toThrow('killed');
  const [entry] = await journal.unfinished();
  expect(entry.state).toBe('pending');
  // The first patient's writes are in the database, beside the access record, and nothing of them counts.
  expect(await models.PatientAccess.countDocuments({ 'staged.journal': entry._id })).toBe(1);
  expect(await models.Patient.countDocuments({})).toBe(0);
  expect(await shown()).toEqual([null, null]);
  expect(await opens()).toEqual([{ trust: false, practice: false }, { trust: false, practice: false }]);

  expect(await recoverFeedJournal(journal, target, async () => new Set(), () => undefined)).toBe(1);
  expect(await shown()).toEqual(['Registry0', 'Registry1']);
  expect(await opens()).toEqual([{ trust: false, practice: true }, { trust: false, practice: true }]);
  expect(await models.PatientAccess.countDocuments({ 'staged.0': { $exists: true } })).toBe(0);
  expect(await models.Patient.countDocuments({})).toBe(2);

  const retry = await writeTransaction(journal, target, PRACTICE, byPatient(registration, PRACTICE));
  expect([...retry.values()]).toEqual(['unchanged', 'unchanged']);
  const stored = (await models.PatientAccess.find({}).lean().exec()) as PatientAccessRecord[];
  expect(stored.map((r) => r.relationships.length)).toEqual([1, 1]);
});

it("the trust's admissions, interrupted half way, open neither patient's record until recovery opens both", async () => {
  await writeTransaction(journal, target, PRACTICE, byPatient(registration, PRACTICE));
  await expect(writeTransaction(journal, dyingAfterFirstStaged(target, PATIENTS[0]), TRUST, byPatient(admissions, TRUST))).rejects.toThrow('killed');
  expect(await opens()).toEqual([{ trust: false, practice: true }, { trust: false, practice: true }]);
  await recoverFeedJournal(journal, target, async () => new Set(), () => undefined);
  expect(await opens()).toEqual([{ trust: true, practice: true }, { trust: true, practice: true }]);
});

it('once committed, the whole transaction counts for every reader before it is moved in', async () => {
  const interrupted: FeedTarget<any> = { ...target, settle: async () => { throw new Error('killed after the commit'); } };
  await expect(writeTransaction(journal, interrupted, PRACTICE, byPatient(registration, PRACTICE))).rejects.toThrow('killed after the commit');
  const [entry] = await journal.unfinished();
  expect(entry.state).toBe('committed');
  expect(await models.Patient.countDocuments({})).toBe(0);
  expect(await shown()).toEqual(['Registry0', 'Registry1']);
  expect(await opens()).toEqual([{ trust: false, practice: true }, { trust: false, practice: true }]);
  await recoverFeedJournal(journal, target, async () => new Set(), () => undefined);
  expect(await models.PatientAccess.countDocuments({ 'staged.0': { $exists: true } })).toBe(0);
  expect(await shown()).toEqual(['Registry0', 'Registry1']);
});

it('the sweep deletes done entries past the retention, in bulk, and keeps newer and unfinished ones', async () => {
  await writeTransaction(journal, target, PRACTICE, byPatient(registration, PRACTICE));
  const dying: FeedTarget<any> = { ...target, stage: async () => { throw new Error('killed before any write'); } };
  await expect(writeTransaction(journal, dying, TRUST, byPatient(admissions, TRUST))).rejects.toThrow();
  const old = new Date(Date.now() - 3_600_000);
  const organisation = PRACTICE;
  await journal.collection.insertMany(
    ['old-1', 'old-2', 'old-3'].map((_id) => ({ _id, state: 'done' as const, organisation, createdAt: old, committedAt: old, doneAt: old, patientCount: 1, entryCount: 1 })),
  );
  const states = async () => (await journal.collection.find({}).toArray()).map((j) => j.state).sort();
  expect(await states()).toEqual(['done', 'done', 'done', 'done', 'pending']);

  const log: string[] = [];
  const stop = followFeedJournal(
    (before) => recoverFeedJournal(journal, target, async () => new Set(), () => undefined, before),
    (message) => log.push(message),
    { FEED_JOURNAL_SWEEP_MS: '50', FEED_JOURNAL_STALE_MS: '3600000', FEED_JOURNAL_RETENTION_MS: '600000' },
    journal.forgetDone,
  );
  try {
    await pollUntil('the sweep to delete the old done entries', async () => (await journal.collection.countDocuments({ _id: { $in: ['old-1', 'old-2', 'old-3'] } })) === 0, 15_000, 50);
  } finally {
    stop();
  }
  // The done entry of ten minutes' retention is kept, and so is the unfinished one (not stale yet).
  expect(await states()).toEqual(['done', 'pending']);
  expect(log).toContain('feed journal: 3 done entries past the retention deleted');
});

it('a patient who opted out after the bundle was checked gets nothing staged and nothing indexed; the other is registered', async () => {
  // The opt-out lands between the feed's check and the stage (the check is not repeated by the writer).
  await models.PatientAccess.create({
    _id: PATIENTS[0],
    relationships: [],
    breakGlass: [],
    revision: 1,
    recordOptOut: { status: 'opted-out', recordedAt: new Date(), recordedBy: { userId: 'gp', name: 'Dr A', odsCode: PRACTICE.odsCode }, practiceOdsCode: PRACTICE.odsCode, practiceName: PRACTICE.name },
  });
  const results = await writeTransaction(journal, target, PRACTICE, byPatient(registration, PRACTICE));
  expect([...results.values()]).toEqual(['refused-opted-out', 'created']);
  expect(await models.PatientAccess.countDocuments({ 'staged.0': { $exists: true } })).toBe(0);
  expect(await models.Patient.findById(PATIENTS[0]).lean().exec()).toBeNull();
  expect(((await models.PatientAccess.findById(PATIENTS[0]).lean().exec()) as PatientAccessRecord).relationships).toEqual([]);
  expect(await shown()).toEqual([null, 'Registry1']);
  expect(await opens()).toEqual([{ trust: false, practice: false }, { trust: false, practice: true }]);
});
