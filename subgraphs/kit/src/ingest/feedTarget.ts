import type { FeedEntry } from './feedBundle';
import type { OutcomeIssue } from './operationOutcome';

/** The organisation feeding, as the register knows it. */
export interface FeedingOrganisation {
  odsCode: string;
  name: string;
  kind: string;
  sharingStatus: string;
  sourceSystem: string | null;
}

/** What happened to one entry. */
export type EntryResult = 'created' | 'updated' | 'unchanged' | 'stale' | 'deleted' | 'withheld' | 'refused-opted-out';

/**
 * Where a feed's entries go: an organisation subgraph's patient slices (kit: sliceFeedTarget) or
 * the registry's index and relationships (registry: registryFeedTarget). The kit's feed endpoint
 * does everything around it the same way for both.
 */
export interface FeedTarget<Prepared> {
  resourceTypes: Set<string>;
  /** Why this organisation may not feed here, or null when it may. */
  refuseOrganisation(organisation: FeedingOrganisation): string | null;
  /** Pure and total over the bundle: throw FeedProblem for a bad entry. Nothing is written yet. */
  prepare(entry: FeedEntry, organisation: FeedingOrganisation): Prepared;
  /** Writes one patient's prepared entries idempotently; returns a result per entry index. */
  write(nhsNumber: string, prepared: Array<{ entry: FeedEntry; prepared: Prepared }>, organisation: FeedingOrganisation): Promise<Map<number, EntryResult>>;
}

export type { OutcomeIssue };
