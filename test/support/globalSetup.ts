import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../tools/src/stack/stack';
import { EMBED_EXAMPLE_OFFSET, freePortBase, localDatabasePort, VIEWER_OFFSET } from '../../tools/src/stack/ports';
import { alertWebhookPort, TEST_PATIENTS, TEST_PORT_BASE, type StackInfo } from './stackInfo';

/** Starts the real stack once for the whole run: a fresh database, every service, seeded through the feeds. */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shareforyou-test-'));
  const portBase = await freePortBase(Number(process.env.TEST_PORT_BASE ?? TEST_PORT_BASE), (base) => [localDatabasePort(base), alertWebhookPort(base), base + VIEWER_OFFSET, base + EMBED_EXAMPLE_OFFSET]);
  const anchorFile = join(dataDir, 'audit-anchors.jsonl');
  const started = Date.now();
  const stack = await startStack({
    portBase,
    dataDir,
    seedPatients: TEST_PATIENTS,
    quiet: true,
    // Suspensions must show within the test, not within a minute.
    // Generous time bounds: this machine is shared, and a slow answer must not read as a fault here.
    // The fault tests (test/fault) run their own processes with production-like bounds.
    env: {
      ORGANISATION_STATUS_TTL_SECONDS: '1',
      // Every test client is at 127.0.0.1 and many tests send bad tokens on purpose: the failed
      // sign-in limit is tested on a gateway of its own (sign-in-flood.test.ts).
      GATEWAY_FAILED_SIGN_INS_PER_MINUTE: '100000',
      // Likewise refusal spikes (tested on that gateway of its own too): none raised by the rest.
      GATEWAY_REFUSAL_SPIKE_THRESHOLD: '1000000',
      // The tests' own bursts (a caseload, the fuzz) must not meet the production admission limit; it is tested on a gateway of its own.
      GATEWAY_MAX_IN_FLIGHT: '1000',
      SOURCE_TIMEOUT_MS: '20000',
      // Likewise the database's time limit per command: the privacy console's monitoring reports scan
      // the period's events, and the whole suite's events on a busy machine took longer than the 4 s
      // default (issue #20: the audit store at scale is open work; the fault tests keep 1.5 s).
      DATABASE_TIMEOUT_MS: '20000',
      REQUEST_DEADLINE_MS: '30000',
      // The monitoring, alerts and anchors run on a test clock: findings and deliveries within a second.
      MONITORING_SWEEP_MS: '300',
      ALERT_POLL_MS: '200',
      ALERT_RETRY_BASE_MS: '300',
      ALERT_RETRY_MAX_MS: '1000',
      ALERT_WEBHOOK_URL: `http://127.0.0.1:${alertWebhookPort(portBase)}/alerts`,
      AUDIT_ANCHOR_FILE: anchorFile,
      AUDIT_ANCHOR_MS: '500',
      // The feed journal's sweep runs often, so background work counted as request-path work would
      // show in record.test.ts's caseload cost every time, not once in a while.
      FEED_JOURNAL_SWEEP_MS: '300',
    },
    log: (message) => process.stdout.write(`  [stack] ${message}\n`),
  });
  process.stdout.write(`  [stack] ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  const info: StackInfo = {
    gatewayUrl: stack.gatewayUrl,
    viewerUrl: stack.viewerUrl,
    exampleUrl: stack.exampleUrl,
    mongoUri: stack.mongoUri,
    portBase,
    dataDir,
    databasePid: stack.databasePid,
    alertWebhookPort: alertWebhookPort(portBase),
    anchorFile,
  };
  const file = join(dataDir, 'stack.json');
  writeFileSync(file, JSON.stringify(info));
  process.env.SHAREFORYOU_TEST_STACK = file;
  process.env.SHAREFORYOU_PORT_BASE = String(portBase);
  // Commands the tests run (audit:verify) check the test stack's anchors, never a developer's.
  process.env.AUDIT_ANCHOR_FILE = anchorFile;
  (globalThis as { __shareforyouStack?: typeof stack }).__shareforyouStack = stack;
}
