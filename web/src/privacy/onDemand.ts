import type { CareRecordError, RequestFailure } from '../client/gateway';

/**
 * What the console's on-demand reports (unusual volume, out of hours) need besides the screen: the
 * period from day, month and year fields in England's calendar, and why a run did not finish in
 * plain words. Pure (no DOM, no Lit), so each rule is unit-tested.
 *
 * Why on demand: these two reports take a period (and a threshold) the privacy officer chooses, and
 * count every look of it; the audit service answers them from its hourly look digest.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The text of a date input's three fields, as typed. */
export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export type PeriodField = `${'from' | 'to'}-${'day' | 'month' | 'year'}`;

export type PeriodResult = { from: string; to: string } | { problem: string; field: PeriodField };

/** Default period of both reports: the last 31 days, today included (the audit service's own default is 31 days back from now). */
export const DEFAULT_REPORT_DAYS = 31;
/** The longest period the audit service takes for one report. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

function londonParts(at: Date): CalendarDate & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** Today's date in England. */
export function londonToday(now: Date): CalendarDate {
  const { year, month, day } = londonParts(now);
  return { year, month, day };
}

/** The instant a day begins in England (00:00 Europe/London; the clocks change at 01:00 UTC, never at midnight). */
export function londonMidnight(date: CalendarDate): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  const wall = londonParts(new Date(utcMidnight));
  const offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - utcMidnight;
  return new Date(utcMidnight - offset);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export const fieldsOf = (date: CalendarDate): DateFields => ({ day: String(date.day), month: String(date.month), year: String(date.year) });

/** The fields a report's period starts with: the last 31 days, today included. */
export function defaultPeriodFields(now: Date): { from: DateFields; to: DateFields } {
  const today = londonToday(now);
  return { from: fieldsOf(addDays(today, -(DEFAULT_REPORT_DAYS - 1))), to: fieldsOf(today) };
}

/** One date input's date, or what is wrong with it in the NHS design system's words, naming the field to correct. */
function dateOf(which: 'from' | 'to', fields: DateFields): CalendarDate | { problem: string; field: PeriodField } {
  const label = which === 'from' ? 'From date' : 'To date';
  const [day, month, year] = [fields.day.trim(), fields.month.trim(), fields.year.trim()];
  if (!day && !month && !year) return { problem: `Enter the ${label.toLowerCase()}`, field: `${which}-day` };
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => ![day, month, year][i]);
  if (missing.length) return { problem: `${label} must include a ${missing.join(' and a ')}`, field: `${which}-${missing[0]}` };
  if (!/^\d{1,2}$/.test(day)) return { problem: 'Day must be a number from 1 to 31', field: `${which}-day` };
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return { problem: 'Month must be a number from 1 to 12', field: `${which}-month` };
  if (!/^\d{4}$/.test(year)) return { problem: 'Year must include 4 numbers', field: `${which}-year` };
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  const real = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (date.day < 1 || real.getUTCFullYear() !== date.year || real.getUTCMonth() !== date.month - 1 || real.getUTCDate() !== date.day) return { problem: `${label} must be a real date`, field: `${which}-day` };
  return date;
}

/**
 * The period a report covers, as the audit service takes it: from the start of the from date
 * (inclusive) to the end of the to date (the next midnight, exclusive), both in England's clock time.
 */
export function periodFromFields(from: DateFields, to: DateFields): PeriodResult {
  const start = dateOf('from', from);
  if ('problem' in start) return start;
  const end = dateOf('to', to);
  if ('problem' in end) return end;
  const fromAt = londonMidnight(start);
  const toAt = londonMidnight(addDays(end, 1));
  if (fromAt >= toAt) return { problem: 'The from date must be the same as or before the to date', field: 'from-day' };
  // 366 calendar days, whichever clock change falls within them.
  if (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day) >= MAX_REPORT_DAYS * DAY_MS) {
    return { problem: `A report covers at most ${MAX_REPORT_DAYS} days: choose a shorter period`, field: 'from-day' };
  }
  return { from: fromAt.toISOString(), to: toAt.toISOString() };
}

/** "more than N different patients": a whole number, at least 1. */
export function thresholdFrom(text: string): number | { problem: string } {
  const value = text.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1) return { problem: 'Enter the number of different patients as a whole number, 1 or more' };
  return Number(value);
}

/**
 * Why a report's run did not finish, in plain words for "<title> did not finish: <reason>.": the
 * audit service's time limit, its database, a busy gateway, a refusal. Never "its part of the
 * record is missing": this is a console report, not a record.
 */
export function runProblem(errors: readonly CareRecordError[], failure?: RequestFailure): string {
  if (failure && !errors.length) {
    switch (failure.kind) {
      case 'timeout':
        return `no answer came within ${failure.seconds} seconds`;
      case 'busy':
        return 'the care record service was too busy to start it';
      case 'unreachable':
        return 'the care record service could not be reached (check your connection)';
      case 'no-token':
        return 'your sign-in was not available (sign in again)';
      case 'http':
      case 'not-graphql':
        return `the care record service answered with an error (HTTP ${failure.status})`;
    }
  }
  const error = errors[0];
  if (!error) return 'no answer came back';
  const code = error.extensions?.code;
  const reason = error.extensions?.reason;
  if (code === 'SOURCE_UNAVAILABLE') {
    if (reason === 'database') return "the audit trail's database did not answer within its time limit";
    if (reason === 'unreachable') return 'the audit service could not be reached';
    if (reason === 'circuit-open') return 'the audit service failed repeatedly just now, so it is not asked for a few seconds';
    const ms = /time limit \((\d+) ms\)/.exec(error.message)?.[1];
    return `the audit service did not answer within its time limit${ms ? ` (${(Number(ms) / 1000).toLocaleString('en-GB')} seconds)` : ''}`;
  }
  if (code === 'SERVICE_BUSY') return 'the care record service was too busy to start it';
  if (code === 'SOURCE_FAILED') {
    const requestId = error.extensions?.requestId;
    return `the audit service failed while answering${requestId ? ` (quote request id ${String(requestId)} to the service desk)` : ''}`;
  }
  if (code === 'FORBIDDEN_FIELD') return 'your role may not read the audit trail';
  // BAD_USER_INPUT and the rest: the service's own words say what to change.
  return error.message.replace(/\.$/, '');
}

/** A day in England, as the period's fields name it: "6 Dec 2026". */
const dayLabel = (at: Date) => at.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The period a report ran over, in the words of its fields: whole days "6 Nov 2026 to 6 Dec 2026"
 * when it runs midnight to midnight in England (the end is exclusive, so the last day is the one
 * before it), else the instants themselves.
 */
export function periodLabel(fromIso: string, toIso: string, instant: (iso: string) => string): string {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  const midnight = (at: Date) => londonMidnight(londonToday(at)).getTime() === at.getTime();
  if (midnight(from) && midnight(to)) return `${dayLabel(from)} to ${dayLabel(new Date(to.getTime() - 1))}`;
  return `${instant(fromIso)} to ${instant(toIso)}`;
}
