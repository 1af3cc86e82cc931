import { readFileSync, rmSync } from 'node:fs';
import type { RunningEngine } from '../../tools/src/engine/ferretdb';

export default async function databaseTeardown(): Promise<void> {
  await (globalThis as { __shareforyouDatabase?: RunningEngine }).__shareforyouDatabase?.stop();
  const file = process.env.SHAREFORYOU_TEST_DATABASE;
  if (file) rmSync((JSON.parse(readFileSync(file, 'utf8')) as { dataDir: string }).dataDir, { recursive: true, force: true });
}
