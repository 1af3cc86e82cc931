import type { GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '../context';
import { readableItems } from './unreadableItems';
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

/**
 * The instant a FHIR date or dateTime stands for, in milliseconds: "2019" and "2019-05" at their
 * start, offsets applied (23:30-05:00 is after 01:00Z the next day); -Infinity when absent.
 */
export function instantOf(value: unknown): number {
  if (typeof value !== 'string' || value === '') return -Infinity;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/**
 * Newest first by instant, not by text: by the first of the date fields an item has (a result made
 * at, else issued at); `provenance.lastUpdated` may be named as the last resort.
 */
export function newestFirst(...fields: string[]): ItemOrder {
  const when = (item: SliceItem) =>
    instantOf(fields.map((f) => (f === 'provenance.lastUpdated' ? item.provenance?.lastUpdated : item[f])).find((v) => v !== null && v !== undefined));
  return (a, b) => {
    const [x, y] = [when(b), when(a)];
    return x === y ? 0 : x > y ? 1 : -1;
  };
}

/** Items whose `field` is `activeValue` first (current before history), then by `then`. */
export function activeFirst(field: string, activeValue: unknown, then?: ItemOrder): ItemOrder {
  return (a, b) => Number(b[field] === activeValue) - Number(a[field] === activeValue) || (then ? then(a, b) : 0);
}

/** Current items first (the item's typed `current` field), then by the given order. */
export function currentFirst(then: ItemOrder): ItemOrder {
  return (a, b) => Number(Boolean(b.current)) - Number(Boolean(a.current)) || then(a, b);
}

/**
 * A list panel, e.g. Patient.medications. `upgrade` fills fields that items stored under an older
 * shape lack (they are never rewritten in place).
 */
export function panelList(panel: string, order?: ItemOrder, upgrade?: (item: SliceItem) => SliceItem) {
  return async (parent: PatientParent, _args: unknown, context: SubgraphContext, info?: GraphQLResolveInfo): Promise<SliceItem[]> => {
    const items = (await sliceOf(parent, context))?.panels?.[panel] ?? [];
    // Copies: each patient's objects are its own, which the audit plugin relies on for attribution.
    const copies = items.map((item) => ({ ...(upgrade ? upgrade(item) : item), provenance: { ...item.provenance } }));
    const readable = readableItems(copies, info, context);
    return order ? readable.sort(order) : readable;
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
    const names = new Map(items.map((item) => [item.provenance.odsCode, item.provenance.organisationName]));
    const organisations = [...names.keys()].sort();
    // The latest by instant, not by text (a source may send offsets other than Z).
    const lastUpdated = items.reduce<string | null>(
      (latest, item) => (latest === null || instantOf(item.provenance.lastUpdated) > instantOf(latest) ? item.provenance.lastUpdated : latest),
      null,
    );
    return { source, organisations, organisationNames: organisations.map((code) => names.get(code) ?? code), lastUpdated, readAt: new Date().toISOString() };
  };
}
