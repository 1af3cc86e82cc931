/**
 * FHIR dates and date-times as people read them, at the precision the source gave: "1944" stays a
 * year and "1944-03" a month (never "1 Jan 1944", a false full day); a calendar date is that day
 * wherever it is read; a date-time is shown on the UK clock. Pure, so it is unit tested.
 */

const CALENDAR = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

export const formatDate = (value: unknown): string => {
  if (typeof value !== 'string' || !value) return '';
  const calendar = CALENDAR.exec(value);
  if (calendar) {
    const [, year, month, day] = calendar;
    if (!month) return year;
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, day ? Number(day) : 1));
    if (Number.isNaN(date.getTime())) return value;
    return date.toLocaleDateString('en-GB', { ...(day ? { day: 'numeric' } : {}), month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
};

/** A date-time with its time of day on the UK clock ("2 Nov 2026, 10:30"); a date alone stays a date, at its precision. */
export const formatDateTime = (value: unknown): string => {
  if (typeof value !== 'string' || !value || CALENDAR.test(value) || !value.includes('T')) return formatDate(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${formatDate(value)}, ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;
};
