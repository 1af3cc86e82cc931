import { decodeHour, emptyHour, encodeHour, foldEvent, HOUR_MS, hourIsOutOfHours, RECENT_MS, trimRecent } from '../../subgraphs/audit/src/monitoring/lookHours';

/**
 * An hour of looks as the look digest keeps it (issue 20.1): written as lines and read back whole
 * (every category, the refused and break-glass flags, the times to the millisecond), and a request
 * counted once for its user and patient, and once for its user, however its events are read.
 */

const HOUR = Date.UTC(2026, 10, 4, 21); // a Wednesday, 21:00 in London (GMT): out of hours
const user = { id: 'dr-a', name: 'Dr A', odsCode: 'RM301', jobRole: 'R8000', profile: 'clinical' };
const event = (requestId: string, offset: number, nhsNumber: string, extra: object = {}) =>
  ({ requestId, at: new Date(HOUR + offset), user, nhsNumber, categories: ['allergies'], denied: false, breakGlass: null, ...extra }) as never;

it('an hour written as lines reads back as it was', () => {
  const hour = emptyHour(HOUR);
  const recent = new Map<string, number>();
  foldEvent(hour, event('r1', 5, '9434765919', { categories: ['medications', 'allergies'] }), 7, recent);
  foldEvent(hour, event('r1', 9, '9434765919'), 7, recent);
  foldEvent(hour, event('r2', 3_599_999, '9434765919', { denied: true }), 7, recent);
  foldEvent(hour, event('r3', 1_000, '9434765870', { breakGlass: { id: 'bg-1' }, categories: [] }), 40, recent);
  hour.recent = recent;
  const back = decodeHour({ hour: new Date(HOUR), ...encodeHour(hour) });
  expect([...back.looks.values()]).toEqual([
    { user: 7, nhsNumber: '9434765919', firstAccess: HOUR + 5, lastAccess: HOUR + 3_599_999, requests: 2, categories: new Set(['allergies', 'medications']), breakGlass: false, denied: true },
    { user: 40, nhsNumber: '9434765870', firstAccess: HOUR + 1_000, lastAccess: HOUR + 1_000, requests: 1, categories: new Set(), breakGlass: true, denied: false },
  ]);
  expect(back.userRequests).toEqual(new Map([[7, 2], [40, 1]]));
  expect(back.recent).toEqual(recent);
});

it('an NHS number with a leading zero, and a value that is not one, read back unchanged', () => {
  const hour = emptyHour(HOUR);
  const recent = new Map<string, number>();
  foldEvent(hour, event('r1', 5, '0123456789'), 1, recent);
  foldEvent(hour, event('r2', 6, 'not-a-number'), 1, recent);
  const back = decodeHour({ hour: new Date(HOUR), ...encodeHour(hour) });
  expect([...back.looks.values()].map((l) => l.nhsNumber)).toEqual(['0123456789', 'not-a-number']);
});

it('a request is counted once for its user and patient and once for its user, across a read and an hour; one about two patients once for the user', () => {
  const first = emptyHour(HOUR);
  let recent = new Map<string, number>();
  foldEvent(first, event('r1', HOUR_MS - 2, '9434765919'), 7, recent);
  foldEvent(first, event('r1', HOUR_MS - 1, '9434765870'), 7, recent);
  recent = trimRecent(recent, HOUR + HOUR_MS);
  const next = emptyHour(HOUR + HOUR_MS);
  foldEvent(next, event('r1', HOUR_MS + 1, '9434765919'), 7, recent);
  foldEvent(next, event('r2', HOUR_MS + 2, '9434765919'), 7, recent);
  expect(first.looks.get('7 9434765919')!.requests).toBe(1);
  expect(first.looks.get('7 9434765870')!.requests).toBe(1);
  expect(first.userRequests.get(7)).toBe(1);
  // Written and read back: the user's one request is said, not the sum of their two looks'.
  expect(decodeHour({ hour: new Date(HOUR), ...encodeHour(first) }).userRequests.get(7)).toBe(1);
  expect(next.looks.get('7 9434765919')!.requests).toBe(1);
  expect(next.userRequests.get(7)).toBe(1);
  // Forgotten after RECENT_MS: a request id seen again that much later is another request.
  expect(trimRecent(recent, HOUR + HOUR_MS + RECENT_MS + 10).size).toBe(0);
});

it('an hour is out of hours by the clock in England: 19:00 UTC in summer is 20:00 in London', () => {
  expect(hourIsOutOfHours(Date.UTC(2026, 6, 1, 18))).toBe(false); // Wednesday 19:00 BST
  expect(hourIsOutOfHours(Date.UTC(2026, 6, 1, 19))).toBe(true); // 20:00 BST
  expect(hourIsOutOfHours(Date.UTC(2026, 11, 2, 19))).toBe(false); // Wednesday 19:00 GMT
  expect(hourIsOutOfHours(Date.UTC(2026, 11, 5, 12))).toBe(true); // Saturday
});

it('categories merge as bits over 52 bits, beyond the 32 that JavaScript bitwise OR holds', async () => {
  const { orBits } = await import('../../subgraphs/audit/src/lookPeriod');
  expect(orBits(2 ** 40, 2 ** 3)).toBe(2 ** 40 + 2 ** 3);
  expect(orBits(2 ** 51 + 1, 2 ** 51 + 2)).toBe(2 ** 51 + 3);
  expect(orBits(2 ** 31, 2 ** 31)).toBe(2 ** 31);
});
