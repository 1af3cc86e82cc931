import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { stagedJournalsOf } from './access/stagedAccess';
import { visibleSlice } from './ingest/sliceFeedTarget';
import { openPanels } from './slice/panelEncryption';
import type { PatientSliceRecord } from './slice/patientSlice';

/**
 * Per-request batch loading by primary key. Every per-patient read goes through one of these, so a
 * caseload of 50 patients is one database command per collection, not 50.
 */
export function loadByIds<T extends { _id: string }>(model: Model<any>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>((ids) => findByIds<T>(model, ids), { maxBatchSize: 100 });
}

async function findByIds<T extends { _id: string }>(model: Model<any>, ids: readonly string[]): Promise<Array<T | null>> {
  // A single id is sent as plain equality: engines without $in pushdown (FerretDB) still use the key.
  const filter = ids.length === 1 ? { _id: ids[0] } : { _id: { $in: [...ids] } };
  const found = (await model.find(filter).lean().exec()) as unknown as T[];
  const byId = new Map(found.map((doc) => [doc._id, doc]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Process-wide reads by primary key that are never cached: every load is answered by a read that
 * starts after it was asked for, so nothing older than the request is ever served. While a read is
 * in flight, loads from every request in the process gather into the next one: under load, many
 * requests share one database command instead of sending one each; a lone request waits for nothing.
 */
export function sharedFreshReadsByIds<T extends { _id: string }>(model: Model<any>): DataLoader<string, T | null> {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  const send = (dispatch: () => void) => {
    inFlight += 1;
    dispatch();
  };
  return new DataLoader<string, T | null>(
    async (ids) => {
      try {
        return await findByIds<T>(model, ids);
      } finally {
        inFlight -= 1;
        if (inFlight === 0) {
          const gathered = waiting;
          waiting = [];
          gathered.forEach(send);
        }
      }
    },
    {
      cache: false,
      maxBatchSize: 100,
      batchScheduleFn: (dispatch) => {
        if (inFlight > 0 || waiting.length > 0) {
          waiting.push(dispatch);
          return;
        }
        inFlight += 1;
        // The rest of this turn of the event loop (other requests' resolvers too) joins the batch.
        setImmediate(dispatch);
      },
    },
  );
}

/** The request's loaders, one per model, created on first use. */
export class RequestLoaders {
  private readonly byModel = new Map<string, DataLoader<string, any>>();

  byId<T extends { _id: string }>(model: Model<any>): DataLoader<string, T | null> {
    let loader = this.byModel.get(model.modelName);
    if (!loader) this.byModel.set(model.modelName, (loader = loadByIds<T>(model)));
    return loader;
  }
}

/**
 * The request's loader of patient slices, with sealed panels opened and the staged writes of
 * committed feed transactions applied (`pendingAmong` names the journal entries still pending,
 * whose writes stay out: ingest/feedJournal). Only a slice with staged writes costs that lookup.
 */
export function loadSlices(model: Model<any>, pendingAmong: (journalIds: string[]) => Promise<Set<string>> = async () => new Set()): DataLoader<string, PatientSliceRecord | null> {
  const raw = loadByIds<PatientSliceRecord>(model);
  return new DataLoader<string, PatientSliceRecord | null>(async (ids) => {
    const slices = await raw.loadMany(ids);
    const pending = await pendingAmong(stagedJournalsOf(slices));
    return slices.map((slice) => {
      if (slice instanceof Error) return slice;
      return slice && visibleSlice({ ...slice, panels: openPanels(slice._id, slice.panels) }, pending);
    });
  },
  { maxBatchSize: 100 });
}
