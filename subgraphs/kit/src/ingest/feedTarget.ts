import type { SharingStatus } from '../access/accessDecision';
import { readFeedBundle, type BundleType, type FeedEntry, type UnstoredEntry } from './feedBundle';
import { FeedProblem, NotStored } from './feedProblem';
import type { OutcomeIssue } from './operationOutcome';

/** The organisation feeding, as the register knows it. */
export interface FeedingOrganisation {
  odsCode: string;
  name: string;
  kind: string;
  sharingStatus: SharingStatus;
  sourceSystem: string | null;
}

/**
 * The id of a source's item in this record: `<ODS code>/<resource type>/<source id>`, so two
 * organisations' ids never collide and an item's source can be read off its id.
 */
export function sourceItemId(organisation: Pick<FeedingOrganisation, 'odsCode'>, entry: Pick<FeedEntry, 'resourceType' | 'sourceId'>): string {
  return `${organisation.odsCode}/${entry.resourceType}/${entry.sourceId}`;
}

/**
 * What happened to one entry. `not-held`: a delete of something this record did not hold (the
 * deletion is still remembered, so an older version sent later is not stored). `supporting`: read
 * to resolve references, not stored on its own. `not-stored`: a type this feed does not store.
 */
export type EntryResult =
  | 'created' | 'updated' | 'unchanged' | 'stale' | 'deleted' | 'not-held' | 'withheld'
  | 'refused-opted-out' | 'refused-invalid' | 'supporting' | 'not-stored';

/**
 * Where a feed's entries go: an organisation subgraph's patient slices (kit: sliceFeedTarget) or
 * the registry's index and relationships (registry: registryFeedTarget). The kit's feed endpoint
 * does everything around it the same way for both.
 */
export interface FeedTarget<Prepared> {
  resourceTypes: Set<string>;
  /** The types this organisation's entries may be stored as (its kind's `holds`); default resourceTypes. */
  resourceTypesFor?(organisation: FeedingOrganisation): Set<string>;
  /** Why this organisation may not feed here, or null when it may. */
  refuseOrganisation(organisation: FeedingOrganisation): string | null;
  /** Pure and total over the bundle: throw FeedProblem for a bad entry. Nothing is written yet. */
  prepare(entry: FeedEntry, organisation: FeedingOrganisation): Prepared;
  /** What a resource that withdraws what it said before (NotStored `withdraws`) does to the record: a delete of its item. */
  withdrawal?(entry: FeedEntry): Prepared;
  /** Writes one patient's prepared entries idempotently; returns a result per entry index. */
  write(nhsNumber: string, prepared: Array<{ entry: FeedEntry; prepared: Prepared }>, organisation: FeedingOrganisation): Promise<Map<number, EntryResult>>;
  /**
   * A transaction's writes (ingest/feedJournal): `stage` holds them beside the record, invisible to
   * readers until the journal entry commits; `settle` then moves them into the record. Both are
   * idempotent. A target without them writes directly, rolled forward by the journal after a crash.
   */
  stage?(nhsNumber: string, prepared: PreparedEntries<Prepared>, organisation: FeedingOrganisation, journalId: string): Promise<Map<number, EntryResult>>;
  settle?(nhsNumber: string, journalId: string): Promise<void>;
  /** How one patient's prepared entries are kept in the journal (sealed where the record is); default as they are. */
  journalCodec?: {
    seal(nhsNumber: string, journalId: string, prepared: PreparedEntries<Prepared>): unknown;
    open(nhsNumber: string, journalId: string, stored: unknown): PreparedEntries<Prepared>;
  };
}

export type PreparedEntries<Prepared> = Array<{ entry: FeedEntry; prepared: Prepared }>;

export interface PreparedBundle<Prepared> {
  type: BundleType | null;
  /** Errors. Those without an entry's expression concern the bundle itself. */
  issues: OutcomeIssue[];
  /** Information and warnings per entry (supporting resources, outside scope). */
  notes: OutcomeIssue[];
  /** Entries read but not for this feed to store: supporting resources and types it does not store. */
  unstored: UnstoredEntry[];
  byPatient: Map<string, PreparedEntries<Prepared>>;
  entryCount: number;
}

/**
 * The validate-and-map half of a feed: the whole bundle read and every entry prepared for the
 * target, grouped by patient. Nothing is written. What an issue means depends on the bundle type
 * (writablePart).
 */
export function prepareBundle<Prepared>(target: FeedTarget<Prepared>, bundle: unknown, organisation: FeedingOrganisation): PreparedBundle<Prepared> {
  const read = readFeedBundle(bundle, target.resourceTypesFor?.(organisation) ?? target.resourceTypes);
  const issues: OutcomeIssue[] = [...read.issues];
  const notes: OutcomeIssue[] = [...read.notes];
  const unstored: UnstoredEntry[] = [...read.unstored];
  const byPatient = new Map<string, PreparedEntries<Prepared>>();
  for (const entry of read.entries) {
    try {
      const prepared = target.prepare(entry, organisation);
      const entries = byPatient.get(entry.nhsNumber);
      if (entries) entries.push({ entry, prepared });
      else byPatient.set(entry.nhsNumber, [{ entry, prepared }]);
    } catch (error) {
      if (error instanceof NotStored) {
        // Not held in this case: a warning naming the type and why, never silent (H70).
        notes.push({ severity: 'warning', code: 'not-supported', diagnostics: `${entry.resourceType} not stored: ${error.message}`, expression: [`Bundle.entry[${entry.index}].resource`] });
        if (error.withdraws && target.withdrawal) {
          const entries = byPatient.get(entry.nhsNumber) ?? [];
          entries.push({ entry, prepared: target.withdrawal(entry) });
          byPatient.set(entry.nhsNumber, entries);
        } else unstored.push({ index: entry.index, resourceType: entry.resourceType, supporting: false });
        continue;
      }
      // A mapping meeting a value of a type it did not expect is a bad entry too, never a server error.
      const [path, diagnostics] = error instanceof FeedProblem ? [error.path, error.message] : [entry.resourceType, `${entry.resourceType} could not be mapped: an element has a type or shape this record cannot read`];
      issues.push({ severity: 'error', code: 'invalid', diagnostics, expression: [`Bundle.entry[${entry.index}].resource (${path})`] });
    }
  }
  return { type: read.type, issues, notes, unstored, byPatient, entryCount: read.entryCount };
}

/**
 * Why nothing of the bundle may be written, or null. FHIR: a transaction succeeds or fails as a
 * whole; in a batch (and a collection, which carries no processing rules of its own) each entry
 * stands alone, so only faults of the bundle itself, or every entry failing, stop it.
 */
export function bundleRefusal(prepared: PreparedBundle<unknown>): string | null {
  if (prepared.issues.length === 0) return null;
  const bundleLevel = prepared.issues.some((i) => !i.expression?.some((e) => e.startsWith('Bundle.entry[')));
  if (bundleLevel || prepared.type === 'transaction') return 'The bundle was not accepted; nothing was written. Fix the entries below and send it again.';
  if (prepared.byPatient.size === 0) return 'No entry of the bundle was accepted; nothing was written. Fix the entries below and send them again.';
  return null;
}

export type { OutcomeIssue };
