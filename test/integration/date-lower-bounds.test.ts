import type { Connection } from 'mongoose';
import { closeDatabases, database } from '../support/clients';

/**
 * "Everything since <date>" (the monitoring sweep's query over the audit store) is answered
 * through the index on the date field, and answers exactly what MongoDB's semantics say, on the
 * real database (the local engine carries tools/src/engine/ferretdb-patches/0002-... for it).
 */

let db: Connection;
const SINCE = new Date('2026-12-02T10:00:00Z');
const docs = [
  { _id: 'before', at: new Date('2026-12-02T09:59:59.999Z') },
  { _id: 'at-the-bound', at: SINCE },
  { _id: 'after', at: new Date('2026-12-02T10:00:00.001Z') },
  { _id: 'long-after', at: new Date('2031-01-01T00:00:00Z') },
  { _id: 'twentieth-century', at: new Date('1999-12-31T23:59:59Z') },
  { _id: 'an-array-with-one-after', at: [new Date('2020-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')] },
  { _id: 'an-array-all-before', at: [new Date('2020-01-01T00:00:00Z')] },
  { _id: 'a-string', at: '2027-01-01T00:00:00Z' },
  { _id: 'a-number', at: 1_800_000_000_000 },
  { _id: 'no-date' },
];

beforeAll(async () => {
  db = (await database('audit')).useDb('date_bounds_test');
  await db.dropDatabase();
  await db.collection('events').createIndex({ at: -1 });
  await db.collection('events').insertMany(docs as never[]);
});
afterAll(async () => {
  await db?.dropDatabase();
  await closeDatabases();
});

const ids = async (filter: Record<string, unknown>) => (await db.collection('events').find(filter).toArray()).map((d) => String(d._id)).sort();

describe('a lower bound on a date', () => {
  it('$gte selects exactly the dates at or after the bound, arrays holding one included', async () => {
    expect(await ids({ at: { $gte: SINCE } })).toEqual(['after', 'an-array-with-one-after', 'at-the-bound', 'long-after']);
  });

  it('$gt leaves the bound itself out; other conditions beside it still apply', async () => {
    expect(await ids({ at: { $gt: SINCE } })).toEqual(['after', 'an-array-with-one-after', 'long-after']);
    expect(await ids({ at: { $gte: SINCE, $lt: new Date('2030-01-01T00:00:00Z') } })).toEqual(['after', 'an-array-with-one-after', 'at-the-bound']);
    expect(await ids({ at: { $gte: SINCE }, _id: { $ne: 'after' } })).toEqual(['an-array-with-one-after', 'at-the-bound', 'long-after']);
  });

  it('a bound before 2001 (a shorter number) is answered rightly too', async () => {
    expect(await ids({ at: { $gte: new Date('1999-01-01T00:00:00Z') } })).toEqual(['after', 'an-array-all-before', 'an-array-with-one-after', 'at-the-bound', 'before', 'long-after', 'twentieth-century']);
  });

  it('is answered through the index, not by reading every document', async () => {
    const explained = (await db.db!.command({ explain: { find: 'events', filter: { at: { $gte: SINCE } } } })) as Record<string, unknown>;
    if ('filterPushdown' in explained) expect(explained.filterPushdown).toBe(true);
    else expect(JSON.stringify(explained.queryPlanner)).toContain('IXSCAN');
  });
});
