import { rmSync } from 'node:fs';
import type { RunningStack } from '../../tools/src/stack/stack';
import { stackInfo } from './stackInfo';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { __shareforyouStack?: RunningStack }).__shareforyouStack;
  await stack?.stop();
  if (process.env.SHAREFORYOU_TEST_STACK) rmSync(stackInfo().dataDir, { recursive: true, force: true });
}
