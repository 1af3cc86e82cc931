import type { EntryResult } from '../ingest/feedTarget';
import { versionVerdict } from '../slice/patientSlice';
import type { AccessChange, CareRelationshipRecord, PatientAccessRecord, RecordRestriction } from './accessRecords';

/**
 * A registry feed transaction's writes to one patient, held on the patient's access record until
 * the transaction's journal entry commits (ingest/feedJournal), like a slice's staged writes. Every
 * subgraph reads the access record to decide who may open the patient, so every reader applies the
 * same changes the same way, here: the staged writes of a pending transaction grant and deny
 * nothing; once it commits, all of them count at once, before and after they are moved in.
 */

export type { AccessChange, StagedAccessWrites } from './accessRecords';

/** A relationship by its source item, by version: newer wins, an older replay changes nothing. */
export function applyRelationship(relationships: CareRelationshipRecord[], sourceId: string, next: CareRelationshipRecord | null, key: string): EntryResult {
  const existing = relationships.find((r) => r.sourceId === sourceId);
  const verdict = versionVerdict(key, existing?.versionKey);
  if (verdict) return verdict;
  const index = existing ? relationships.indexOf(existing) : -1;
  if (!next) {
    if (index < 0) return 'not-held';
    relationships.splice(index, 1);
    return 'deleted';
  }
  if (index >= 0) relationships[index] = next;
  else relationships.push(next);
  return existing ? 'updated' : 'created';
}

/** The changes applied in order to `relationships` (changed in place); what each relationship entry did. */
export function applyAccessChanges(relationships: CareRelationshipRecord[], changes: AccessChange[]): Map<number, EntryResult> {
  const results = new Map<number, EntryResult>();
  for (const change of changes) {
    if (change.kind === 'relationship') {
      results.set(change.index, applyRelationship(relationships, change.sourceId, change.relationship, change.versionKey));
      continue;
    }
    if (change.kind === 'restriction') continue; // restrictionAfter
    const { registration, endOthersAt } = change;
    const open = relationships.find((r) => r.sourceId === registration.sourceId && r.until === null);
    if (!open) applyRelationship(relationships, registration.sourceId, registration, registration.versionKey ?? '');
    // A new registration ends registration at any other practice.
    for (const r of relationships) if (r.kind === 'registration' && r.odsCode !== registration.odsCode && r.until === null) r.until = new Date(endOthersAt);
  }
  return results;
}

/** The restricted flag after these changes: each by version, newer wins, an older replay changes nothing. */
export function restrictionAfter(current: RecordRestriction | undefined, changes: AccessChange[]): RecordRestriction | undefined {
  let restriction = current;
  for (const change of changes) {
    if (change.kind !== 'restriction' || versionVerdict(change.versionKey, restriction?.versionKey)) continue;
    restriction = { restricted: change.restricted, versionKey: change.versionKey };
  }
  return restriction;
}

/**
 * The access record as every reader sees it: its relationships and restricted flag with the staged
 * changes of every transaction that is no longer pending (`pendingJournals` names those that are) applied, and only
 * those transactions' staged writes kept on it (the registry reads their demographics).
 */
export function visibleAccessRecord(record: PatientAccessRecord, pendingJournals: Set<string>): PatientAccessRecord {
  if (!record.staged?.length) return record;
  const committed = record.staged.filter((s) => !pendingJournals.has(s.journal));
  const relationships = (record.relationships ?? []).map((r) => ({ ...r }));
  for (const staged of committed) applyAccessChanges(relationships, staged.changes);
  const restriction = restrictionAfter(record.restriction, committed.flatMap((s) => s.changes));
  return { ...record, relationships, ...(restriction ? { restriction } : {}), staged: committed };
}

/** The journal ids staged on these records, access records or slices (the reader asks which of them are still pending). */
export function stagedJournalsOf(records: Array<{ staged?: Array<{ journal: string }> } | null | Error>): string[] {
  return [...new Set(records.flatMap((r) => (r && !(r instanceof Error) ? (r.staged ?? []).map((s) => s.journal) : [])))];
}
