/**
 * The benchmark's arithmetic, kept pure so a unit test can pin it down: percentiles, throughput,
 * counter differences and the ratios and targets printed at the end.
 */

/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it), the
 * definition load-testing tools use. `sorted` must be ascending; p in (0, 100].
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface LevelSamples {
  /** Latency of every answered request (not those refused busy), in milliseconds, in completion order. */
  latenciesMs: number[];
  /** Requests that failed (transport error, non-2xx, or an unexpected GraphQL error). */
  errors: number;
  /** Requests refused whole at capacity (503 SERVICE_BUSY): not answered, so not in the latencies. */
  refused?: number;
  /** Answered requests with part of the record missing (a source named SOURCE_UNAVAILABLE, ...): counted in errors too. */
  partial?: number;
  /** From the first request sent to the last response received, in milliseconds. */
  elapsedMs: number;
  /** Response bytes received, summed. */
  bytes?: number;
}

export interface LevelStats {
  /** Answered requests (complete, partial or failed); refused ones are counted apart. */
  requests: number;
  errors: number;
  /** Refused whole at capacity (503 SERVICE_BUSY, then Retry-After waited as a client does). */
  refused: number;
  /** Answered with part of the record missing. */
  partial: number;
  /** Completed requests (ok or not) per second of the measured window. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  elapsedS: number;
  bytesPerRequest: number | null;
}

export function summarise(samples: LevelSamples): LevelStats {
  const sorted = Float64Array.from(samples.latenciesMs).sort();
  const requests = sorted.length;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    requests,
    errors: samples.errors,
    refused: samples.refused ?? 0,
    partial: samples.partial ?? 0,
    throughput: throughput(requests, samples.elapsedMs),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: requests ? sum / requests : NaN,
    max: requests ? sorted[requests - 1] : NaN,
    elapsedS: samples.elapsedMs / 1000,
    bytesPerRequest: samples.bytes !== undefined && requests ? samples.bytes / requests : null,
  };
}

/** Requests per second over a window; 0 for an empty window. */
export function throughput(requests: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (requests * 1000) / elapsedMs : 0;
}

/** Counter values keyed by series (e.g. `gp|patientSlices|find`). */
export type CounterSnapshot = Map<string, number>;

/** after - before for every series (a series missing before counts from 0; a counter reset gives after). */
export function counterDelta(before: CounterSnapshot, after: CounterSnapshot): CounterSnapshot {
  const delta = new Map<string, number>();
  for (const [series, value] of after) {
    const previous = before.get(series) ?? 0;
    const d = value >= previous ? value - previous : value;
    if (d !== 0) delta.set(series, d);
  }
  return delta;
}

/** Sum of a snapshot's values, optionally only the series a predicate selects. */
export function total(snapshot: CounterSnapshot, select: (series: string) => boolean = () => true): number {
  let sum = 0;
  for (const [series, value] of snapshot) if (select(series)) sum += value;
  return sum;
}

/** a / b, or null when either is missing or b is 0 (printed as n/a, never as a made-up number). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

export type TargetOutcome = 'met' | 'missed' | 'n/a';

/** A target like "≤ 1.5" or "≥ 1.0" applied to a measured value (null: not measured). */
export function judge(value: number | null, comparison: '<=' | '>=', limit: number): TargetOutcome {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return (comparison === '<=' ? value <= limit : value >= limit) ? 'met' : 'missed';
}

/**
 * Parses Prometheus text exposition for one counter: `name{a="x",b="y"} 12` -> series key
 * made of the label values in the order given by `labels` joined with `|`.
 */
export function parseCounter(text: string, name: string, labels: string[]): CounterSnapshot {
  const snapshot: CounterSnapshot = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+([0-9.eE+-]+|NaN)$/.exec(line.trim());
    if (!match || match[1] !== name) continue;
    const values = new Map<string, string>();
    for (const pair of (match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) values.set(pair[1], pair[2]);
    const key = labels.map((label) => values.get(label) ?? '').join('|');
    snapshot.set(key, (snapshot.get(key) ?? 0) + Number(match[4]));
  }
  return snapshot;
}
