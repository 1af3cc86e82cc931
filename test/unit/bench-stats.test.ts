import { readAnswer } from '../../tools/src/bench/answers';
import { counterDelta, judge, parseCounter, percentile, ratio, summarise, throughput, total } from '../../tools/src/bench/stats';
import { canonicalJson } from '../../tools/src/bench/bulkSeed';
import { controlsOffEnvironment } from '../../tools/src/bench/controls';
import { rewriteSupergraphUrls } from '../../tools/src/bench/peer';
import { controlPrices, ingestRates, ingestTable, overloadTargets, table, type RunResult } from '../../tools/src/bench/report';
import type { LevelResult } from '../../tools/src/bench/runner';

describe('bench: percentiles (nearest rank)', () => {
  const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('picks the smallest sample with at least p% at or below it', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0.5)).toBe(1);
  });

  it('handles small and odd-sized samples without interpolating', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 1000], 95)).toBe(1000);
  });

  it('is NaN for no samples and refuses a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('bench: throughput and level summaries', () => {
  it('is completed requests per second of the measured window', () => {
    expect(throughput(500, 10_000)).toBe(50);
    expect(throughput(3, 1_500)).toBe(2);
    expect(throughput(10, 0)).toBe(0);
  });

  it('summarises unsorted latencies, counting errors but keeping their latency', () => {
    const stats = summarise({ latenciesMs: [30, 10, 20, 40, 50, 60, 70, 80, 90, 100], errors: 2, elapsedMs: 2_000, bytes: 5_000 });
    expect(stats.requests).toBe(10);
    expect(stats.errors).toBe(2);
    expect(stats.throughput).toBe(5);
    expect(stats.p50).toBe(50);
    expect(stats.p95).toBe(100);
    expect(stats.p99).toBe(100);
    expect(stats.mean).toBe(55);
    expect(stats.max).toBe(100);
    expect(stats.bytesPerRequest).toBe(500);
    expect(stats.elapsedS).toBe(2);
  });

  it('sorts numerically, not as strings', () => {
    expect(summarise({ latenciesMs: [9, 100, 20], errors: 0, elapsedMs: 1000 }).p50).toBe(20);
  });
});

describe('bench: counters, ratios and targets', () => {
  const metrics = [
    '# HELP shareforyou_db_commands_total Database commands',
    '# TYPE shareforyou_db_commands_total counter',
    'shareforyou_db_commands_total{database="gp",collection="patientSlices",command="find"} 12',
    'shareforyou_db_commands_total{database="registry",collection="patientAccess",command="find"} 7',
    'shareforyou_db_commands_total_created{database="gp"} 1700000000',
    'shareforyou_audit_writes_total{outcome="ok"} 3',
  ].join('\n');

  it('parses one counter from the Prometheus text, by the labels asked for', () => {
    const snapshot = parseCounter(metrics, 'shareforyou_db_commands_total', ['database', 'collection', 'command']);
    expect([...snapshot]).toEqual([
      ['gp|patientSlices|find', 12],
      ['registry|patientAccess|find', 7],
    ]);
    expect(total(parseCounter(metrics, 'shareforyou_audit_writes_total', ['outcome']))).toBe(3);
  });

  it('differences counters, including series that appear during the window', () => {
    const before = new Map([['a', 10], ['b', 5]]);
    const after = new Map([['a', 25], ['b', 5], ['c', 4]]);
    expect([...counterDelta(before, after)]).toEqual([
      ['a', 15],
      ['c', 4],
    ]);
    expect(total(counterDelta(before, after))).toBe(19);
    // a restarted process starts again from zero
    expect(counterDelta(new Map([['a', 10]]), new Map([['a', 3]])).get('a')).toBe(3);
  });

  it('gives no ratio rather than a made-up one', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(2, 0)).toBeNull();
    expect(ratio(NaN, 1)).toBeNull();
  });

  it('judges targets, n/a when not measured', () => {
    expect(judge(1.4, '<=', 1.5)).toBe('met');
    expect(judge(1.5, '<=', 1.5)).toBe('met');
    expect(judge(1.6, '<=', 1.5)).toBe('missed');
    expect(judge(0.79, '>=', 0.8)).toBe('missed');
    expect(judge(null, '>=', 0.8)).toBe('n/a');
  });
});

describe('bench: helpers', () => {
  it('compares documents regardless of key order, dates as ISO strings', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(canonicalJson({ b: 1, a: { d: at, c: [2, 1] } })).toBe(canonicalJson({ a: { c: [2, 1], d: '2026-01-02T03:04:05.000Z' }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('starts the controls-off stack with every control named in the one variable', () => {
    expect(controlsOffEnvironment()).toEqual({ SHAREFORYOU_BENCH_CONTROLS_OFF: 'audit,fieldRules,relationships,requestLimits,partyCheck' });
    expect(controlsOffEnvironment(['audit'])).toEqual({ SHAREFORYOU_BENCH_CONTROLS_OFF: 'audit' });
  });

  it('points the peer at the bench port base', () => {
    const sdl = '  GP @join__graph(name: "gp", url: "http://127.0.0.1:4002/graphql")\n  MENTAL_HEALTH @join__graph(name: "mental-health", url: "http://127.0.0.1:4004/graphql")';
    const rewritten = rewriteSupergraphUrls(sdl, { SHAREFORYOU_PORT_BASE: '5000' });
    expect(rewritten).toContain('url: "http://127.0.0.1:5002/graphql"');
    expect(rewritten).toContain('url: "http://127.0.0.1:5004/graphql"');
    expect(rewritten).not.toContain('4002');
  });
});

describe('bench: the price of each control', () => {
  const level = (concurrency: number, requestsPerS: number, cpuSeconds: Record<string, number>): LevelResult => ({
    concurrency,
    stats: { requests: requestsPerS * 10, errors: 0, refused: 0, partial: 0, throughput: requestsPerS, p50: 100, p95: 150, p99: 200, mean: 110, max: 250, elapsedS: 10, bytesPerRequest: null },
    unfinished: 0,
    repeated: 0,
    errorSamples: [],
    metrics: null,
    cpuSeconds,
    saturated: false,
  });
  const results: RunResult[] = [
    { workload: 'record summary', config: 'ours', patients: 1000, levels: [level(1, 20, { database: 1 }), level(16, 40, { database: 12, gateway: 4 })] },
    { workload: 'record summary', config: 'one-control-off', control: 'audit', patients: 1000, levels: [level(16, 50, { database: 10, gateway: 5 })] },
    { workload: 'record summary', config: 'one-control-off', control: 'partyCheck', patients: 1000, levels: [], skipped: 'the probe saw partyCheck still in force' },
  ];

  it('compares each control alone with all controls on, at the same concurrency, by throughput and CPU', () => {
    const [audit, ...rest] = controlPrices(results, 1000);
    expect(rest).toEqual([]); // the skipped one is not priced
    expect(audit.control).toBe('audit');
    expect(audit.concurrency).toBe(16);
    expect(audit.throughputRatio).toBeCloseTo(0.8);
    // all on: 16 CPU s over 400 requests = 40 ms; audit off: 15 s over 500 = 30 ms.
    expect(audit.cpuMsSaved).toBeCloseTo(10);
  });

  it('prefers the fresh-stack baseline to our gateway row when there is one', () => {
    const withBaseline: RunResult[] = [
      ...results,
      { workload: 'record summary', config: 'one-control-off', control: 'none', patients: 1000, levels: [level(16, 45, { database: 10, gateway: 3.5 })] },
    ];
    const [audit] = controlPrices(withBaseline, 1000);
    expect(audit.throughputRatio).toBeCloseTo(0.9);
    // baseline: 13.5 CPU s over 450 requests = 30 ms; audit off: 30 ms.
    expect(audit.cpuMsSaved).toBeCloseTo(0);
    expect(table(withBaseline)).toMatch(/our gateway, fresh stack/);
  });

  it('names the control in the table, and says why a control was not priced', () => {
    const printed = table(results);
    expect(printed).toMatch(/our gateway, audit off/);
    expect(printed).toMatch(/our gateway, partyCheck off.*n\/a: the probe saw partyCheck still in force/);
  });
});

describe('bench: reading an answer', () => {
  const busy = JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: 1 } }] });
  it('a 503 SERVICE_BUSY is refused whole, with the wait Retry-After asks (capped, a second when absent)', () => {
    expect(readAnswer('graphql', 503, '2', busy)).toEqual({ ok: false, busySeconds: 2 });
    expect(readAnswer('graphql', 503, '3600', busy)).toEqual({ ok: false, busySeconds: 10 });
    expect(readAnswer('graphql', 503, undefined, busy)).toEqual({ ok: false, busySeconds: 1 });
    // Another 503 (a proxy, the audit store) is a failure, not admission.
    expect(readAnswer('graphql', 503, '5', '{"errors":[{"extensions":{"code":"AUDIT_UNAVAILABLE"}}]}')).toEqual({ ok: false });
  });
  it('a record with a source missing is answered but partial; a whole one is ok; an answer without data failed', () => {
    expect(readAnswer('graphql', 200, undefined, '{"data":{"patient":{"name":null}},"errors":[{"extensions":{"code":"SOURCE_UNAVAILABLE"}}]}')).toEqual({ ok: false, partial: true });
    expect(readAnswer('graphql', 200, undefined, '{"data":{"patient":{"nhsNumber":"9993133701"}}}')).toEqual({ ok: true });
    expect(readAnswer('graphql', 200, undefined, '{"data":null,"errors":[{"extensions":{"code":"NO_SHARED_RECORD"}}]}')).toEqual({ ok: false, partial: false });
    expect(readAnswer('fhir', 200, undefined, '{"resourceType":"Bundle"}')).toEqual({ ok: true });
  });
});

describe('bench: overload refused, not degraded (issue #20.6)', () => {
  const at = (concurrency: number, stats: Partial<LevelResult['stats']>): LevelResult => ({
    concurrency,
    stats: { requests: 100, errors: 0, refused: 0, partial: 0, throughput: 10, p50: 500, p95: 900, p99: 1500, mean: 600, max: 1800, elapsedS: 10, bytesPerRequest: null, ...stats },
    unfinished: 0, repeated: 0, errorSamples: [], metrics: null, cpuSeconds: {}, saturated: false,
  });
  const ours = (...levels: LevelResult[]) => ({ workload: 'record summary', config: 'ours', patients: 1000, levels }) as RunResult;

  it('met when nothing answered is partial and p99 is within 2 s, however many were refused busy', () => {
    const [partial, p99] = overloadTargets(ours(at(16, {}), at(200, { refused: 900 })));
    expect([partial.outcome, p99.outcome]).toEqual(['met', 'met']);
    expect(partial.detail).toBe('at c=200: 100 answered (0 partial), 900 refused busy, p99 1500.0 ms');
  });
  it('missed when a record lost a source to our own queueing, or the answered ones wait too long; not judged below 100 clients', () => {
    expect(overloadTargets(ours(at(200, { partial: 4, errors: 4 })))[0].outcome).toBe('missed');
    expect(overloadTargets(ours(at(200, { p99: 4500 })))[1].outcome).toBe('missed');
    expect(overloadTargets(ours(at(16, { partial: 9 }))).map((t) => t.outcome)).toEqual(['n/a', 'n/a']);
  });
});

describe('bench: feed ingest in entries per second (issue #20.7)', () => {
  const at = (concurrency: number, throughput: number): LevelResult => ({
    concurrency,
    stats: { requests: throughput * 10, errors: 0, refused: 0, partial: 0, throughput, p50: 500, p95: 900, p99: 1500, mean: 600, max: 1800, elapsedS: 10, bytesPerRequest: null },
    unfinished: 0, repeated: 0, errorSamples: [], metrics: null, cpuSeconds: {}, saturated: false,
  });
  const results = [
    { workload: 'ingest', config: 'direct', patients: 500, levels: [at(8, 120)], entriesPerRequest: 17.5 },
    { workload: 'ingest (full history)', config: 'direct', patients: 500, levels: [at(1, 0.8), at(2, 1.25)], entriesPerRequest: 1000 },
    { workload: 'record summary', config: 'ours', patients: 500, levels: [at(8, 20)] },
    { workload: 'ingest (full history)', config: 'direct', patients: 500, levels: [], skipped: 'no gp feed', entriesPerRequest: 1000 },
  ] as RunResult[];

  it('each level of each ingest run: bundles per second times the entries each carries; other workloads and skipped runs left out', () => {
    expect(ingestRates(results)).toEqual([
      { workload: 'ingest', concurrency: 8, entriesPerRequest: 17.5, requestsPerSecond: 120, entriesPerSecond: 2100 },
      { workload: 'ingest (full history)', concurrency: 1, entriesPerRequest: 1000, requestsPerSecond: 0.8, entriesPerSecond: 800 },
      { workload: 'ingest (full history)', concurrency: 2, entriesPerRequest: 1000, requestsPerSecond: 1.25, entriesPerSecond: 1250 },
    ]);
  });

  it('says it in one line a level', () => {
    const lines = ingestTable(ingestRates(results)).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/ingest \(full history\) \(c=1\)\s+800 entries\/s\s+\(0\.80 bundles\/s × 1000\.0 entries each\)/);
  });
});
