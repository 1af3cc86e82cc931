/**
 * FHIR date search (search.html#date): a value at its precision stands for a range (2026 is the
 * whole year), and so does the resource's date; the prefix says how the two ranges must relate.
 * Dates without an offset are read as UTC. Pure.
 */

export interface Range {
  /** Inclusive lower bound, ms since the epoch. */
  low: number;
  /** Exclusive upper bound. */
  high: number;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The range a FHIR date, dateTime or instant stands for; null when it is not one. */
export function rangeOf(value: string): Range | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, , s, , zone] = m;
  if (!mo) return { low: Date.UTC(+y, 0, 1), high: Date.UTC(+y + 1, 0, 1) };
  if (!d) return { low: Date.UTC(+y, +mo - 1, 1), high: Date.UTC(+y, +mo, 1) };
  if (!h) return { low: Date.UTC(+y, +mo - 1, +d), high: Date.UTC(+y, +mo - 1, +d + 1) };
  const instant = Date.parse(zone ? value : `${value}Z`);
  if (Number.isNaN(instant)) return null;
  // A time given to the minute or second stands for that minute or second.
  return { low: instant, high: instant + (s === undefined ? 60_000 : 1_000) };
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le';
const PREFIXES = new Set<DatePrefix>(['eq', 'ne', 'gt', 'lt', 'ge', 'le']);

export interface DateCondition {
  prefix: DatePrefix;
  range: Range;
}

/** `ge2026-01-01` -> { ge, [2026-01-01, 2026-01-02) }; null when it is not a date search value this API takes. */
export function parseDateCondition(value: string): DateCondition | null {
  const match = /^([a-z]{2})?(.+)$/.exec(value);
  if (!match) return null;
  const prefix = (match[1] ?? 'eq') as DatePrefix;
  if (!PREFIXES.has(prefix)) return null;
  const range = rangeOf(match[2]);
  return range ? { prefix, range } : null;
}

/** Does a resource whose date spans `target` match the condition? */
export function dateMatches(condition: DateCondition, target: Range): boolean {
  const { low, high } = condition.range;
  switch (condition.prefix) {
    case 'eq':
      return target.low >= low && target.high <= high;
    case 'ne':
      return !(target.low >= low && target.high <= high);
    case 'gt':
      return target.high > high;
    case 'lt':
      return target.low < low;
    case 'ge':
      return target.high > low;
    case 'le':
      return target.low < high;
  }
}

/** The range a resource's date (or period) covers; null when it has none. */
export function targetRange(start: string | null | undefined, end?: string | null): Range | null {
  const from = start ? rangeOf(start) : null;
  const to = end ? rangeOf(end) : null;
  if (!from && !to) return null;
  return { low: (from ?? to)!.low, high: (to ?? from)!.high };
}
