/**
 * The instant a FHIR date or dateTime stands for, in milliseconds: "2019" and "2019-05" at their
 * start, offsets applied (23:30-05:00 is after 01:00Z the next day); -Infinity when absent.
 */
export function instantOf(value: unknown): number {
  if (typeof value !== 'string' || value === '') return -Infinity;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? -Infinity : ms;
}
