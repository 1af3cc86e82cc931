import { progress } from '../cli/progress';
import mongoose from 'mongoose';
import { subgraphServices } from '@shareforyou/schema';
import { listOrganisations, registerOrganisation } from '../../../subgraphs/registry/src/organisationRegister';
import { organisations } from '../demo/organisations';
import { sendBundle } from '../feeds/feedClient';
import { generateFeeds, type Feed } from '../synthetic';

/**
 * The organisation register is reference data, written through the register's own write path. Patient data goes through the
 * front door: the synthetic generator's FHIR bundles are posted to each subgraph's feed endpoint
 * with each organisation's system token, exactly as a source system would.
 */

export async function registerOrganisations(mongoUri: string): Promise<void> {
  const connection = await mongoose.createConnection(mongoUri, { dbName: 'registry' }).asPromise();
  try {
    const known = new Set((await listOrganisations(connection)).map((o) => o.odsCode));
    for (const organisation of organisations) {
      // Only missing entries are added: a suspension recorded locally survives a restart.
      if (!known.has(organisation.odsCode)) await registerOrganisation(connection, organisation, { by: 'npm start (demo register)', reason: 'demo data' });
    }
  } finally {
    await connection.close();
  }
}

export async function registeredPatientCount(mongoUri: string): Promise<number> {
  const connection = await mongoose.createConnection(mongoUri, { dbName: 'registry' }).asPromise();
  try {
    return await connection.collection('patients').estimatedDocumentCount();
  } finally {
    await connection.close();
  }
}

const PATIENTS_PER_BUNDLE = 25;
const PARALLEL_REQUESTS = 6;

/** Groups the generator's per-patient feeds into bundles per (organisation, target). */
function* bundles(feeds: Iterable<Feed>): Generator<{ target: string; odsCode: string; patients: number; body: string }> {
  const open = new Map<string, { feeds: Feed[] }>();
  const flush = (key: string) => {
    const group = open.get(key)!;
    open.delete(key);
    const [target, odsCode] = key.split('|');
    const entry = group.feeds.flatMap((f) => f.bundle.entry ?? []);
    return { target, odsCode, patients: group.feeds.length, body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }) };
  };
  for (const feed of feeds) {
    const key = `${feed.target}|${feed.odsCode}`;
    if (!open.has(key)) open.set(key, { feeds: [] });
    open.get(key)!.feeds.push(feed);
    if (open.get(key)!.feeds.length >= PATIENTS_PER_BUNDLE) yield flush(key);
  }
  for (const key of [...open.keys()]) yield flush(key);
}

async function seedThroughFeeds(options: { patients: number; env: NodeJS.ProcessEnv; log: (m: string) => void; progress?: boolean }): Promise<void> {
  const bar = progress({ total: options.patients, label: 'Seeding', unit: 'patients through the FHIR feeds', log: options.log, bar: options.progress });
  const seenPatients = new Set<string>();
  const pending = new Set<Promise<void>>();
  const failures: string[] = [];
  const notices = new Set<string>();
  const served = new Set(subgraphServices.map((s) => s.name));
  const unserved = new Set<string>();
  function* servedFeeds() {
    for (const feed of generateFeeds({ patients: options.patients })) {
      if (served.has(feed.target)) yield feed;
      else unserved.add(feed.target);
    }
  }
  for (const bundle of bundles(servedFeeds())) {
    const work = sendBundle(bundle.target, bundle.odsCode, bundle.body, options.env).then((response) => {
      if (response.status !== 200) failures.push(`${bundle.target} ${bundle.odsCode}: ${response.status} ${response.issues.map((i) => i.diagnostics).join('; ').slice(0, 500)}`);
      // An accepted batch can still refuse entries or not store a type: say so, never silently.
      for (const issue of response.issues) {
        if (issue.severity === 'error' || (issue.severity === 'warning' && issue.code === 'not-supported')) notices.add(`${bundle.target} ${bundle.odsCode}: ${issue.diagnostics}`);
      }
    });
    const tracked = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
    if (pending.size >= PARALLEL_REQUESTS) await Promise.race(pending);
    for (const entry of JSON.parse(bundle.body).entry as Array<{ resource?: { resourceType?: string; identifier?: Array<{ value?: string }> } }>) {
      if (entry.resource?.resourceType === 'Patient') seenPatients.add(entry.resource.identifier?.[0]?.value ?? '');
    }
    bar.update(seenPatients.size);
  }
  await Promise.all(pending);
  if (unserved.size) options.log(`No subgraph in the service list serves ${[...unserved].join(', ')}: those feeds were skipped.`);
  bar.finish();
  for (const notice of [...notices].slice(0, 10)) options.log(`Seeding: ${notice}`);
  if (failures.length) throw new Error(`Seeding was refused by a feed endpoint:\n  ${failures.slice(0, 5).join('\n  ')}`);
}

export async function seedIfEmpty(options: { mongoUri: string; portBase: number; patients: number; log: (m: string) => void; env?: NodeJS.ProcessEnv }): Promise<void> {
  const existing = await registeredPatientCount(options.mongoUri);
  if (existing > 0) {
    options.log(`The registry already holds ${existing} patients; not seeding (delete .local/data to start afresh).`);
    return;
  }
  const env = { ...process.env, ...options.env, SHAREFORYOU_PORT_BASE: String(options.portBase) };
  const started = Date.now();
  await seedThroughFeeds({ patients: options.patients, env, log: options.log, progress: process.stdout.isTTY });
  options.log(`Seeded ${options.patients} synthetic patients in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}
