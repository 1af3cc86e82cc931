import type { Connection } from 'mongoose';
import { ensureLocalSecrets, registryAccessModels, restrictionOf } from '@shareforyou/kit';
import { registryModels, type RegistryModels } from '../../subgraphs/registry/src/models';
import { backfillRestrictions, maintenanceModel } from '../../subgraphs/registry/src/restrictionBackfill';
import { closeDatabases, database } from '../support/clients';
import { commandLog } from '../support/commandLog';

/**
 * Access records kept before the restricted flag was (clinical safety H165): without a flag every
 * organisation's relatives are withheld from everyone. The registry's start gives each the flag its
 * own patient index holds, on the real database: restricted stays withheld, not restricted shows
 * again, a record the index does not hold stays unknown, a flag already set is never overwritten,
 * and a finished pass is not run again. The index is read once per page of access records, not once
 * per patient.
 */

let db: Connection;
let models: RegistryModels;
let maintenance: ReturnType<typeof maintenanceModel>;

const RESTRICTED = '9990000050';
const OPEN = '9990000069';
const NOT_INDEXED = '9990000077';
const ALREADY = '9990000085';

const access = (id: string, extra: object = {}) => ({ _id: id, relationships: [], recordOptOut: null, breakGlass: [], revision: 3, ...extra });
const indexed = (id: string, restricted: boolean | undefined, versionKey: string) => ({
  _id: id, name: { given: 'Test', family: 'Backfill', text: 'Test Backfill' }, gender: 'female', birthDate: '1950-01-01', versionKey, ...(restricted === undefined ? {} : { restricted }),
});

beforeAll(async () => {
  ensureLocalSecrets();
  db = (await database('registry')).useDb('registry_restriction_backfill_test');
  await db.dropDatabase();
  models = registryModels({ own: db, registry: db, access: registryAccessModels(db), slices: null });
  maintenance = maintenanceModel(db);
});
afterAll(async () => {
  await db?.dropDatabase();
  await closeDatabases();
});

it('each record kept before the flag takes its index\'s once; the unknown stays unknown; a set flag is kept; a second start does nothing', async () => {
  await models.PatientAccess.collection.insertMany([access(RESTRICTED), access(OPEN), access(NOT_INDEXED), access(ALREADY, { restriction: { restricted: true, versionKey: 'newer' } })] as never[]);
  await models.Patient.collection.insertMany([indexed(RESTRICTED, true, 'r1'), indexed(OPEN, undefined, 'o1'), indexed(ALREADY, false, 'older')] as never[]);
  const logged: string[] = [];

  expect(await backfillRestrictions(models, maintenance, { stopping: () => false, log: (m) => logged.push(m) })).toBe(2);
  const byId = async (id: string) => restrictionOf((await models.PatientAccess.findById(id).lean().exec()) as never);
  expect(await byId(RESTRICTED)).toBe('restricted');
  expect(await byId(OPEN)).toBe('not-restricted');
  expect(await byId(NOT_INDEXED)).toBe('unknown');
  expect(await byId(ALREADY)).toBe('restricted');
  expect(((await models.PatientAccess.findById(ALREADY).lean().exec()) as any).restriction.versionKey).toBe('newer');
  // Written by compare-and-set: a concurrent feed writer sees the change.
  expect(((await models.PatientAccess.findById(OPEN).lean().exec()) as any).revision).toBe(4);
  expect(logged).toEqual([expect.stringContaining('onto 2 access records')]);

  // A record kept later without a flag (a hospital's relationship before any demographics) is the feed's to flag, not a later start's.
  await models.PatientAccess.collection.insertOne(access('9990000093') as never);
  await models.Patient.collection.insertOne(indexed('9990000093', true, 'x1') as never);
  expect(await backfillRestrictions(models, maintenance, { stopping: () => false, log: () => undefined })).toBe(0);
  expect(await byId('9990000093')).toBe('unknown');
});

it('a stopping service ends the pass without marking it done, so the next start finishes it', async () => {
  await Promise.all([models.PatientAccess.deleteMany({}), models.Patient.deleteMany({}), maintenance.deleteMany({})]);
  await models.PatientAccess.collection.insertOne(access(OPEN) as never);
  await models.Patient.collection.insertOne(indexed(OPEN, false, 'o1') as never);
  expect(await backfillRestrictions(models, maintenance, { stopping: () => true, log: () => undefined })).toBe(0);
  expect(await maintenance.countDocuments({})).toBe(0);
  expect(await backfillRestrictions(models, maintenance, { stopping: () => false, log: () => undefined })).toBe(1);
});

it("reads the index once per page of access records (one $in), not once per patient", async () => {
  await Promise.all([models.PatientAccess.deleteMany({}), models.Patient.deleteMany({}), maintenance.deleteMany({})]);
  await models.PatientAccess.collection.insertMany([access(RESTRICTED), access(OPEN), access(NOT_INDEXED), access(ALREADY, { restriction: { restricted: true, versionKey: 'newer' } })] as never[]);
  await models.Patient.collection.insertMany([indexed(RESTRICTED, true, 'r1'), indexed(OPEN, false, 'o1'), indexed(ALREADY, false, 'older')] as never[]);
  const log = await commandLog(db.name);
  try {
    const counted = registryModels({ own: log.connection, registry: log.connection, access: registryAccessModels(log.connection), slices: null });
    expect(await backfillRestrictions(counted, maintenanceModel(log.connection), { stopping: () => false, log: () => undefined })).toBe(2);
    expect(log.reads('patients')).toBe(1);
  } finally {
    await log.close();
  }
  expect(((await models.PatientAccess.findById(RESTRICTED).lean().exec()) as any).restriction).toEqual({ restricted: true, versionKey: 'r1' });
  expect(((await models.PatientAccess.findById(ALREADY).lean().exec()) as any).restriction.versionKey).toBe('newer');
});
