import { badUserInput } from '@shareforyou/kit';

/** The period a query or report covers: from inclusive, to exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

/**
 * Before any event of this trail (the service began in 2026): a read that would be unbounded in
 * time is bounded by it, so that it can go through the time index. 2001-09-09 is the first instant
 * whose milliseconds have 13 digits, the least the local engine's date pushdown takes.
 */
export const EARLIEST_EVENT = new Date(1_000_000_000_000);
/** Longest period one query may cover: it bounds every scan of the trail. */
const MAX_PERIOD_DAYS = 366;

export function isoArgument(value: string, argument: string): Date {
  // Date.parse accepts almost anything ("1", "May"): insist on an ISO 8601 date first.
  const date = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw badUserInput(`"${argument}" must be an ISO 8601 date or date-time, e.g. 2026-11-01 or 2026-11-01T09:00:00Z.`, { argument });
  }
  return date;
}

export function periodArgument(args: { from?: string | null; to?: string | null }, defaultDays: number, now = new Date()): Period {
  const to = args.to ? isoArgument(args.to, 'to') : now;
  const from = args.from ? isoArgument(args.from, 'from') : new Date(to.getTime() - defaultDays * DAY_MS);
  if (from >= to) throw badUserInput('"from" must be before "to".', { argument: 'from' });
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw badUserInput(`A period may cover at most ${MAX_PERIOD_DAYS} days: split it.`, { argument: 'from' });
  }
  return { from, to };
}

export const atWithin = (period: Period) => ({ $gte: period.from, $lt: period.to });
