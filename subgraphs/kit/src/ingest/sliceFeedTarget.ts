import { heldButNotMapped, kindsHeldBy, loadOrganisationKinds, typesHeld, type OrganisationKinds } from '@shareforyou/schema';
import { freshnessOf, sealFreshness } from '../slice/freshness';
import { openPanels, openValue, sealPanels, sealValue } from '../slice/panelEncryption';
import { versionKey, versionVerdict, type PatientSliceModel, type PatientSliceRecord, type SliceItem, type StagedWrites } from '../slice/patientSlice';
import { compareAndSet } from './compareAndSet';
import { FeedProblem } from './feedProblem';
import { sourceItemId, type EntryResult, type FeedingOrganisation, type FeedTarget, type PreparedEntries } from './feedTarget';
import type { MappedItem, SliceFeed } from './sliceFeed';
import { isWithheld } from './withheldCodes';

/**
 * Writes feed entries into patient slices. Per patient: read, apply every entry by version, then
 * compare-and-set on the slice's revision (retrying on a concurrent write). Replaying a bundle, or
 * retrying one that failed half way, converges to the same state; an older version never
 * overwrites a newer one, and a deleted item leaves a tombstone so a late replay cannot revive it.
 * A transaction's writes are staged beside the panels first (stage), and moved in once its journal
 * entry has committed (settle): see ingest/feedJournal.
 */

export type PreparedSliceEntry = { item: SliceItem; panel: string; versionKey: string; withheld: boolean } | { delete: true; versionKey: string };
type Prepared = PreparedSliceEntry;

/** One entry applied to a patient's slice in memory, by version: newer wins, a delete leaves a tombstone. */
export function applySliceEntry(slice: PatientSliceRecord, id: string, prepared: Prepared): EntryResult {
  let existing: { panel: string; item: SliceItem } | null = null;
  for (const [panel, items] of Object.entries(slice.panels)) {
    const item = items.find((i) => i.id === id);
    if (item) existing = { panel, item };
  }
  const tombstone = slice.tombstones.find((t) => t.id === id);
  const currentKey = existing ? versionKey(existing.item.provenance) : tombstone?.versionKey;
  const verdict = versionVerdict(prepared.versionKey, currentKey);
  if (verdict) return verdict;
  if (existing) slice.panels[existing.panel] = slice.panels[existing.panel].filter((i) => i.id !== id);
  if ('delete' in prepared) {
    slice.tombstones = [...slice.tombstones.filter((t) => t.id !== id), { id, versionKey: prepared.versionKey }];
    return existing ? 'deleted' : 'not-held';
  }
  slice.tombstones = slice.tombstones.filter((t) => t.id !== id);
  if (prepared.withheld) return 'withheld';
  slice.panels[prepared.panel] = [...(slice.panels[prepared.panel] ?? []), prepared.item];
  return existing ? 'updated' : 'created';
}

type StagedEntry = { id: string; prepared: Prepared };

const stagedBinding = (nhsNumber: string, journalId: string) => `${nhsNumber}/staged/${journalId}`;

function openStaged(nhsNumber: string, staged: StagedWrites): StagedEntry[] {
  return openValue<StagedEntry[]>(stagedBinding(nhsNumber, staged.journal), staged.writes);
}

/**
 * The slice as readers see it: the panels, plus the staged writes of every transaction whose
 * journal entry is no longer pending (committed, and not yet moved into the panels). The staged
 * writes of a pending transaction stay invisible: nothing of a half-written bundle is served.
 */
export function visibleSlice(slice: PatientSliceRecord, pendingJournals: Set<string>): PatientSliceRecord {
  const committed = (slice.staged ?? []).filter((s) => !pendingJournals.has(s.journal));
  if (committed.length === 0) return slice;
  const view: PatientSliceRecord = { ...slice, panels: { ...slice.panels }, tombstones: [...(slice.tombstones ?? [])] };
  for (const staged of committed) for (const { id, prepared } of openStaged(slice._id, staged)) applySliceEntry(view, id, prepared);
  return view;
}

// A delete of something not held still writes its tombstone.
const CHANGED = new Set<EntryResult>(['created', 'updated', 'deleted', 'not-held', 'withheld']);

export function sliceFeedTarget(subgraph: string, feed: SliceFeed, slices: PatientSliceModel, kinds: OrganisationKinds = loadOrganisationKinds()): FeedTarget<Prepared> {
  // Which kinds of organisation feed this slice, and which types each holds: the table of organisation kinds.
  const organisationKinds = kindsHeldBy(subgraph, kinds);
  const mapped = new Set(Object.keys(feed.resources));
  const unmapped = heldButNotMapped(subgraph, mapped, kinds);
  if (unmapped.length) {
    throw new Error(`schema/organisation-kinds.yaml: ${unmapped.join(', ')}, which the ${subgraph} feed does not map: map it in the kit's catalogue and subgraphs/${subgraph}/src/feed.ts, or remove it from holds`);
  }
  const heldByKind = new Map(organisationKinds.map((name) => [name, typesHeld(kinds[name], mapped)]));

  /** Read (panels opened), change in memory, seal, compare-and-set (kit: compareAndSet). */
  const changeSlice = (nhsNumber: string, change: (slice: PatientSliceRecord, stored: PatientSliceRecord | null) => Partial<PatientSliceRecord> | null) =>
    compareAndSet<PatientSliceRecord>(
      slices,
      nhsNumber,
      (stored) => {
        const slice: PatientSliceRecord = stored
          ? { ...stored, panels: openPanels(nhsNumber, stored.panels), tombstones: [...(stored.tombstones ?? [])] }
          : { _id: nhsNumber, panels: {}, tombstones: [], revision: 0 };
        const set = change(slice, stored);
        if (!set) return null;
        if (set.panels) {
          set.freshness = sealFreshness(nhsNumber, freshnessOf(set.panels));
          set.panels = sealPanels(nhsNumber, set.panels) as unknown as PatientSliceRecord['panels'];
        }
        return { set };
      },
      { panels: {}, tombstones: [] },
      "the patient's record kept changing while this feed was written; send the bundle again",
    );

  const applyAll = (slice: PatientSliceRecord, prepared: PreparedEntries<Prepared>, organisation: FeedingOrganisation) => {
    const results = new Map<number, EntryResult>();
    for (const { entry, prepared: p } of prepared) results.set(entry.index, applySliceEntry(slice, sourceItemId(organisation, entry), p));
    return results;
  };

  return {
    resourceTypes: mapped,
    resourceTypesFor: (organisation) => heldByKind.get(organisation.kind) ?? mapped,

    refuseOrganisation: (organisation) =>
      organisationKinds.includes(organisation.kind) ? null : `${organisation.odsCode} (${organisation.kind}) does not feed the ${subgraph} record`,

    prepare(entry, organisation) {
      if (entry.method === 'delete') return { delete: true, versionKey: versionKey(entry) };
      const mapping = feed.resources[entry.resourceType];
      const mapped: MappedItem | null = mapping(entry.resource, entry.references); // may throw NotStored: feedTarget answers it
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

    withdrawal: (entry) => ({ delete: true, versionKey: versionKey(entry) }),

    async write(nhsNumber, prepared, organisation) {
      let results = new Map<number, EntryResult>();
      await changeSlice(nhsNumber, (slice) => {
        results = applyAll(slice, prepared, organisation);
        return [...results.values()].some((r) => CHANGED.has(r)) ? { panels: slice.panels, tombstones: slice.tombstones } : null;
      });
      return results;
    },

    async stage(nhsNumber, prepared, organisation, journalId) {
      let results = new Map<number, EntryResult>();
      await changeSlice(nhsNumber, (slice, stored) => {
        // What each entry does to the record as it stands (the answer to the source); nothing is applied yet.
        results = applyAll(slice, prepared, organisation);
        const already = (stored?.staged ?? []).some((s) => s.journal === journalId);
        if (already || ![...results.values()].some((r) => CHANGED.has(r))) return null;
        const entries: StagedEntry[] = prepared.map(({ entry, prepared: p }) => ({ id: sourceItemId(organisation, entry), prepared: p }));
        const staged: StagedWrites = { journal: journalId, writes: sealValue(stagedBinding(nhsNumber, journalId), entries) };
        return { staged: [...(stored?.staged ?? []), staged] };
      });
      return results;
    },

    async settle(nhsNumber, journalId) {
      await changeSlice(nhsNumber, (slice, stored) => {
        const mine = (stored?.staged ?? []).filter((s) => s.journal === journalId);
        if (mine.length === 0) return null;
        for (const staged of mine) for (const { id, prepared } of openStaged(nhsNumber, staged)) applySliceEntry(slice, id, prepared);
        return { panels: slice.panels, tombstones: slice.tombstones, staged: stored!.staged!.filter((s) => s.journal !== journalId) };
      });
    },

    // The journal holds what the record holds, so it is sealed like the most sensitive panels.
    journalCodec: {
      seal: (nhsNumber, journalId, prepared) => sealValue(`${nhsNumber}/journal/${journalId}`, prepared.map(({ entry, prepared: p }) => ({ entry, prepared: p }))),
      open: (nhsNumber, journalId, stored) => openValue<PreparedEntries<Prepared>>(`${nhsNumber}/journal/${journalId}`, stored as { sealed: string }),
    },
  };
}
