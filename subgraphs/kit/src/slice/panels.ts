import type { SubgraphContext } from '../context';
import type { PatientSliceRecord, SliceItem } from './patientSlice';

/**
 * Resolvers for the panels of a slice: Patient.<field> returns items of one panel, read through the
 * request's slice loader (one batched read per subgraph per request).
 */

type PatientParent = { nhsNumber: string };
type ItemOrder = (a: SliceItem, b: SliceItem) => number;

async function sliceOf(parent: PatientParent, context: SubgraphContext): Promise<PatientSliceRecord | null> {
  if (!context.slices) throw new Error('this subgraph has no patient slices');
  return context.slices.load(parent.nhsNumber);
}

/** Newest first by a date field of the items (ISO strings sort as dates). */
export function newestFirst(field: string): ItemOrder {
  return (a, b) => String(b[field] ?? '').localeCompare(String(a[field] ?? ''));
}

/** Items whose `field` is `activeValue` first (current before history), then by `then`. */
export function activeFirst(field: string, activeValue: unknown, then?: ItemOrder): ItemOrder {
  return (a, b) => Number(b[field] === activeValue) - Number(a[field] === activeValue) || (then ? then(a, b) : 0);
}

/** A list panel, e.g. Patient.medications. */
export function panelList(panel: string, order?: ItemOrder) {
  return async (parent: PatientParent, _args: unknown, context: SubgraphContext): Promise<SliceItem[]> => {
    const items = (await sliceOf(parent, context))?.panels?.[panel] ?? [];
    // Copies: each patient's objects are its own, which the audit plugin relies on for attribution.
    const copies = items.map((item) => ({ ...item, provenance: { ...item.provenance } }));
    return order ? copies.sort(order) : copies;
  };
}

/** A single-valued panel (e.g. the current crisis plan): the most recent item, or null. */
export function panelLatest(panel: string, byField: string) {
  const list = panelList(panel, newestFirst(byField));
  return async (parent: PatientParent, args: unknown, context: SubgraphContext): Promise<SliceItem | null> =>
    (await list(parent, args, context))[0] ?? null;
}

/** Patient.<slice>Source: how current this source is for the patient. */
export function sourceFreshness(source: string) {
  return async (parent: PatientParent, _args: unknown, context: SubgraphContext) => {
    const slice = await sliceOf(parent, context);
    const items = Object.values(slice?.panels ?? {}).flat();
    const organisations = [...new Set(items.map((item) => item.provenance.odsCode))].sort();
    const lastUpdated = items.reduce<string | null>(
      (latest, item) => (latest === null || item.provenance.lastUpdated > latest ? item.provenance.lastUpdated : latest),
      null,
    );
    return { source, organisations, lastUpdated, readAt: new Date().toISOString() };
  };
}
