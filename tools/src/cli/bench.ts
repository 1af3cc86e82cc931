import { parseArgs } from 'node:util';
import { loadPolicy, profileForJobRole } from '@shareforyou/schema';
import { readSummaryFields, readSummaryQuery, recordSummaryQueries, summaryFields } from '../bench/queries';
import { runBench, type BenchOptions } from '../bench/run';
import { findDemoUser } from '../demo/users';

/**
 * npm run bench -- [--patients 10000] [--duration 10] [--concurrency 1,16,64] [--caseload-concurrency 1] [--quick]
 *                  [--port-base 5000] [--scaling-base 1000] [--no-scaling] [--no-peer] [--no-compiled-peer] [--no-controls-off] [--no-price-controls] [--profile]
 *                  [--summary-fields FILE] [--print-summary-fields]
 *
 * How fast a record opens: brings up its own stack (port base 5000, data in .local/bench-data-<N>,
 * reused between runs), measures the record summary, caseloads, the audit query and ingest through
 * the floor, our gateway (controls on, all off, and each off alone) and two peers (Hive Gateway, and
 * Hive Router, built with cargo on first use: about 30 minutes), and writes .bench/bench-<time>.json.
 * See docs/performance.md.
 */
const { values } = parseArgs({
  options: {
    patients: { type: 'string' },
    duration: { type: 'string' },
    concurrency: { type: 'string' },
    'caseload-concurrency': { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    'port-base': { type: 'string', default: '5000' },
    'scaling-base': { type: 'string', default: '1000' },
    'no-scaling': { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
    'no-compiled-peer': { type: 'boolean', default: false },
    'no-controls-off': { type: 'boolean', default: false },
    'no-price-controls': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'summary-fields': { type: 'string' },
    'print-summary-fields': { type: 'boolean', default: false },
    'summary-query': { type: 'string' },
    'print-summary-query': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return value;
}

function main(): Promise<unknown> {
  if (values.help) {
    console.log('npm run bench -- [--patients 10000] [--duration 10] [--concurrency 1,16,64] [--caseload-concurrency 1] [--quick] [--port-base 5000] [--scaling-base 1000] [--no-scaling] [--no-peer] [--no-compiled-peer] [--no-controls-off] [--no-price-controls] [--profile] [--summary-fields FILE] [--print-summary-fields] [--summary-query FILE] [--print-summary-query]');
    return Promise.resolve();
  }
  if (values['print-summary-fields']) {
    // The sections this build's record summary asks, for a later --summary-fields (the same sections on another build).
    console.log(JSON.stringify(summaryFields(profileForJobRole(loadPolicy(), findDemoUser('gp').jobRole)!), null, 1));
    return Promise.resolve();
  }
  if (values['print-summary-query']) {
    // The record summary exactly as this build asks it, for a later --summary-query (the same request on another build).
    console.log(JSON.stringify(recordSummaryQueries(profileForJobRole(loadPolicy(), findDemoUser('gp').jobRole)!), null, 1));
    return Promise.resolve();
  }
  if (values['summary-query'] && values['summary-fields']) throw new Error('--summary-query and --summary-fields: give one (the query already names its fields).');
  const quick = values.quick ?? false;
  const options: BenchOptions = {
    patients: positiveInteger('patients', values.patients ?? (quick ? '500' : '10000')),
    durationS: positiveInteger('duration', values.duration ?? (quick ? '3' : '10')),
    concurrency: (values.concurrency ?? (quick ? '8' : '1,16,64')).split(',').map((c) => positiveInteger('concurrency', c.trim())),
    caseloadConcurrency: values['caseload-concurrency']!.split(',').map((c) => positiveInteger('caseload-concurrency', c.trim())),
    quick,
    portBase: positiveInteger('port-base', values['port-base']!),
    scalingBase: positiveInteger('scaling-base', values['scaling-base']!),
    skipScaling: quick || (values['no-scaling'] ?? false),
    skipPeer: values['no-peer'] ?? false,
    skipCompiledPeer: values['no-compiled-peer'] ?? false,
    skipControlsOff: values['no-controls-off'] ?? false,
    priceControls: !quick && !(values['no-price-controls'] ?? false),
    profile: values.profile ?? false,
    summaryFields: values['summary-fields'] ? readSummaryFields(values['summary-fields']) : undefined,
    summaryFieldsFile: values['summary-fields'],
    summaryQuery: values['summary-query'] ? { file: values['summary-query'], text: readSummaryQuery(values['summary-query']) } : undefined,
  };
  if (options.durationS > 120) throw new Error('--duration is at most 120 seconds per level');
  if (options.concurrency.some((c) => c > 256)) throw new Error('--concurrency is at most 256');
  return runBench(options, (m) => console.log(m));
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
