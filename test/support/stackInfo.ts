import { readFileSync } from 'node:fs';

export const TEST_PORT_BASE = 4300;
/** Demo patients are indexes 0-4; the rest make lists and caseloads realistic. */
export const TEST_PATIENTS = 400;

export interface StackInfo {
  gatewayUrl: string;
  mongoUri: string;
  portBase: number;
  dataDir: string;
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
