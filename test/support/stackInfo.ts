import { readFileSync } from 'node:fs';

export const TEST_PORT_BASE = 4300;
/** Demo patients are indexes 0-4; the rest make lists and caseloads realistic. */
export const TEST_PATIENTS = 400;

export interface StackInfo {
  gatewayUrl: string;
  viewerUrl: string;
  exampleUrl: string;
  mongoUri: string;
  portBase: number;
  dataDir: string;
  /** The stack's database engine process (FerretDB), for the fault tests; null with MONGODB_URI. */
  databasePid: number | null;
  /** Where the stack delivers privacy alerts: a receiver in the alert test listens there. */
  alertWebhookPort: number;
  /** The append-only file the audit service anchors chain heads in. */
  anchorFile: string;
}

/** A port the test stack's base reserves (the base's block of 20) for the alert receiver. */
export const alertWebhookPort = (portBase: number) => portBase + 15;

export function stackInfo(): StackInfo {
  const file = process.env.SHAREFORYOU_TEST_STACK;
  if (!file) throw new Error('The test stack is not running (globalSetup did not start it)');
  return JSON.parse(readFileSync(file, 'utf8')) as StackInfo;
}

/** The database of the running tier: the integration tier's own, the e2e stack's otherwise. */
export function testDatabaseUri(): string {
  if ((globalThis as { SHAREFORYOU_TIER?: string }).SHAREFORYOU_TIER !== 'integration') return stackInfo().mongoUri;
  const file = process.env.SHAREFORYOU_TEST_DATABASE;
  if (!file) throw new Error('The integration database is not running (its globalSetup did not start it)');
  return (JSON.parse(readFileSync(file, 'utf8')) as { mongoUri: string }).mongoUri;
}
