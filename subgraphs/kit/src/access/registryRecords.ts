import { Connection, Schema } from 'mongoose';
import type { StagedAccessWrites } from './stagedAccess';

/**
 * The registry's access records. The registry writes them; every other subgraph reads them,
 * read-only, through the kit. One document per patient, keyed by NHS number, so that the access
 * decision for a patient is a single primary-key read (a batch of patients: one $in).
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

export interface PatientAccessRecord {
  _id: string;
  relationships: CareRelationshipRecord[];
  recordOptOut: RecordOptOutRecord | null;
  breakGlass: BreakGlassRecord[];
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

const patientAccessSchema = new Schema<PatientAccessRecord>(
  {
    _id: { type: String },
    relationships: [
      {
        _id: false,
        odsCode: String,
        organisationName: String,
        kind: String,
        from: Date,
        until: { type: Date, default: null },
        sourceId: String,
        versionKey: String,
      },
    ],
    recordOptOut: {
      type: new Schema(
        {
          status: String,
          recordedAt: Date,
          recordedBy: { userId: String, name: String, odsCode: String },
          practiceOdsCode: String,
          practiceName: String,
        },
        { _id: false },
      ),
      default: null,
    },
    breakGlass: [
      {
        _id: false,
        id: String,
        userId: String,
        userName: String,
        odsCode: String,
        jobRole: String,
        reason: String,
        detail: String,
        declaredAt: Date,
        expiresAt: Date,
      },
    ],
    revision: { type: Number, default: 0 },
    staged: { type: [{ _id: false, journal: String, changes: Schema.Types.Mixed, demographics: Schema.Types.Mixed }], default: undefined },
  },
  { collection: 'patientAccess', versionKey: false },
);

const optOutLogSchema = new Schema<OptOutLogRecord>(
  {
    nhsNumber: { type: String, required: true },
    status: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'optOutLog', versionKey: false },
);
optOutLogSchema.index({ recordedAt: 1 });

export function registryAccessModels(registryDb: Connection) {
  return {
    PatientAccess: registryDb.models.PatientAccess ?? registryDb.model<PatientAccessRecord>('PatientAccess', patientAccessSchema),
    OptOutLog: registryDb.models.OptOutLog ?? registryDb.model<OptOutLogRecord>('OptOutLog', optOutLogSchema),
  };
}
export type RegistryAccessModels = ReturnType<typeof registryAccessModels>;
