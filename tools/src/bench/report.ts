import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR } from '../paths';
import { SATURATED_P50_MS, type LevelResult } from './runner';
import { judge, ratio, type TargetOutcome } from './stats';

/** The results: the table on screen, the ratios, the targets, and the JSON file in .bench/. */

export type ConfigName = 'floor' | 'ours' | 'controls-off' | 'one-control-off' | 'peer' | 'compiled-peer' | 'direct';

const CONFIG_LABELS: Record<ConfigName, string> = {
  floor: 'floor (subgraphs direct)',
  ours: 'our gateway',
  'controls-off': 'our gateway, controls off',
  'one-control-off': 'our gateway, one control off',
  peer: 'peer (hive-gateway)',
  'compiled-peer': 'peer (hive-router)',
  direct: 'feed endpoint',
};

/** The process whose CPU is each gateway's own (the names run.ts gives them among the processes it reads). */
export const GATEWAY_PROCESS: Partial<Record<ConfigName, string>> = { ours: 'gateway', peer: 'peer', 'compiled-peer': 'hive-router' };

/** The one-control-off run with nothing off: the fresh-stack baseline the prices compare with. */
export const PRICE_BASELINE = 'none';

/** The row label: a one-control-off run names its control. */
function configLabel(run: Pick<RunResult, 'config' | 'control'>): string {
  if (run.config !== 'one-control-off' || !run.control) return CONFIG_LABELS[run.config];
  return run.control === PRICE_BASELINE ? 'our gateway, fresh stack' : `our gateway, ${run.control} off`;
}

export interface RunResult {
  workload: string;
  config: ConfigName;
  patients: number;
  levels: LevelResult[];
  /** Why it was not measured (printed as n/a). */
  skipped?: string;
  note?: string;
  /** For one-control-off: the control that was off. */
  control?: string;
  /** Ingest: the FHIR entries each request carries, on average over its pool. */
  entriesPerRequest?: number;
}

export interface Ratio {
  name: string;
  value: number | null;
  detail: string;
}

export interface Target {
  name: string;
  value: number | null;
  comparison: '<=' | '>=';
  limit: number;
  outcome: TargetOutcome;
  detail: string;
}

function fixed(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  // Small rates (a request every few seconds) keep two significant digits.
  return value.toFixed(Math.abs(value) < 1 && value !== 0 ? Math.max(digits, 2) : digits);
}

function commandsPerRequest(level: LevelResult): number | null {
  return level.metrics && level.stats.requests ? level.metrics.totalCommands / level.stats.requests : null;
}

export function table(results: RunResult[]): string {
  const header = ['workload', 'configuration', 'patients', 'c', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'DB cmds/req'];
  const rows: string[][] = [];
  for (const r of results) {
    if (r.skipped) {
      rows.push([r.workload, configLabel(r), String(r.patients), '-', 'n/a', 'n/a', 'n/a', 'n/a', '-', `n/a: ${r.skipped}`]);
      continue;
    }
    for (const level of r.levels) {
      const s = level.stats;
      rows.push([
        r.workload,
        configLabel(r),
        String(r.patients),
        `${level.concurrency}${level.saturated ? '*' : ''}`,
        fixed(s.throughput),
        fixed(s.p50),
        fixed(s.p95),
        fixed(s.p99),
        `${s.errors}${s.partial ? ` (${s.partial} partial)` : ''}${s.refused ? ` +${s.refused} busy` : ''}${level.unfinished ? ` (+${level.unfinished} unfinished)` : ''}`,
        fixed(commandsPerRequest(level), 2),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i >= 3 && i <= 8 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const footnote = results.some((r) => r.levels.some((l) => l.saturated))
    ? `\n* saturated (median above ${SATURATED_P50_MS / 1000} s, or requests still unfinished after the drain): higher concurrency levels were not run for that row's workload and configuration.`
    : '';
  return [line(header), `|${widths.map((w, i) => (i >= 3 && i <= 8 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n') + footnote;
}

function find(results: RunResult[], workload: string, config: ConfigName, patients?: number): RunResult | undefined {
  return results.find((r) => r.workload === workload && r.config === config && !r.skipped && r.levels.length > 0 && (patients === undefined || r.patients === patients));
}

/** The level with the lowest concurrency (latency comparisons) . */
function lowest(run: RunResult | undefined): LevelResult | undefined {
  return run ? [...run.levels].sort((a, b) => a.concurrency - b.concurrency)[0] : undefined;
}

/** The best throughput over the levels (capacity comparisons). */
function bestThroughput(run: RunResult | undefined): number | null {
  return run ? Math.max(...run.levels.map((l) => l.stats.throughput)) : null;
}

export function computeRatios(results: RunResult[], options: { patients: number; scalingBase: number }): { ratios: Ratio[]; targets: Target[]; caseloadCommands: Record<string, { at10: number | null; at50: number | null }> } {
  const ours = find(results, 'record summary', 'ours', options.patients);
  const floor = find(results, 'record summary', 'floor', options.patients);
  const peer = find(results, 'record summary', 'peer', options.patients);
  const off = find(results, 'record summary', 'controls-off', options.patients);
  const oursLow = lowest(ours);
  const floorLow = lowest(floor);

  const oursFloor = ratio(oursLow?.stats.p50, floorLow?.stats.p50);
  const oursPeer = ratio(bestThroughput(ours), bestThroughput(peer));
  const onOff = ratio(bestThroughput(ours), bestThroughput(off));

  const small = find(results, 'record summary', 'ours', options.scalingBase);
  const scale = options.patients === options.scalingBase ? null : ratio(lowest(ours)?.stats.p50, lowest(small)?.stats.p50);

  const c10 = find(results, 'caseload 10', 'ours', options.patients);
  const c50 = find(results, 'caseload 50', 'ours', options.patients);
  const perSubgraph = (run: RunResult | undefined) => {
    const level = lowest(run);
    const out: Record<string, number> = {};
    if (!level?.metrics || !level.stats.requests) return out;
    // Per patient data only: the gateway's organisation-status lookup (cached for 30 s) is not per request.
    for (const [series, count] of Object.entries(level.metrics.commandsBySeries)) {
      const [subgraph, collection] = series.split(' ');
      if (collection.endsWith('.organisations')) continue;
      out[subgraph] = (out[subgraph] ?? 0) + count / level.stats.requests;
    }
    return out;
  };
  const at10 = perSubgraph(c10);
  const at50 = perSubgraph(c50);
  const caseloadCommands: Record<string, { at10: number | null; at50: number | null }> = {};
  for (const subgraph of new Set([...Object.keys(at10), ...Object.keys(at50)])) {
    if (at10[subgraph] || at50[subgraph]) caseloadCommands[subgraph] = { at10: at10[subgraph] ?? null, at50: at50[subgraph] ?? null };
  }
  // Independent of the caseload's size: no subgraph sends more commands for 50 patients than for 10
  // (0.1 command per request of slack).
  const growth = c10 && c50 ? Math.max(0, ...Object.values(caseloadCommands).map((v) => (v.at50 ?? 0) - (v.at10 ?? 0))) : null;

  // Issue #22: the FHIR $summary beside the GraphQL record summary, at the same (lowest) level.
  const fhirLow = lowest(find(results, 'fhir summary', 'ours', options.patients));
  const fhirSummary = ratio(fhirLow?.stats.p50, oursLow?.stats.p50);
  // The same content as GraphQL: the combined record (the viewer's primary view) against its FHIR form.
  const combinedLow = lowest(find(results, 'combined record', 'ours', options.patients));
  const fhirCombined = ratio(fhirLow?.stats.p50, combinedLow?.stats.p50);
  const ratios: Ratio[] = [
    { name: 'ours ÷ floor, record summary p50', value: oursFloor, detail: `at c=${oursLow?.concurrency ?? '?'}: ${fixed(oursLow?.stats.p50)} ms vs ${fixed(floorLow?.stats.p50)} ms` },
    { name: 'ours ÷ peer, record summary throughput', value: oursPeer, detail: `best over levels: ${fixed(bestThroughput(ours))} vs ${fixed(bestThroughput(peer))} req/s` },
    { name: 'controls on ÷ off, record summary throughput', value: onOff, detail: off ? `best over levels: ${fixed(bestThroughput(ours))} vs ${fixed(bestThroughput(off))} req/s` : 'controls-off not available' },
    {
      name: `record summary p50, ${options.patients} ÷ ${options.scalingBase} patients`,
      value: scale,
      detail: small ? `at c=${lowest(ours)?.concurrency}: ${fixed(lowest(ours)?.stats.p50)} ms vs ${fixed(lowest(small)?.stats.p50)} ms` : 'not measured',
    },
    { name: 'FHIR $summary ÷ GraphQL record summary p50', value: fhirSummary, detail: `at c=${fhirLow?.concurrency ?? '?'}: ${fixed(fhirLow?.stats.p50)} ms vs ${fixed(oursLow?.stats.p50)} ms` },
    { name: 'FHIR $summary ÷ GraphQL combined record p50', value: fhirCombined, detail: `at c=${fhirLow?.concurrency ?? '?'}: ${fixed(fhirLow?.stats.p50)} ms vs ${fixed(combinedLow?.stats.p50)} ms` },
    ...peerComparison(results, options.patients).flatMap((p) => [
      { name: `ours ÷ ${CONFIG_LABELS[p.peer]}, throughput`, value: p.throughputRatio, detail: `record summary, best over levels: ${fixed(p.throughput[0])} vs ${fixed(p.throughput[1])} req/s` },
      { name: `ours ÷ ${CONFIG_LABELS[p.peer]}, gateway CPU`, value: p.gatewayCpuRatio, detail: `record summary, the gateway process alone per request at the busiest level: ${fixed(p.gatewayCpuMs[0], 2)} vs ${fixed(p.gatewayCpuMs[1], 2)} ms` },
    ]),
  ];
  const targets: Target[] = [
    { name: 'record summary p50 ≤ 1.5 × floor', value: oursFloor, comparison: '<=', limit: 1.5, outcome: judge(oursFloor, '<=', 1.5), detail: ratios[0].detail },
    { name: 'throughput with controls ≥ peer', value: oursPeer, comparison: '>=', limit: 1, outcome: judge(oursPeer, '>=', 1), detail: ratios[1].detail },
    { name: 'controls cost ≤ 20% of throughput', value: onOff, comparison: '>=', limit: 0.8, outcome: judge(onOff, '>=', 0.8), detail: ratios[2].detail },
    {
      name: 'caseload DB commands per subgraph independent of patients (50 vs 10)',
      value: growth,
      comparison: '<=',
      limit: 0.1,
      outcome: judge(growth, '<=', 0.1),
      detail: Object.entries(caseloadCommands)
        .map(([s, v]) => `${s} ${fixed(v.at10, 2)}→${fixed(v.at50, 2)}`)
        .join(', '),
    },
    { name: `record summary p50 ${options.patients} ÷ ${options.scalingBase} patients ≤ 1.2`, value: scale, comparison: '<=', limit: 1.2, outcome: judge(scale, '<=', 1.2), detail: ratios[3].detail },
    { name: 'FHIR $summary p50 ≤ 1.5 × GraphQL record summary', value: fhirSummary, comparison: '<=', limit: 1.5, outcome: judge(fhirSummary, '<=', 1.5), detail: ratios[4].detail },
    ...overloadTargets(ours),
  ];
  return { ratios, targets, caseloadCommands };
}

/** The load at which admission is judged (issue #20.6: 200 concurrent clients). */
export const OVERLOAD_CONCURRENCY = 100;

/**
 * Overload refused, not degraded: at the record summary's highest level of at least
 * OVERLOAD_CONCURRENCY clients, no answered record is partial (our own queueing never costs a
 * source) and the answered ones' p99 is at most 2 s; what the stack cannot serve is refused whole
 * (503 SERVICE_BUSY). Not judged when no such level was run.
 */
export function overloadTargets(ours: RunResult | undefined): Target[] {
  const level = [...(ours?.levels ?? [])].filter((l) => l.concurrency >= OVERLOAD_CONCURRENCY).sort((a, b) => b.concurrency - a.concurrency)[0];
  const detail = level
    ? `at c=${level.concurrency}: ${level.stats.requests} answered (${level.stats.partial} partial), ${level.stats.refused} refused busy, p99 ${fixed(level.stats.p99)} ms`
    : `not measured: run with --concurrency 200`;
  const partialShare = level ? (level.stats.requests ? level.stats.partial / level.stats.requests : 0) : null;
  return [
    { name: 'overload: no answered record partial', value: partialShare, comparison: '<=', limit: 0, outcome: judge(partialShare, '<=', 0), detail },
    { name: 'overload: answered records p99 ≤ 2 s', value: level ? level.stats.p99 : null, comparison: '<=', limit: 2000, outcome: judge(level ? level.stats.p99 : null, '<=', 2000), detail },
  ];
}

export function machine() {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    /** 1, 5 and 15 minute load averages when this was read: other work on the machine skews everything. */
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function writeJson(report: Record<string, unknown>): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(BENCH_DIR, `bench-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** A gateway process's own CPU per request, in ms, at the run's busiest level (null when it was not read). */
export function gatewayCpuMs(run: RunResult | undefined): number | null {
  const name = run ? GATEWAY_PROCESS[run.config] : undefined;
  const level = run ? [...run.levels].sort((a, b) => b.concurrency - a.concurrency)[0] : undefined;
  const seconds = name ? level?.cpuSeconds?.[name] : undefined;
  return level && seconds !== undefined && level.stats.requests ? (seconds * 1000) / level.stats.requests : null;
}

export interface PeerComparison {
  peer: 'peer' | 'compiled-peer';
  /** Ours ÷ the peer, record summary, best throughput over the levels: above 1, ours served more. */
  throughputRatio: number | null;
  /** Ours ÷ the peer, the gateway process's CPU per record summary: above 1, ours spent more. */
  gatewayCpuRatio: number | null;
  throughput: [number | null, number | null];
  gatewayCpuMs: [number | null, number | null];
  /** Why the peer has no numbers (it was skipped). */
  skipped?: string;
}

/** Ours against each peer that was run or skipped, record summary: throughput and the gateway's own CPU. */
export function peerComparison(results: RunResult[], patients: number): PeerComparison[] {
  const ours = find(results, 'record summary', 'ours', patients);
  return (['peer', 'compiled-peer'] as const).flatMap((peer) => {
    const run = find(results, 'record summary', peer, patients);
    const skipped = results.find((r) => r.workload === 'record summary' && r.config === peer && r.patients === patients && r.skipped)?.skipped;
    if (!run && !skipped) return [];
    const throughput: [number | null, number | null] = [bestThroughput(ours), bestThroughput(run)];
    const cpu: [number | null, number | null] = [gatewayCpuMs(ours), gatewayCpuMs(run)];
    return [{ peer, throughputRatio: ratio(throughput[0], throughput[1]), gatewayCpuRatio: ratio(cpu[0], cpu[1]), throughput, gatewayCpuMs: cpu, ...(skipped ? { skipped } : {}) }];
  });
}

/** The comparison as a table: a row per peer. */
export function peerTable(results: RunResult[], patients: number): string {
  const rows = peerComparison(results, patients).map((p) =>
    p.skipped
      ? `  ${CONFIG_LABELS[p.peer].padEnd(20)} n/a: ${p.skipped}`
      : `  ${CONFIG_LABELS[p.peer].padEnd(20)} throughput ours ÷ peer ${fixed(p.throughputRatio, 2).padStart(6)} (${fixed(p.throughput[0])} vs ${fixed(p.throughput[1])} req/s)   gateway CPU ours ÷ peer ${fixed(p.gatewayCpuRatio, 2).padStart(6)} (${fixed(p.gatewayCpuMs[0], 2)} vs ${fixed(p.gatewayCpuMs[1], 2)} ms/request)`,
  );
  return rows.join('\n');
}

/** CPU milliseconds per request by process at a run's busiest level: where the time goes. */
function cpuPerRequest(run: RunResult): { concurrency: number; wallS: number; perRequestMs: Array<[string, number]>; totalMs: number } | null {
  const level = [...run.levels].sort((a, b) => b.concurrency - a.concurrency)[0];
  if (!level?.cpuSeconds || !level.stats.requests) return null;
  const perRequestMs = Object.entries(level.cpuSeconds)
    .map(([name, s]) => [name, (s * 1000) / level.stats.requests] as [string, number])
    .filter(([, ms]) => ms > 0)
    .sort((a, b) => b[1] - a[1]);
  return { concurrency: level.concurrency, wallS: level.stats.elapsedS, perRequestMs, totalMs: perRequestMs.reduce((a, [, ms]) => a + ms, 0) };
}

export function cpuTable(results: RunResult[]): string {
  const lines: string[] = [];
  for (const run of results) {
    if (run.skipped || !['record summary', 'caseload 50', 'ingest', 'ingest (full history)'].includes(run.workload)) continue;
    const cpu = cpuPerRequest(run);
    if (!cpu) continue;
    const parts = cpu.perRequestMs.filter(([, ms]) => ms >= 0.05 * cpu.totalMs).map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
    lines.push(`  ${`${run.workload} / ${configLabel(run)} (${run.patients}, c=${cpu.concurrency})`.padEnd(62)} ${cpu.totalMs.toFixed(0).padStart(5)} ms CPU/request: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

export interface IngestRate {
  workload: string;
  concurrency: number;
  entriesPerRequest: number;
  requestsPerSecond: number;
  entriesPerSecond: number;
}

/** Feed ingest in entries per second, each level of each ingest run that says how many entries its requests carry. */
export function ingestRates(results: RunResult[]): IngestRate[] {
  return results
    .filter((run) => !run.skipped && run.entriesPerRequest)
    .flatMap((run) =>
      run.levels.map((level) => ({
        workload: run.workload,
        concurrency: level.concurrency,
        entriesPerRequest: run.entriesPerRequest!,
        requestsPerSecond: level.stats.throughput,
        entriesPerSecond: level.stats.throughput * run.entriesPerRequest!,
      })),
    );
}

export function ingestTable(rates: IngestRate[]): string {
  return rates
    .map((r) => `  ${`${r.workload} (c=${r.concurrency})`.padEnd(34)} ${fixed(r.entriesPerSecond, 0).padStart(7)} entries/s   (${fixed(r.requestsPerSecond, 2)} bundles/s × ${fixed(r.entriesPerRequest, 1)} entries each)`)
    .join('\n');
}

export interface ControlPrice {
  control: string;
  concurrency: number;
  /** Throughput with every control on ÷ with only this one off: 1 means free. */
  throughputRatio: number | null;
  /** CPU per request (all processes) saved by switching only this control off. */
  cpuMsSaved: number | null;
  detail: string;
}

/**
 * What each control costs on its own: fresh stacks with every control on (the baseline, measured
 * first and last, averaged) against fresh stacks with only one control off, at the same
 * concurrency (without a baseline run: our gateway's own row at that level). CPU per request is the
 * steadier of the two on a shared machine; throughput is what the target is about.
 */
export function controlPrices(results: RunResult[], patients: number): ControlPrice[] {
  const priced = results.filter((r) => r.config === 'one-control-off' && r.workload === 'record summary' && r.patients === patients && !r.skipped && r.levels.length > 0);
  const baselines = priced.filter((r) => r.control === PRICE_BASELINE);
  const ours = find(results, 'record summary', 'ours', patients);
  const mean = (values: Array<number | null | undefined>) => {
    const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  };
  return priced
    .filter((run) => run.control !== PRICE_BASELINE)
    .map((run) => {
      const level = run.levels[0];
      const references = (baselines.length ? baselines : ours ? [ours] : []).map((r) => ({ run: r, level: r.levels.find((l) => l.concurrency === level.concurrency) }));
      const throughputOn = mean(references.map((r) => r.level?.stats.throughput));
      const cpuOn = mean(references.map((r) => (r.level ? cpuPerRequest({ ...r.run, levels: [r.level] })?.totalMs : null)));
      const cpuOff = cpuPerRequest(run)?.totalMs ?? null;
      const throughputRatio = ratio(throughputOn, level.stats.throughput);
      const cpuMsSaved = cpuOn !== null && cpuOff !== null ? cpuOn - cpuOff : null;
      const spread = baselines.length > 1 ? ` (baselines ${baselines.map((b) => fixed(b.levels[0]?.stats.throughput)).join(' and ')} req/s)` : baselines.length ? '' : ' (no fresh baseline: against our gateway row)';
      return {
        control: run.control ?? '?',
        concurrency: level.concurrency,
        throughputRatio,
        cpuMsSaved,
        detail: `c=${level.concurrency}: ${fixed(throughputOn)} vs ${fixed(level.stats.throughput)} req/s, CPU ${fixed(cpuOn)} vs ${fixed(cpuOff)} ms/request${spread}`,
      };
    });
}
