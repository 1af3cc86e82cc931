import type { GraphQLResolveInfo } from 'graphql';
import type { SubgraphContext } from '../context';
import { readableItems } from './unreadableItems';
import { instantOf } from './instants';
import type { SliceItem } from './patientSlice';

/**
 * Resolvers for the panels of a slice: Patient.<field> returns items of one panel, read through the
 * request's slice loader (one batched read per subgraph per request).
 */

type PatientParent = { nhsNumber: string };
type ItemOrder = (a: SliceItem, b: SliceItem) => number;

function slicesOf(context: SubgraphContext) {
  if (!context.slices) throw new Error('this subgraph has no patient slices');
  return context.slices;
}

export { instantOf } from './instants';

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
    const items = await slicesOf(context).panel(parent.nhsNumber, panel);
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
    const { organisations: named, lastUpdated } = await slicesOf(context).freshness(parent.nhsNumber);
    const organisations = named.map(([code]) => code);
    return { source, organisations, organisationNames: named.map(([code, name]) => name ?? code), lastUpdated, readAt: new Date().toISOString() };
  };
}
