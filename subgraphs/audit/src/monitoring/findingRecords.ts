import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import type { AuditUser } from '@shareforyou/kit';
import type { BreakGlassReviewOutcome } from '../reviewOutcome';
import type { FindingKind } from './matching';

/** The monitoring findings' stored shapes and models (their queries and reviews are in findings.ts). */

export interface MonitoringFindingRecord {
  /** `${kind}:${userId}:${nhsNumber}` */
  _id: string;
  kind: FindingKind;
  score: number;
  user: AuditUser;
  nhsNumber: string;
  firstAccess: Date;
  lastAccess: Date;
  requestIds: string[];
  raisedAt: Date;
}

export interface FindingReviewRecord {
  findingId: string;
  outcome: BreakGlassReviewOutcome;
  note: string;
  reviewedBy: AuditUser;
  reviewedAt: Date;
}

/** A user as the monitoring records keep them (the gateway's identity at the look). */
export const userShape = { id: String, name: String, odsCode: String, jobRole: String, profile: String, familyName: String };
const findingSchema = new Schema<MonitoringFindingRecord>(
  {
    _id: String,
    kind: { type: String, required: true },
    score: { type: Number, required: true },
    user: userShape,
    nhsNumber: { type: String, required: true },
    firstAccess: Date,
    lastAccess: Date,
    requestIds: [String],
    raisedAt: Date,
  },
  { collection: 'monitoringFindings', versionKey: false },
);
findingSchema.index({ lastAccess: -1 });
findingSchema.index({ kind: 1, lastAccess: -1 });

const findingReviewSchema = new Schema<FindingReviewRecord>(
  {
    findingId: { type: String, required: true },
    outcome: { type: String, required: true, enum: ['APPROPRIATE', 'INAPPROPRIATE', 'NEEDS_FOLLOW_UP'] },
    note: { type: String, required: true },
    reviewedBy: userShape,
    reviewedAt: { type: Date, required: true },
  },
  { collection: 'monitoringFindingReviews', versionKey: false },
);
findingReviewSchema.index({ findingId: 1, reviewedAt: -1 });

export function findingModels(auditDb: Connection) {
  return {
    MonitoringFinding: auditDb.models.MonitoringFinding ?? auditDb.model<MonitoringFindingRecord>('MonitoringFinding', findingSchema),
    FindingReview: auditDb.models.FindingReview ?? auditDb.model<FindingReviewRecord>('FindingReview', findingReviewSchema),
  };
}
