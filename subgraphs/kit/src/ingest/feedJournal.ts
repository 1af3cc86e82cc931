import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { CONTAINED_ONLY } from './bundleReferences';
import type { FeedEntry } from './feedBundle';
import type { EntryResult, FeedingOrganisation, FeedTarget, PreparedEntries } from './feedTarget';

/**
 * FHIR transaction bundles, all or nothing across a crash, on a database without multi-document
 * transactions (FerretDB locally). A bundle touches one record document per patient (two in the
 * registry), so it is written through a journal in the subgraph's own database (`feedJournal`):
 *
 * 1. **pending**: the prepared bundle, every write of every patient, is inserted as one document.
 *    From here on the bundle is never rolled back, only forward.
 * 2. each patient's writes are staged beside the record (`staged`, tagged with the journal id),
 *    idempotently; readers ignore staged writes of a pending journal entry.
 * 3. **committed**: one update of the journal entry, the commit point. Readers now apply the staged
 *    writes (they look up the state of any journal id they find staged).
 * 4. the staged writes are moved into the record, idempotently; then **done**, and the prepared
 *    writes are removed from the journal (it keeps the id, the organisation and the counts).
 *
 * A subgraph that starts (before it serves anything) rolls every pending or committed entry
 * forward from where it stopped, skipping patients who have opted out meanwhile; while running,
 * it does the same for entries left unfinished for a minute (another instance died). Every step is a
 * versioned write, so a second instance doing the same, or the source sending the bundle again,
 * converges to one copy. The registry stages too, on the patient's access record (access/stagedAccess),
 * and every subgraph's access reads look its journal up the same way (access/patientAccess), so a
 * half-written registry transaction grants and denies nothing anywhere. A target without staging
 * would be written directly in step 2: completed after a crash, but partly visible until then.
 *
 * Done entries are kept for a while (who sent what, when: FEED_JOURNAL_RETENTION_MS, 7 days by
 * default), then deleted in bulk by the sweep. A reader meeting a staged write whose entry is gone
 * treats it as committed: only a done entry is ever deleted, and nothing of a done entry is staged.
 */

export type JournalState = 'pending' | 'committed' | 'done';

/** An entry as the journal keeps it: what writing needs, not the resource it was read from. */
type JournalEntry = Omit<FeedEntry, 'resource' | 'references'>;

export interface FeedJournalRecord {
  _id: string;
  state: JournalState;
  organisation: FeedingOrganisation;
  createdAt: Date;
  committedAt?: Date;
  doneAt?: Date;
  patientCount: number;
  entryCount: number;
  /** One patient's prepared writes, as the target keeps them (sealed for patient slices); removed when done. */
  patients?: Array<{ nhsNumber: string; writes: unknown }>;
}

export const FEED_JOURNAL = 'feedJournal';

/** Test-only fault hook: pause this long after each patient's writes, so a test can kill the process between them. */
export const PAUSE_HOOK = 'FEED_TEST_PAUSE_AFTER_WRITE_MS';

/** A fault hook never runs in production: a subgraph refuses to start with one set. */
export function refuseTestHooksInProduction(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production' && env[PAUSE_HOOK]) {
    throw new Error(`${PAUSE_HOOK} is a test-only fault hook and is refused in production; unset it.`);
  }
}

const pauseAfterWrite = () => {
  const ms = Number(process.env[PAUSE_HOOK]);
  return Number.isFinite(ms) && ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : null;
};

const PARALLEL_PATIENTS = 8;

async function eachPatient<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  // With the fault hook set, one patient at a time, so the kill falls between two writes.
  const size = process.env[PAUSE_HOOK] ? 1 : PARALLEL_PATIENTS;
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
    await pauseAfterWrite();
  }
}

export function feedJournal(db: Connection) {
  const collection = db.collection<FeedJournalRecord>(FEED_JOURNAL);
  return {
    collection,
    /** The index the start-up recovery (by state) and the retention sweep (done, by when) read by. */
    ensureIndexes: () => collection.createIndex({ state: 1, doneAt: 1 }),
    /** Step 1: the whole prepared bundle, one document. */
    begin: async (_id: string, organisation: FeedingOrganisation, patients: Array<{ nhsNumber: string; writes: unknown }>, entryCount: number) => {
      await collection.insertOne({ _id, state: 'pending', organisation, createdAt: new Date(), patientCount: patients.length, entryCount, patients });
    },
    commit: (id: string) => collection.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'committed', committedAt: new Date() } }),
    done: (id: string) => collection.updateOne({ _id: id }, { $set: { state: 'done', doneAt: new Date() }, $unset: { patients: '' } }),
    /** Done entries finished before `before`, deleted in one command; how many went. */
    forgetDone: async (before: Date) => (await collection.deleteMany({ state: 'done', doneAt: { $lt: before } })).deletedCount,
    unfinished: (before?: Date) => collection.find({ state: { $in: ['pending', 'committed'] }, ...(before ? { createdAt: { $lt: before } } : {}) }).sort({ createdAt: 1 }).toArray(),
    /** Of these journal ids, the pending ones (readers leave their staged writes out). */
    async pendingAmong(ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const found = await collection.find({ _id: { $in: ids }, state: 'pending' }, { projection: { _id: 1 } }).toArray();
      return new Set(found.map((j) => j._id));
    },
  };
}
export type FeedJournal = ReturnType<typeof feedJournal>;

function toJournal<P>(prepared: PreparedEntries<P>): Array<{ entry: JournalEntry; prepared: P }> {
  return prepared.map(({ entry: { resource: _resource, references: _references, ...entry }, prepared: p }) => ({ entry, prepared: p }));
}

function fromJournal<P>(stored: Array<{ entry: JournalEntry; prepared: P }>): PreparedEntries<P> {
  return stored.map(({ entry, prepared }) => ({ entry: { ...entry, resource: null, references: CONTAINED_ONLY }, prepared }));
}

function sealPatients<P>(target: FeedTarget<P>, id: string, byPatient: Map<string, PreparedEntries<P>>) {
  return [...byPatient].map(([nhsNumber, prepared]) => {
    const entries = toJournal(prepared) as unknown as PreparedEntries<P>;
    return { nhsNumber, writes: target.journalCodec ? target.journalCodec.seal(nhsNumber, id, entries) : entries };
  });
}

function openPatients<P>(target: FeedTarget<P>, record: FeedJournalRecord): Map<string, PreparedEntries<P>> {
  return new Map(
    (record.patients ?? []).map(({ nhsNumber, writes }) => {
      const stored = target.journalCodec ? target.journalCodec.open(nhsNumber, record._id, writes) : (writes as PreparedEntries<P>);
      return [nhsNumber, fromJournal(stored as unknown as Array<{ entry: JournalEntry; prepared: P }>)];
    }),
  );
}

/** Steps 2 to 4 from wherever the entry stands. Returns what each entry did (when written now). */
async function rollForward<P>(journal: FeedJournal, target: FeedTarget<P>, id: string, state: JournalState, organisation: FeedingOrganisation, byPatient: Map<string, PreparedEntries<P>>) {
  const results = new Map<number, EntryResult>();
  const patients = [...byPatient];
  if (state === 'pending') {
    await eachPatient(patients, async ([nhsNumber, prepared]) => {
      const written = target.stage ? await target.stage(nhsNumber, prepared, organisation, id) : await target.write(nhsNumber, prepared, organisation);
      written.forEach((result, index) => results.set(index, result));
    });
    await journal.commit(id);
  }
  if (target.settle) await eachPatient(patients, ([nhsNumber]) => target.settle!(nhsNumber, id));
  await journal.done(id);
  // Patients are written side by side: the answer is in entry order, whichever finished first.
  return new Map([...results].sort(([a], [b]) => a - b));
}

/** A transaction bundle's writes (already validated, opted-out patients removed), through the journal. */
export async function writeTransaction<P>(journal: FeedJournal, target: FeedTarget<P>, organisation: FeedingOrganisation, byPatient: Map<string, PreparedEntries<P>>): Promise<Map<number, EntryResult>> {
  const id = randomUUID();
  const entryCount = [...byPatient.values()].reduce((n, entries) => n + entries.length, 0);
  await journal.begin(id, organisation, sealPatients(target, id, byPatient), entryCount);
  return rollForward(journal, target, id, 'pending', organisation, byPatient);
}

/**
 * At start, before serving: every transaction a crash (or a stopped instance) left unfinished is
 * completed. `optedOut` says which of a bundle's patients may no longer be written.
 */
export async function recoverFeedJournal<P>(
  journal: FeedJournal,
  target: FeedTarget<P>,
  optedOut: (organisation: FeedingOrganisation, nhsNumbers: string[]) => Promise<Set<string>>,
  log: (message: string) => void,
  before?: Date,
): Promise<number> {
  const unfinished = await journal.unfinished(before);
  for (const record of unfinished) {
    const byPatient = openPatients(target, record);
    const refused = await optedOut(record.organisation, [...byPatient.keys()]);
    for (const nhsNumber of refused) byPatient.delete(nhsNumber);
    await rollForward(journal, target, record._id, record.state, record.organisation, byPatient);
    log(`feed transaction ${record._id} from ${record.organisation.odsCode} completed by recovery (was ${record.state}; ${byPatient.size} patient(s), ${refused.size} now opted out)`);
  }
  return unfinished.length;
}

/** How long done journal entries are kept before the sweep deletes them (FEED_JOURNAL_RETENTION_MS). */
export const DEFAULT_JOURNAL_RETENTION_MS = 7 * 86_400_000;

/**
 * While running: entries older than `staleAfterMs` that are still unfinished belong to an instance
 * that stopped and has not come back (or is very slow); any instance completes them, so they do not
 * wait for a restart. Rolling forward an entry its writer is still on is harmless: every step is idempotent.
 * Each sweep then deletes, in one command, the done entries older than the retention (`forgetDone`).
 */
export function followFeedJournal(
  recover: (before: Date) => Promise<unknown>,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  forgetDone?: (before: Date) => Promise<number>,
): () => void {
  const setting = (name: string, fallback: number, least: number) => {
    const ms = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(ms) && ms >= least ? ms : fallback;
  };
  const everyMs = setting('FEED_JOURNAL_SWEEP_MS', 30_000, 10);
  const staleAfterMs = setting('FEED_JOURNAL_STALE_MS', 60_000, 0);
  const retentionMs = setting('FEED_JOURNAL_RETENTION_MS', DEFAULT_JOURNAL_RETENTION_MS, 0);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recover(new Date(Date.now() - staleAfterMs))
      .then(async () => {
        const forgotten = forgetDone ? await forgetDone(new Date(Date.now() - retentionMs)) : 0;
        if (forgotten > 0) log(`feed journal: ${forgotten} done entr${forgotten === 1 ? 'y' : 'ies'} past the retention deleted`);
      })
      .catch((error: Error) => log(`feed journal sweep will retry: ${error.name}`))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
