import { defaultPeriodFields, londonMidnight, periodFromFields, periodLabel, runProblem, thresholdFrom } from '../../web/src/privacy/onDemand';

/**
 * The console's on-demand reports (unusual volume, out of hours): their period from day, month and
 * year fields in England's calendar, and why a run did not finish, in words (issue 19 point 8).
 */

const fields = (day: string, month: string, year: string) => ({ day, month, year });
const instant = (iso: string) => `at ${iso}`;

it('the default period is the last 31 days, today included, by the date in England', () => {
  // 23:30 UTC on 6 Dec is still 6 Dec in London (GMT); 23:30 UTC on 6 Jul is 7 Jul (BST).
  expect(defaultPeriodFields(new Date('2026-12-06T23:30:00Z'))).toEqual({ from: fields('6', '11', '2026'), to: fields('6', '12', '2026') });
  expect(defaultPeriodFields(new Date('2026-07-06T23:30:00Z'))).toEqual({ from: fields('7', '6', '2026'), to: fields('7', '7', '2026') });
});

it('a period runs from midnight of the from date to midnight after the to date, in England, across clock changes', () => {
  expect(londonMidnight({ year: 2026, month: 12, day: 6 }).toISOString()).toBe('2026-12-06T00:00:00.000Z');
  expect(londonMidnight({ year: 2026, month: 7, day: 6 }).toISOString()).toBe('2026-07-05T23:00:00.000Z');
  // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
  expect(londonMidnight({ year: 2026, month: 3, day: 29 }).toISOString()).toBe('2026-03-29T00:00:00.000Z');
  expect(londonMidnight({ year: 2026, month: 10, day: 25 }).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  expect(periodFromFields(fields('6', '11', '2026'), fields(' 6 ', '12', '2026'))).toEqual({ from: '2026-11-06T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
  expect(periodFromFields(fields('1', '10', '2026'), fields('31', '10', '2026'))).toEqual({ from: '2026-09-30T23:00:00.000Z', to: '2026-11-01T00:00:00.000Z' });
  // One day: from and to the same date.
  expect(periodFromFields(fields('6', '12', '2026'), fields('6', '12', '2026'))).toEqual({ from: '2026-12-06T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
});

it('a date that is missing, mistyped or impossible, a to before the from, or more than 366 days is said in words, with the field to correct', () => {
  expect(periodFromFields(fields('', '', ''), fields('6', '12', '2026'))).toEqual({ problem: 'Enter the from date', field: 'from-day' });
  expect(periodFromFields(fields('6', '11', '2026'), fields('6', '', '2026'))).toEqual({ problem: 'To date must include a month', field: 'to-month' });
  expect(periodFromFields(fields('31', '2', '2026'), fields('6', '12', '2026'))).toEqual({ problem: 'From date must be a real date', field: 'from-day' });
  expect(periodFromFields(fields('6', '13', '2026'), fields('6', '12', '2026'))).toEqual({ problem: 'Month must be a number from 1 to 12', field: 'from-month' });
  expect(periodFromFields(fields('6', '11', '26'), fields('6', '12', '2026'))).toEqual({ problem: 'Year must include 4 numbers', field: 'from-year' });
  expect(periodFromFields(fields('7', '12', '2026'), fields('6', '12', '2026'))).toEqual({ problem: 'The from date must be the same as or before the to date', field: 'from-day' });
  // 366 days, both ends included, is the most: 1 Jan to 1 Jan a year later (2026 is not a leap year) is 366.
  expect(periodFromFields(fields('1', '1', '2026'), fields('1', '1', '2027'))).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2027-01-02T00:00:00.000Z' });
  expect(periodFromFields(fields('1', '1', '2026'), fields('2', '1', '2027'))).toEqual({ problem: 'A report covers at most 366 days: choose a shorter period', field: 'from-day' });
});

it('the threshold is a whole number of patients, at least 1', () => {
  expect(thresholdFrom(' 50 ')).toBe(50);
  expect(thresholdFrom('1')).toBe(1);
  for (const wrong of ['', '0', '-3', '2.5', 'fifty']) expect(thresholdFrom(wrong)).toEqual({ problem: 'Enter the number of different patients as a whole number, 1 or more' });
});

it('the period a report ran over reads as whole days when it runs midnight to midnight in England, else as its instants', () => {
  expect(periodLabel('2026-11-06T00:00:00.000Z', '2026-12-07T00:00:00.000Z', instant)).toBe('6 Nov 2026 to 6 Dec 2026');
  expect(periodLabel('2026-06-05T23:00:00.000Z', '2026-07-06T23:00:00.000Z', instant)).toBe('6 Jun 2026 to 6 Jul 2026');
  expect(periodLabel('2026-11-06T10:15:00.000Z', '2026-12-07T00:00:00.000Z', instant)).toBe('at 2026-11-06T10:15:00.000Z to at 2026-12-07T00:00:00.000Z');
});

it('a run that did not finish says why in the words of the console, never "its part of the record is missing"', () => {
  const timeout = { message: "The audit source did not answer (no answer within its time limit (3000 ms) or the request's deadline); its part of the record is missing from this response.", path: ['unusualVolume'], extensions: { code: 'SOURCE_UNAVAILABLE', serviceName: 'audit', reason: 'timeout', paths: ['unusualVolume'] } };
  expect(runProblem([timeout])).toBe('the audit service did not answer within its time limit (3 seconds)');
  expect(runProblem([{ ...timeout, extensions: { ...timeout.extensions, reason: 'database' } }])).toBe("the audit trail's database did not answer within its time limit");
  expect(runProblem([{ ...timeout, extensions: { ...timeout.extensions, reason: 'unreachable' } }])).toBe('the audit service could not be reached');
  expect(runProblem([{ message: 'x', extensions: { code: 'SOURCE_FAILED', requestId: 'r-1' } }])).toBe('the audit service failed while answering (quote request id r-1 to the service desk)');
  expect(runProblem([{ message: 'A period may cover at most 366 days: split it.', extensions: { code: 'BAD_USER_INPUT' } }])).toBe('A period may cover at most 366 days: split it');
  expect(runProblem([], { kind: 'busy' })).toBe('the care record service was too busy to start it');
  expect(runProblem([], { kind: 'timeout', seconds: 20 })).toBe('no answer came within 20 seconds');
  expect(runProblem([], { kind: 'http', status: 502 })).toBe('the care record service answered with an error (HTTP 502)');
  for (const words of [runProblem([timeout]), runProblem([], { kind: 'unreachable' })]) expect(words).not.toMatch(/record is missing/);
});
