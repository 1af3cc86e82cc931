import type { Model } from 'mongoose';

/**
 * One versioned document changed without transactions: read it, work out the change in memory,
 * write it only if nobody wrote in between (compare-and-set on `revision`), else read again. A
 * document not there yet is created from `blank`; a concurrent creation counts as a write in
 * between. `change` returns the fields to set (and unset), or null when nothing changes.
 */

export interface DocumentChange<T> {
  set: Partial<T>;
  unset?: string[];
}

const MAX_ATTEMPTS = 6;
const DUPLICATE_KEY = 11000;

export async function compareAndSet<T extends { _id: string; revision: number }>(
  model: Model<any>,
  id: string,
  change: (stored: T | null) => DocumentChange<T> | null,
  blank: Omit<Partial<T>, '_id' | 'revision'>,
  keptChanging: string,
): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const stored = (await model.findById(id).lean().exec()) as T | null;
    const changed = change(stored);
    if (!changed) return;
    if (stored) {
      const unset = changed.unset?.length ? { $unset: Object.fromEntries(changed.unset.map((field) => [field, ''])) } : {};
      const { matchedCount } = await model.updateOne({ _id: id, revision: stored.revision }, { $set: changed.set, ...unset, $inc: { revision: 1 } }).exec();
      if (matchedCount === 1) return;
      continue;
    }
    try {
      await model.create({ _id: id, ...blank, ...changed.set, revision: 1 });
      return;
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
  throw new Error(keptChanging);
}
