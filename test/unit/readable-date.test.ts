import { readableDate } from '../../subgraphs/kit/src/readableDate';

describe('a date in a sentence the server writes', () => {
  it('says the precision the source gave, as the viewer tables do', () => {
    expect(readableDate('2026-09-14')).toBe('14 Sept 2026');
    expect(readableDate('2026-09')).toBe('Sept 2026');
    expect(readableDate('2026')).toBe('2026');
  });
  it('puts a date-time on its day in England (BST moves a late evening to the next day in UTC terms)', () => {
    expect(readableDate('2026-07-14T23:30:00Z')).toBe('15 Jul 2026');
    expect(readableDate('2026-01-14T23:30:00Z')).toBe('14 Jan 2026');
    expect(readableDate(new Date('2026-03-01T12:00:00Z'))).toBe('1 Mar 2026');
  });
  it('says nothing for nothing, and keeps what it cannot read', () => {
    expect(readableDate(null)).toBeNull();
    expect(readableDate('')).toBeNull();
    expect(readableDate('not a date')).toBe('not a date');
  });
});
