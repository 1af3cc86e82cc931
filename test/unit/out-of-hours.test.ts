import { isOutOfHours } from '../../subgraphs/audit/src/londonHours';

/** Out of hours is 20:00-07:00 and weekends on the clock in England (audit londonHours.ts). */


describe('out of hours', () => {
  it('is decided by the hour: every minute of a UTC hour is in or out alike, across both changes of the clock (the look digest keeps hours whole)', () => {
    const mixed: string[] = [];
    for (const [from, to] of [[Date.UTC(2026, 2, 25), Date.UTC(2026, 3, 2)], [Date.UTC(2026, 9, 21), Date.UTC(2026, 9, 29)]]) {
      for (let hour = from; hour < to; hour += 3_600_000) {
        const first = isOutOfHours(new Date(hour));
        for (let minute = 1; minute < 60; minute++) if (isOutOfHours(new Date(hour + minute * 60_000)) !== first) mixed.push(new Date(hour).toISOString());
      }
    }
    expect(mixed).toEqual([]);
  });

  it('a summer weekday follows BST: 06:00 UTC is 07:00 in London, 19:00 UTC is 20:00', () => {
    expect(isOutOfHours(new Date('2026-07-14T05:59:59Z'))).toBe(true);
    expect(isOutOfHours(new Date('2026-07-14T06:00:00Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-07-14T18:59:59Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-07-14T19:00:00Z'))).toBe(true);
  });

  it('agrees with the per-instant rule at the edges', () => {
    expect(isOutOfHours(new Date('2026-11-24T06:59:59Z'))).toBe(true);
    expect(isOutOfHours(new Date('2026-11-24T07:00:00Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-11-24T19:59:59Z'))).toBe(false);
    expect(isOutOfHours(new Date('2026-11-24T20:00:00Z'))).toBe(true);
    expect(isOutOfHours(new Date('2026-11-28T12:00:00Z'))).toBe(true);
  });
});
