import { isOutOfHours, outOfHoursIntervals } from '../../subgraphs/audit/src/londonHours';

/** Out of hours is 20:00-07:00 and weekends on the clock in England (audit londonHours.ts). */

const period = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const iso = (intervals: Array<[Date, Date]>) => intervals.map(([a, b]) => [a.toISOString(), b.toISOString()]);

describe('out-of-hours intervals', () => {
  it('a winter weekday: before 07:00 and from 20:00 GMT', () => {
    expect(iso(outOfHoursIntervals(period('2026-11-24T00:00:00Z', '2026-11-25T00:00:00Z')))).toEqual([
      ['2026-11-24T00:00:00.000Z', '2026-11-24T07:00:00.000Z'],
      ['2026-11-24T20:00:00.000Z', '2026-11-25T00:00:00.000Z'],
    ]);
  });

  it('a summer weekday follows BST: working hours are 06:00-19:00 UTC', () => {
    expect(iso(outOfHoursIntervals(period('2026-07-14T00:00:00Z', '2026-07-15T00:00:00Z')))).toEqual([
      ['2026-07-14T00:00:00.000Z', '2026-07-14T06:00:00.000Z'],
      ['2026-07-14T19:00:00.000Z', '2026-07-15T00:00:00.000Z'],
    ]);
  });

  it('a weekend is out of hours all day, joined to the evenings around it', () => {
    // Friday 20:00 to Monday 07:00 GMT is one interval.
    expect(iso(outOfHoursIntervals(period('2026-11-27T12:00:00Z', '2026-11-30T12:00:00Z')))).toEqual([
      ['2026-11-27T20:00:00.000Z', '2026-11-30T07:00:00.000Z'],
    ]);
  });

  it('agrees with the per-instant rule at the edges', () => {
    expect(isOutOfHours(new Date('2026-11-24T06:59:59Z'))).toBe(true);
    expect(isOutOfHours(new Date('2026-11-24T07:00:00Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-11-24T19:59:59Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-11-24T20:00:00Z'))).toBe(true);
    expect(isOutOfHours(new Date('2026-11-28T12:00:00Z'))).toBe(true);
  });
});
