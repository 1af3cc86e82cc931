import { Schema, type Connection } from 'mongoose';
import { anchorFile, latestAnchor } from './auditAnchor';
import { verifyAuditTrail, type AuditVerifyProgress, type AuditVerifyResult } from './auditVerify';

/**
 * Every verification run is kept (auditVerifications, in the audit store), whoever ran it (a privacy
 * officer from the console, or npm run audit:verify), so the console shows the last result of every
 * chain without anyone needing database access.
 */

export interface AuditVerificationRecord extends AuditVerifyResult {
  startedAt: Date;
  finishedAt: Date;
  /** Who ran it: a user's name and id, or the command. */
  by: string;
  /** Set when the anchor file could not be used (missing is not an error; altered is a break). */
  anchorProblem: string | null;
}

const verificationSchema = new Schema<AuditVerificationRecord>(
  { startedAt: Date, finishedAt: Date, by: String, chains: Number, events: Number, breaks: [Schema.Types.Mixed], chainResults: [Schema.Types.Mixed], anchor: Schema.Types.Mixed, anchorProblem: String },
  { collection: 'auditVerifications', versionKey: false },
);
verificationSchema.index({ finishedAt: -1 });

export function auditVerificationModel(auditDb: Connection) {
  return auditDb.models.AuditVerification ?? auditDb.model<AuditVerificationRecord>('AuditVerification', verificationSchema);
}

/** Verifies against the latest anchor (when the anchor file has one) and records the result. */
export async function runAuditVerification(
  auditDb: Connection,
  by: string,
  options: { anchorPath?: string; onProgress?: (progress: AuditVerifyProgress) => void } = {},
): Promise<AuditVerificationRecord> {
  const startedAt = new Date();
  let anchorProblem: string | null = null;
  let anchor = null;
  try {
    anchor = latestAnchor(options.anchorPath ?? anchorFile());
  } catch (error) {
    anchorProblem = (error as Error).message;
  }
  const result = await verifyAuditTrail(auditDb, { anchor, onProgress: options.onProgress });
  if (anchorProblem) result.breaks.push({ chainId: '(anchor file)', seq: 0, eventId: null, problem: anchorProblem });
  const record: AuditVerificationRecord = { ...result, startedAt, finishedAt: new Date(), by, anchorProblem };
  await auditVerificationModel(auditDb).create(record);
  return record;
}
