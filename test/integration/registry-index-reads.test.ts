import type { Connection } from 'mongoose';
import { ensureLocalSecrets, prepareBundle, registryAccessModels, versionKey, type FeedingOrganisation, type FeedTarget, type PatientAccessRecord } from '@shareforyou/kit';
import { registryFeedTarget } from '../../subgraphs/registry/src/feed';
import { registryModels, type PatientRecord, type RegistryModels } from '../../subgraphs/registry/src/models';
import { commandLog, type CommandLog } from '../support/commandLog';

/**
 * The registry's feed writes a Patient with one read of the patient index per patient and bundle:
 * the same read gives a Patient older than the index the index's restricted flag (clinical safety
 * H165) and is the entry the new one is written over by compare-and-set. Counted as the commands
 * the driver sends, on the real database. An entry another writer changed after that read is read
 * again and decided on as it stands.
 */

const PRACTICE: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const PATIENT = '9990000034';
const DB = 'registry_index_reads_test';

let log: CommandLog;
let db: Connection;
let models: RegistryModels;
let target: FeedTarget<any>;

const lastUpdated = (version: number) => `2025-01-1${version}T09:00:00Z`;
const patientEntry = (version: number, restricted = false) => ({
  resource: {
    resourceType: 'Patient',
    id: 'ir-pat',
    meta: { versionId: String(version), lastUpdated: lastUpdated(version), ...(restricted ? { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] } : {}) },
    identifier: [{ system: NHS, value: PATIENT }],
    name: [{ use: 'official', family: 'Reads', given: [`Version${version}`] }],
    gender: 'female',
    birthDate: '1950-01-01',
    generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: PRACTICE.odsCode } }],
  },
  request: { method: 'PUT', url: 'Patient/ir-pat' },
});
const keyOf = (version: number) => versionKey({ lastUpdated: lastUpdated(version), version: String(version) });

/** Sends a batch of these entries through the registry's writer; the results in entry order. */
async function send(...entries: unknown[]) {
  const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: entries }, PRACTICE);
  expect(prepared.issues).toEqual([]);
  const results = [];
  for (const [nhsNumber, patientEntries] of prepared.byPatient) results.push(...(await target.write(nhsNumber, patientEntries, PRACTICE)).values());
  return results;
}
const indexed = async () => (await models.Patient.findById(PATIENT).lean().exec()) as PatientRecord | null;
const restriction = async () => ((await models.PatientAccess.findById(PATIENT).lean().exec()) as PatientAccessRecord | null)?.restriction;

beforeAll(async () => {
  ensureLocalSecrets();
  log = await commandLog(DB);
  db = log.connection;
  await db.dropDatabase();
  models = registryModels({ own: db, registry: db, access: registryAccessModels(db), slices: null });
  target = registryFeedTarget(models);
});
afterAll(async () => {
  await db?.dropDatabase();
  await log?.close();
});
beforeEach(async () => {
  jest.restoreAllMocks();
  await Promise.all([models.Patient.deleteMany({}), models.PatientAccess.deleteMany({})]);
  log.clear();
});

it('a Patient created, updated, sent again and sent late: one read of the index each time, and the answer and the flag as before', async () => {
  expect(await send(patientEntry(2))).toEqual(['created']);
  expect(log.reads('patients')).toBe(1);
  expect((await indexed())?.versionKey).toBe(keyOf(2));

  log.clear();
  expect(await send(patientEntry(3, true))).toEqual(['updated']);
  expect(log.reads('patients')).toBe(1);
  expect(await restriction()).toEqual({ restricted: true, versionKey: keyOf(3) });

  log.clear();
  expect(await send(patientEntry(3, true))).toEqual(['unchanged']);
  expect(log.reads('patients')).toBe(1);

  // A late, older version changes nothing, and the access record keeps the index's flag (H165).
  log.clear();
  expect(await send(patientEntry(1))).toEqual(['stale']);
  expect(log.reads('patients')).toBe(1);
  expect((await indexed())?.versionKey).toBe(keyOf(3));
  expect(await restriction()).toEqual({ restricted: true, versionKey: keyOf(3) });
});

it('an entry relationships only (no Patient) does not read the index', async () => {
  const admission = {
    resource: { resourceType: 'Encounter', id: 'ir-adm', meta: { versionId: '1', lastUpdated: '2025-01-11T09:00:00Z' }, status: 'in-progress', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' }, subject: { identifier: { system: NHS, value: PATIENT } }, period: { start: '2025-01-11T08:00:00Z' } },
    request: { method: 'PUT', url: 'Encounter/ir-adm' },
  };
  const trust: FeedingOrganisation = { odsCode: 'RM3', name: 'Northern Care Alliance NHS Foundation Trust', kind: 'acute-trust', sharingStatus: 'active', sourceSystem: 'Allscripts Sunrise' };
  const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [admission] }, trust);
  expect(prepared.issues).toEqual([]);
  expect([...(await target.write(PATIENT, prepared.byPatient.get(PATIENT)!, trust)).values()]).toEqual(['created']);
  expect(log.reads('patients')).toBe(0);
});

/** Another writer sets the index entry to `version` just before this writer's compare-and-set. */
function anotherWriterFirst(version: number) {
  const updateOne = models.Patient.updateOne.bind(models.Patient);
  jest.spyOn(models.Patient, 'updateOne').mockImplementationOnce(((filter: any, update: any) => ({
    exec: async () => {
      await models.Patient.collection.updateOne({ _id: PATIENT } as never, { $set: { versionKey: keyOf(version) } });
      return updateOne(filter, update).exec();
    },
  })) as never);
}

it('an entry another writer changed after the read is read again: a newer one wins (stale), an older one is written over', async () => {
  expect(await send(patientEntry(1))).toEqual(['created']);

  anotherWriterFirst(5);
  expect(await send(patientEntry(3))).toEqual(['stale']);
  expect((await indexed())?.versionKey).toBe(keyOf(5));

  await models.Patient.collection.updateOne({ _id: PATIENT } as never, { $set: { versionKey: keyOf(1) } });
  anotherWriterFirst(2);
  log.clear();
  expect(await send(patientEntry(3))).toEqual(['updated']);
  // The first read, and once more after the other writer's change.
  expect(log.reads('patients')).toBe(2);
  expect((await indexed())?.versionKey).toBe(keyOf(3));
});
