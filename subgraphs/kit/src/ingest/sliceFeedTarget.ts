import { kindsHeldBy } from '@shareforyou/schema';
import { openPanels, sealPanels } from '../slice/panelEncryption';
import { versionKey, type PatientSliceModel, type PatientSliceRecord, type SliceItem } from '../slice/patientSlice';
import { FeedProblem } from './feedProblem';
import { sourceItemId, type EntryResult, type FeedTarget } from './feedTarget';
import type { MappedItem, SliceFeed } from './sliceFeed';
import { isWithheld } from './withheldCodes';

/**
 * Writes feed entries into patient slices. Per patient: read, apply every entry by version, then
 * compare-and-set on the slice's revision (retrying on a concurrent write). Replaying a bundle, or
 * retrying one that failed half way, converges to the same state; an older version never
 * overwrites a newer one, and a deleted item leaves a tombstone so a late replay cannot revive it.
 */

export type PreparedSliceEntry = { item: SliceItem; panel: string; versionKey: string; withheld: boolean } | { delete: true; versionKey: string };
type Prepared = PreparedSliceEntry;

const MAX_ATTEMPTS = 6;

/** One entry applied to a patient's slice in memory, by version: newer wins, a delete leaves a tombstone. */
export function applySliceEntry(slice: PatientSliceRecord, id: string, prepared: Prepared): EntryResult {
  let existing: { panel: string; item: SliceItem } | null = null;
  for (const [panel, items] of Object.entries(slice.panels)) {
    const item = items.find((i) => i.id === id);
    if (item) existing = { panel, item };
  }
  const tombstone = slice.tombstones.find((t) => t.id === id);
  const currentKey = existing ? versionKey(existing.item.provenance) : tombstone?.versionKey;
  if (currentKey !== undefined) {
    if (prepared.versionKey === currentKey) return 'unchanged';
    if (prepared.versionKey < currentKey) return 'stale';
  }
  if (existing) slice.panels[existing.panel] = slice.panels[existing.panel].filter((i) => i.id !== id);
  if ('delete' in prepared) {
    slice.tombstones = [...slice.tombstones.filter((t) => t.id !== id), { id, versionKey: prepared.versionKey }];
    return 'deleted';
  }
  slice.tombstones = slice.tombstones.filter((t) => t.id !== id);
  if (prepared.withheld) return 'withheld';
  slice.panels[prepared.panel] = [...(slice.panels[prepared.panel] ?? []), prepared.item];
  return existing ? 'updated' : 'created';
}

export function sliceFeedTarget(subgraph: string, feed: SliceFeed, slices: PatientSliceModel): FeedTarget<Prepared> {
  // Which kinds of organisation feed this slice: the table of organisation kinds.
  const organisationKinds = kindsHeldBy(subgraph);
  return {
    resourceTypes: new Set(Object.keys(feed.resources)),

    refuseOrganisation: (organisation) =>
      organisationKinds.includes(organisation.kind) ? null : `${organisation.odsCode} (${organisation.kind}) does not feed the ${subgraph} record`,

    prepare(entry, organisation) {
      if (entry.method === 'delete') return { delete: true, versionKey: versionKey(entry) };
      const mapping = feed.resources[entry.resourceType];
      const mapped: MappedItem | null = mapping(entry.resource);
      if (!mapped) throw new FeedProblem(entry.resourceType, `${entry.resourceType} carries nothing this record shows`);
      const item: SliceItem = {
        ...mapped.fields,
        id: sourceItemId(organisation, entry),
        provenance: {
          odsCode: organisation.odsCode,
          organisationName: organisation.name,
          system: organisation.sourceSystem ?? 'unknown',
          sourceId: entry.sourceId,
          version: entry.version,
          lastUpdated: entry.lastUpdated,
        },
      };
      return { item, panel: mapped.panel, versionKey: versionKey(entry), withheld: isWithheld(mapped.fields) };
    },

    async write(nhsNumber, prepared, organisation) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const stored = (await slices.findById(nhsNumber).lean().exec()) as PatientSliceRecord | null;
        const slice: PatientSliceRecord = stored
          ? { ...stored, panels: openPanels(nhsNumber, stored.panels), tombstones: [...(stored.tombstones ?? [])] }
          : { _id: nhsNumber, panels: {}, tombstones: [], revision: 0 };
        const results = new Map<number, EntryResult>();
        for (const { entry, prepared: p } of prepared) results.set(entry.index, applySliceEntry(slice, sourceItemId(organisation, entry), p));
        const changed = [...results.values()].some((r) => r === 'created' || r === 'updated' || r === 'deleted' || r === 'withheld');
        if (!changed) return results;
        const panels = sealPanels(nhsNumber, slice.panels, feed.sealedPanels ?? []);
        if (stored) {
          const { matchedCount } = await slices
            .updateOne({ _id: nhsNumber, revision: stored.revision }, { $set: { panels, tombstones: slice.tombstones }, $inc: { revision: 1 } })
            .exec();
          if (matchedCount === 1) return results;
        } else {
          try {
            await slices.create({ _id: nhsNumber, panels, tombstones: slice.tombstones, revision: 1 });
            return results;
          } catch (error) {
            if ((error as { code?: number }).code !== 11000) throw error;
          }
        }
      }
      throw new Error('the patient\'s record kept changing while this feed was written; send the bundle again');
    },
  };
}
