import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { auditModels } from '@shareforyou/kit';
import { progress } from '../cli/progress';
import { startFerretDb, type RunningEngine } from '../engine/ferretdb';
import { LOCAL_DIR } from '../paths';
import { localDatabasePort } from '../stack/ports';
import { registerOrganisations } from '../stack/seed';
import { seedAuditEvents, type AuditPopulation } from './auditSeed';

/**
 * A year of a sector's audit trail, for measuring the privacy console at scale (issue 20.1): its own
 * engine and data folder (.local/audit-store-<events>), seeded once with the project's own sealing
 * and kept between runs. Seeding ten million events takes about an hour here, so it resumes: each
 * chain written is recorded in the folder's marker, and a seeding stopped midway continues from the
 * first chain not recorded (its partial events are removed first). The newest events are seeded
 * first, so a store whose seeding was stopped still holds the recent months the console reads.
 */

/** Events per chain: a service instance's chain over some weeks of a busy year. */
const EVENTS_PER_CHAIN = 500_000;

interface StoreMarker {
  events: number;
  chains: number;
  from: string;
  population: AuditPopulation;
  chainsWritten: number;
}

export interface AuditStore {
  events: number;
  /** Events written by the seeding so far (all of them unless it was stopped). */
  seeded: number;
  population: AuditPopulation;
  dataDir: string;
  mongoUri: string;
  engine: RunningEngine | null;
  /** The year the events span: [from, to). */
  from: Date;
  to: Date;
  stop(): Promise<void>;
}

/** Who looks and at whom, scaled to the store: ~2,500 events a year per user, ~25 per patient (at most 900,000: the synthetic NHS numbers). */
export function populationFor(events: number): AuditPopulation {
  return { users: Math.max(400, Math.round(events / 2_500)), patients: Math.min(900_000, Math.max(5_000, Math.round(events / 25))) };
}

const storeDir = (events: number) => join(LOCAL_DIR, `audit-store-${events}`);
const markerFile = (dir: string) => join(dir, 'audit-store.json');

function readStoreMarker(dir: string): StoreMarker | null {
  return existsSync(markerFile(dir)) ? (JSON.parse(readFileSync(markerFile(dir), 'utf8')) as StoreMarker) : null;
}

export async function openAuditStore(options: { events: number; portBase: number; externalUri?: string; seed?: boolean; log: (m: string) => void }): Promise<AuditStore> {
  const dataDir = storeDir(options.events);
  mkdirSync(dataDir, { recursive: true });
  const chains = Math.max(1, Math.ceil(options.events / EVENTS_PER_CHAIN));
  const marker: StoreMarker = readStoreMarker(dataDir) ?? {
    events: options.events,
    chains,
    from: new Date(Date.now() - 365 * 86_400_000).toISOString(),
    population: populationFor(options.events),
    chainsWritten: 0,
  };
  writeFileSync(markerFile(dataDir), JSON.stringify(marker, null, 2));
  const engine = options.externalUri ? null : await startFerretDb({ port: localDatabasePort(options.portBase), dataDir, log: options.log });
  const mongoUri = options.externalUri ?? engine!.uri;
  const from = new Date(marker.from);
  const store: AuditStore = {
    events: marker.events,
    seeded: 0,
    population: marker.population,
    dataDir,
    mongoUri,
    engine,
    from,
    to: new Date(from.getTime() + 365 * 86_400_000),
    stop: async () => engine?.stop(),
  };
  try {
    await registerOrganisations(mongoUri);
    if (marker.chainsWritten < marker.chains && options.seed === false) {
      options.log(`Audit store ${dataDir}: ${marker.chainsWritten} of ${marker.chains} chains seeded (the newest first); measuring what is there, as asked.`);
    } else if (marker.chainsWritten < marker.chains) await seedRemainingChains(store, marker, options.log);
    else options.log(`Audit store of ${marker.events.toLocaleString('en-GB')} events in ${dataDir}: already seeded.`);
  } catch (error) {
    await store.stop();
    throw error;
  }
  store.seeded = Math.min(marker.events, marker.chainsWritten * Math.ceil(marker.events / marker.chains));
  return store;
}

async function seedRemainingChains(store: AuditStore, marker: StoreMarker, log: (m: string) => void): Promise<void> {
  const connection = await mongoose.createConnection(store.mongoUri, { dbName: 'audit' }).asPromise();
  try {
    const { AuditEvent, AuditChain } = auditModels(connection);
    await AuditEvent.createIndexes();
    await AuditChain.createIndexes();
    const perChain = Math.ceil(marker.events / marker.chains);
    const stopped = await AuditChain.findOne({ _id: { $regex: `^seed-[a-z-]+:${marker.chainsWritten}-` } }).lean().exec();
    if (stopped) {
      log(`Removing the partial chain ${stopped._id} of a seeding that was stopped...`);
      await AuditEvent.deleteMany({ 'chain.chainId': stopped._id });
      await AuditChain.deleteOne({ _id: stopped._id });
    }
    const already = marker.chainsWritten * perChain;
    log(
      `Seeding the audit store: ${marker.events.toLocaleString('en-GB')} events over a year by ${marker.population.users} users about ` +
        `${marker.population.patients} patients, ${marker.chains} chains` +
        (already ? `, resuming after ${already.toLocaleString('en-GB')}` : '') +
        ' (about 3,000 events a second on the local engine; it can be stopped and resumed)...',
    );
    const bar = progress({ total: marker.events, unit: 'audit events', label: 'Seeding', log, everyPercent: 5 });
    bar.update(already);
    const started = Date.now();
    await seedAuditEvents(connection, {
      events: marker.events,
      chains: marker.chains,
      from: store.from,
      days: 365,
      population: marker.population,
      firstChain: marker.chainsWritten,
      newestFirst: true,
      onProgress: (n) => bar.update(n),
      onChainWritten: (c) => {
        marker.chainsWritten = c + 1;
        writeFileSync(markerFile(store.dataDir), JSON.stringify(marker, null, 2));
      },
    });
    bar.finish();
    log(`Seeded ${(marker.events - already).toLocaleString('en-GB')} events in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } finally {
    await connection.close();
  }
}
