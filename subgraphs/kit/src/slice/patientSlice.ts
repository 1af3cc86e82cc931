import { Connection, Schema } from 'mongoose';

/**
 * One organisation subgraph's slice of a patient's record: a single document per patient, keyed by
 * NHS number, holding every panel. Opening a record is one primary-key read per subgraph, and a
 * caseload one $in, whatever the number of panels.
 */

export interface ProvenanceRecord {
  odsCode: string;
  organisationName: string;
  system: string;
  sourceId: string;
  version: string;
  /** ISO 8601, as the source gave it, normalised to UTC. */
  lastUpdated: string;
}

export interface SliceItem {
  /** "<ODS code>/<source id>": unique across organisations. */
  id: string;
  provenance: ProvenanceRecord;
  [field: string]: unknown;
}

/** A deleted item's last version, so that a late replay of an older version cannot bring it back. */
export interface Tombstone {
  id: string;
  versionKey: string;
}

/**
 * A feed transaction's writes to this patient, held beside the record until the transaction's
 * journal entry commits (ingest/feedJournal): sealed, bound to the patient and the journal id.
 */
export interface StagedWrites {
  journal: string;
  writes: { sealed: string };
}

export interface PatientSliceRecord {
  _id: string;
  /** As read; in the store a sealed panel is { sealed } (slice/panelEncryption). */
  panels: Record<string, SliceItem[]>;
  tombstones: Tombstone[];
  /** Optimistic concurrency for feeds: compare-and-set, no transactions. */
  revision: number;
  /** Transactions written but not yet moved into the panels; readers apply those whose journal committed. */
  staged?: StagedWrites[];
  /** Stored sealed, worked out whenever the panels are written (slice/freshness); absent on slices written before it was kept. */
  freshness?: unknown;
}

const patientSliceSchema = new Schema<PatientSliceRecord>(
  {
    _id: String,
    panels: { type: Schema.Types.Mixed, default: {} },
    tombstones: [{ _id: false, id: String, versionKey: String }],
    revision: { type: Number, default: 0 },
    staged: { type: [{ _id: false, journal: String, writes: Schema.Types.Mixed }], default: undefined },
    freshness: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: 'patientSlices', versionKey: false, minimize: false },
);

export function patientSliceModel(db: Connection) {
  return db.models.PatientSlice ?? db.model<PatientSliceRecord>('PatientSlice', patientSliceSchema);
}
export type PatientSliceModel = ReturnType<typeof patientSliceModel>;

/**
 * Orders versions of one item: later lastUpdated wins; on a tie, the higher version id.
 * Numeric version ids are compared as numbers ("10" after "9").
 */
/**
 * Whether a version (by versionKey) changes nothing against the one held: 'unchanged' for the same
 * version, 'stale' for an older one, null when it is newer or nothing is held. One rule for every
 * versioned write (slice items, care relationships).
 */
export function versionVerdict(next: string, held: string | undefined | null): 'unchanged' | 'stale' | null {
  if (!held) return null;
  return next === held ? 'unchanged' : next < held ? 'stale' : null;
}

export function versionKey(provenance: { lastUpdated: string; version: string }): string {
  const version = /^\d+$/.test(provenance.version) ? provenance.version.padStart(12, '0') : provenance.version;
  return `${new Date(provenance.lastUpdated).toISOString()}|${version}`;
}
