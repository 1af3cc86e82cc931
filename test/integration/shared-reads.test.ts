import mongoose, { Schema, type Model } from 'mongoose';
import { sharedFreshReadsByIds } from '@shareforyou/kit';
import { closeDatabases, database } from '../support/clients';
import { testDatabaseUri } from '../support/stackInfo';

/**
 * Access records are read afresh for every request, but requests in flight together share the
 * reads (sharedFreshReadsByIds). Against the real database, in a scratch database of its own.
 */

interface Probe {
  _id: string;
  value: number;
}

let Probes: Model<Probe>;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(async () => {
  const scratch = (await database('registry')).useDb('kit_shared_reads_test');
  Probes = scratch.models.Probe ?? scratch.model<Probe>('Probe', new Schema<Probe>({ _id: String, value: Number }, { versionKey: false }));
  await Probes.deleteMany({});
  await Probes.insertMany(['a', 'b', 'c'].map((_id) => ({ _id, value: 1 })));
});

afterAll(async () => {
  await Probes?.db.dropDatabase();
  await closeDatabases();
});

afterEach(() => jest.restoreAllMocks());

/**
 * Keeps the next read in flight for a while after the database has answered it, so that what
 * arrives meanwhile is deterministic. The query itself runs against the database as usual.
 */
function holdNextReadInFlight(ms: number): void {
  const find = Probes.find.bind(Probes);
  jest.spyOn(Probes, 'find').mockImplementationOnce(((filter: object) => ({
    lean: () => ({
      exec: async () => {
        const answer = await find(filter).lean().exec();
        await new Promise((resolve) => setTimeout(resolve, ms));
        return answer;
      },
    }),
  })) as never);
}

describe('shared fresh reads by id', () => {
  it('sends a lone load at once, and gathers the loads that arrive while it is in flight into one next read', async () => {
    const reads = sharedFreshReadsByIds<Probe>(Probes);
    holdNextReadInFlight(100);
    const finds = jest.spyOn(Probes, 'find');
    const first = reads.load('a');
    await nextTurn();
    expect(finds).toHaveBeenCalledTimes(1);
    // Three requests ask, each in a turn of its own, while the first read is in flight.
    const later = [reads.load('b')];
    await nextTurn();
    later.push(reads.load('c'));
    await nextTurn();
    later.push(reads.load('no-such-id'));
    expect(finds).toHaveBeenCalledTimes(1);
    expect(await first).toEqual({ _id: 'a', value: 1 });
    expect(await Promise.all(later)).toEqual([{ _id: 'b', value: 1 }, { _id: 'c', value: 1 }, null]);
    expect(finds).toHaveBeenCalledTimes(2);
    expect(finds.mock.calls[1][0]).toEqual({ _id: { $in: ['b', 'c', 'no-such-id'] } });
  });

  it('never answers a load from a read that started before it was asked for, nor from a cache', async () => {
    const reads = sharedFreshReadsByIds<Probe>(Probes);
    holdNextReadInFlight(100);
    const before = reads.load('a');
    await nextTurn();
    // The record changes while that read is in flight (an opt-out, say): a load asked for now
    // must not get the answer of the read already on its way.
    await Probes.updateOne({ _id: 'a' }, { $set: { value: 2 } }).exec();
    const after = reads.load('a');
    expect(await before).toEqual({ _id: 'a', value: 1 });
    expect(await after).toEqual({ _id: 'a', value: 2 });
    await Probes.updateOne({ _id: 'a' }, { $set: { value: 3 } }).exec();
    expect(await reads.load('a')).toEqual({ _id: 'a', value: 3 });
  });

  it('fails every load of a failed read, and the next read goes out again', async () => {
    // A connection of its own that is really closed: no buffering, so the read fails at once.
    const own = await mongoose.createConnection(testDatabaseUri(), { dbName: 'kit_shared_reads_test', bufferCommands: false }).asPromise();
    const OwnProbes = own.model<Probe>('Probe', Probes.schema);
    const reads = sharedFreshReadsByIds<Probe>(OwnProbes);
    try {
      await own.close();
      await expect(Promise.all([reads.load('a'), reads.load('b')])).rejects.toThrow();
      await own.openUri(testDatabaseUri(), { dbName: 'kit_shared_reads_test' });
      expect(await reads.load('b')).toEqual({ _id: 'b', value: 1 });
    } finally {
      await own.close();
    }
  });
});
