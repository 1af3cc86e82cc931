import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';
import mongoose from 'mongoose';
import { userToken } from '../demo/tokens';
import { findDemoUser } from '../demo/users';
import { BENCH_DIR, REPO_ROOT } from '../paths';
import { syntheticNhsNumber } from '../synthetic/nhsNumbers';
import { freePortBase, localDatabasePort } from '../stack/ports';
import { startStack, type RunningStack } from '../stack/stack';
import { accessLogQuery, type AccessLogFilter } from '../../../subgraphs/audit/src/accessLog';
import { EARLIEST_EVENT, periodArgument } from '../../../subgraphs/audit/src/period';
import { recordAccessQuery } from '../../../subgraphs/audit/src/recordAccess';
import { openAuditStore, type AuditStore } from './auditStore';
import { percentile } from './stats';

/**
 * npm run bench:audit: the privacy console over a year of audit (issue 20.1). Each query is sent as
 * the console sends it (its operations are read from web/src/privacy/privacy.graphql), through the
 * gateway, as the privacy officer, one at a time, `repeat` times: p50 / p95, and what the database
 * does for it (explain). Then the console's sections as it loads them, all at once; then the CSV
 * export of the whole access log, streamed for a while: first byte, rate, the audit service's memory.
 */

export interface AuditBenchOptions {
  events: number;
  repeat: number;
  portBase: number;
  seedOnly: boolean;
  /** false: measure the store as far as it was seeded. */
  seed: boolean;
}

/** The console's time limit per section: the gateway's timeout for the audit source. */
const SECTION_LIMIT_MS = 3_000;
const TARGET_P95_MS = 200;
const EXPORT_SECONDS = 10;
const BREAKER_SETTLE_MS = 12_000;
const CONSOLE_DOCUMENT = join(REPO_ROOT, 'web', 'src', 'privacy', 'privacy.graphql');
/** What the console loads when it opens, each section one operation. */
const ON_OPEN = ['ConsoleAccessLog', 'ConsoleMonitoring', 'ConsoleBreakGlass', 'ConsoleAlerts', 'ConsoleChainStatus'];
/** Reports run over a whole period of events: measured a few times, against the section's limit. */
const REPORTS = `
query UnusualVolumeReport { unusualVolume { title truncated rows { patients requests user { id } } } }
query OutOfHoursReport { outOfHoursAccess { title truncated rows { nhsNumber accesses user { id } } } }
`;

interface Measured {
  name: string;
  operation: string;
  samples: number[];
  p50: number | null;
  p95: number | null;
  /** The first error an answer carried, if any. */
  error: string | null;
  explain: string | null;
  target: 'met' | 'missed' | 'n/a';
}

type Log = (m: string) => void;

/** One operation of a document with the fragments it uses, as a client sends it. */
export function operationDocument(source: string, name: string): string | null {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) return null;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const needed = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (needed.has(spread.name.value)) return;
        needed.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  const definitions = [operation, ...[...needed].map((n) => fragments.get(n)!)];
  return print({ kind: Kind.DOCUMENT, definitions } as DocumentNode);
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; data: any; error: string | null }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json().catch(() => null)) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  const ms = performance.now() - started;
  const first = body?.errors?.[0];
  return { ms, data: body?.data ?? null, error: !body ? `HTTP ${response.status}, not JSON` : first ? `${first.extensions?.code ?? 'ERROR'}: ${first.message}` : null };
}

/** What the database does for a find: the index it reads and whether it sorts (FerretDB) or the winning plan (MongoDB). */
async function explainFind(auditDb: mongoose.Connection, filter: Record<string, unknown>, sort?: Record<string, 1 | -1>, limit?: number, collection = 'auditEvents'): Promise<string> {
  const explained = (await auditDb.db!.command({ explain: { find: collection, filter, ...(sort ? { sort } : {}), ...(limit ? { limit } : {}) } })) as Record<string, any>;
  if ('filterPushdown' in explained) {
    const plan = JSON.stringify(explained.queryPlanner?.Plan ?? []);
    const index = /USING INDEX \S+?_([^\s"]+)/.exec(plan)?.[1] ?? (plan.includes('SCAN') ? 'none (reads every event)' : 'none');
    return `index ${index}; ${explained.sortPushdown ? 'in index order, stops at the limit' : sort ? 'sorted after reading every match' : 'unsorted'}`;
  }
  const winning = JSON.stringify(explained.queryPlanner?.winningPlan ?? {});
  return `plan ${/"indexName":"([^"]+)"/.exec(winning)?.[1] ?? 'COLLSCAN'}${winning.includes('"SORT"') ? ', sorted in memory' : ''}`;
}

/** Samples of the store: a typical patient, a frequent attender, a user, an organisation, a week three months before its newest event. */
async function samplesOf(store: AuditStore, auditDb: mongoose.Connection) {
  const events = auditDb.collection('auditEvents');
  const newest = await events.findOne({ at: { $gte: EARLIEST_EVENT } }, { sort: { at: -1 } as never });
  if (!newest) throw new Error(`The audit store at ${store.dataDir} holds no events: remove the folder and run the bench again to seed it.`);
  const weekTo = new Date(newest.at.getTime() - 90 * 86_400_000);
  const near = (await events.findOne({ at: { $gte: weekTo } }, { sort: { at: 1 } as never })) ?? newest;
  // As the seeding numbers them (auditSeed.ts): the first 1 % of patients are the frequent attenders.
  const frequentAttender = syntheticNhsNumber(7);
  const typicalPatient = syntheticNhsNumber(Math.floor(store.population.patients / 2) + 13);
  return { userId: near.user.id as string, odsCode: near.user.odsCode as string, typicalPatient, frequentAttender, weekFrom: new Date(weekTo.getTime() - 7 * 86_400_000), weekTo };
}

export async function runAuditBench(options: AuditBenchOptions, log: Log): Promise<void> {
  const started = Date.now();
  const say: Log = (m) => log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s] ${m}`);
  const portBase = await freePortBase(options.portBase, (base) => [localDatabasePort(base), base + 13]);
  const store = await openAuditStore({ events: options.events, portBase, externalUri: process.env.MONGODB_URI, seed: options.seed, log: say });
  let stack: RunningStack | null = null;
  let auditDb: mongoose.Connection | null = null;
  try {
    if (options.seedOnly) return;
    const storeCount = await countEvents(store);
    process.env.MONGODB_URI = store.mongoUri;
    process.env.SHAREFORYOU_PORT_BASE = String(portBase);
    say(`Stack over the audit store (${storeCount.toLocaleString('en-GB')} events), port base ${portBase}...`);
    stack = await startStack({ portBase, quiet: true, log: say });
    auditDb = await mongoose.createConnection(store.mongoUri, { dbName: 'audit' }).asPromise();
    const token = userToken(findDemoUser('privacy-officer'), { expiresInSeconds: 4 * 3600 });
    const consoleSource = readFileSync(CONSOLE_DOCUMENT, 'utf8');
    const sample = await samplesOf(store, auditDb);
    await breakGlassUsesKept(auditDb, say);
    await lookDigestKept(auditDb, storeCount, say);
    await breakGlassReviewed(auditDb, stack.gatewayUrl, token, consoleSource, say);
    const year = periodArgument({}, 365);

    const results: Measured[] = [];
    const measure = async (name: string, query: string | null, variables: Record<string, unknown>, explain: () => Promise<string> | null, repeat = options.repeat) => {
      const operation = query ? (/(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?') : '?';
      if (!query) {
        say(`  ${name}: the console has no such operation now; skipped`);
        return;
      }
      const samples: number[] = [];
      let error: string | null = null;
      await graphql(stack!.gatewayUrl, token, query, variables); // warm: plans, caches, connections
      for (let i = 0; i < repeat; i += 1) {
        const answer = await graphql(stack!.gatewayUrl, token, query, variables);
        samples.push(answer.ms);
        error ??= answer.error;
        // A failed source is skipped by the gateway's breaker for a few seconds: let it close again,
        // or the next samples would time the refusal.
        if (answer.error) await new Promise((resolve) => setTimeout(resolve, BREAKER_SETTLE_MS));
      }
      samples.sort((a, b) => a - b);
      const p95 = percentile(samples, 95);
      const plan = await explain();
      const measured: Measured = { name, operation, samples, p50: percentile(samples, 50), p95, error, explain: plan, target: error ? 'missed' : p95 <= TARGET_P95_MS ? 'met' : 'missed' };
      results.push(measured);
      say(`  ${name.padEnd(44)} p50 ${measured.p50!.toFixed(0).padStart(6)} ms  p95 ${p95.toFixed(0).padStart(6)} ms  ${measured.target}${error ? `  (${error.slice(0, 120)})` : ''}${plan ? `  [${plan}]` : ''}`);
    };
    const accessLog = operationDocument(consoleSource, 'ConsoleAccessLog');
    const logPage = (filter: AccessLogFilter, label: string) =>
      measure(`access log, ${label}`, accessLog, { filter, first: 50 }, () => explainFind(auditDb!, accessLogQuery(filter), { at: -1, _id: -1 }, 51));

    say(`Console queries, one at a time, ${options.repeat} times each (target p95 <= ${TARGET_P95_MS} ms):`);
    await logPage({}, 'first page');
    const first = await graphql(stack.gatewayUrl, token, accessLog!, { filter: {}, first: 50 });
    const cursor = first.data?.accessLog?.pageInfo?.endCursor as string | undefined;
    if (cursor) await measure('access log, second page', accessLog, { filter: {}, first: 50, after: cursor }, () => null);
    await logPage({ nhsNumber: sample.typicalPatient }, 'by patient');
    await logPage({ nhsNumber: sample.frequentAttender }, 'by patient (a frequent attender)');
    await logPage({ userId: sample.userId }, 'by user');
    await logPage({ odsCode: sample.odsCode }, 'by organisation');
    await logPage({ from: sample.weekFrom.toISOString(), to: sample.weekTo.toISOString() }, 'a week, three months back');
    await logPage({ denied: true }, 'refused looks');
    // Read declaration by declaration (subgraphs/audit/src/breakGlassLog.ts): what one declaration's read does.
    const someDeclaration = (await auditDb.collection('breakGlassUses').findOne({}, { sort: { lastAccess: -1 } as never }))?._id;
    await measure('access log, looks under break-glass', accessLog, { filter: { breakGlass: true }, first: 50 }, async () =>
      someDeclaration
        ? `declarations: ${await explainFind(auditDb!, { lastAccess: { $gte: EARLIEST_EVENT } }, { lastAccess: -1 }, 16, 'breakGlassUses')}; each: ${await explainFind(auditDb!, { ...accessLogQuery({}), 'breakGlass.id': someDeclaration }, { at: -1, _id: -1 }, 51)}`
        : explainFind(auditDb!, accessLogQuery({ breakGlass: true }), { at: -1, _id: -1 }, 51),
    );
    const whoLooked = operationDocument(consoleSource, 'ConsoleWhoLooked');
    await measure('who has looked (a patient, a year)', whoLooked, { nhsNumber: sample.typicalPatient }, () => explainFind(auditDb!, recordAccessQuery(sample.typicalPatient, year)));
    await measure('who has looked (a frequent attender, a year)', whoLooked, { nhsNumber: sample.frequentAttender }, () => explainFind(auditDb!, recordAccessQuery(sample.frequentAttender, year)));
    const history = periodArgument({}, 366);
    const queue = periodArgument({}, 90);
    await measure('break-glass review queue and history', operationDocument(consoleSource, 'ConsoleBreakGlass'), {}, async () =>
      [
        `queue: ${await explainFind(auditDb!, { closed: false, lastAccess: { $gte: queue.from } }, undefined, undefined, 'breakGlassUses')}`,
        `history: ${await explainFind(auditDb!, { closed: true, closedAt: { $gte: EARLIEST_EVENT }, lastAccess: { $gte: history.from } }, { closedAt: -1 }, 501, 'breakGlassUses')}`,
      ].join('; '),
    );
    await measure('alerts', operationDocument(consoleSource, 'ConsoleAlerts'), {}, () => null);
    await measure('chain status', operationDocument(consoleSource, 'ConsoleChainStatus'), {}, () => null);
    say(`CSV export of the whole access log, streamed for ${EXPORT_SECONDS} s:`);
    const exported = await streamExport(stack, token);
    say(`  first byte ${exported.firstByteMs.toFixed(0)} ms, ${exported.rows.toLocaleString('en-GB')} rows (${(exported.rows / EXPORT_SECONDS).toFixed(0)} a second), audit service memory ${exported.rssMb.min.toFixed(0)}-${exported.rssMb.max.toFixed(0)} MB`);
    say(`The console opening: its ${ON_OPEN.length} sections at once, ${options.repeat} times (each within ${SECTION_LIMIT_MS} ms?):`);
    const together = await sectionsTogether(stack.gatewayUrl, token, consoleSource, options.repeat);
    say(`  slowest section p50 ${together.p50.toFixed(0)} ms, p95 ${together.p95.toFixed(0)} ms; sections failed: ${together.failures.length ? together.failures.join('; ') : 'none'}`);

    await measure('monitoring section', operationDocument(consoleSource, 'ConsoleMonitoring'), { reviewed: false }, () => null);
    say(`Reports over a period of events (31 days, from the look digest), ${options.repeat} times each:`);
    const month = { $gte: new Date(Date.now() - 31 * 86_400_000), $lt: new Date() };
    await measure('unusual volume report (31 days)', operationDocument(REPORTS, 'UnusualVolumeReport'), {}, () => explainFind(auditDb!, { hour: month }, undefined, undefined, 'lookHours'));
    await measure('out-of-hours report (31 days)', operationDocument(REPORTS, 'OutOfHoursReport'), {}, () => explainFind(auditDb!, { outOfHours: true, hour: month }, undefined, undefined, 'lookHours'));

    mkdirSync(BENCH_DIR, { recursive: true });
    const file = join(BENCH_DIR, `audit-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ events: storeCount, population: store.population, results, together, exported }, null, 2));
    log('');
    log(markdownTable(storeCount, results, together, exported));
    log(`\nWritten ${file}.`);
  } finally {
    await auditDb?.close();
    await stack?.stop();
    await store.stop();
  }
}

/**
 * The break-glass queue reads what the monitoring sweep keeps per declaration; over a store seeded
 * without it, the sweep first reads the store's break-glass events once (a week at a time). Waits
 * for that, saying how far it is, so the queue is measured as it runs in service.
 */
async function breakGlassUsesKept(auditDb: mongoose.Connection, say: Log): Promise<void> {
  const started = Date.now();
  let said = 0;
  for (;;) {
    const state = (await auditDb.collection('monitoringSweep').findOne({ _id: 'monitoring' as never })) as { usesBackfilled?: boolean; usesBackfilledTo?: Date; caughtUpTo?: Date } | null;
    if (state?.usesBackfilled && state.caughtUpTo) {
      say(`  the monitoring sweep keeps the break-glass uses (${await auditDb.collection('breakGlassUses').countDocuments({})} declarations; read in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      return;
    }
    if (Date.now() - started > 30 * 60_000) throw new Error('the monitoring sweep did not finish reading the break-glass events within 30 minutes: see the audit service log (warn level)');
    if (Date.now() - said > 10_000) {
      said = Date.now();
      say(`  waiting for the monitoring sweep to read the store's break-glass events once: ${state?.usesBackfilledTo ? `up to ${new Date(state.usesBackfilledTo).toISOString().slice(0, 10)}` : 'starting'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * The unusual volume and out-of-hours reports read the hours the look digest keeps; over a store
 * seeded without it, the digest first reads every event once, oldest first. Waits for it to reach
 * the newest events, saying how far it is, so the reports are measured as they run in service.
 */
async function lookDigestKept(auditDb: mongoose.Connection, events: number, say: Log): Promise<void> {
  const started = Date.now();
  const newest = (await auditDb.collection('auditEvents').findOne({ at: { $gte: EARLIEST_EVENT } }, { sort: { at: -1 } as never, projection: { at: 1 } }))?.at as Date | undefined;
  let said = 0;
  for (;;) {
    const latest = (await auditDb.collection('lookHours').findOne({}, { sort: { hour: -1 } as never, projection: { through: 1 } })) as { through: Date } | null;
    if (!newest || (latest && new Date(latest.through) > newest)) {
      say(`  the look digest holds every hour of the store (${await auditDb.collection('lookHours').estimatedDocumentCount()} hours; read in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      return;
    }
    // About 1,000 events a second on this engine; twice that long before giving up.
    if (Date.now() - started > Math.max(10 * 60_000, events * 2)) throw new Error('the look digest did not reach the newest events in time: see the audit service log (warn level)');
    if (Date.now() - said > 15_000) {
      said = Date.now();
      say(`  waiting for the look digest to read the store once, oldest first: ${latest ? `up to ${new Date(latest.through).toISOString().slice(0, 16)}` : 'starting'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Days a privacy office takes to review a declaration, in the store: the queue holds the last fortnight's. */
const REVIEWED_WITHIN_DAYS = 14;

/**
 * A year of break-glass has been reviewed, as a privacy office would (the queue holds the last
 * fortnight's declarations and the follow-ups; the history the rest): once per store, each review
 * recorded through the gateway as the console records it. 95 % appropriate, 3 % inappropriate, 2 %
 * needing follow-up.
 */
async function breakGlassReviewed(auditDb: mongoose.Connection, url: string, token: string, consoleSource: string, say: Log): Promise<void> {
  if ((await auditDb.collection('breakGlassReviews').estimatedDocumentCount()) > 0) return;
  const due = (await auditDb
    .collection('breakGlassUses')
    .find({ lastAccess: { $lt: new Date(Date.now() - REVIEWED_WITHIN_DAYS * 86_400_000) } })
    .project({ _id: 1 })
    .toArray()) as Array<{ _id: unknown }>;
  const mutation = operationDocument(consoleSource, 'ConsoleReviewBreakGlass');
  if (!mutation) throw new Error('the console has no ConsoleReviewBreakGlass operation (web/src/privacy/privacy.graphql)');
  say(`Reviewing the store's break-glass declarations older than ${REVIEWED_WITHIN_DAYS} days, as the privacy office would have (${due.length}, once per store)...`);
  let said = Date.now();
  for (const [i, { _id }] of due.entries()) {
    const outcome = i % 50 === 7 ? 'NEEDS_FOLLOW_UP' : i % 33 === 5 ? 'INAPPROPRIATE' : 'APPROPRIATE';
    const answer = await graphql(url, token, mutation, { breakGlassId: String(_id), outcome, note: 'Reviewed against the emergency department attendance.' });
    if (answer.error) throw new Error(`recording a review failed: ${answer.error}`);
    if (Date.now() - said > 10_000) {
      said = Date.now();
      say(`  reviewed ${i + 1}/${due.length}`);
    }
  }
}

/** The events in the store: what the seeding wrote, on the local engine (whose count reads every document); the estimate elsewhere. */
async function countEvents(store: AuditStore): Promise<number> {
  if (store.engine) return store.seeded;
  const connection = await mongoose.createConnection(store.mongoUri, { dbName: 'audit' }).asPromise();
  try {
    return await connection.collection('auditEvents').estimatedDocumentCount();
  } finally {
    await connection.close();
  }
}

async function sectionsTogether(url: string, token: string, source: string, repeat: number) {
  const slowest: number[] = [];
  const failures = new Set<string>();
  const documents = ON_OPEN.map((name) => [name, operationDocument(source, name)] as const).filter(([, d]) => d);
  for (let i = 0; i < repeat; i += 1) {
    const answers = await Promise.all(documents.map(([name, d]) => graphql(url, token, d!, name === 'ConsoleMonitoring' ? { reviewed: false } : name === 'ConsoleAccessLog' ? { filter: {}, first: 50 } : {}).then((a) => ({ name, ...a }))));
    slowest.push(Math.max(...answers.map((a) => a.ms)));
    for (const a of answers) if (a.error || a.ms > SECTION_LIMIT_MS) failures.add(`${a.name}: ${a.error ?? `${a.ms.toFixed(0)} ms`}`.slice(0, 160));
  }
  slowest.sort((a, b) => a - b);
  return { p50: percentile(slowest, 50), p95: percentile(slowest, 95), failures: [...failures] };
}

async function streamExport(stack: RunningStack, token: string) {
  const audit = stack.services.find((s) => s.name === 'audit');
  const rss = () => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${audit?.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const memory: number[] = [rss()];
  const sampler = setInterval(() => memory.push(rss()), 250);
  const controller = new AbortController();
  const started = performance.now();
  let firstByteMs = Number.NaN;
  let rows = 0;
  try {
    const response = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/audit/export/accessLog.csv'), { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`the export answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
    const reader = response.body.getReader();
    const stopAt = started + EXPORT_SECONDS * 1000;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
      for (const byte of value) if (byte === 10) rows += 1;
      if (performance.now() > stopAt) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearInterval(sampler);
  }
  return { firstByteMs, rows: Math.max(0, rows - 1), rssMb: { min: Math.min(...memory), max: Math.max(...memory) } };
}

function markdownTable(events: number, results: Measured[], together: { p50: number; p95: number; failures: string[] }, exported: { firstByteMs: number; rows: number; rssMb: { min: number; max: number } }): string {
  const lines = [
    `Privacy console over ${events.toLocaleString('en-GB')} audit events (target: p95 <= ${TARGET_P95_MS} ms)`,
    '',
    '| query | p50 ms | p95 ms | target | what the database does |',
    '| --- | ---: | ---: | --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.p50?.toFixed(0) ?? '-'} | ${r.p95?.toFixed(0) ?? '-'} | ${r.target}${r.error ? ` (${r.error.slice(0, 80)})` : ''} | ${r.explain ?? ''} |`),
    '',
    `Console opening (${ON_OPEN.length} sections at once): slowest section p50 ${together.p50.toFixed(0)} ms, p95 ${together.p95.toFixed(0)} ms, limit ${SECTION_LIMIT_MS} ms; failed: ${together.failures.length ? together.failures.join('; ') : 'none'}.`,
    `CSV export: first byte ${exported.firstByteMs.toFixed(0)} ms; ${(exported.rows / EXPORT_SECONDS).toFixed(0)} rows a second; audit service memory ${exported.rssMb.min.toFixed(0)}-${exported.rssMb.max.toFixed(0)} MB while streaming.`,
  ];
  return lines.join('\n');
}
