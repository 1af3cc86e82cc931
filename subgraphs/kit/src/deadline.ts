/**
 * The request's deadline travels from the gateway to each subgraph as the time left, in
 * milliseconds (a budget rather than a clock time, so hosts need not agree on the time). A subgraph
 * turns it into a deadline on its own clock, refuses a call that arrives after it, and stops
 * resolving once it has passed: nobody is waiting for that answer any more.
 */

export const DEADLINE_HEADER = 'x-request-deadline-ms';
/** No budget sent (a direct call, a test): the subgraph still stops after this long. */
export const DEFAULT_SUBGRAPH_BUDGET_MS = 10_000;

/** The deadline on this host's clock, or null when the header is not a budget in ms. */
export function deadlineFromBudget(header: string | undefined, now = Date.now()): number | null {
  if (header === undefined) return now + DEFAULT_SUBGRAPH_BUDGET_MS;
  if (!/^\d{1,7}$/.test(header)) return null;
  return now + Number(header);
}
