import canonicalize from 'canonicalize';
import { progress } from '../cli/progress';
import mongoose, { type Connection, type Model } from 'mongoose';
import {
  databaseName,
  openFreshness,
  openPanels,
  patientSliceModel,
  prepareBundle,
  registryAccessModels,
  sliceFeedTarget,
  type FeedingOrganisation,
  type FeedTarget,
  type SubgraphDefinition,
} from '@shareforyou/kit';
import { kindsHeldBy, subgraphServices } from '@shareforyou/schema';
import { organisations } from '../demo/organisations';
import { sendBundle } from '../feeds/feedClient';
import { generatePatient, type Feed } from '../synthetic';

/**
 * Bulk seeding for benchmark datasets. The normal seed posts every bundle to the feed endpoints:
 * about five bundles per patient, each an HTTP request and several database round trips, so
 * 100,000 patients would take some twenty minutes at the ingest rate the bench measures (and took
 * days before the engine patch, when every bundle's opt-out check scanned the access records).
 *
 * This runs the SAME feed code in-process — each subgraph's FHIR mappings and the kit's versioned
 * write logic (FeedTarget.prepare and .write) — against an in-memory stand-in for the collections,
 * then inserts the resulting documents in large batches. Only the HTTP hop and the opt-out check
 * (nobody is opted out in a fresh dataset) are skipped. `verifyAgainstFeeds` checks, on patients
 * outside the dataset, that the documents it produces are identical to what the real feed
 * endpoints store. A subgraph whose feed it cannot run in-process is seeded over HTTP instead.
 */

type AnyTarget = FeedTarget<any>;

/** An in-memory stand-in for the few model calls the feed writers make. Documents are cast by the real model. */
class MemoryCollection {
  readonly docs = new Map<string, Record<string, unknown>>();

  constructor(readonly model: Model<any>) {}

  private cast(doc: Record<string, unknown>): Record<string, unknown> {
    return new this.model(doc).toBSON() as Record<string, unknown>;
  }

  findById(id: string) {
    const doc = this.docs.get(id);
    return { lean: () => ({ exec: async () => (doc ? structuredClone(doc) : null) }) };
  }

  updateOne(filter: Record<string, unknown>, update: { $set?: Record<string, unknown>; $inc?: Record<string, number> }) {
    return {
      exec: async () => {
        const doc = this.docs.get(String(filter._id));
        if (!doc || Object.entries(filter).some(([key, value]) => key !== '_id' && doc[key] !== value)) return { matchedCount: 0, modifiedCount: 0 };
        const next: Record<string, unknown> = { ...doc, ...(update.$set ?? {}) };
        for (const [key, by] of Object.entries(update.$inc ?? {})) next[key] = Number(next[key] ?? 0) + by;
        this.docs.set(String(filter._id), this.cast(next));
        return { matchedCount: 1, modifiedCount: 1 };
      },
    };
  }

  async create(doc: Record<string, unknown>) {
    const id = String(doc._id);
    if (this.docs.has(id)) throw Object.assign(new Error(`duplicate key ${id}`), { code: 11000 });
    this.docs.set(id, this.cast(doc));
    return doc;
  }

  async flush(): Promise<number> {
    const docs = [...this.docs.values()];
    this.docs.clear();
    for (let i = 0; i < docs.length; i += 200) await this.model.collection.insertMany(docs.slice(i, i + 200), { ordered: false });
    return docs.length;
  }
}

interface InProcessTarget {
  target: AnyTarget;
  collections: MemoryCollection[];
}

/** The feed target of every subgraph that has a feed, wired to in-memory collections where possible. */
function buildTargets(connection: Connection): Map<string, InProcessTarget> {
  const targets = new Map<string, InProcessTarget>();
  for (const { name } of subgraphServices) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const definition = (require(`@shareforyou/subgraph-${name}`) as { default: SubgraphDefinition<any> }).default;
    const db = connection.useDb(databaseName(name), { useCache: true });
    const access = registryAccessModels(db);
    if (definition.feedTarget) {
      // The registry: its own writer over its models, the two written collections in memory.
      const models = definition.models({ own: db, registry: db, access, slices: null }) as Record<string, Model<any>>;
      const patients = new MemoryCollection(models.Patient);
      const patientAccess = new MemoryCollection(access.PatientAccess);
      const target = definition.feedTarget({ ...models, Patient: patients, PatientAccess: patientAccess });
      targets.set(name, { target, collections: [patients, patientAccess] });
    } else if (definition.feed) {
      const slices = new MemoryCollection(patientSliceModel(db));
      targets.set(name, { target: sliceFeedTarget(name, definition.feed, slices as never), collections: [slices] });
    }
  }
  return targets;
}

const organisationByOds = new Map<string, FeedingOrganisation>(
  organisations.map((o) => [o.odsCode, { odsCode: o.odsCode, name: o.name, kind: o.kind, sharingStatus: o.sharingStatus, sourceSystem: o.sourceSystem }]),
);

/** What the feed endpoint does with one bundle (the kit's prepareBundle, then the writes), minus HTTP and the opt-out check. */
async function feedInProcess(target: AnyTarget, feed: Feed): Promise<void> {
  const organisation = organisationByOds.get(feed.odsCode);
  if (!organisation) throw new Error(`organisation ${feed.odsCode} is not in the register`);
  const refusal = target.refuseOrganisation(organisation);
  if (refusal) throw new Error(`feed ${feed.target} from ${feed.odsCode} refused: ${refusal}`);
  const { issues, byPatient } = prepareBundle(target, bundleOf(feed), organisation);
  if (issues.length) throw new Error(`feed ${feed.target} from ${feed.odsCode}: ${issues.map((i) => i.diagnostics).join('; ')}`);
  for (const [nhsNumber, entries] of byPatient) await target.write(nhsNumber, entries, organisation);
}

function bundleOf(feed: Feed): fhir4.Bundle {
  return { resourceType: 'Bundle', type: 'batch', entry: feed.bundle.entry };
}

function bundleBody(feed: Feed): string {
  return JSON.stringify(bundleOf(feed));
}

export interface BulkSeedOptions {
  mongoUri: string;
  from: number;
  count: number;
  /** Only these feed targets (default: every subgraph with a feed). */
  onlyTargets?: string[];
  /** Environment with SHAREFORYOU_PORT_BASE, for subgraphs seeded over HTTP (their services must be up). */
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  progress?: boolean;
  /** Build the documents but do not insert them (verification). */
  dryRun?: boolean;
}

export interface BulkSeedResult {
  documents: number;
  seconds: number;
  /** When dryRun: the documents by "<database>.<collection>/<_id>". */
  built?: Map<string, Record<string, unknown>>;
}

const CHUNK = 250;

export async function bulkSeed(options: BulkSeedOptions): Promise<BulkSeedResult> {
  const started = Date.now();
  const connection = await mongoose.createConnection(options.mongoUri).asPromise();
  const built = options.dryRun ? new Map<string, Record<string, unknown>>() : undefined;
  try {
    const targets = buildTargets(connection);
    const wanted = (name: string) => targets.has(name) && (!options.onlyTargets || options.onlyTargets.includes(name));
    const collections = [...targets.values()].flatMap((t) => t.collections);
    // A bar when asked for; otherwise a line every tenth (to the caller's log, which may be silent).
    const bar = progress({ total: options.count, label: 'Seeding', unit: 'patients (bulk, through the feed mappings)', log: options.log, bar: options.progress !== false, everyPercent: 10 });
    let documents = 0;
    for (let chunk = 0; chunk < options.count; chunk += CHUNK) {
      for (let i = chunk; i < Math.min(options.count, chunk + CHUNK); i += 1) {
        for (const feed of generatePatient(options.from + i).feeds) {
          if (!wanted(feed.target)) continue;
          await feedInProcess(targets.get(feed.target)!.target, feed);
        }
      }
      if (built) {
        for (const c of collections) {
          for (const [id, doc] of c.docs) built.set(`${c.model.db.name}.${c.model.collection.collectionName}/${id}`, doc);
          c.docs.clear();
        }
      } else {
        for (const c of collections) documents += await c.flush();
      }
      const done = Math.min(options.count, chunk + CHUNK);
      bar.update(done);
    }
    bar.finish();
    return { documents, seconds: (Date.now() - started) / 1000, built };
  } finally {
    await connection.close();
  }
}

/** Stable JSON (RFC 8785: keys sorted, dates as their ISO strings), to compare documents written by two paths. */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? '';
}

/** A slice's sealed panels and freshness are encrypted with a random IV on every write: compare what they hold. */
function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const opened = { ...doc };
  if (doc.panels && typeof doc.panels === 'object') opened.panels = openPanels(String(doc._id), doc.panels as never);
  if (doc.freshness && typeof doc.freshness === 'object') opened.freshness = openFreshness(String(doc._id), doc.freshness as never);
  return opened;
}

/** Every collection a patient's documents live in, keyed by NHS number: "<database>.<collection>". */
function patientCollections(): string[] {
  const list = ['registry.patients', 'registry.patientAccess'];
  for (const { name } of subgraphServices) {
    if (kindsHeldBy(name).length) list.push(`${databaseName(name)}.patientSlices`);
  }
  return list;
}

/**
 * Removes patients (by NHS number) from every patient-keyed collection, or from the ones named
 * ("<database>.<collection>"): one $in per collection.
 */
export async function deletePatients(mongoUri: string, nhsNumbers: string[], collections: string[] = patientCollections()): Promise<number> {
  if (nhsNumbers.length === 0) return 0;
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    let deleted = 0;
    for (const qualified of collections) {
      const [db, collection] = qualified.split('.');
      const result = await connection.useDb(db).collection(collection).deleteMany({ _id: { $in: nhsNumbers as never[] } });
      deleted += result.deletedCount;
    }
    return deleted;
  } finally {
    await connection.close();
  }
}

/**
 * Sends patients outside the dataset through the real feed endpoints, reads back what was stored,
 * and compares it with what the bulk path builds for the same patients. Cleans up after itself.
 */
export async function verifyAgainstFeeds(options: { mongoUri: string; indexes: number[]; env: NodeJS.ProcessEnv }): Promise<{ compared: number; mismatches: string[] }> {
  const patients = options.indexes.map((i) => generatePatient(i));
  const nhsNumbers = patients.map((p) => p.nhsNumber);
  await deletePatients(options.mongoUri, nhsNumbers);
  const mismatches: string[] = [];
  let compared = 0;
  try {
    const expected = new Map<string, Record<string, unknown>>();
    for (const index of options.indexes) {
      const { built } = await bulkSeed({ mongoUri: options.mongoUri, from: index, count: 1, env: options.env, log: () => undefined, progress: false, dryRun: true });
      built!.forEach((doc, key) => expected.set(key, doc));
    }
    const served = new Set(subgraphServices.map((s) => s.name));
    for (const patient of patients) {
      for (const feed of patient.feeds) {
        if (!served.has(feed.target)) continue;
        const response = await sendBundle(feed.target, feed.odsCode, bundleBody(feed), options.env);
        if (response.status !== 200) mismatches.push(`${feed.target} feed for ${patient.nhsNumber} answered ${response.status}`);
      }
    }
    const connection = await mongoose.createConnection(options.mongoUri).asPromise();
    try {
      for (const [key, doc] of expected) {
        const [qualified, id] = key.split('/');
        const [db, collection] = qualified.split('.');
        const stored = await connection.useDb(db).collection(collection).findOne({ _id: id as never });
        compared += 1;
        if (!stored) mismatches.push(`${key}: the feed endpoint stored nothing`);
        else if (canonicalJson(comparable(stored)) !== canonicalJson(comparable(doc))) mismatches.push(`${key}: differs from what the feed endpoint stored`);
      }
    } finally {
      await connection.close();
    }
  } finally {
    await deletePatients(options.mongoUri, nhsNumbers);
  }
  return { compared, mismatches };
}
