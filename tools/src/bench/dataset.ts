import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import mongoose from 'mongoose';
import { startFerretDb, type RunningEngine } from '../engine/ferretdb';
import { LOCAL_DIR, REPO_ROOT } from '../paths';
import { localDatabasePort } from '../stack/ports';
import { registeredPatientCount, registerOrganisations } from '../stack/seed';
import { bulkSeed, verifyAgainstFeeds } from './bulkSeed';

/**
 * A benchmark dataset: N synthetic patients in their own data folder (.local/bench-data-N), seeded
 * once and reused by later runs. A marker file says the seeding finished and by which code; without
 * it, or when the code that decides what is stored has changed since, the folder is started afresh
 * (a dataset stored in an older shape would measure that shape, not today's). With MONGODB_URI set,
 * that deployment is used as it is (never wiped).
 */

export interface Dataset {
  patients: number;
  dataDir: string | null;
  mongoUri: string;
  local: boolean;
  engine: RunningEngine | null;
  /** Whether this run seeded it (false: reused). */
  seededNow: boolean;
  seedSeconds: number | null;
  verification: { compared: number; mismatches: string[] } | null;
  stop: () => Promise<void>;
}

interface Marker {
  patients: number;
  seededAt: string;
  method: string;
  seconds: number;
  verification: { compared: number; mismatches: string[] } | null;
  /** seedingCode() when it was seeded. */
  seedingCode?: string;
}

/** What decides the stored documents: the feeds, the kit, the schema and the generator. A hash of their sources. */
const SEEDING_SOURCES = ['subgraphs', 'schema', 'tools/src/synthetic', 'tools/src/bench/bulkSeed.ts'];

const SOURCE_FILE = /\.(ts|ya?ml|graphql|json)$/;

function sourceFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return (readdirSync(path, { recursive: true }) as string[])
    .filter((f) => SOURCE_FILE.test(f) && !/(^|\/)(node_modules|dist)\//.test(f))
    .map((f) => join(path, f));
}

export function seedingCode(): string {
  const hash = createHash('sha256');
  for (const file of SEEDING_SOURCES.flatMap((s) => sourceFiles(join(REPO_ROOT, s))).sort()) hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function readMarker(dataDir: string): Marker | null {
  return existsSync(markerPath(dataDir)) ? (JSON.parse(readFileSync(markerPath(dataDir), 'utf8')) as Marker) : null;
}

function datasetDir(patients: number): string {
  return join(LOCAL_DIR, `bench-data-${patients}`);
}

function markerPath(dataDir: string): string {
  return join(dataDir, 'bench-dataset.json');
}

/** Starts the dataset's database (local FerretDB in its own folder, or MONGODB_URI). Seeding waits for the services. */
export async function openDataset(options: { patients: number; portBase: number; externalUri?: string; log: (m: string) => void }): Promise<Dataset> {
  if (options.externalUri) {
    return {
      patients: options.patients,
      dataDir: null,
      mongoUri: options.externalUri,
      local: false,
      engine: null,
      seededNow: false,
      seedSeconds: null,
      verification: null,
      stop: async () => undefined,
    };
  }
  const dataDir = datasetDir(options.patients);
  if (existsSync(dataDir)) {
    const marker = readMarker(dataDir);
    const stale = !marker ? 'has no finished seeding' : marker.seedingCode !== seedingCode() ? 'was seeded by other code (the feeds, kit, schema or generator changed)' : null;
    if (stale) {
      options.log(`${dataDir} ${stale}: starting it afresh.`);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const engine = await startFerretDb({ port: localDatabasePort(options.portBase), dataDir, log: options.log });
  const dataset: Dataset = {
    patients: options.patients,
    dataDir,
    mongoUri: engine.uri,
    local: true,
    engine,
    seededNow: false,
    seedSeconds: null,
    verification: null,
    stop: () => engine.stop(),
  };
  // The access log is the benchmark's own by-product: each run starts with an empty one, so the
  // audit query and disk use do not depend on how many runs came before.
  const connection = await mongoose.createConnection(engine.uri, { dbName: 'audit' }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
  await registerOrganisations(engine.uri);
  return dataset;
}

/** Seeds the dataset if it is not there yet (the services must be up: seeding checks one path through them). */
export async function ensureSeeded(dataset: Dataset, options: { env: NodeJS.ProcessEnv; log: (m: string) => void; verifyIndexes: number[] }): Promise<void> {
  const count = await registeredPatientCount(dataset.mongoUri);
  if (dataset.local && dataset.dataDir && existsSync(markerPath(dataset.dataDir))) {
    const marker = readMarker(dataset.dataDir)!;
    dataset.verification = marker.verification;
    if (count !== dataset.patients) options.log(`Warning: the registry holds ${count} patients, the dataset should hold ${dataset.patients}.`);
    else options.log(`Reusing the dataset of ${count} patients in ${dataset.dataDir} (seeded ${marker.seededAt}).`);
    return;
  }
  if (count > 0) {
    if (count === dataset.patients) {
      options.log(`The database at MONGODB_URI holds ${count} patients: using it as it is.`);
      return;
    }
    throw new Error(`The database at MONGODB_URI holds ${count} patients, not ${dataset.patients}: point it at an empty deployment or pass --patients ${count}.`);
  }
  // First prove, on the empty store where the feed endpoints are quick, that the bulk path writes
  // exactly what the feed endpoints write.
  options.log(`Checking the bulk seeder against the real feed endpoints on ${options.verifyIndexes.length} patients...`);
  dataset.verification = await verifyAgainstFeeds({ mongoUri: dataset.mongoUri, indexes: options.verifyIndexes, env: options.env });
  if (dataset.verification.mismatches.length) {
    options.log(`  MISMATCH: ${dataset.verification.mismatches.slice(0, 5).join('\n  ')}`);
    throw new Error('The bulk seeder does not write what the feed endpoints write; not seeding a dataset that would measure something else.');
  }
  options.log(`  identical: ${dataset.verification.compared} documents.`);
  const result = await bulkSeed({ mongoUri: dataset.mongoUri, from: 0, count: dataset.patients, env: options.env, log: options.log, progress: Boolean(process.stdout.isTTY) });
  options.log(`Seeded ${dataset.patients} patients (${result.documents} documents) in ${result.seconds.toFixed(1)}s.`);
  dataset.seededNow = true;
  dataset.seedSeconds = result.seconds;
  if (dataset.local && dataset.dataDir) {
    const marker: Marker = { patients: dataset.patients, seededAt: new Date().toISOString(), method: 'bulk (feed mappings in-process)', seconds: result.seconds, verification: dataset.verification, seedingCode: seedingCode() };
    writeFileSync(markerPath(dataset.dataDir), JSON.stringify(marker, null, 2));
  }
}
