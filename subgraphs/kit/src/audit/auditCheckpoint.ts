import { sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Schema, type Connection } from 'mongoose';
import { readSecret } from '../secrets';

/**
 * Checkpoints: what a verification proved, so the next one reads only what came after. Each is a
 * list of chain links (chainId → seq, hash, and the event's id), signed with the anchor key
 * (Ed25519) like the anchors outside the database, and kept in the audit store (auditCheckpoints).
 * The store is writable by whoever can write events, so the signature is what makes a checkpoint
 * trustworthy: an edited or forged one is refused (and reported) and the run verifies from the
 * genesis instead. Deleting checkpoints only makes the next run longer, never weaker.
 *
 * What a checkpoint does not prove: that nothing before it changed since. That is --full's job, on
 * a schedule (docs/privacy-officers.md).
 */

export interface CheckpointLink {
  chainId: string;
  /** The last event the checkpoint vouches for; the next run starts by checking it again. */
  seq: number;
  hash: string;
  prevHash: string;
  /** Its _id: read by the primary key, never a scan. */
  eventId: string;
}

export interface AuditCheckpoint {
  at: string;
  /** Every event after the links was built at or after this time: the next run reads from here (index on at). */
  readFrom: string;
  /** Whether the run that proved it read every event from the genesis. */
  full: boolean;
  links: CheckpointLink[];
}

interface StoredCheckpoint {
  _id?: unknown;
  at: Date;
  checkpoint: AuditCheckpoint;
  signature: string;
}

const checkpointSchema = new Schema<StoredCheckpoint>({ at: Date, checkpoint: Schema.Types.Mixed, signature: String }, { collection: 'auditCheckpoints', versionKey: false });
// The latest one is read by every run.
checkpointSchema.index({ at: -1 });

export function auditCheckpointModel(auditDb: Connection) {
  return auditDb.models.AuditCheckpoint ?? auditDb.model<StoredCheckpoint>('AuditCheckpoint', checkpointSchema);
}

const signedText = (checkpoint: AuditCheckpoint) => Buffer.from(canonicalize(checkpoint)!);

export function signCheckpoint(checkpoint: AuditCheckpoint): string {
  return sign(null, signedText(checkpoint), readSecret('auditAnchorPrivate')).toString('base64');
}

export function checkpointSignatureHolds(checkpoint: AuditCheckpoint, signature: string): boolean {
  try {
    return verify(null, signedText(checkpoint), readSecret('auditAnchorPublic'), Buffer.from(signature ?? '', 'base64'));
  } catch {
    return false;
  }
}

/**
 * The latest checkpoint, or null when there is none; throws when the latest one's signature does
 * not verify (someone wrote to the checkpoint store), naming what to do.
 */
export async function latestCheckpoint(auditDb: Connection): Promise<AuditCheckpoint | null> {
  const stored = (await auditCheckpointModel(auditDb).findOne({}).sort({ at: -1 }).lean().exec()) as StoredCheckpoint | null;
  if (!stored) return null;
  if (!stored.checkpoint || !Array.isArray(stored.checkpoint.links) || !checkpointSignatureHolds(stored.checkpoint, stored.signature)) {
    throw new Error(
      `the latest checkpoint (auditCheckpoints, ${String(stored._id)}, of ${new Date(stored.at).toISOString()}) does not carry a valid signature: the checkpoint store was altered. ` +
        'It was refused and every chain verified from its genesis instead; keep the store as it is for the investigation',
    );
  }
  return stored.checkpoint;
}

/** Signs and stores a checkpoint; returns false (and says why) when the signing key is not available here. */
export async function saveCheckpoint(auditDb: Connection, checkpoint: AuditCheckpoint): Promise<{ saved: boolean; problem: string | null }> {
  let signature: string;
  try {
    signature = signCheckpoint(checkpoint);
  } catch (error) {
    return { saved: false, problem: `no checkpoint written, so the next run reads as much again: ${(error as Error).message}` };
  }
  await auditCheckpointModel(auditDb).create({ at: new Date(checkpoint.at), checkpoint, signature });
  return { saved: true, problem: null };
}
