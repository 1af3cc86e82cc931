import { ageText, bannerName, bornText, formatNhsNumber, genderText, ukDay } from '../../web/src/viewer/patientBannerWords';

/** The patient banner's words, as the NHS Common User Interface banner gives them (clinical safety H100). */

const on = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
};

it('the name reads FAMILY, Given names', () => {
  expect(bannerName({ family: 'Ashworth', given: ['Margaret', 'Joan'] })).toBe('ASHWORTH, Margaret Joan');
  expect(bannerName({ family: 'O’Brien-Smith', given: [] })).toBe('O’BRIEN-SMITH');
  expect(bannerName(null)).toBe('');
});

it('the age follows the CUI bands: days, weeks and days, months and days, years and months, years', () => {
  expect(ageText('1944-03-12', on('2026-12-06'))).toBe('82 years');
  expect(ageText('1944-12-07', on('2026-12-06'))).toBe('81 years');
  expect(ageText('1944-12-06', on('2026-12-06'))).toBe('82 years');
  expect(ageText('2017-05-14', on('2026-12-06'))).toBe('9 years 6 months');
  expect(ageText('2026-11-30', on('2026-12-06'))).toBe('6 days');
  expect(ageText('2026-12-06', on('2026-12-06'))).toBe('0 days');
  expect(ageText('2026-10-01', on('2026-12-06'))).toBe('9 weeks 3 days');
  expect(ageText('2025-08-20', on('2026-12-06'))).toBe('15 months 16 days');
  expect(ageText('2008-12-07', on('2026-12-06'))).toBe('17 years 11 months');
  expect(ageText('2008-12-06', on('2026-12-06'))).toBe('18 years');
});

it('a birth date known only to the year or month never gives a false exact age', () => {
  expect(ageText('1944', on('2026-12-06'))).toBe('81 or 82 years');
  expect(ageText('1944-03', on('2026-12-06'))).toBe('82 years');
  expect(ageText('1944-12', on('2026-12-06'))).toBe('81 or 82 years');
});

it('an unreadable or future birth date gives no age', () => {
  expect(ageText('not a date', on('2026-12-06'))).toBe('');
  expect(ageText('2027-01-01', on('2026-12-06'))).toBe('');
  expect(ageText(null, on('2026-12-06'))).toBe('');
});

it('born: the date with the age, or the age at death for a patient who has died', () => {
  expect(bornText('1944-03-12', on('2026-12-06'))).toBe('12 Mar 1944 (82 years)');
  expect(bornText('1944-03-12', on('2026-12-06'), { at: '2026-01-03' })).toBe('12 Mar 1944 (aged 81 years at death)');
  expect(bornText('1944-03-12', on('2026-12-06'), { at: null })).toBe('12 Mar 1944');
  expect(bornText(null, on('2026-12-06'))).toBe('Not recorded');
});

it('the gender in words with a capital, never the code', () => {
  expect(genderText('female')).toBe('Female');
  expect(genderText('male')).toBe('Male');
  expect(genderText('unknown')).toBe('Unknown');
  expect(genderText(null)).toBe('Not recorded');
});

it('the NHS number is printed 3 3 4 (the kit’s one formatter)', () => {
  expect(formatNhsNumber('9993133701')).toBe('999 313 3701');
});

it('today is the UK day: 23:30 UTC on 30 June is already 1 July in London', () => {
  expect(ukDay(new Date('2026-06-30T23:30:00Z'))).toEqual({ year: 2026, month: 7, day: 1 });
  expect(ukDay(new Date('2026-12-31T23:30:00Z'))).toEqual({ year: 2026, month: 12, day: 31 });
});
