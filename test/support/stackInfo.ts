import { readFileSync } from 'node:fs';

export const TEST_PORT_BASE = 4300;
/** Demo patients are indexes 0-4; the rest make lists and caseloads realistic. */
export const TEST_PATIENTS = 400;

export interface StackInfo {
  gatewayUrl: string;
  mongoUri: string;
  portBase: number;
  dataDir: string;
  /** The stack's database engine process (FerretDB), for the fault tests; null with MONGODB_URI. */
  databasePid: number | null;
}

export function stackInfo(): StackInfo {
  const file = process.env.SHAREFORYOU_TEST_STACK;
  if (!file) throw new Error('The test stack is not running (globalSetup did not start it)');
  return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}
