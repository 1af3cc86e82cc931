import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Connection } from 'mongoose';
import pino from 'pino';
import {
  ensureLocalSecrets,
  FEED_JOURNAL,
  feedJournal,
  followFeedJournal,
  loadSlices,
  mountFeedEndpoint,
  patientSliceModel,
  prepareBundle,
  recoverFeedJournal,
  registryAccessModels,
  signSystemToken,
  sliceFeedTarget,
  writeTransaction,
  type FeedJournal,
  type FeedTarget,
  type PatientSliceModel,
} from '@shareforyou/kit';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { closeDatabases, database } from '../support/clients';
import { dyingAfterFirstStaged } from '../support/dyingTarget';
import { GP_PRACTICE, medicationEntry } from '../support/feedBundles';
import { INTERNAL_TEXT } from '../support/internalText';
import { pollUntil } from '../support/polling';

/**
 * The feed journal against the real database (FerretDB: no multi-document transactions): a
 * transaction's staged writes are invisible while its journal entry is pending, a start-up
 * recovery completes an interrupted one, and sending it again changes nothing. And the feed's 503
 * says what to do and which request it was, never the error's own text.
 */

const GP = GP_PRACTICE;
const PATIENTS = ['9990000018', '9990000026'];

let db: Connection;
let slices: PatientSliceModel;
let journal: FeedJournal;
let target: FeedTarget<any>;

const transaction = { resourceType: 'Bundle', type: 'transaction', entry: PATIENTS.flatMap((n) => [medicationEntry(n, `ms-${n}-1`), medicationEntry(n, `ms-${n}-2`)]) };
const byPatient = () => prepareBundle(target, transaction, GP).byPatient;

/** What a reader of the record sees: item ids per patient. */
async function seen(): Promise<string[][]> {
  const loaded = await loadSlices(slices, journal.pendingAmong).loadMany(PATIENTS);
  return loaded.map((slice) => ((slice as any)?.panels?.medications ?? []).map((m: { id: string }) => m.id).sort());
}
const all = PATIENTS.map((n) => [`P83005/MedicationStatement/ms-${n}-1`, `P83005/MedicationStatement/ms-${n}-2`]);

beforeAll(async () => {
  ensureLocalSecrets();
  db = (await database('registry')).useDb('feed_journal_test');
  await db.dropDatabase();
  slices = patientSliceModel(db);
  journal = feedJournal(db);
  target = sliceFeedTarget('gp', gpFeed, slices);
});
afterAll(async () => {
  await db?.dropDatabase();
  await closeDatabases();
});
beforeEach(async () => {
  await slices.deleteMany({});
  await db.collection(FEED_JOURNAL).deleteMany({});
});

it('an interrupted transaction is invisible; recovery completes it; a retry leaves one copy', async () => {
  // The writer "dies" after the first patient's writes are staged: the second patient's write fails.
  const dying = dyingAfterFirstStaged(target, PATIENTS[0]);
  await expect(writeTransaction(journal, dying, GP, byPatient())).rejects.toThrow('killed');

  const [entry] = await journal.unfinished();
  expect(entry.state).toBe('pending');
  // Sealed like the record: no clinical text in the journal.
  expect(JSON.stringify(entry.patients)).not.toMatch(/Atorvastatin/);
  expect(await slices.countDocuments({ 'staged.journal': entry._id })).toBe(1);
  // The staged writes beside the record are sealed too (the FAQ: an encrypted system).
  const stagedOn = await db.collection('patientSlices').findOne({ 'staged.journal': entry._id });
  expect(JSON.stringify(stagedOn?.staged)).toMatch(/"sealed"/);
  expect(JSON.stringify(stagedOn?.staged)).not.toMatch(/Atorvastatin/);
  expect(await seen()).toEqual([[], []]);

  const log: string[] = [];
  expect(await recoverFeedJournal(journal, target, async () => new Set(), (m) => log.push(m))).toBe(1);
  expect(await seen()).toEqual(all);
  expect(await slices.countDocuments({ 'staged.0': { $exists: true } })).toBe(0);
  const done = await db.collection(FEED_JOURNAL).findOne({ _id: entry._id as never });
  expect({ state: done?.state, patients: done?.patients }).toEqual({ state: 'done', patients: undefined });
  expect(log.join('\n')).not.toMatch(/99900000/);

  const retry = await writeTransaction(journal, target, GP, byPatient());
  expect([...retry.values()]).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  expect(await seen()).toEqual(all);
  expect(await recoverFeedJournal(journal, target, async () => new Set(), () => undefined)).toBe(0);
});

it('staged writes show once the journal entry commits, before they are moved into the record', async () => {
  const interrupted: FeedTarget<any> = { ...target, settle: async () => { throw new Error('killed after the commit'); } };
  await expect(writeTransaction(journal, interrupted, GP, byPatient())).rejects.toThrow('killed after the commit');
  const [entry] = await journal.unfinished();
  expect(entry.state).toBe('committed');
  expect(await slices.countDocuments({ 'staged.journal': entry._id })).toBe(2);
  expect(await seen()).toEqual(all);
  await recoverFeedJournal(journal, target, async () => new Set(), () => undefined);
  expect(await slices.countDocuments({ 'staged.0': { $exists: true } })).toBe(0);
  expect(await seen()).toEqual(all);
});

it('while running, an entry another instance left unfinished is completed once it is stale, not before', async () => {
  const dying: FeedTarget<any> = { ...target, stage: async () => { throw new Error('killed before any write'); } };
  await expect(writeTransaction(journal, dying, GP, byPatient())).rejects.toThrow();
  const [entry] = await journal.unfinished();
  expect(await recoverFeedJournal(journal, target, async () => new Set(), () => undefined, entry.createdAt)).toBe(0);
  expect(await seen()).toEqual([[], []]);
  const stop = followFeedJournal((before) => recoverFeedJournal(journal, target, async () => new Set(), () => undefined, before), () => undefined, { FEED_JOURNAL_SWEEP_MS: '50', FEED_JOURNAL_STALE_MS: '0' });
  try {
    await pollUntil('the sweep to complete the entry', async () => JSON.stringify(await seen()) === JSON.stringify(all), 15_000, 50);
  } finally {
    stop();
  }
});

it('recovery leaves out a patient who opted out after the bundle was journalled', async () => {
  const dying: FeedTarget<any> = { ...target, stage: async () => { throw new Error('killed before any write'); } };
  await expect(writeTransaction(journal, dying, GP, byPatient())).rejects.toThrow();
  await recoverFeedJournal(journal, target, async () => new Set([PATIENTS[1]]), () => undefined);
  expect(await seen()).toEqual([all[0], []]);
});

it("the feed's 503 carries a request id and a clean message; the operational log keeps the detail", async () => {
  const registry = (await database('registry')).useDb('feed_journal_test');
  await registry.collection('organisations').updateOne({ _id: GP.odsCode as never }, { $set: { name: GP.name, kind: GP.kind, sharingStatus: 'active', sourceSystem: GP.sourceSystem } }, { upsert: true });
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  const failing: FeedTarget<any> = { ...target, write: async () => { throw new TypeError("Cannot read properties of undefined (reading 'x') at /work/x.ts:12 MongoServerError"); } };
  const app = express();
  mountFeedEndpoint(app, failing, { name: 'gp', registry, access: registryAccessModels(registry), journal, log });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${signSystemToken(GP.odsCode)}`, 'x-request-id': 'feed-req-1' },
      body: JSON.stringify({ ...transaction, type: 'batch' }),
    });
    const text = await response.text();
    expect(response.status).toBe(503);
    expect(response.headers.get('x-request-id')).toBe('feed-req-1');
    expect(text).not.toMatch(INTERNAL_TEXT);
    expect(JSON.parse(text).issue[0]).toEqual({ severity: 'error', code: 'exception', diagnostics: expect.stringContaining('Quote request id feed-req-1') });
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'feed-req-1');
    expect(logged).toMatchObject({ level: 50, error: 'TypeError', message: expect.stringContaining('Cannot read properties') });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
