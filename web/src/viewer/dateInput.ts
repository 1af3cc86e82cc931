/**
 * The NHS design system's date input (day, month and year in their own fields), never the
 * browser's native picker, which reads "12031944" month first in an en-US browser (1944-12-03).
 * Pure, so each message is unit-tested; the wording follows the design system's date input errors.
 */

export type DateInputResult = { date: string } | { problem: string; field: 'day' | 'month' | 'year' };

const digits = (value: string) => value.trim();

/** The FHIR date (YYYY-MM-DD) the three fields give, or what is wrong and which field to put the cursor in. */
export function dateOfBirthFrom(dayText: string, monthText: string, yearText: string, today: { year: number; month: number; day: number }): DateInputResult {
  const [day, month, year] = [digits(dayText), digits(monthText), digits(yearText)];
  if (!day && !month && !year) return { problem: 'Enter the date of birth', field: 'day' };
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => ![day, month, year][i]);
  if (missing.length) return { problem: `Date of birth must include a ${missing.join(' and a ')}`, field: missing[0] };
  if (!/^\d{1,2}$/.test(day)) return { problem: 'Day must be a number from 1 to 31', field: 'day' };
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return { problem: 'Month must be a number from 1 to 12', field: 'month' };
  if (!/^\d{4}$/.test(year)) return { problem: 'Year must include 4 numbers', field: 'year' };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const real = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || real.getUTCFullYear() !== y || real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d) return { problem: 'Date of birth must be a real date', field: 'day' };
  if (Date.UTC(y, m - 1, d) > Date.UTC(today.year, today.month - 1, today.day)) return { problem: 'Date of birth must be today or in the past', field: 'day' };
  if (y < 1880) return { problem: 'Date of birth must be after 1880', field: 'year' };
  return { date: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
