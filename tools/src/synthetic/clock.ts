/**
 * Time for the synthetic data: everything is placed relative to one fixed reference instant, never
 * the real clock, so the same seed gives byte-identical output on any day.
 */

/** "Now" for the synthetic world: 2026-11-01T09:00:00Z. */
export const REFERENCE_INSTANT = Date.UTC(2026, 10, 1, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;

/** "2026-11-01T09:00:00Z": FHIR dateTime / instant, UTC, whole seconds. */
export function isoDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** "2026-11-01": FHIR date. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of a calendar date. */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, 0);
}

/** Whole years between a birth date and an instant. */
export function ageAt(birthDate: string, at: number = REFERENCE_INSTANT): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const now = new Date(at);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}

/** Round down to the minute: source systems rarely record seconds. */
export function toMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

/** A time of day within working hours on the day of `ms` (UTC, which is close enough to UK time). */
export function atTimeOfDay(ms: number, hour: number, minute: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  return day + hour * HOUR + minute * MINUTE;
}
