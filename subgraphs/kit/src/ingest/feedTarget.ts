import type { SharingStatus } from '../access/accessDecision';
import { readFeedBundle, type FeedEntry } from './feedBundle';
import { FeedProblem } from './feedProblem';
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

export type PreparedEntries<Prepared> = Array<{ entry: FeedEntry; prepared: Prepared }>;

/**
 * The validate-and-map half of a feed: the whole bundle read and every entry prepared for the
 * target, grouped by patient. Nothing is written; any issue means the bundle must be refused whole.
 */
export function prepareBundle<Prepared>(
  target: FeedTarget<Prepared>,
  bundle: unknown,
  organisation: FeedingOrganisation,
): { issues: OutcomeIssue[]; byPatient: Map<string, PreparedEntries<Prepared>> } {
  const read = readFeedBundle(bundle, target.resourceTypes);
  const issues: OutcomeIssue[] = [...read.issues];
  const byPatient = new Map<string, PreparedEntries<Prepared>>();
  for (const entry of read.entries) {
    try {
      const prepared = target.prepare(entry, organisation);
      const entries = byPatient.get(entry.nhsNumber);
      if (entries) entries.push({ entry, prepared });
      else byPatient.set(entry.nhsNumber, [{ entry, prepared }]);
    } catch (error) {
      if (!(error instanceof FeedProblem)) throw error;
      issues.push({ severity: 'error', code: 'invalid', diagnostics: error.message, expression: [`Bundle.entry[${entry.index}].resource (${error.path})`] });
    }
  }
  return { issues, byPatient };
}

export type { OutcomeIssue };
