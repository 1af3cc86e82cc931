import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { stagedJournalsOf } from './access/stagedAccess';
import { visibleSlice } from './ingest/sliceFeedTarget';
import { freshnessOf, openFreshness, type SliceFreshness } from './slice/freshness';
import { openPanel, openPanels, type SealedPanel } from './slice/panelEncryption';
import type { PatientSliceRecord, SliceItem } from './slice/patientSlice';

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

/** A slice as stored, read with only some of its panels. */
type StoredSliceDocument = { _id: string; panels?: Record<string, SealedPanel | SliceItem[]>; staged?: unknown[]; freshness?: SealedPanel };

/** What one resolver asks of a patient's slice: one panel's items, or the source's freshness. */
type SliceAsk = { nhsNumber: string; panel: string } | { nhsNumber: string; freshness: true };
type SliceAnswer = SliceItem[] | SliceFreshness;

const PANEL_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The request's reads of patient slices, by panel. The panels every resolver of a request asks for
 * are gathered into one read that brings back only those panels (and the stored freshness), so the
 * database sends, and this service opens, what the query asks rather than the whole slice. A slice
 * with staged transaction writes, or stored before its freshness was kept, is read whole instead
 * (loadSlices), and its answers are worked out from the whole.
 */
export class SliceReader {
  private readonly asks: DataLoader<SliceAsk, SliceAnswer, string>;
  /** Whole slices, made only when one is needed (rarely: staged writes, or no stored freshness). */
  private whole: DataLoader<string, PatientSliceRecord | null> | null = null;

  constructor(
    private readonly model: Model<any>,
    private readonly pendingAmong?: (journalIds: string[]) => Promise<Set<string>>,
  ) {
    this.asks = new DataLoader<SliceAsk, SliceAnswer, string>((asks) => this.answer(asks), {
      cacheKeyFn: (ask) => ('panel' in ask ? `${ask.nhsNumber}/${ask.panel}` : `${ask.nhsNumber}#freshness`),
      maxBatchSize: 1000,
      // After the turn's immediate callbacks: a field whose rule first waits for the access record's
      // shared read (dispatched on setImmediate: relatives) asks a little later, and still joins.
      batchScheduleFn: (dispatch) => setImmediate(dispatch),
    });
  }

  /** One panel's items for a patient (none when the slice or panel is absent). */
  panel(nhsNumber: string, panel: string): Promise<SliceItem[]> {
    if (!PANEL_NAME.test(panel)) throw new Error(`"${panel}" is not a panel name`);
    return this.asks.load({ nhsNumber, panel }) as Promise<SliceItem[]>;
  }

  freshness(nhsNumber: string): Promise<SliceFreshness> {
    return this.asks.load({ nhsNumber, freshness: true }) as Promise<SliceFreshness>;
  }

  private async answer(asks: readonly SliceAsk[]): Promise<SliceAnswer[]> {
    const ids = [...new Set(asks.map((ask) => ask.nhsNumber))];
    const panels = [...new Set(asks.flatMap((ask) => ('panel' in ask ? [ask.panel] : [])))];
    const projection = Object.fromEntries([...panels.map((panel) => [`panels.${panel}`, 1]), ['staged', 1], ['freshness', 1]]);
    const filter = ids.length === 1 ? { _id: ids[0] } : { _id: { $in: ids } };
    const found = (await this.model.find(filter).select(projection).lean().exec()) as unknown as StoredSliceDocument[];
    const byId = new Map(found.map((doc) => [doc._id, doc]));
    const wantsFreshness = new Set(asks.flatMap((ask) => ('freshness' in ask ? [ask.nhsNumber] : [])));
    // Staged writes may touch any panel, and an older slice has no freshness stored: read those whole.
    const wholeIds = found.filter((doc) => doc.staged?.length || (wantsFreshness.has(doc._id) && !doc.freshness)).map((doc) => doc._id);
    const wholes = new Map<string, PatientSliceRecord | null>();
    if (wholeIds.length) this.whole ??= loadSlices(this.model, this.pendingAmong);
    for (const [i, slice] of (wholeIds.length ? await this.whole!.loadMany(wholeIds) : []).entries()) {
      if (slice instanceof Error) throw slice;
      wholes.set(wholeIds[i], slice);
    }
    return asks.map((ask) => {
      const doc = byId.get(ask.nhsNumber);
      const whole = wholes.get(ask.nhsNumber);
      if ('freshness' in ask) {
        if (whole !== undefined) return freshnessOf(whole?.panels ?? {});
        return doc?.freshness ? openFreshness(doc._id, doc.freshness) : freshnessOf({});
      }
      if (whole !== undefined) return whole?.panels?.[ask.panel] ?? [];
      const stored = doc?.panels?.[ask.panel];
      if (!stored) return [];
      return Array.isArray(stored) ? stored : openPanel(doc._id, ask.panel, stored);
    });
  }
}
