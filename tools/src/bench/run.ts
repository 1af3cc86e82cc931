import { join } from 'node:path';
import mongoose from 'mongoose';
import { databaseName } from '@shareforyou/kit';
import { loadPolicy, profileForJobRole, subgraphServices } from '@shareforyou/schema';
import { findDemoUser, type DemoUser } from '../demo/users';
import { BENCH_DIR } from '../paths';
import { registeredPatientCount } from '../stack/seed';
import { freePortBase, localDatabasePort } from '../stack/ports';
import { startStack, type RunningStack } from '../stack/stack';
import { generateFullHistory, generatePatient } from '../synthetic';
import { deletePatients, bulkSeed } from './bulkSeed';
import { CONTROLS, CONTROLS_OFF_VARIABLE, controlsOffEnvironment, type Control } from './controls';
import { ensureSeeded, openDataset, type Dataset } from './dataset';
import { benchIdentity, peerSigning } from './identity';
import { startPeer, type RunningPeer } from './peer';
import type { LevelPlan, LoadPlan, RequestSpec } from './plan';
import { probeControls, type ControlState } from './probes';
import { computeRatios, controlPrices, cpuTable, ingestRates, ingestTable, machine, peerTable, PRICE_BASELINE, table, writeJson, type ConfigName, type RunResult } from './report';
import { compiledPeerPlan, ensureHiveRouter, routerIdentityHeaders, startHiveRouter, type CompiledPeer, type RunningRouter } from './hiveRouter';
import { recordSummaryFromQuery, recordSummaryQueries, summaryFieldsMissing, type SummaryFields } from './queries';
import { runLoad } from './runner';
import { formatProfiles, summariseProfiles, type ProfileSummary } from './profile';
import { accessLogRequests, caseloadRequests, combinedRecordRequests, fhirSummaryGraphqlRequests, fhirSummaryRequests, fullHistoryRequests, ingestRequests, meanEntries, patientsRegisteredAt, summaryRequests, type Route } from './workloads';

/**
 * npm run bench: brings up its own stack on its own dataset, measures every workload through every
 * configuration, and reports. Everything is bounded: each level runs for a fixed time, requests in
 * flight afterwards get a bounded drain, and every process it started is stopped at the end.
 */

export interface BenchOptions {
  patients: number;
  durationS: number;
  concurrency: number[];
  /** Caseloads are many times heavier than one record: their own (lower) levels. */
  caseloadConcurrency: number[];
  quick: boolean;
  portBase: number;
  /** The small dataset of the scaling comparison. */
  scalingBase: number;
  skipScaling: boolean;
  /** Leave out both peers (hive-gateway and hive-router). */
  skipPeer: boolean;
  /** Leave out the compiled peer (Hive Router) only: it is built with cargo on first use, about 30 minutes. */
  skipCompiledPeer: boolean;
  skipControlsOff: boolean;
  /** Price each control alone: one more stack per control, record summary at one level. */
  priceControls: boolean;
  /** Sample the CPU of every service of the controls-on stack during the measurements. */
  profile: boolean;
  /**
   * Only these Patient fields in the record summary (another build's, from --print-summary-fields),
   * to compare two builds on the same sections (docs/performance.md, issue #18).
   */
  summaryFields?: SummaryFields;
  summaryFieldsFile?: string;
  /** Another build's record summary query, asked as it was (--print-summary-query), less what this build has not got. */
  summaryQuery?: { file: string; text: string };
}

const INGEST_POOL = 1_000;
/** Patients after the ingest pool whose feeds the seeding checks against the bulk path. */
const VERIFIED_PATIENTS = 3;
/** Full histories: each one patient's whole GP record in one batch of this many entries (issue #20.7). */
const HISTORY_ENTRIES = 1_000;
const HISTORY_POOL = 40;
/** A fresh stack's code paths and caches take a few hundred requests to warm. */
const PRICING_WARMUP_MS = 10_000;
const SAMPLE_PATIENTS = 200;

type Log = (message: string) => void;

export async function runBench(options: BenchOptions, log: Log): Promise<{ file: string; results: RunResult[] }> {
  const started = Date.now();
  const say: Log = (m) => log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${m}`);
  const externalUri = process.env.MONGODB_URI;
  const originalPortBase = process.env.SHAREFORYOU_PORT_BASE;
  const machineAtStart = machine();
  if (machineAtStart.loadAverage[0] > 1.5) {
    say(`Warning: the machine is already busy (load average ${machineAtStart.loadAverage.join(', ')} on ${machineAtStart.cores} cores): results will be lower and noisier.`);
  }
  const portBase = await freePortBase(options.portBase, (base) => [localDatabasePort(base), base + 13, base + 14]);
  if (portBase !== options.portBase) say(`Port base ${options.portBase} is busy; using ${portBase}.`);
  const gp = findDemoUser('gp');
  const profile = profileForJobRole(loadPolicy(), gp.jobRole)!;
  const levels: LevelPlan[] = options.concurrency.map((concurrency) => ({ concurrency, warmupMs: options.quick ? 1_000 : 2_000, durationMs: options.durationS * 1000 }));
  const lowestLevel = [...levels].sort((a, b) => a.concurrency - b.concurrency).slice(0, 1);
  // One request's worth of warm-up per worker: the summaries before have warmed every code path.
  const caseloadLevels: LevelPlan[] = options.caseloadConcurrency.map((concurrency) => ({ concurrency, warmupMs: 1, durationMs: options.durationS * 1000 }));
  const caseloadLowest = [...caseloadLevels].sort((a, b) => a.concurrency - b.concurrency).slice(0, 1);
  // A full history is a second or more of work: one sender, then two (a practice's migration, two at once).
  const historyLevels: LevelPlan[] = [1, 2].map((concurrency) => ({ concurrency, warmupMs: 1, durationMs: options.durationS * 1000 }));
  const poolNote = (available: string, result: RunResult) => {
    const repeated = result.levels.reduce((a, l) => a + l.repeated, 0);
    return `${available}${repeated ? `; ${repeated} requests were replays after the pool ran out (idempotent, nothing written)` : ''}`;
  };
  const plan = (label: string, requests: RequestSpec[], planLevels: LevelPlan[], extra: Partial<LoadPlan> = {}): LoadPlan => ({
    label,
    requests,
    check: 'graphql',
    timeoutMs: 60_000,
    drainMs: options.quick ? 5_000 : 15_000,
    levels: planLevels,
    ...extra,
  });

  const results: RunResult[] = [];
  const notes: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    while (cleanups.length) await cleanups.pop()!().catch((error: Error) => say(`cleanup: ${error.message}`));
  };
  const onSignal = () => {
    say('Interrupted: stopping everything the bench started...');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // Processes whose CPU is read around each level: the database, every service, the peer.
  let processes: Record<string, number | undefined> = {};
  const measure = async (workload: string, config: ConfigName, patients: number, loadPlan: LoadPlan, metricsEnv: NodeJS.ProcessEnv, note?: string) => {
    const levelResults = await runLoad(loadPlan, { metricsEnv, log: say, processes });
    const result: RunResult = { workload, config, patients, levels: levelResults, note };
    results.push(result);
    return result;
  };
  const skip = (workload: string, config: ConfigName, patients: number, reason: string) => {
    results.push({ workload, config, patients, levels: [], skipped: reason });
    say(`    ${workload} / ${config}: n/a (${reason})`);
  };

  const bringUp = async (patients: number, env: NodeJS.ProcessEnv = {}, label = 'controls on'): Promise<{ dataset: Dataset; stack: RunningStack }> => {
    say(`Dataset of ${patients} patients, stack with ${label}, port base ${portBase}...`);
    const dataset = await openDataset({ patients, portBase, externalUri, log: say });
    cleanups.push(() => dataset.stop());
    process.env.MONGODB_URI = dataset.mongoUri;
    // The users' tokens name this stack's identity provider as issuer (devUserIssuer reads the port base).
    process.env.SHAREFORYOU_PORT_BASE = String(portBase);
    const stack = await startStack({ portBase, quiet: true, env, log: say });
    cleanups.push(() => stack.stop());
    await ensureSeeded(dataset, { env: stack.env, log: say, verifyIndexes: Array.from({ length: VERIFIED_PATIENTS }, (_, i) => patients + INGEST_POOL + i) });
    processes = { database: dataset.engine?.process.pid, ...Object.fromEntries(stack.services.map((s) => [s.name, s.child.pid])) };
    return { dataset, stack };
  };
  const tearDown = async () => {
    await cleanUp();
    if (externalUri) process.env.MONGODB_URI = externalUri;
    else delete process.env.MONGODB_URI;
    if (originalPortBase === undefined) delete process.env.SHAREFORYOU_PORT_BASE;
    else process.env.SHAREFORYOU_PORT_BASE = originalPortBase;
  };

  const probeStates: Record<string, Record<Control, ControlState>> = {};
  let datasetInfo: Record<string, unknown> = {};
  let sampleInfo: Record<string, unknown> = {};
  let profiles: ProfileSummary[] | null = null;
  // Before any stack starts: the first time this is a long build, which must not overlap a measurement.
  const compiledPeer: CompiledPeer = compiledPeerPlan(options) ?? (await ensureHiveRouter(say));
  if ('skipped' in compiledPeer) {
    say(`Hive Router (the compiled peer) is left out: ${compiledPeer.skipped}.`);
    notes.push(`Hive Router (the compiled peer) was left out: ${compiledPeer.skipped}.`);
  }
  try {
    // ---------------------------------------------------------------- the chosen dataset, controls on
    const profileDir = options.profile ? join(BENCH_DIR, `profiles-${new Date(started).toISOString().replace(/[:.]/g, '-')}`) : null;
    const profileEnv = profileDir ? { NODE_OPTIONS: `--require ${join(__dirname, 'cpuProfile.cjs')}`, SHAREFORYOU_BENCH_PROFILE_DIR: profileDir } : {};
    const { dataset, stack } = await bringUp(options.patients, profileEnv);
    if (profileDir) {
      // Sampling starts now, after start-up and seeding; profiles are written when the services stop.
      for (const service of stack.services) service.child.kill('SIGUSR2');
      say(`Profiling every service (CPU samples to ${profileDir}).`);
    }
    datasetInfo = { patients: dataset.patients, dataDir: dataset.dataDir, database: dataset.local ? 'FerretDB 1.24 (SQLite), local' : 'MONGODB_URI', seededNow: dataset.seededNow, seedSeconds: dataset.seedSeconds, bulkSeedVerification: dataset.verification };
    const sample = patientsRegisteredAt(gp.odsCode, options.patients, SAMPLE_PATIENTS);
    if (sample.length < 10) throw new Error(`only ${sample.length} patients of the dataset are registered at ${gp.odsCode}: use a larger --patients`);
    const nhsNumbers = sample.map((s) => s.nhsNumber);
    sampleInfo = { user: `${gp.key} (${gp.odsCode}, ${gp.jobRole} → ${profile})`, patients: sample.length, meanOrganisationsInvolved: sample.reduce((a, s) => a + s.involved, 0) / sample.length };
    say(`Sample: ${sample.length} patients registered at ${gp.odsCode}, ${(sampleInfo.meanOrganisationsInvolved as number).toFixed(2)} organisations hold data about each on average.`);
    say(`Subgraphs: ${subgraphServices.map((s) => s.name).join(', ')}`);

    probeStates['controls on'] = await probeControls({ gatewayUrl: stack.gatewayUrl, env: stack.env, nhsNumber: nhsNumbers[0] });
    const notOn = CONTROLS.filter((c) => probeStates['controls on'][c] !== 'on');
    if (notOn.length) notes.push(`On the controls-on stack these probes did not see the control in force: ${notOn.map((c) => `${c}=${probeStates['controls on'][c]}`).join(', ')}.`);

    const identity = benchIdentity(gp);
    const floor: Route = { kind: 'floor', env: stack.env, identity };
    const ours: Route = { kind: 'gateway', url: stack.gatewayUrl, user: gp };

    let peer: RunningPeer | null = null;
    if (!options.skipPeer) {
      try {
        // Beyond the services (base + 1..9), the identity provider (8) and the web servers (10, 11).
        peer = await startPeer({ port: portBase + 13, env: stack.env, signing: peerSigning(identity), quiet: true });
        cleanups.push(() => peer!.stop());
        processes.peer = peer.service.child.pid;
      } catch (error) {
        notes.push(`The peer gateway did not start: ${(error as Error).message.slice(0, 300)}`);
      }
    }
    const peerRoute: Route | null = peer ? { kind: 'gateway', url: peer.url, user: null } : null;
    let router: RunningRouter | null = null;
    let routerSkipped = 'skipped' in compiledPeer ? compiledPeer.skipped : null;
    if ('binary' in compiledPeer) {
      try {
        router = await startHiveRouter({ binary: compiledPeer.binary, port: portBase + 14, env: stack.env, quiet: true });
        cleanups.push(() => router!.stop());
        processes['hive-router'] = router.service.child.pid;
      } catch (error) {
        routerSkipped = 'Hive Router did not start';
        notes.push(`Hive Router did not start: ${(error as Error).message.slice(0, 300)}`);
      }
    }
    // The same user's identity as the JS peer's, signed by the load generator once per subgraph per request.
    const routerRoute: Route | null = router ? { kind: 'gateway', url: router.url, user: null, identities: { identity, headers: routerIdentityHeaders() } } : null;
    const peerSkipped = (route: Route | null, compiled: boolean) => (route ? null : compiled ? routerSkipped ?? 'not run' : options.skipPeer ? '--no-peer' : 'peer did not start');

    const N = options.patients;
    const asked = options.summaryQuery ? recordSummaryFromQuery(options.summaryQuery.text) : null;
    const summaryQueries = asked ? asked.queries : recordSummaryQueries(profile, options.summaryFields);
    if (options.summaryQuery && asked) {
      sampleInfo.summaryQuery = { file: options.summaryQuery.file, leftOut: asked.leftOut };
      say(`Record summary: the query of ${options.summaryQuery.file}, as it was written${asked.leftOut.length ? `; not in this build's schema, so left out: ${asked.leftOut.join(', ')}` : ''}.`);
      if (asked.leftOut.length) notes.push(`The record summary asked the query of ${options.summaryQuery.file}; this build's schema has not got ${asked.leftOut.join(', ')}.`);
    }
    if (options.summaryFields) {
      const missing = summaryFieldsMissing(profile, options.summaryFields);
      sampleInfo.summaryFields = { file: options.summaryFieldsFile, missing };
      say(`Record summary: only the Patient fields of ${options.summaryFieldsFile}${missing.length ? `; not in this build, so left out: ${missing.join(', ')}` : ''}.`);
      if (missing.length) notes.push(`The record summary asked only the fields of ${options.summaryFieldsFile}; this build has not got ${missing.join(', ')}.`);
    }
    say('Record summary (one patient, every subgraph):');
    await measure('record summary', 'floor', N, plan('summary / floor', summaryRequests(floor, summaryQueries, nhsNumbers), levels), stack.env);
    await measure('record summary', 'ours', N, plan('summary / ours', summaryRequests(ours, summaryQueries, nhsNumbers), levels), stack.env);
    if (peerRoute) await measure('record summary', 'peer', N, plan('summary / peer', summaryRequests(peerRoute, summaryQueries, nhsNumbers), levels), stack.env);
    else skip('record summary', 'peer', N, peerSkipped(peerRoute, false)!);
    if (routerRoute) await measure('record summary', 'compiled-peer', N, plan('summary / hive-router', summaryRequests(routerRoute, summaryQueries, nhsNumbers), levels), stack.env);
    else skip('record summary', 'compiled-peer', N, peerSkipped(routerRoute, true)!);
    // The combined record beside the per-organisation summary: the same sources' items, merged by section.
    const combined = combinedRecordRequests({ kind: 'gateway', url: stack.gatewayUrl, user: gp }, profile, nhsNumbers);
    if (combined) await measure('combined record', 'ours', N, plan('combined / ours', combined, levels), stack.env);
    else skip('combined record', 'ours', N, 'no combined subgraph');
    // The FHIR API's IPS document (issue #22: at most 1.5x the record summary), and its GraphQL look alone.
    const gpRoute = { kind: 'gateway' as const, url: stack.gatewayUrl, user: gp };
    await measure('fhir summary', 'ours', N, plan('fhir summary / ours', fhirSummaryRequests(gpRoute, nhsNumbers), levels, { check: 'fhir' }), stack.env);
    await measure('fhir summary graphql', 'ours', N, plan('fhir summary graphql / ours', fhirSummaryGraphqlRequests(gpRoute, nhsNumbers), levels), stack.env);

    const caseloadSize = Math.min(50, nhsNumbers.length);
    say(`Caseload (${caseloadSize} patients per request):`);
    // A caseload that cannot complete once within the level's time and drain will not complete
    // in any other configuration either: the rest are reported n/a instead of piling up work.
    let caseloadBlocked: string | null = null;
    const caseload = async (workload: string, config: ConfigName, label: string, route: Route | null, size: number, caseLevels: LevelPlan[], env: NodeJS.ProcessEnv, note?: string) => {
      if (!route) return skip(workload, config, N, peerSkipped(route, config === 'compiled-peer')!);
      if (caseloadBlocked) return skip(workload, config, N, caseloadBlocked);
      const result = await measure(workload, config, N, plan(label, caseloadRequests(route, profile, nhsNumbers, size), caseLevels), env, note);
      if (result.levels.every((l) => l.stats.requests === 0)) {
        caseloadBlocked = `no ${size}-patient caseload completed within ${options.durationS + (options.quick ? 5 : 15)} s on this dataset`;
      }
    };
    await caseload('caseload 50', 'floor', 'caseload50 / floor', floor, caseloadSize, caseloadLevels, stack.env);
    await caseload('caseload 50', 'ours', 'caseload50 / ours', ours, caseloadSize, caseloadLevels, stack.env);
    await caseload('caseload 50', 'peer', 'caseload50 / peer', peerRoute, caseloadSize, caseloadLevels, stack.env);
    await caseload('caseload 50', 'compiled-peer', 'caseload50 / hive-router', routerRoute, caseloadSize, caseloadLevels, stack.env);
    await caseload('caseload 10', 'ours', 'caseload10 / ours', ours, 10, caseloadLowest, stack.env);
    await peer?.stop();
    await router?.stop();

    say('Audit query (privacy officer, access log of one patient):');
    const officer: DemoUser = findDemoUser('privacy-officer');
    const audit = accessLogRequests({ kind: 'gateway', url: stack.gatewayUrl, user: officer }, nhsNumbers);
    if (audit) {
      const events = await auditEventCount(dataset.mongoUri);
      await measure('audit query', 'ours', N, plan('audit / ours', audit, caseloadLevels), stack.env, `${events} audit events in the store when it started`);
    } else skip('audit query', 'ours', N, 'no audit subgraph with accessLog in schema/src/services.ts');

    say(`Ingest (new patients' GP bundles, one patient per bundle, to gp POST /fhir):`);
    const poolIds = Array.from({ length: INGEST_POOL }, (_, i) => generatePatient(N + i).nhsNumber);
    // Where the ingest's new patients go: their registration (bulk, untimed, first: a GP feed is
    // about a registered patient), then the GP slices the measured bundles write.
    const ingestCollections = ['registry.patients', 'registry.patientAccess', `${databaseName('gp')}.patientSlices`];
    if ((await registeredPatientCount(dataset.mongoUri)) !== N) await deletePatients(dataset.mongoUri, poolIds, ingestCollections);
    await bulkSeed({ mongoUri: dataset.mongoUri, from: N, count: INGEST_POOL, onlyTargets: ['registry'], env: stack.env, log: () => undefined, progress: false });
    try {
      const ingest = ingestRequests(stack.env, N, INGEST_POOL);
      const result = await measure('ingest', 'direct', N, plan('ingest / gp feed', ingest, levels, { check: 'fhir', once: true }), stack.env);
      result.entriesPerRequest = meanEntries(ingest);
      result.note = poolNote(`${ingest.length} new patients' bundles available`, result);
    } finally {
      await deletePatients(dataset.mongoUri, poolIds, ingestCollections);
    }

    say(`Ingest of full histories (one patient's whole GP record, ${HISTORY_ENTRIES} entries in one batch, to gp POST /fhir):`);
    const historyFrom = N + INGEST_POOL + VERIFIED_PATIENTS;
    const histories = Array.from({ length: HISTORY_POOL }, (_, i) => generateFullHistory(historyFrom + i, HISTORY_ENTRIES));
    const historyIds = histories.map((h) => h.patient.nhsNumber);
    await deletePatients(dataset.mongoUri, historyIds, ingestCollections);
    await bulkSeed({ mongoUri: dataset.mongoUri, from: historyFrom, count: HISTORY_POOL, onlyTargets: ['registry'], env: stack.env, log: () => undefined, progress: false });
    try {
      const requests = fullHistoryRequests(stack.env, histories);
      const result = await measure('ingest (full history)', 'direct', N, plan('ingest / gp feed, full histories', requests, historyLevels, { check: 'fhir', once: true }), stack.env);
      result.entriesPerRequest = HISTORY_ENTRIES;
      result.note = poolNote(`${requests.length} full histories of ${HISTORY_ENTRIES} entries available`, result);
    } finally {
      await deletePatients(dataset.mongoUri, historyIds, ingestCollections);
    }
    await tearDown();
    if (profileDir) {
      profiles = summariseProfiles(profileDir);
      say(`Where the CPU went (self time, controls-on stack, all workloads above):\n${formatProfiles(profiles, ['gateway', 'gp', 'registry'])}`);
    }

    // ---------------------------------------------------------------- the same dataset, controls off
    if (options.skipControlsOff) {
      skip('record summary', 'controls-off', N, '--no-controls-off');
    } else {
      const off = await bringUp(N, controlsOffEnvironment(), `${CONTROLS_OFF_VARIABLE}=${CONTROLS.join(',')}`);
      probeStates['controls off'] = await probeControls({ gatewayUrl: off.stack.gatewayUrl, env: off.stack.env, nhsNumber: nhsNumbers[0] });
      const honoured = CONTROLS.filter((c) => probeStates['controls off'][c] === 'off');
      say(`Controls the services switched off: ${honoured.length ? honoured.join(', ') : 'none'}`);
      if (honoured.length === 0) {
        const reason = `${CONTROLS_OFF_VARIABLE} is not wired into the services yet`;
        skip('record summary', 'controls-off', N, reason);
        skip('caseload 50', 'controls-off', N, reason);
      } else {
        const label = `controls off: ${honoured.join(', ')}`;
        const offRoute: Route = { kind: 'gateway', url: off.stack.gatewayUrl, user: gp };
        await measure('record summary', 'controls-off', N, plan('summary / controls off', summaryRequests(offRoute, summaryQueries, nhsNumbers), levels), off.stack.env, label);
        await caseload('caseload 50', 'controls-off', 'caseload50 / controls off', offRoute, caseloadSize, caseloadLevels, off.stack.env, label);
      }
      await tearDown();
    }

    // ---------------------------------------------------------------- the price of each control alone
    if (options.priceControls && !options.skipControlsOff) {
      // At the level where our gateway did best: that is the throughput the target is about. Every
      // priced stack is fresh, so the baseline is a fresh stack too (PRICE_BASELINE: nothing off),
      // measured the same way after the same warm-up, first and last: the two show the drift.
      const oursRun = results.find((r) => r.workload === 'record summary' && r.config === 'ours' && r.levels.length > 0);
      const best = oursRun ? [...oursRun.levels].sort((a, b) => b.stats.throughput - a.stats.throughput)[0] : undefined;
      const concurrency = best?.concurrency ?? lowestLevel[0].concurrency;
      const pricingLevel: LevelPlan[] = [{ concurrency, warmupMs: PRICING_WARMUP_MS, durationMs: options.durationS * 1000 }];
      say(`The price of each control alone (record summary, c=${concurrency}, each on a fresh stack after ${PRICING_WARMUP_MS / 1000} s of warm-up):`);
      for (const control of [PRICE_BASELINE, ...CONTROLS, PRICE_BASELINE]) {
        const off: Control[] = control === PRICE_BASELINE ? [] : [control as Control];
        const one = await bringUp(N, off.length ? controlsOffEnvironment(off) : {}, off.length ? `${CONTROLS_OFF_VARIABLE}=${control}` : 'every control on (baseline)');
        const states = await probeControls({ gatewayUrl: one.stack.gatewayUrl, env: one.stack.env, nhsNumber: nhsNumbers[0] });
        probeStates[`${control} off`] = states;
        const wrong = CONTROLS.filter((c) => states[c] !== (off.includes(c) ? 'off' : 'on'));
        if (wrong.length) {
          const reason = `the probes saw ${wrong.map((c) => `${c} ${states[c]}`).join(', ')}`;
          results.push({ workload: 'record summary', config: 'one-control-off', control, patients: N, levels: [], skipped: reason });
          say(`    record summary / ${control} off: n/a (${reason})`);
        } else {
          const route: Route = { kind: 'gateway', url: one.stack.gatewayUrl, user: gp };
          const label = control === PRICE_BASELINE ? 'summary / baseline' : `summary / ${control} off`;
          const result = await measure('record summary', 'one-control-off', N, plan(label, summaryRequests(route, summaryQueries, nhsNumbers), pricingLevel), one.stack.env, off.length ? `only ${control} off` : 'fresh stack, every control on');
          result.control = control;
        }
        await tearDown();
      }
    }

    // ---------------------------------------------------------------- scaling: the small dataset
    if (options.skipScaling || N === options.scalingBase) {
      if (N !== options.scalingBase) skip('record summary', 'ours', options.scalingBase, options.quick ? '--quick' : '--no-scaling');
    } else if (externalUri) {
      skip('record summary', 'ours', options.scalingBase, 'MONGODB_URI holds one dataset: run again with --patients ' + options.scalingBase + ' against another deployment');
    } else {
      const small = await bringUp(options.scalingBase);
      const smallSample = patientsRegisteredAt(gp.odsCode, options.scalingBase, SAMPLE_PATIENTS).map((s) => s.nhsNumber);
      const smallOurs: Route = { kind: 'gateway', url: small.stack.gatewayUrl, user: gp };
      say(`Scaling: record summary on ${options.scalingBase} patients:`);
      await measure('record summary', 'ours', options.scalingBase, plan(`summary / ours (${options.scalingBase})`, summaryRequests(smallOurs, summaryQueries, smallSample), lowestLevel), small.stack.env);
      await tearDown();
    }
  } finally {
    await tearDown();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const { ratios, targets, caseloadCommands } = computeRatios(results, { patients: options.patients, scalingBase: options.scalingBase });
  log('');
  log(table(results));
  log('');
  for (const r of results) if (r.note) log(`  ${r.workload} / ${r.config}: ${r.note}`);
  const cpu = cpuTable(results);
  if (cpu) {
    log('CPU per request by process (busiest level; the machine has 2 cores, shared by everything)');
    log(cpu);
    log('');
  }
  const rates = ingestRates(results);
  if (rates.length) {
    log('Feed ingest in entries per second (bundles per second × the entries each carries)');
    log(ingestTable(rates));
    log('');
  }
  const peers = peerTable(results, options.patients);
  if (peers) {
    log('Ours ÷ each peer (record summary; throughput best over levels; gateway CPU: the gateway process alone, per request, busiest level)');
    log(peers);
    log('');
  }
  log('Ratios');
  for (const r of ratios) log(`  ${r.name.padEnd(52)} ${r.value === null ? 'n/a' : r.value.toFixed(2).padStart(6)}   ${r.detail}`);
  log('');
  const prices = controlPrices(results, options.patients);
  if (prices.length) {
    log('The price of each control alone (throughput all on ÷ only this one off, fresh stacks; CPU per request it saves)');
    for (const p of prices) log(`  ${p.control.padEnd(14)} ${p.throughputRatio === null ? '   n/a' : p.throughputRatio.toFixed(2).padStart(6)}   ${p.cpuMsSaved === null ? 'n/a' : `${p.cpuMsSaved.toFixed(1)} ms`.padStart(8)}   ${p.detail}`);
    log('');
  }
  log('Targets (reported, not asserted)');
  for (const t of targets) log(`  ${t.outcome.padEnd(6)} ${t.name.padEnd(72)} ${t.value === null ? 'n/a' : t.value.toFixed(2)}   ${t.detail}`);
  for (const note of notes) log(`\nNote: ${note}`);

  const file = writeJson({
    startedAt: new Date(started).toISOString(),
    seconds: (Date.now() - started) / 1000,
    machine: { ...machineAtStart, loadAverageAtEnd: machine().loadAverage },
    options,
    dataset: datasetInfo,
    sample: sampleInfo,
    subgraphs: subgraphServices.map((s) => s.name),
    controlsProbes: probeStates,
    results,
    ratios,
    targets,
    controlPrices: prices,
    ingestRates: rates,
    caseloadCommandsPerRequestBySubgraph: caseloadCommands,
    profiles,
    notes,
  });
  log(`\nWritten ${file} (${((Date.now() - started) / 1000).toFixed(0)} s in all).`);
  const failing = results.filter((r) => r.levels.some((level) => level.stats.errors > 0)).map((r) => `${r.workload} / ${r.config}`);
  // A level whose requests were refused measures the refusals, not the record: say so, and fail.
  if (failing.length) throw new Error(`requests failed in ${failing.join(', ')}: those numbers are not comparable. The first error of each is printed above; fix it and run again.`);
  return { file, results };
}

async function auditEventCount(mongoUri: string): Promise<number> {
  const connection = await mongoose.createConnection(mongoUri, { dbName: 'audit' }).asPromise();
  try {
    return await connection.collection('auditEvents').estimatedDocumentCount();
  } finally {
    await connection.close();
  }
}
