/**
 * Working hours are 07:00 to 20:00, Monday to Friday, on the clock in England (Europe/London, so
 * BST is respected). The trail stores UTC instants; London's offset is a whole hour, so every UTC
 * hour is wholly in or out of hours, and the look digest marks its hours so.
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

export function isOutOfHours(at: Date): boolean {
  const c = londonClock(at);
  const weekday = new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay();
  return weekday === 0 || weekday === 6 || c.hour < WORKING_DAY.startHour || c.hour >= WORKING_DAY.endHour;
}
