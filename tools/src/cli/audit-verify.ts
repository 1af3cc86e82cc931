import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import mongoose from 'mongoose';
import { anchorFile, runAuditVerification, type AuditVerifyProgress } from '@shareforyou/kit';
import { portBase } from '@shareforyou/schema';
import { localDatabasePort } from '../stack/ports';

const USAGE = `npm run audit:verify [-- --full] [-- --json] [-- --anchors <file>]

Checks the hash chains of the audit trail, and each chain against the latest signed anchor of its
head kept outside the database (AUDIT_ANCHOR_FILE, default .local/audit-anchors.jsonl), so a cut-off
tail is found even when the head in the database was rewritten. The result is recorded, so the
privacy console shows it (auditChainStatus).

By default a run starts from the latest signed checkpoint (what the previous run proved; each
chain's newest AUDIT_VERIFY_RECHECK events, default 10000, are read again) and reads only the events
after it: seconds for a day's events. A checkpoint whose signature fails is refused and reported,
and the run reads everything. --full reads every event from the genesis of every chain: run it on
a schedule (weekly), as it alone finds an edit made before the checkpoint.

  MONGODB_URI (or AUDIT_MONGODB_URI)  the database holding the trail; unset: the local engine of npm start
  --full            read and verify every event, not only those after the checkpoint
  --anchors <file>  the anchor file to check against (default: AUDIT_ANCHOR_FILE)
  --json            print the result as JSON on stdout (no progress bar)

Exit codes: 0 every link holds; 1 broken (each broken chain's first bad link is printed);
2 the trail could not be read.`;

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, full: { type: 'boolean', default: false }, anchors: { type: 'string' }, help: { type: 'boolean', default: false } },
});

/**
 * npm run audit:verify
 * Checks every hash chain of the audit trail (the `audit` database at AUDIT_MONGODB_URI, else
 * MONGODB_URI). Exit 0: every link holds. Exit 1: a chain is broken (each broken chain's first bad
 * link is printed). Exit 2: the trail could not be read.
 */

// Unset: the local engine of `npm start` (at SHAREFORYOU_PORT_BASE), as the other commands do.
const configured = process.env.AUDIT_MONGODB_URI ?? process.env.MONGODB_URI;
const uri = configured ?? `mongodb://127.0.0.1:${localDatabasePort(portBase())}`;
const database = process.env.AUDIT_DATABASE ?? 'audit';

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let connection: mongoose.Connection;
  try {
    connection = await mongoose.createConnection(uri, { dbName: database, serverSelectionTimeoutMS: 5_000 }).asPromise();
  } catch {
    console.error(
      configured
        ? `No database answered at ${uri}: check MONGODB_URI (or AUDIT_MONGODB_URI), the database holding the trail.`
        : `MONGODB_URI is not set and no local engine answered at ${uri}: start the stack (npm start, whose engine this is; ` +
            'SHAREFORYOU_PORT_BASE if you moved its ports), or point MONGODB_URI at the database holding the trail, e.g.\n' +
            '  MONGODB_URI=mongodb://127.0.0.1:27117 npm run audit:verify\n' +
            'or set AUDIT_MONGODB_URI when the audit store is a separate deployment.',
    );
    return 2;
  }
  // A bar on a terminal; occasional plain lines in CI logs and pipes.
  const bar = process.stdout.isTTY && !values.json
    ? new cliProgress.SingleBar(
        { format: `Verifying the audit trail${values.full ? ' (full)' : ''} [{bar}] {value}/{total} events | {rate} events/s | chain {chains} | ETA {eta_formatted}`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let lastLine = 0;
  const begun = Date.now();
  const rate = (n: number) => Math.round(n / Math.max(0.001, (Date.now() - begun) / 1000));
  const onProgress = (p: AuditVerifyProgress) => {
    if (bar) {
      if (!bar.isActive) bar.start(p.events, 0, { chains: '', rate: 0 });
      bar.setTotal(p.events);
      bar.update(p.eventsChecked, { chains: `${p.chainsChecked}/${p.chains}`, rate: rate(p.eventsChecked) });
    } else if (!values.json && p.events >= 10_000 && Date.now() - lastLine > 5_000) {
      lastLine = Date.now();
      console.log(`  ${p.eventsChecked} of about ${p.events} events read (${rate(p.eventsChecked)} a second), ${p.chainsChecked} of ${p.chains} chains concluded`);
    }
  };
  try {
    const started = Date.now();
    const anchorPath = values.anchors ?? anchorFile();
    const result = await runAuditVerification(connection, `npm run audit:verify${values.full ? ' -- --full' : ''}`, { anchorPath, onProgress, full: values.full });
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (values.json) {
      const { chains, events, breaks, anchor, anchorProblem, chainResults, full, since, checkpointProblem } = result;
      console.log(JSON.stringify({ ok: breaks.length === 0, chains, events, full, since, breaks, anchor: anchor ? { ...anchor, file: anchorPath } : null, anchorProblem, checkpointProblem, chainResults }, null, 2));
      return breaks.length === 0 ? 0 : 1;
    }
    const anchored = result.anchor ? ` against the anchor of ${result.anchor.at} (${result.anchor.chains} chain heads, ${anchorPath})` : ` (no anchor in ${anchorPath})`;
    const read = result.full ? 'every event from the genesis of every chain' : `the events after the signed checkpoint of ${result.since}`;
    if (result.checkpointProblem && result.breaks.length === 0) console.error(`Note: ${result.checkpointProblem}`);
    if (result.breaks.length === 0) {
      console.log(`Audit trail intact: ${result.chains} chains, ${result.events} events, every link verified${anchored}; read ${read} (${seconds}s, ${rate(result.events)} events a second).`);
      if (!result.full) console.log('An edit made before the checkpoint is found only by a full run: npm run audit:verify -- --full (weekly).');
      return 0;
    }
    console.error(`AUDIT TRAIL BROKEN in ${result.breaks.length} of ${result.chains} chains (${result.events} events read, ${read}, ${seconds}s):`);
    for (const broken of result.breaks) {
      console.error(`  chain ${broken.chainId}, seq ${broken.seq}, event ${broken.eventId ?? '(missing)'}: ${broken.problem}`);
    }
    console.error('Keep the database as it is and tell the information governance lead: this is evidence.');
    return 1;
  } finally {
    bar?.stop();
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Could not verify the audit trail: ${error.message}`);
    process.exit(2);
  },
);
