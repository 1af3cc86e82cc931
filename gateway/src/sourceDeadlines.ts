import { positiveWholeNumber } from '@shareforyou/kit';
/**
 * How long the gateway waits. The request as a whole has a deadline (REQUEST_DEADLINE_MS, default
 * 5 s); each call to a source has its own timeout (SOURCE_TIMEOUT_MS_<NAME>, else SOURCE_TIMEOUT_MS,
 * default 3 s) and never outlives the request's deadline. An A&E clinician gets the record, or what
 * is missing from it, within the deadline whatever one source is doing.
 */

const DEFAULT_REQUEST_DEADLINE_MS = 5_000;
export const DEFAULT_SOURCE_TIMEOUT_MS = 3_000;

const positiveMs = (env: NodeJS.ProcessEnv, variable: string) => positiveWholeNumber(env, variable, undefined, 'milliseconds');

export function requestDeadlineMs(env: NodeJS.ProcessEnv = process.env): number {
  return positiveMs(env, 'REQUEST_DEADLINE_MS') ?? DEFAULT_REQUEST_DEADLINE_MS;
}

/** mental-health -> SOURCE_TIMEOUT_MS_MENTAL_HEALTH. */
function sourceTimeoutVariable(serviceName: string): string {
  return `SOURCE_TIMEOUT_MS_${serviceName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function sourceTimeoutMs(serviceName: string, env: NodeJS.ProcessEnv = process.env): number {
  const own = sourceTimeoutVariable(serviceName);
  return positiveMs(env, own) ?? positiveMs(env, 'SOURCE_TIMEOUT_MS') ?? DEFAULT_SOURCE_TIMEOUT_MS;
}

/** The time one call may take: its own timeout, cut short by what is left of the request. */
export function callBudgetMs(timeoutMs: number, deadline: number, now = Date.now()): number {
  return Math.max(0, Math.min(timeoutMs, deadline - now));
}
