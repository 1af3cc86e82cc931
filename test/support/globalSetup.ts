import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../../tools/src/stack/stack';
import { EMBED_EXAMPLE_OFFSET, freePortBase, localDatabasePort, VIEWER_OFFSET } from '../../tools/src/stack/ports';
import { TEST_PATIENTS, TEST_PORT_BASE, type StackInfo } from './stackInfo';

/** Starts the real stack once for the whole run: a fresh database, every service, seeded through the feeds. */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shareforyou-test-'));
  const portBase = await freePortBase(Number(process.env.TEST_PORT_BASE ?? TEST_PORT_BASE), (base) => [localDatabasePort(base), base + VIEWER_OFFSET, base + EMBED_EXAMPLE_OFFSET]);
  const started = Date.now();
  const stack = await startStack({
    portBase,
    dataDir,
    seedPatients: TEST_PATIENTS,
    quiet: true,
    // Suspensions must show within the test, not within a minute.
    env: { ORGANISATION_STATUS_TTL_SECONDS: '1' },
    log: (message) => process.stdout.write(`  [stack] ${message}\n`),
  });
  process.stdout.write(`  [stack] ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
  const info: StackInfo = { gatewayUrl: stack.gatewayUrl, viewerUrl: stack.viewerUrl, exampleUrl: stack.exampleUrl, mongoUri: stack.mongoUri, portBase, dataDir };
  const file = join(dataDir, 'stack.json');
  writeFileSync(file, JSON.stringify(info));
  process.env.SHAREFORYOU_TEST_STACK = file;
  process.env.SHAREFORYOU_PORT_BASE = String(portBase);
  (globalThis as { __shareforyouStack?: typeof stack }).__shareforyouStack = stack;
}
