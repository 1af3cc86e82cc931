import type { Connection } from 'mongoose';
import { closeDatabases, database } from '../support/clients';

/**
 * The privacy console's reads of the audit trail, newest first with a limit, answer exactly what
 * MongoDB's semantics say (the same documents in the same order as sorting every match), and on the
 * local engine they are read in order through the index and stop at the limit instead of decoding
 * and sorting every match (tools/src/engine/ferretdb-patches/0005-sorted-reads-use-indexes.patch).
 */

let db: Connection;
const START = Date.parse('2026-01-01T00:00:00Z');
const EARLIEST = new Date(1_000_000_000_000);
interface Doc {
  _id: string;
  at: Date;
  nhsNumber: string;
  user: { id: string; odsCode: string };
  denied: boolean;
  breakGlass: { id: string } | null;
}
// 600 events: 12 patients, 7 users, some at the same instant (the _id tie-break decides), a few denied
// or under break-glass.
const docs: Doc[] = Array.from({ length: 600 }, (_, i) => ({
  _id: `e${String(i).padStart(4, '0')}`,
  at: new Date(START + Math.floor(i / 3) * 60_000),
  nhsNumber: `900000000${i % 12}`.slice(-10),
  user: { id: `user-${i % 7}`, odsCode: i % 2 ? 'RXA' : 'P83005' },
  denied: i % 17 === 0,
  breakGlass: i % 41 === 0 ? { id: `bg-${i}` } : null,
}));

beforeAll(async () => {
  db = (await database('audit')).useDb('sorted_reads_test');
  await db.dropDatabase();
  const events = db.collection('events');
  for (const index of [{ at: -1 }, { nhsNumber: 1, at: -1 }, { 'user.id': 1, at: -1 }, { 'user.odsCode': 1, at: -1 }, { denied: 1, at: -1 }, { 'breakGlass.id': 1, at: -1 }]) {
    await events.createIndex(index as never);
  }
  await events.insertMany(docs as never[]);
});
afterAll(async () => {
  await db?.dropDatabase();
  await closeDatabases();
});

const newestFirst = (a: Doc, b: Doc) => b.at.getTime() - a.at.getTime() || (a._id < b._id ? 1 : -1);
const page = async (filter: Record<string, unknown>, limit = 25) =>
  (await db.collection('events').find(filter).sort({ at: -1, _id: -1 }).limit(limit).toArray()).map((d) => String(d._id));
const expected = (match: (d: Doc) => boolean, limit = 25) => docs.filter(match).sort(newestFirst).slice(0, limit).map((d) => d._id);
const explain = async (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) =>
  (await db.db!.command({ explain: { find: 'events', filter, ...(sort ? { sort } : {}), limit: 25 } })) as Record<string, unknown>;

describe('newest first with a limit', () => {
  const since = { $gte: EARLIEST };
  const cases: Array<[string, Record<string, unknown>, (d: Doc) => boolean]> = [
    ['unfiltered', { at: since }, () => true],
    ['by patient', { nhsNumber: '9000000005', at: since }, (d) => d.nhsNumber === '9000000005'],
    ['by user (a nested field)', { 'user.id': 'user-3', at: since }, (d) => d.user.id === 'user-3'],
    ['by organisation', { 'user.odsCode': 'RXA', at: since }, (d) => d.user.odsCode === 'RXA'],
    ['refused only (a boolean)', { denied: true, at: since }, (d) => d.denied],
    ['under break-glass', { 'breakGlass.id': { $ne: null }, at: since }, (d) => d.breakGlass !== null],
    [
      'in a window of time, by user',
      { 'user.id': 'user-1', at: { $gte: new Date(START + 20 * 60_000), $lt: new Date(START + 120 * 60_000) } },
      (d) => d.user.id === 'user-1' && d.at.getTime() >= START + 20 * 60_000 && d.at.getTime() < START + 120 * 60_000,
    ],
    ['with a condition no index serves', { at: since, nhsNumber: { $in: ['9000000001', '9000000002'] } }, (d) => ['9000000001', '9000000002'].includes(d.nhsNumber)],
    ['without a bound on the time (sorted the slow way)', { 'user.id': 'user-2' }, (d) => d.user.id === 'user-2'],
  ];

  it.each(cases)('%s: the same events in the same order as sorting every match', async (_name, filter, match) => {
    expect(await page(filter)).toEqual(expected(match));
  });

  it('a second page from a cursor continues exactly where the first stopped, ties at one instant included', async () => {
    const first = expected(() => true, 40);
    const last = docs.find((d) => d._id === first[19])!;
    const second = await page({ at: { $gte: EARLIEST, $lte: last.at }, $or: [{ at: { $lt: last.at } }, { at: last.at, _id: { $lt: last._id } }] }, 20);
    expect(second).toEqual(first.slice(20, 40));
  });

  it('is read in order through the index, by patient, by user and unfiltered', async () => {
    for (const filter of [{ nhsNumber: '9000000005', at: since }, { 'user.id': 'user-3', at: since }, { at: since }]) {
      const explained = await explain(filter, { at: -1, _id: -1 });
      if ('sortPushdown' in explained) {
        expect(explained).toMatchObject({ filterPushdown: true, sortPushdown: true });
        expect(JSON.stringify(explained.queryPlanner)).toMatch(/USING INDEX .*_at_-1/);
      } else expect(JSON.stringify(explained.queryPlanner)).toContain('IXSCAN');
    }
  });

  it('finds the looks under break-glass through the index on the declaration', async () => {
    const filter = { 'breakGlass.id': { $ne: null }, at: { $gte: new Date(START), $lt: new Date(START + 86_400_000) } };
    const found = (await db.collection('events').find(filter).toArray()).map((d) => String(d._id)).sort();
    expect(found).toEqual(docs.filter((d) => d.breakGlass).map((d) => d._id));
    const explained = await explain(filter);
    if ('filterPushdown' in explained) expect(JSON.stringify(explained.queryPlanner)).toContain('breakGlass.id_1_at_-1');
    else expect(JSON.stringify(explained.queryPlanner)).toContain('IXSCAN');
  });

  it('newest first under break-glass, the engine sorts the keys and then reads each document by its id (not every document sorted whole)', async () => {
    // The declarations' ids ("bg-123" before "bg-41") are not in time order: the order is really the sort's.
    const filter = { 'breakGlass.id': { $ne: null }, at: since };
    expect(await page(filter, 5)).toEqual(expected((d) => d.breakGlass !== null, 5));
    const explained = await explain(filter, { at: -1, _id: -1 });
    if ('sortPushdown' in explained) {
      expect(explained).toMatchObject({ filterPushdown: true, sortPushdown: true });
      expect(JSON.stringify(explained.queryPlanner)).toMatch(/_sfy_doc USING INTEGER PRIMARY KEY/);
    } else expect(JSON.stringify(explained.queryPlanner)).toContain('IXSCAN');
  });
});
