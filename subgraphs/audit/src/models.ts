import { Schema } from 'mongoose';
import { auditModels, type AuditUser, type SubgraphDatabases } from '@shareforyou/kit';
import { alertModel } from './alerts/alerts';
import { breakGlassUseModel } from './monitoring/breakGlassUses';
import { findingModels } from './monitoring/findingRecords';
import { lookHourModels } from './monitoring/lookHours';
import { staffModel } from './monitoring/staffDirectory';
import { patientIndexModel, sweepStateModel } from './monitoring/sweep';
import { organisationNameModel } from './names';
import type { BreakGlassReviewOutcome } from './reviewOutcome';

/**
 * The audit service's database is the audit store itself (`own` is the `audit` database): the
 * events and chains the kit writes, plus two small collections the privacy office maintains.
 */

export type { BreakGlassReviewOutcome };
export type StaffPatientRelation = 'self' | 'family' | 'neighbour';

/** Append-only: a later review of the same declaration is a new document, so history is kept. */
export interface BreakGlassReviewRecord {
  breakGlassId: string;
  outcome: BreakGlassReviewOutcome;
  note: string;
  reviewedBy: AuditUser;
  reviewedAt: Date;
}

/**
 * A member of staff linked to a patient: themselves, a relative or a neighbour. The audit service
 * never reads the patient index, so the privacy office derives these from the register (matching
 * staff names and addresses against patients) and records them here.
 */
export interface StaffPatientLinkRecord {
  userId: string;
  nhsNumber: string;
  relation: StaffPatientRelation;
  recordedBy: AuditUser;
  recordedAt: Date;
}

// Nested paths, as in the kit's auditEvents: who reviewed or recorded, as the gateway vouched.
const userShape = { id: { type: String, required: true }, name: String, odsCode: String, jobRole: String, profile: String };

const breakGlassReviewSchema = new Schema<BreakGlassReviewRecord>(
  {
    breakGlassId: { type: String, required: true },
    outcome: { type: String, required: true, enum: ['APPROPRIATE', 'INAPPROPRIATE', 'NEEDS_FOLLOW_UP'] },
    note: { type: String, required: true },
    reviewedBy: userShape,
    reviewedAt: { type: Date, required: true },
  },
  { collection: 'breakGlassReviews', versionKey: false },
);
// The queue looks up the reviews of the declarations it found: $in on breakGlassId, latest first.
breakGlassReviewSchema.index({ breakGlassId: 1, reviewedAt: -1 });

const staffPatientLinkSchema = new Schema<StaffPatientLinkRecord>(
  {
    userId: { type: String, required: true },
    nhsNumber: { type: String, required: true },
    relation: { type: String, required: true, enum: ['self', 'family', 'neighbour'] },
    recordedBy: userShape,
    recordedAt: { type: Date, required: true },
  },
  { collection: 'staffPatientLinks', versionKey: false },
);
// One link per staff member and patient (re-recording changes the relation); the reports walk
// the links of one relation kind, then ask the events index { user.id, at } per link.
staffPatientLinkSchema.index({ userId: 1, nhsNumber: 1 }, { unique: true });
staffPatientLinkSchema.index({ relation: 1, userId: 1 });

export function auditServiceModels(databases: SubgraphDatabases) {
  const db = databases.own;
  return {
    ...auditModels(db),
    BreakGlassReview: db.models.BreakGlassReview ?? db.model<BreakGlassReviewRecord>('BreakGlassReview', breakGlassReviewSchema),
    StaffPatientLink: db.models.StaffPatientLink ?? db.model<StaffPatientLinkRecord>('StaffPatientLink', staffPatientLinkSchema),
    /** The organisation register, read-only, for names. */
    OrganisationName: organisationNameModel(databases.registry),
    /** The registry's access records, read-only: the break-glass declarations' times. */
    PatientAccess: databases.access.PatientAccess,
    /** The patient index, read-only: family names and addresses for the monitoring. */
    PatientIndex: patientIndexModel(databases.registry),
    /** The staff directory (HR feed), in its own database beside the audit store. */
    Staff: staffModel(db),
    ...findingModels(db),
    SweepState: sweepStateModel(db),
    /** What was looked at under each break-glass declaration, kept by the sweep. */
    BreakGlassUse: breakGlassUseModel(db),
    /** The looks of each hour, kept by the look digest for the unusual volume and out-of-hours reports. */
    ...lookHourModels(db),
    Alert: alertModel(db),
  };
}
export type AuditServiceModels = ReturnType<typeof auditServiceModels>;
