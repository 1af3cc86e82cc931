import cliProgress from 'cli-progress';
import mongoose from 'mongoose';
import { verifyAuditTrail, type AuditVerifyProgress } from '@shareforyou/kit';

/**
 * npm run audit:verify
 * Checks every hash chain of the audit trail (the `audit` database at AUDIT_MONGODB_URI, else
 * MONGODB_URI). Exit 0: every link holds. Exit 1: a chain is broken (each broken chain's first bad
 * link is printed). Exit 2: the trail could not be read.
 */

const uri = process.env.AUDIT_MONGODB_URI ?? process.env.MONGODB_URI;
const database = process.env.AUDIT_DATABASE ?? 'audit';

async function main(): Promise<number> {
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
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar({ format: 'Verifying the audit trail [{bar}] {value}/{total} events | chain {chains}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  let lastLine = 0;
  const onProgress = (p: AuditVerifyProgress) => {
    if (bar) {
      if (!bar.isActive) bar.start(p.events, 0, { chains: '' });
      bar.update(p.eventsChecked, { chains: `${p.chainsChecked}/${p.chains}` });
    } else if (p.events >= 10_000 && Date.now() - lastLine > 5_000) {
      lastLine = Date.now();
      console.log(`  ${p.eventsChecked} of ${p.events} events, ${p.chainsChecked} of ${p.chains} chains checked`);
    }
  };
  try {
    const started = Date.now();
    const result = await verifyAuditTrail(connection, { onProgress });
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.breaks.length === 0) {
      console.log(`Audit trail intact: ${result.chains} chains, ${result.events} events, every link verified (${seconds}s).`);
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
