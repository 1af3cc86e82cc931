import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { organisations } from '../demo/organisations';
import { organisationKind } from '@shareforyou/schema';
import { summaryCounts } from '@shareforyou/kit';
import { sendBundle } from '../feeds/feedClient';
import { commandLine } from './commandLine';

const USAGE = 'Usage: npm run ingest -- --org <ODS code> [--feed registry] <files or folders of .ndjson / .json bundles>';

/**
 * npm run ingest -- --org <ODS> [--feed registry] <files or folders>
 * Streams bundles (NDJSON: one bundle per line; .json: one bundle per file) to the organisation's
 * feed endpoint, shows progress, prints a summary per outcome and exits non-zero on any reject.
 */
const { values, positionals } = commandLine(USAGE, { allowPositionals: true, options: { org: { type: 'string' }, feed: { type: 'string' } } });

function files(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path).sort().flatMap((name) => files([join(path, name)]))
      : /\.(ndjson|json)$/.test(path) ? [path] : [],
  );
}

async function* bundles(paths: string[]): AsyncGenerator<{ source: string; body: string }> {
  for (const path of paths) {
    if (path.endsWith('.json')) {
      let body = '';
      for await (const chunk of createReadStream(path, 'utf8')) body += chunk;
      yield { source: path, body };
      continue;
    }
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      line += 1;
      if (text.trim()) yield { source: `${path}:${line}`, body: text };
    }
  }
}

async function main(): Promise<number> {
  const organisation = organisations.find((o) => o.odsCode === values.org);
  if (!organisation || positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const target = values.feed ?? organisationKind(organisation.kind).subgraph;
  if (!target) {
    console.error(`${organisation.odsCode} (${organisation.kind}) feeds no organisation subgraph; use --feed registry for relationship events.`);
    return 2;
  }
  const paths = files(positionals);
  const bar = new cliProgress.SingleBar({ format: `Ingesting into ${target} [{bar}] {value}/{total} files | {bundles} bundles`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(paths.length, 0, { bundles: 0 });
  const outcomes = new Map<string, number>();
  const rejects: string[] = [];
  const warnings = new Set<string>();
  let sent = 0;
  let doneFiles = 0;
  let lastFile = '';
  const started = Date.now();
  for await (const { source, body } of bundles(paths)) {
    const file = source.split(':')[0];
    if (file !== lastFile && lastFile) bar.update(++doneFiles);
    lastFile = file;
    const { status, summary, issues } = await sendBundle(target, organisation.odsCode, body);
    sent += 1;
    bar.update({ bundles: sent });
    if (status !== 200) {
      outcomes.set(`rejected (${status})`, (outcomes.get(`rejected (${status})`) ?? 0) + 1);
      rejects.push(`${source}: ${issues.slice(1, 4).map((i) => `${i.expression?.join(',') ?? ''} ${i.diagnostics}`).join('; ') || summary}`);
      continue;
    }
    // The response Bundle's summary counts every entry by result (not-stored: a type this feed does not store).
    for (const [result, count] of summaryCounts(summary)) outcomes.set(result, (outcomes.get(result) ?? 0) + count);
    for (const issue of issues.filter((i) => i.severity === 'warning' && i.code === 'not-supported')) warnings.add(issue.diagnostics ?? '');
  }
  bar.update(paths.length);
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${sent} bundles in ${seconds.toFixed(1)}s (${(sent / Math.max(seconds, 0.001)).toFixed(1)} bundles/s)`);
  for (const [result, count] of [...outcomes].sort()) console.log(`  ${result.padEnd(20)} ${count}`);
  for (const warning of [...warnings].slice(0, 20)) console.log(`  warning: ${warning}`);
  for (const reject of rejects.slice(0, 20)) console.log(`  ! ${reject}`);
  const refused = outcomes.get('refused-opted-out') ?? 0;
  return rejects.length > 0 || refused > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Ingest failed: ${error.message}. Is the stack running (npm start)?`);
    process.exit(1);
  },
);
