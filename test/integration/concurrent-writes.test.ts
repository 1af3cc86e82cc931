import { Schema, type Connection } from 'mongoose';
import { compareAndSet } from '@shareforyou/kit';
import { closeDatabases, database } from '../support/clients';

/**
 * Compare-and-set on the real database engine: many writers changing one document at once each
 * see their change kept (none lost to another that read the same revision). Found in production
 * mode, where seeding lost care relationships: the local engine ran an update's read and its write
 * as two steps, so two updates of the same revision both "matched" and the later overwrote the
 * earlier (tools/src/engine/ferretdb-patches/0004-*).
 */

interface Tally {
  _id: string;
  revision: number;
  items: string[];
}

let db: Connection;
beforeAll(async () => {
  db = await database('concurrency');
});
afterAll(closeDatabases);

const model = () => db.models.Tally ?? db.model<Tally>('Tally', new Schema<Tally>({ _id: String, revision: Number, items: [String] }, { collection: 'tallies', versionKey: false }));

it('forty writers adding one item each to one document at once: all forty items are kept', async () => {
  const Tally = model();
  const id = `t-${Date.now()}`;
  await Tally.create({ _id: id, revision: 1, items: [] });
  const writers = Array.from({ length: 40 }, (_, i) => `item-${i}`);
  const outcomes = await Promise.allSettled(
    writers.map((item) =>
      compareAndSet<Tally>(Tally, id, (stored) => ({ set: { items: [...(stored?.items ?? []), item] } }), { items: [] }, 'kept changing'),
    ),
  );
  const stored = (await Tally.findById(id).lean().exec()) as Tally;
  // A writer may give up after its attempts (it says so: "kept changing"); none may be lost silently.
  const gaveUp = outcomes.filter((o) => o.status === 'rejected').length;
  expect(stored.items.length + gaveUp).toBe(40);
  expect(new Set(stored.items).size).toBe(stored.items.length);
  expect(stored.revision).toBe(1 + stored.items.length);
});

it('updateOne on a revision matches for one writer only: of twenty at once, exactly one moves it', async () => {
  const Tally = model();
  const id = `r-${Date.now()}`;
  await Tally.create({ _id: id, revision: 1, items: [] });
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => Tally.updateOne({ _id: id, revision: 1 }, { $set: { items: [`w-${i}`] }, $inc: { revision: 1 } }).exec()));
  expect(results.reduce((n, r) => n + r.matchedCount, 0)).toBe(1);
  expect(((await Tally.findById(id).lean().exec()) as Tally).revision).toBe(2);
});
