import { Schema, type Connection } from 'mongoose';
import { anchorFile, latestAnchor } from './auditAnchor';
import { latestCheckpoint, saveCheckpoint, type AuditCheckpoint } from './auditCheckpoint';
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
  /** Set when no checkpoint could be used or written (a refused one is also a break). */
  checkpointProblem?: string | null;
}

const verificationSchema = new Schema<AuditVerificationRecord>(
  {
    startedAt: Date,
    finishedAt: Date,
    by: String,
    chains: Number,
    events: Number,
    breaks: [Schema.Types.Mixed],
    chainResults: [Schema.Types.Mixed],
    anchor: Schema.Types.Mixed,
    anchorProblem: String,
    full: Boolean,
    since: String,
    checkpointProblem: String,
  },
  { collection: 'auditVerifications', versionKey: false },
);
verificationSchema.index({ finishedAt: -1 });

export function auditVerificationModel(auditDb: Connection) {
  return auditDb.models.AuditVerification ?? auditDb.model<AuditVerificationRecord>('AuditVerification', verificationSchema);
}

/**
 * Verifies against the latest anchor (when the anchor file has one) and records the result. From
 * the latest signed checkpoint unless `full` (or there is none yet); a checkpoint whose signature
 * fails is refused, reported as a break, and the run reads everything instead. A new checkpoint is
 * signed and stored after every run, so the next one starts where this one ended.
 */
export async function runAuditVerification(
  auditDb: Connection,
  by: string,
  options: { anchorPath?: string; onProgress?: (progress: AuditVerifyProgress) => void; full?: boolean; recheck?: number } = {},
): Promise<AuditVerificationRecord> {
  const startedAt = new Date();
  let anchorProblem: string | null = null;
  let anchor = null;
  try {
    anchor = latestAnchor(options.anchorPath ?? anchorFile());
  } catch (error) {
    anchorProblem = (error as Error).message;
  }
  let checkpoint: AuditCheckpoint | null = null;
  let refused: string | null = null;
  if (!options.full) {
    try {
      checkpoint = await latestCheckpoint(auditDb);
    } catch (error) {
      refused = (error as Error).message;
    }
  }
  const { nextCheckpoint, ...result } = await verifyAuditTrail(auditDb, { anchor, checkpoint, onProgress: options.onProgress, recheck: options.recheck });
  if (anchorProblem) result.breaks.push({ chainId: '(anchor file)', seq: 0, eventId: null, problem: anchorProblem });
  if (refused) result.breaks.push({ chainId: '(checkpoint)', seq: 0, eventId: null, problem: refused });
  const saved = await saveCheckpoint(auditDb, nextCheckpoint);
  const record: AuditVerificationRecord = { ...result, startedAt, finishedAt: new Date(), by, anchorProblem, checkpointProblem: refused ?? saved.problem };
  await auditVerificationModel(auditDb).create(record);
  return record;
}
