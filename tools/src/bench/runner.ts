import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../paths';
import { metricsDelta, scrapeMetrics, type MetricsDelta } from './metrics';
import type { LoadgenMessage, LoadPlan } from './plan';
import type { LevelStats } from './stats';

/** Runs one load plan in a separate load-generator process and reads the subgraphs' counters around each level. */

export interface LevelResult {
  concurrency: number;
  stats: LevelStats;
  unfinished: number;
  repeated: number;
  errorSamples: string[];
  /** null when the run did not go through our subgraphs' metrics (never, today). */
  metrics: MetricsDelta | null;
  /** CPU seconds each process used during the level (Linux /proc), e.g. { database: 8.1, gp: 1.0 }. */
  cpuSeconds: Record<string, number> | null;
  /** Past saturation (see SATURATED_P50_MS): the plan's higher levels were not run. */
  saturated: boolean;
}

/** user + system CPU seconds of a process, from /proc (null where there is no /proc). */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function cpuSnapshot(pids: Record<string, number | undefined>): Record<string, number> | null {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== null) out[name] = seconds;
  }
  return Object.keys(out).length ? out : null;
}

const LOADGEN = join(__dirname, 'loadgen.ts');

/**
 * A level whose median is above this is past saturation: higher levels would only measure a longer
 * queue (and leave the services working off abandoned requests), so they are not run.
 */
export const SATURATED_P50_MS = 5_000;

/** Waits (bounded) until a process has gone quiet: less than `busy` of a core over a second. */
async function settle(pid: number | undefined, options: { busy?: number; maxMs?: number } = {}): Promise<number> {
  const started = Date.now();
  if (processCpuSeconds(pid) === null) return 0;
  while (Date.now() - started < (options.maxMs ?? 90_000)) {
    const before = processCpuSeconds(pid)!;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = processCpuSeconds(pid);
    if (after === null || after - before < (options.busy ?? 0.3)) break;
  }
  return Date.now() - started;
}

export async function runLoad(
  plan: LoadPlan,
  options: { metricsEnv?: NodeJS.ProcessEnv; log: (m: string) => void; processes?: Record<string, number | undefined> },
): Promise<LevelResult[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOADGEN], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdin.write(`${JSON.stringify(plan)}\ngo\n`);

  const results: LevelResult[] = [];
  let before: Awaited<ReturnType<typeof scrapeMetrics>> | null = null;
  let cpuBefore: Record<string, number> | null = null;
  let saturatedAt: number | null = null;
  const processes: Record<string, number | undefined> = { ...(options.processes ?? {}), 'load generator': child.pid };
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) continue;
      const message = JSON.parse(line) as LoadgenMessage;
      if (message.type === 'fatal') throw new Error(`load generator: ${message.message}`);
      if (message.type === 'ready') {
        before = options.metricsEnv ? await scrapeMetrics(options.metricsEnv) : null;
        cpuBefore = cpuSnapshot(processes);
        child.stdin.write('go\n');
      } else if (message.type === 'result') {
        const cpuAfter = cpuSnapshot(processes);
        const after = options.metricsEnv ? await scrapeMetrics(options.metricsEnv) : null;
        const cpuSeconds =
          cpuBefore && cpuAfter
            ? Object.fromEntries(Object.entries(cpuAfter).filter(([name]) => name in cpuBefore!).map(([name, s]) => [name, Math.round((s - cpuBefore![name]) * 100) / 100]))
            : null;
        const { stats } = message;
        results.push({
          concurrency: message.concurrency,
          stats,
          unfinished: message.unfinished,
          repeated: message.repeated,
          errorSamples: message.errorSamples,
          metrics: before && after ? metricsDelta(before, after) : null,
          cpuSeconds,
          saturated: message.unfinished > 0 || stats.p50 > SATURATED_P50_MS,
        });
        options.log(
          `    ${plan.label.padEnd(28)} c=${String(message.concurrency).padStart(3)}  ${(stats.throughput ?? 0).toFixed(1).padStart(7)} req/s  ` +
            `p50 ${Number(stats.p50).toFixed(1)} ms  p95 ${Number(stats.p95).toFixed(1)} ms  p99 ${Number(stats.p99).toFixed(1)} ms  ` +
            `errors ${stats.errors}${stats.partial ? ` (${stats.partial} partial)` : ''}${stats.refused ? `  refused busy ${stats.refused}` : ''}${message.unfinished ? `  unfinished ${message.unfinished}` : ''}`,
        );
        if (message.errorSamples.length) options.log(`      first error: ${message.errorSamples[0].slice(0, 300)}`);
        const saturated = results[results.length - 1].saturated;
        if (message.level + 1 < plan.levels.length) {
          if (saturated) {
            const rest = plan.levels.slice(message.level + 1).map((l) => l.concurrency);
            options.log(`      saturated at c=${message.concurrency} (p50 ${(stats.p50 / 1000).toFixed(1)} s${message.unfinished ? `, ${message.unfinished} unfinished` : ''}): c=${rest.join(', ')} not run`);
            saturatedAt = message.concurrency;
            child.stdin.write('stop\n');
          } else child.stdin.write('go\n');
        }
      }
    }
  } finally {
    child.stdin.end();
    const code = await exited;
    if (code !== 0 && results.length < plan.levels.length) {
      // eslint-disable-next-line no-unsafe-finally
      if (saturatedAt === null) throw new Error(`load generator exited with ${code}: ${stderr.slice(-1500)}`);
    }
  }
  // Abandoned requests go on in the services: let the database work them off before the next run.
  if (results.some((r) => r.unfinished > 0)) {
    const waited = await settle(processes.database);
    if (waited > 1_500) options.log(`      waited ${(waited / 1000).toFixed(0)} s for the database to work off abandoned requests`);
  }
  return results;
}
