/**
 * A FHIR date or dateTime as people in England read it in a sentence the server writes: "14 Sept
 * 2026", "Sept 2026" or "2026" for the precision the source gave; a dateTime on its day in England.
 * The viewer's tables say dates the same way.
 */

const WITH_DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;

export function readableDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (/^\d{4}$/.test(text)) return text;
  if (/^\d{4}-\d{2}$/.test(text)) return new Date(`${text}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`).toLocaleDateString('en-GB', { ...WITH_DAY, timeZone: 'UTC' });
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? text : instant.toLocaleDateString('en-GB', { ...WITH_DAY, timeZone: 'Europe/London' });
}
