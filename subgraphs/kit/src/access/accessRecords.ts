/**
 * The shapes of the registry's access records (one document per patient: relationships, opt-out,
 * break-glass), apart from their mongoose models (registryRecords.ts), so the access decision and
 * the staged writes can name them without importing the models.
 */

export interface CareRelationshipRecord {
  odsCode: string;
  organisationName: string;
  /** registration | admission | attendance | referral | open-case | outpatient */
  kind: string;
  from: Date;
  until: Date | null;
  /** The source item that formed it (e.g. the EpisodeOfCare id), for replays and ends. */
  sourceId: string;
  /** The source version that last set it: an older replay never overwrites it. */
  versionKey?: string;
}

export interface BreakGlassRecord {
  id: string;
  userId: string;
  userName: string;
  odsCode: string;
  jobRole: string;
  reason: string;
  detail: string;
  declaredAt: Date;
  expiresAt: Date;
}

export interface RecordOptOutRecord {
  status: 'opted-out' | 'opted-in';
  recordedAt: Date;
  recordedBy: { userId: string; name: string; odsCode: string };
  /** Kept after the purge: only this practice may record the opt-in. */
  practiceOdsCode: string;
  practiceName: string;
}

/**
 * The demographics source's restricted flag (Patient.meta.security R or V: PDS's sensitive flag), as
 * the patient's newest demographics say it. The registry writes it when it stores the demographics,
 * so every subgraph reading the access record knows it without another read (access/restrictedRecord).
 */
export interface RecordRestriction {
  restricted: boolean;
  /** The version of the demographics that set it: an older replay never overwrites it. */
  versionKey: string;
}

export interface PatientAccessRecord {
  _id: string;
  relationships: CareRelationshipRecord[];
  recordOptOut: RecordOptOutRecord | null;
  breakGlass: BreakGlassRecord[];
  /** Absent until the registry stores the patient's demographics (or for a record stored before it was kept): not known, so withheld as restricted. */
  restriction?: RecordRestriction;
  /** Optimistic concurrency: writers compare-and-set on it (no transactions needed). */
  revision: number;
  /** Registry feed transactions written but not yet moved in; readers apply those whose journal committed (access/stagedAccess). */
  staged?: StagedAccessWrites[];
}

/** Append-only log of opt-out changes; subgraphs follow it to purge their slices. */
export interface OptOutLogRecord {
  nhsNumber: string;
  status: 'opted-out' | 'opted-in';
  recordedAt: Date;
}

/** A registry feed transaction's writes held on the access record until its journal commits (stagedAccess.ts applies them). */
/** One change to the patient's care relationships, as the registry's feed prepared it. */
export type AccessChange =
  /** A relationship formed, changed (`relationship`) or removed (null) by the source item `sourceId`. */
  | { index: number; kind: 'relationship'; sourceId: string; relationship: CareRelationshipRecord | null; versionKey: string }
  /** Registration at a practice (from its Patient resource): ends registration at any other practice at `endOthersAt`. */
  | { index: number; kind: 'registration'; registration: CareRelationshipRecord; endOthersAt: Date }
  /** The restricted flag of the patient's demographics (from its Patient resource), by version. */
  | { index: number; kind: 'restriction'; restricted: boolean; versionKey: string };

export interface StagedAccessWrites {
  journal: string;
  changes: AccessChange[];
  /**
   * The demographics the transaction writes to the patient index (the registry's own record
   * shape; only the registry reads them): moved into the index when the transaction settles.
   */
  demographics?: Array<{ versionKey: string }>;
}
