import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import type { AuditVerifyProgress } from './auditVerify';
import { runAuditVerification, type AuditVerificationRecord } from './auditVerifications';

/**
 * A verification as a background job that the console follows (issues #19.8, #20.2): starting one
 * answers at once with the job; the run goes on in the audit service, writing its progress to the
 * job every PROGRESS_MS; the console reads the job until it is done. One runs at a time across every
 * audit instance: a start while one runs (its heartbeat fresh) answers with the running one. A job
 * whose instance died (no heartbeat for STALE_MS) no longer blocks the next.
 */

export type VerificationJobState = 'running' | 'done' | 'failed';

export interface AuditVerificationJobRecord {
  _id: string;
  state: VerificationJobState;
  full: boolean;
  by: string;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  progress: AuditVerifyProgress;
  /** The finished verification's record (in auditVerifications). */
  result: AuditVerificationRecord | null;
  error: string | null;
}

interface VerificationLock {
  _id: string;
  jobId: string;
  heartbeatAt: Date;
}

const PROGRESS_MS = 1_000;
const STALE_MS = 30_000;
const LOCK_ID = 'verification';
const DUPLICATE_KEY = 11000;

const jobSchema = new Schema<AuditVerificationJobRecord>(
  {
    _id: String,
    state: String,
    full: Boolean,
    by: String,
    startedAt: Date,
    heartbeatAt: Date,
    finishedAt: Date,
    progress: Schema.Types.Mixed,
    result: Schema.Types.Mixed,
    error: String,
  },
  { collection: 'auditVerificationJobs', versionKey: false },
);
jobSchema.index({ startedAt: -1 });
const lockSchema = new Schema<VerificationLock>({ _id: String, jobId: String, heartbeatAt: Date }, { collection: 'auditVerificationLock', versionKey: false });

export function auditVerificationJobModels(auditDb: Connection) {
  return {
    Job: auditDb.models.AuditVerificationJob ?? auditDb.model<AuditVerificationJobRecord>('AuditVerificationJob', jobSchema),
    Lock: auditDb.models.AuditVerificationLock ?? auditDb.model<VerificationLock>('AuditVerificationLock', lockSchema),
  };
}

/** Takes the one verification slot for jobId; false when a live job holds it. */
async function claim(auditDb: Connection, jobId: string, now: Date): Promise<boolean> {
  const { Lock } = auditVerificationJobModels(auditDb);
  const stale = new Date(now.getTime() - STALE_MS);
  const { matchedCount } = await Lock.updateOne({ _id: LOCK_ID, heartbeatAt: { $lt: stale } }, { $set: { jobId, heartbeatAt: now } }).exec();
  if (matchedCount === 1) return true;
  try {
    await Lock.create({ _id: LOCK_ID, jobId, heartbeatAt: now });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** The job now running, or a new one started in the background; answers at once. */
export async function startAuditVerificationJob(auditDb: Connection, by: string, options: { full?: boolean; log?: (error: Error) => void } = {}): Promise<AuditVerificationJobRecord> {
  const { Job, Lock } = auditVerificationJobModels(auditDb);
  const now = new Date();
  const jobId = randomUUID();
  const job: AuditVerificationJobRecord = {
    _id: jobId,
    state: 'running',
    full: options.full === true,
    by,
    startedAt: now,
    heartbeatAt: now,
    finishedAt: null,
    progress: { chainsChecked: 0, chains: 0, eventsChecked: 0, events: 0 },
    result: null,
    error: null,
  };
  // The job is written before the slot is claimed, so a start that loses the claim always finds the
  // winner's job: it once found none (the winner had claimed but not yet written it) and ran a second
  // verification beside the first.
  await Job.create(job);
  if (!(await claim(auditDb, jobId, now))) {
    await Job.deleteOne({ _id: jobId }).exec();
    const lock = (await Lock.findById(LOCK_ID).lean().exec()) as VerificationLock | null;
    const running = lock && ((await Job.findById(lock.jobId).lean().exec()) as AuditVerificationJobRecord | null);
    if (running) return running;
    throw new Error('Another verification is starting just now; ask again in a moment.');
  }
  void runJob(auditDb, job, options.log);
  return job;
}

async function runJob(auditDb: Connection, job: AuditVerificationJobRecord, log?: (error: Error) => void): Promise<void> {
  const { Job, Lock } = auditVerificationJobModels(auditDb);
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const beat = (progress: AuditVerifyProgress) => {
    const now = Date.now();
    if (now - lastWrite < PROGRESS_MS) return;
    lastWrite = now;
    const at = new Date(now);
    writing = Promise.all([
      Job.updateOne({ _id: job._id }, { $set: { progress, heartbeatAt: at } }).exec(),
      Lock.updateOne({ _id: LOCK_ID, jobId: job._id }, { $set: { heartbeatAt: at } }).exec(),
    ]).catch((error: Error) => log?.(error));
  };
  try {
    const result = await runAuditVerification(auditDb, job.by, { full: job.full, onProgress: beat });
    await writing;
    const progress = { chainsChecked: result.chains, chains: result.chains, eventsChecked: result.events, events: result.events };
    await Job.updateOne({ _id: job._id }, { $set: { state: 'done', finishedAt: new Date(), progress, result } }).exec();
  } catch (error) {
    log?.(error as Error);
    await Job.updateOne({ _id: job._id }, { $set: { state: 'failed', finishedAt: new Date(), error: (error as Error).message.slice(0, 500) } }).exec().catch(() => undefined);
  } finally {
    // The slot is free at once for the next run.
    await Lock.updateOne({ _id: LOCK_ID, jobId: job._id }, { $set: { heartbeatAt: new Date(0) } }).exec().catch(() => undefined);
  }
}

/** A job by id, or the latest one started. */
export async function auditVerificationJob(auditDb: Connection, id?: string | null): Promise<AuditVerificationJobRecord | null> {
  const { Job } = auditVerificationJobModels(auditDb);
  return (await (id ? Job.findById(id) : Job.findOne({}).sort({ startedAt: -1 })).lean().exec()) as AuditVerificationJobRecord | null;
}
