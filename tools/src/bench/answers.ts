import type { LoadPlan } from './plan';

/**
 * How the load generator reads one answer (pure, so a unit test pins it down): answered whole,
 * answered with part of the record missing (a GraphQL answer with data and errors: a source named
 * SOURCE_UNAVAILABLE, ...), refused whole at capacity (the gateway's admission: 503 SERVICE_BUSY,
 * with the seconds its Retry-After asks a client to wait), or failed.
 */

export interface AnswerKind {
  ok: boolean;
  /** Answered, but part of the record is missing. */
  partial?: boolean;
  /** Refused whole at capacity: wait this many seconds before asking again. */
  busySeconds?: number;
}

/** A client waits what Retry-After says, up to this; a refusal without one waits a second. */
const MAX_BUSY_WAIT_SECONDS = 10;

export function readAnswer(check: LoadPlan['check'], status: number | undefined, retryAfter: string | undefined, text: string): AnswerKind {
  if (status === 503 && text.includes('SERVICE_BUSY')) {
    const seconds = Number(retryAfter);
    return { ok: false, busySeconds: retryAfter !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, MAX_BUSY_WAIT_SECONDS) : 1 };
  }
  if (status !== 200) return { ok: false };
  if (check === 'fhir') return { ok: !text.includes('"severity":"error"') };
  const hasData = /"data":\{"/.test(text);
  const hasErrors = text.includes('"errors"');
  if (!hasErrors && hasData) return { ok: true };
  return { ok: false, partial: hasErrors && hasData };
}
