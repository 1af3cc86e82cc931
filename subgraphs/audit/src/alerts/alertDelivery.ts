import { createHmac } from 'node:crypto';

/**
 * Pure parts of alert delivery: what is sent (no patient data beyond the NHS number and a link into
 * the console), how it is signed, and when a failed delivery is tried again.
 */

export interface AlertMessage {
  id: string;
  kind: 'BREAK_GLASS' | 'MONITORING_FINDING' | 'REFUSAL_SPIKE';
  title: string;
  raisedAt: string;
  /** The patient concerned; null for a refusal spike, which is about a user or an address. */
  nhsNumber: string | null;
  link: string;
}

export const SIGNATURE_HEADER = 'x-shareforyou-signature';
export const TIMESTAMP_HEADER = 'x-shareforyou-timestamp';
export const ALERT_ID_HEADER = 'x-shareforyou-alert-id';

/** sha256=HMAC(secret, "<timestamp>.<body>"): the timestamp is signed too, so an old alert cannot be replayed as new. */
export function alertSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export function retryPolicy(env: NodeJS.ProcessEnv = process.env): RetryPolicy {
  const number = (value: string | undefined, fallback: number) => (Number.isFinite(Number(value)) && Number(value) > 0 ? Number(value) : fallback);
  return { baseMs: number(env.ALERT_RETRY_BASE_MS, 5_000), maxMs: number(env.ALERT_RETRY_MAX_MS, 15 * 60_000) };
}

/** Doubling backoff after each failed attempt (1 -> base, 2 -> 2 x base, ...), capped; delivery never gives up. */
export function retryDelay(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
}

export function consoleLink(alertId: string, base = process.env.PRIVACY_CONSOLE_URL ?? 'http://127.0.0.1:4010/privacy'): string {
  return `${base.replace(/\/$/, '')}/alerts/${encodeURIComponent(alertId)}`;
}
