import { dateOfBirthFrom } from '../../web/src/viewer/dateInput';

/** The trace's date of birth: day, month and year fields, never a native picker that reads month first (issue #19). */

const today = { year: 2026, month: 12, day: 6 };

it('day, month and year give the date, day first as people in the UK write it', () => {
  expect(dateOfBirthFrom('12', '3', '1944', today)).toEqual({ date: '1944-03-12' });
  expect(dateOfBirthFrom(' 1 ', '07', '1991', today)).toEqual({ date: '1991-07-01' });
  expect(dateOfBirthFrom('6', '12', '2026', today)).toEqual({ date: '2026-12-06' });
});

it('what is missing is named, with the field to go to', () => {
  expect(dateOfBirthFrom('', '', '', today)).toEqual({ problem: 'Enter the date of birth', field: 'day' });
  expect(dateOfBirthFrom('12', '', '1944', today)).toEqual({ problem: 'Date of birth must include a month', field: 'month' });
  expect(dateOfBirthFrom('', '', '1944', today)).toEqual({ problem: 'Date of birth must include a day and a month', field: 'day' });
});

it('an impossible, future or mistyped date is refused in words', () => {
  expect(dateOfBirthFrom('31', '2', '1944', today)).toEqual({ problem: 'Date of birth must be a real date', field: 'day' });
  expect(dateOfBirthFrom('12', '13', '1944', today)).toEqual({ problem: 'Month must be a number from 1 to 12', field: 'month' });
  expect(dateOfBirthFrom('12', '3', '44', today)).toEqual({ problem: 'Year must include 4 numbers', field: 'year' });
  expect(dateOfBirthFrom('1203', '', '', today)).toEqual({ problem: 'Date of birth must include a month and a year', field: 'month' });
  expect(dateOfBirthFrom('7', '12', '2026', today)).toEqual({ problem: 'Date of birth must be today or in the past', field: 'day' });
  expect(dateOfBirthFrom('x', '3', '1944', today)).toEqual({ problem: 'Day must be a number from 1 to 31', field: 'day' });
});
