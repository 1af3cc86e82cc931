/**
 * The patient banner's words, as the NHS Common User Interface (CUI) patient banner gives them:
 * the name as "FAMILY, Given Names", the date of birth with the age, the gender in words and the
 * NHS number printed 3 3 4. Pure, so each rule is unit-tested (test/unit/patient-banner.test.ts):
 * the banner is how a clinician confirms the right patient before reading (clinical safety H100).
 */
import { formatNhsNumber } from '../../../subgraphs/kit/src/nhsNumber';
import { formatDate } from '../panels/fhirTime';
import { statusWords } from '../panels/statusWords';

export { formatNhsNumber };

/** "ASHWORTH, Margaret Joan": the family name in capitals first, as the CUI banner shows it. */
export function bannerName(name: { family: string; given: string[] } | null | undefined): string {
  if (!name) return '';
  const family = name.family.trim().toLocaleUpperCase('en-GB');
  const given = name.given.map((g) => g.trim()).filter(Boolean).join(' ');
  return [family, given].filter(Boolean).join(', ');
}

/** A calendar day (month 1-12). */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const CALENDAR = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/;

/** Today (or the day of an instant) on the UK clock: a birthday turns at midnight in the UK. */
export function ukDay(at: Date = new Date()): Day {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** The day a FHIR date or date-time names (a date-time on the UK clock); null when unreadable. */
function dayOf(value: string): { day: Day; precision: 'year' | 'month' | 'day' } | null {
  if (value.length > 10) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : { day: ukDay(instant), precision: 'day' };
  }
  const match = CALENDAR.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  return { day: { year: Number(year), month: Number(month ?? 1), day: Number(day ?? 1) }, precision: day ? 'day' : month ? 'month' : 'year' };
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const utc = (d: Day) => Date.UTC(d.year, d.month - 1, d.day);

/** Whole months from `from` to `to`, and the days left over. */
function monthsAndDays(from: Day, to: Day): { months: number; days: number } {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  let days = to.day - from.day;
  if (days < 0) {
    months -= 1;
    // Days from the monthly anniversary (capped at the month's length: born on the 31st) to `to`.
    const prevMonth = to.month === 1 ? 12 : to.month - 1;
    const prevYear = to.month === 1 ? to.year - 1 : to.year;
    days = to.day + daysInMonth(prevYear, prevMonth) - Math.min(from.day, daysInMonth(prevYear, prevMonth));
  }
  return { months, days };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * The age at `on`, in words, by the CUI's bands: under 4 weeks in days; under a year in weeks and
 * days; under 2 years in months and days; under 18 in years and months; then years. A birth date
 * known only to the year or month gives the years it allows ("81 or 82 years"), never a false
 * exact age. Empty when the date cannot be read or lies after `on`.
 */
export function ageText(birthDate: string | null | undefined, on: Day): string {
  if (!birthDate) return '';
  const born = dayOf(birthDate);
  if (!born || utc(born.day) > utc(on)) return '';
  if (born.precision !== 'day') {
    // The earliest and the latest day the birth could have been.
    const first = born.day;
    const last: Day = born.precision === 'year' ? { year: first.year, month: 12, day: 31 } : { ...first, day: daysInMonth(first.year, first.month) };
    const oldest = Math.floor(monthsAndDays(first, on).months / 12);
    const youngest = utc(last) > utc(on) ? 0 : Math.floor(monthsAndDays(last, on).months / 12);
    return oldest === youngest ? plural(oldest, 'year') : `${youngest} or ${oldest} years`;
  }
  const { months, days } = monthsAndDays(born.day, on);
  const totalDays = Math.round((utc(on) - utc(born.day)) / 86_400_000);
  if (totalDays < 28) return plural(totalDays, 'day');
  if (months < 12) return `${plural(Math.floor(totalDays / 7), 'week')}${totalDays % 7 ? ` ${plural(totalDays % 7, 'day')}` : ''}`;
  if (months < 24) return `${plural(months, 'month')}${days ? ` ${plural(days, 'day')}` : ''}`;
  const years = Math.floor(months / 12);
  if (years < 18) return `${plural(years, 'year')}${months % 12 ? ` ${plural(months % 12, 'month')}` : ''}`;
  return plural(years, 'year');
}

/**
 * "12 Mar 1944 (82 years)"; for a patient who has died, the age at death ("aged 81 at death")
 * when the date of death is known, else the date of birth alone.
 */
export function bornText(birthDate: string | null | undefined, today: Day, deceased?: { at?: string | null } | null): string {
  if (!birthDate) return 'Not recorded';
  const diedOn = deceased?.at ? dayOf(deceased.at)?.day : undefined;
  if (deceased && !diedOn) return formatDate(birthDate);
  const age = ageText(birthDate, diedOn ?? today);
  if (!age) return formatDate(birthDate);
  return `${formatDate(birthDate)} (${diedOn ? `aged ${age} at death` : age})`;
}

/** FHIR administrative gender in the design system's words: "Female", "Male", "Other", "Unknown". */
export function genderText(gender: string | null | undefined): string {
  return statusWords(gender) || 'Not recorded';
}
