import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { registryAccessModels } from '@shareforyou/kit';
import { auditServiceModels } from '../../../subgraphs/audit/src/models';
import { emptyHour, encodeHour, foldEvent, HOUR_MS, hourIsOutOfHours } from '../../../subgraphs/audit/src/monitoring/lookHours';
import { outOfHoursAccess } from '../../../subgraphs/audit/src/outOfHours';
import { unusualVolume } from '../../../subgraphs/audit/src/volume';
import { startFerretDb } from '../engine/ferretdb';
import { freePortBase } from '../stack/ports';
import { EVENTS_PER_LOOK } from './auditSeed';
import { populationFor } from './auditStore';
import { percentile } from './stats';

/**
 * npm run bench:audit -- --digest-only [--events 10000000]: the unusual volume and out-of-hours
 * reports over the look digest of a year of that many events, in seconds instead of the hour and a
 * half a seeded store of ten million takes to seed and digest. It writes the last 32 days of the
 * digest directly (the looks of a year of the store's population, one per EVENTS_PER_LOOK events,
 * spread evenly), into a scratch engine, and calls the two reports in process: the audit service's
 * own code and database reads, without the gateway (about 10 ms more) and without events to read at
 * the edges. The full bench measures them through the gateway over a real store.
 */

const CATEGORIES = ['allergies', 'medications', 'problems', 'results', 'encounters', 'immunizations', 'procedures', 'demographics'];

export async function runLookDigestDensity(options: { events: number; repeat: number }, log: (message: string) => void): Promise<void> {
  const population = populationFor(options.events);
  const looksAnHour = Math.round(options.events / EVENTS_PER_LOOK / (365 * 24));
  const dataDir = mkdtempSync(join(tmpdir(), 'shareforyou-digest-'));
  const port = await freePortBase(29100);
  const engine = await startFerretDb({ port, dataDir, log: () => {} });
  const connection = await mongoose.createConnection(engine.uri, { dbName: 'audit' }).asPromise();
  try {
    const registry = connection.useDb('registry');
    const models = auditServiceModels({ own: connection, registry, access: registryAccessModels(registry), slices: null } as never);
    await Promise.all([models.LookHour.init(), models.LookUser.init()]);
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    let state = 20;
    const draw = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const since = new Date(now - 400 * 86_400_000);
    await models.LookUser.insertMany(
      Array.from({ length: population.users }, (_, i) => ({ _id: String(i + 1), userId: `seed-user-${i}`, snapshots: [{ since, user: { id: `seed-user-${i}`, name: `Staff ${i}`, odsCode: 'RM3', jobRole: 'R8000', profile: 'clinical' } }] })) as never[],
    );
    const HOURS = 32 * 24;
    log(`Look digest of a year of ${options.events.toLocaleString('en-GB')} events: ${looksAnHour} looks an hour by ${population.users} users about ${population.patients} patients; writing ${HOURS} hours...`);
    for (let h = HOURS; h >= 1; h -= 48) {
      const docs = [];
      for (let k = h; k > Math.max(0, h - 48); k--) {
        const hour = now - k * HOUR_MS;
        const held = emptyHour(hour);
        const recent = new Map<string, number>();
        for (let l = 0; l < looksAnHour; l++) {
          const at = hour + Math.floor(draw() * (HOUR_MS - 10));
          const user = 1 + Math.floor(draw() * population.users);
          const nhsNumber = String(9_000_000_000 + Math.floor(draw() * population.patients));
          const categories = CATEGORIES.filter(() => draw() < 0.5);
          for (let e = 0; e < EVENTS_PER_LOOK; e++) foldEvent(held, { requestId: `r-${k}-${l}`, at: new Date(at + e), user: { id: '' }, nhsNumber, categories, denied: draw() < 0.02, breakGlass: null } as never, user, recent);
        }
        docs.push({ _id: String(hour), hour: new Date(hour), outOfHours: hourIsOutOfHours(hour), through: new Date(hour + HOUR_MS), ...encodeHour(held) });
      }
      await models.LookHour.insertMany(docs as never[]);
    }
    const to = new Date(now + 60_000).toISOString();
    const context = { models } as never;
    log(`Reports over the default period (the last 31 days, from the hour), in process, ${options.repeat} times each:`);
    for (const [name, run] of [
      ['unusual volume report (31 days)', () => unusualVolume({ to }, context)],
      ['out-of-hours report (31 days)', () => outOfHoursAccess({ to }, context)],
    ] as const) {
      await run();
      const samples: number[] = [];
      for (let i = 0; i < options.repeat; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      log(`  ${name.padEnd(36)} p50 ${percentile(samples, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(samples, 95).toFixed(0).padStart(5)} ms`);
    }
  } finally {
    await connection.close();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
