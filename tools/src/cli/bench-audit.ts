import { parseArgs } from 'node:util';
import { runAuditBench } from '../bench/auditConsole';
import { runLookDigestDensity } from '../bench/lookDigestDensity';

/**
 * npm run bench:audit -- [--events 10000000] [--repeat 20] [--port-base 5200] [--seed-only | --no-seed | --digest-only]
 *
 * The privacy console over a year of audit (issue 20.1): seeds .local/audit-store-<events> once
 * (resumable), brings up the stack over it and measures each console query through the gateway as
 * the privacy officer, p50 / p95, with the index each uses (explain); the console's sections loaded
 * together; the CSV export's first byte and memory. Writes .bench/audit-<time>.json. --no-seed
 * measures a store whose seeding was stopped as it is (the newest events are seeded first).
 * --digest-only measures the unusual volume and out-of-hours reports alone, in process, over a look
 * digest written at the density of a year of that many events (seconds; lookDigestDensity.ts).
 * See docs/performance.md.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    repeat: { type: 'string', default: '20' },
    'port-base': { type: 'string', default: '5200' },
    'seed-only': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    'digest-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return value;
}

if (values.help) {
  console.log('npm run bench:audit -- [--events 10000000] [--repeat 20] [--port-base 5200] [--seed-only | --no-seed | --digest-only]');
} else if (values['digest-only']) {
  runLookDigestDensity({ events: positiveInteger('events', values.events!), repeat: positiveInteger('repeat', values.repeat!) }, (m) => console.log(m)).catch((error: Error) => {
    console.error(`bench:audit failed: ${error.message}`);
    process.exitCode = 1;
  });
} else {
  runAuditBench(
    {
      events: positiveInteger('events', values.events!),
      repeat: positiveInteger('repeat', values.repeat!),
      portBase: positiveInteger('port-base', values['port-base']!),
      seedOnly: values['seed-only'] ?? false,
      seed: !(values['no-seed'] ?? false),
    },
    (m) => console.log(m),
  ).catch((error: Error) => {
    console.error(`bench:audit failed: ${error.message}`);
    process.exitCode = 1;
  });
}
