import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import mongoose from 'mongoose';
import { anchorFile, runAuditVerification, type AuditVerifyProgress } from '@shareforyou/kit';

const USAGE = `npm run audit:verify [-- --json] [-- --anchors <file>]

Checks every hash chain of the audit trail, and each chain against the latest signed anchor of its
head kept outside the database (AUDIT_ANCHOR_FILE, default .local/audit-anchors.jsonl), so a cut-off
tail is found even when the head in the database was rewritten. The result is recorded, so the
privacy console shows it (auditChainStatus).

  MONGODB_URI (or AUDIT_MONGODB_URI)  the database holding the trail, e.g. mongodb://127.0.0.1:27117
  --anchors <file>  the anchor file to check against (default: AUDIT_ANCHOR_FILE)
  --json            print the result as JSON on stdout (no progress bar)

Exit codes: 0 every link holds; 1 broken (each broken chain's first bad link is printed);
2 the trail could not be read.`;

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, anchors: { type: 'string' }, help: { type: 'boolean', default: false } } });

/**
 * npm run audit:verify
 * Checks every hash chain of the audit trail (the `audit` database at AUDIT_MONGODB_URI, else
 * MONGODB_URI). Exit 0: every link holds. Exit 1: a chain is broken (each broken chain's first bad
 * link is printed). Exit 2: the trail could not be read.
 */

const uri = process.env.AUDIT_MONGODB_URI ?? process.env.MONGODB_URI;
const database = process.env.AUDIT_DATABASE ?? 'audit';

async function main(): Promise<number> {
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!uri) {
    console.error(
      'MONGODB_URI is not set, so there is no audit trail to verify. Point it at the database that holds the trail, e.g.\n' +
        '  MONGODB_URI=mongodb://127.0.0.1:27117 npm run audit:verify   (the local engine while "npm start" runs)\n' +
        'or set AUDIT_MONGODB_URI when the audit store is a separate deployment.',
    );
    return 2;
  }
  const connection = await mongoose.createConnection(uri, { dbName: database, serverSelectionTimeoutMS: 5_000 }).asPromise();
  // A bar on a terminal; occasional plain lines in CI logs and pipes.
  const bar = process.stdout.isTTY && !values.json
    ? new cliProgress.SingleBar({ format: 'Verifying the audit trail [{bar}] {value}/{total} events | chain {chains}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  let lastLine = 0;
  const onProgress = (p: AuditVerifyProgress) => {
    if (bar) {
      if (!bar.isActive) bar.start(p.events, 0, { chains: '' });
      bar.update(p.eventsChecked, { chains: `${p.chainsChecked}/${p.chains}` });
    } else if (!values.json && p.events >= 10_000 && Date.now() - lastLine > 5_000) {
      lastLine = Date.now();
      console.log(`  ${p.eventsChecked} of ${p.events} events, ${p.chainsChecked} of ${p.chains} chains checked`);
    }
  };
  try {
    const started = Date.now();
    const anchorPath = values.anchors ?? anchorFile();
    const result = await runAuditVerification(connection, 'npm run audit:verify', { anchorPath, onProgress });
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (values.json) {
      const { chains, events, breaks, anchor, anchorProblem, chainResults } = result;
      console.log(JSON.stringify({ ok: breaks.length === 0, chains, events, breaks, anchor: anchor ? { ...anchor, file: anchorPath } : null, anchorProblem, chainResults }, null, 2));
      return breaks.length === 0 ? 0 : 1;
    }
    const anchored = result.anchor ? ` against the anchor of ${result.anchor.at} (${result.anchor.chains} chain heads, ${anchorPath})` : ` (no anchor in ${anchorPath})`;
    if (result.breaks.length === 0) {
      console.log(`Audit trail intact: ${result.chains} chains, ${result.events} events, every link verified${anchored} (${seconds}s).`);
      return 0;
    }
    console.error(`AUDIT TRAIL BROKEN in ${result.breaks.length} of ${result.chains} chains (${result.events} events read, ${seconds}s):`);
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
