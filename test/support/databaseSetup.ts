import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFerretDb } from '../../tools/src/engine/ferretdb';
import { freePortBase, localDatabasePort } from '../../tools/src/stack/ports';
import { TEST_PORT_BASE } from './stackInfo';

/** The integration tier: a real database of its own (MONGODB_URI, or a fresh local FerretDB), no services. */
export default async function databaseSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shareforyou-integration-'));
  let mongoUri = process.env.MONGODB_URI;
  if (!mongoUri) {
    const base = await freePortBase(Number(process.env.TEST_PORT_BASE ?? TEST_PORT_BASE) + 600, (b) => [localDatabasePort(b)]);
    const engine = await startFerretDb({ port: localDatabasePort(base), dataDir, log: () => undefined });
    (globalThis as { __shareforyouDatabase?: typeof engine }).__shareforyouDatabase = engine;
    mongoUri = engine.uri;
  }
  const file = join(dataDir, 'database.json');
  writeFileSync(file, JSON.stringify({ mongoUri, dataDir }));
  process.env.SHAREFORYOU_TEST_DATABASE = file;
}
