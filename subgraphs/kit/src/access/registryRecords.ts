import { Connection, Schema } from 'mongoose';
import type { OptOutLogRecord, PatientAccessRecord } from './accessRecords';

/**
 * The registry's access records. The registry writes them; every other subgraph reads them,
 * read-only, through the kit. One document per patient, keyed by NHS number, so that the access
 * decision for a patient is a single primary-key read (a batch of patients: one $in). Their
 * shapes are in accessRecords.ts.
 */

export type { BreakGlassRecord, CareRelationshipRecord, OptOutLogRecord, PatientAccessRecord, RecordOptOutRecord, RecordRestriction } from './accessRecords';

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
    restriction: { type: new Schema({ restricted: Boolean, versionKey: String }, { _id: false }), default: undefined },
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
