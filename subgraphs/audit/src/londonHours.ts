import type { Period } from './period';

/**
 * Working hours are 07:00 to 20:00, Monday to Friday, on the clock in England (Europe/London, so
 * BST is respected). The trail stores UTC instants, and FerretDB has no date operators ($hour), so
 * the out-of-hours report turns a period into the UTC intervals that fall outside working hours
 * and asks the database for those ranges of `at`.
 */

export const WORKING_DAY = { startHour: 7, endHour: 20 } as const;
const LONDON = 'Europe/London';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonClock(at: Date): WallClock {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** London's offset from UTC at an instant, in milliseconds (0 in winter, one hour in summer). */
function londonOffset(at: Date): number {
  const c = londonClock(at);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the London clock shows hour:00 on a date (never ambiguous at 07:00 or 20:00). */
function londonTime(year: number, month: number, day: number, hour: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  return new Date(wall - londonOffset(new Date(wall - londonOffset(new Date(wall)))));
}

export function isOutOfHours(at: Date): boolean {
  const c = londonClock(at);
  const weekday = new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay();
  return weekday === 0 || weekday === 6 || c.hour < WORKING_DAY.startHour || c.hour >= WORKING_DAY.endHour;
}

/** The parts of the period outside working hours, as ordered, non-overlapping UTC intervals. */
export function outOfHoursIntervals(period: Period): Array<[Date, Date]> {
  const start = londonClock(period.from);
  const end = londonClock(period.to);
  const lastDay = Date.UTC(end.year, end.month - 1, end.day);
  const intervals: Array<[Date, Date]> = [];
  let cursor = period.from;
  for (let day = Date.UTC(start.year, start.month - 1, start.day); day <= lastDay; day += 86_400_000) {
    const date = new Date(day);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const open = londonTime(y, m, d, WORKING_DAY.startHour);
    const close = londonTime(y, m, d, WORKING_DAY.endHour);
    if (close <= cursor || open >= period.to) continue;
    if (open > cursor) intervals.push([cursor, open]);
    cursor = close > cursor ? close : cursor;
  }
  if (cursor < period.to) intervals.push([cursor, period.to]);
  return intervals;
}
