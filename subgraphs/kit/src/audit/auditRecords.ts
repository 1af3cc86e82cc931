import { Connection, Schema } from 'mongoose';

/**
 * The audit store: one auditEvent per request, subgraph and patient (null for calls that are not
 * about one patient, such as a trace or an access-log query). Events are sealed into hash chains,
 * one chain per running service instance, so an edited, inserted or deleted event breaks a link.
 *
 * Scale: at hundreds of millions of events, shard auditEvents on { nhsNumber: "hashed" } (the
 * per-patient queries then hit one shard; the "newest first" log is a scatter-gather over the
 * {at} index); chains stay per instance, so no cross-shard ordering is ever needed.
 */

/** One field coordinate of an event, as the access log shows it. */
export interface AuditedField {
  /** Schema coordinate, e.g. "Patient.medications". */
  coordinate: string;
  outcome: 'allowed' | 'denied';
  /** The error code when denied (FORBIDDEN_FIELD, NO_CARE_RELATIONSHIP, ...). */
  reason: string | null;
}

/** A coordinate the subgraph refused, and why. */
export interface AuditDenial {
  coordinate: string;
  /** The error code (FORBIDDEN_FIELD, NO_CARE_RELATIONSHIP, ...). */
  reason: string;
}

export interface AuditUser {
  id: string;
  name: string;
  odsCode: string;
  jobRole: string;
  profile: string;
}

export interface AuditBreakGlass {
  id: string;
  reason: string;
  detail: string;
}

/** What the plugin records; the chain seal is added by the trail writer. */
export interface AuditEventContent {
  requestId: string;
  at: Date;
  subgraph: string;
  operationName: string | null;
  user: AuditUser;
  nhsNumber: string | null;
  /**
   * The coordinates resolved and returned, sorted. Stored as plain strings, with the (rare) denials
   * apart: an event lists every coordinate of a record summary, and one object per coordinate made
   * each event about three times larger and its insert two and a half times as slow (docs/performance.md).
   */
  viewed: string[];
  /** The coordinates refused, sorted by coordinate. */
  denials: AuditDenial[];
  categories: string[];
  /** Any denial in this event (the monitoring reports filter on it). */
  denied: boolean;
  breakGlass: AuditBreakGlass | null;
  /** Root-field arguments that are not patient data (e.g. the filters of an access-log query). */
  detail: Record<string, unknown> | null;
}

export interface AuditSeal {
  chainId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

export interface AuditEventRecord extends AuditEventContent {
  chain: AuditSeal;
}

/** An event as read back from the store. */
export type StoredAuditEvent = AuditEventRecord;

/** The event's coordinates as the access log lists them: sorted by coordinate, allowed before denied. */
export function auditedFields(event: AuditEventContent): AuditedField[] {
  return [
    ...event.viewed.map((coordinate): AuditedField => ({ coordinate, outcome: 'allowed', reason: null })),
    ...event.denials.map(({ coordinate, reason }): AuditedField => ({ coordinate, outcome: 'denied', reason })),
  ].sort((a, b) => a.coordinate.localeCompare(b.coordinate) || a.outcome.localeCompare(b.outcome));
}

export interface AuditChainRecord {
  _id: string;
  subgraph: string;
  startedAt: Date;
  /** Last sealed event, written at most every 250 ms and when the service stops: verify checks that no tail was cut off. */
  head: { seq: number; hash: string } | null;
}

const auditEventSchema = new Schema<AuditEventRecord>(
  {
    requestId: { type: String, required: true },
    at: { type: Date, required: true },
    subgraph: { type: String, required: true },
    operationName: { type: String, default: null },
    user: {
      id: { type: String, required: true },
      name: String,
      odsCode: { type: String, required: true },
      jobRole: String,
      profile: String,
    },
    nhsNumber: { type: String, default: null },
    viewed: [String],
    denials: [{ _id: false, coordinate: String, reason: String }],
    categories: [String],
    denied: { type: Boolean, required: true },
    breakGlass: { type: new Schema({ id: String, reason: String, detail: String }, { _id: false }), default: null },
    detail: { type: Schema.Types.Mixed, default: null },
    chain: {
      chainId: { type: String, required: true },
      seq: { type: Number, required: true },
      prevHash: { type: String, required: true },
      hash: { type: String, required: true },
    },
  },
  // Fail closed fast: a write waits at most 2 s for an unreachable store.
  { collection: 'auditEvents', versionKey: false, minimize: false, bufferTimeoutMS: 2_000 },
);
// One index per query path of the access log and the monitoring reports.
auditEventSchema.index({ 'chain.chainId': 1, 'chain.seq': 1 }, { unique: true });
auditEventSchema.index({ nhsNumber: 1, at: -1 });
auditEventSchema.index({ 'user.id': 1, at: -1 });
auditEventSchema.index({ 'user.odsCode': 1, at: -1 });
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ 'breakGlass.id': 1, at: -1 });
auditEventSchema.index({ denied: 1, at: -1 });
auditEventSchema.index({ requestId: 1 });

const auditChainSchema = new Schema<AuditChainRecord>(
  {
    _id: String,
    subgraph: String,
    startedAt: Date,
    head: { type: new Schema({ seq: Number, hash: String }, { _id: false }), default: null },
  },
  { collection: 'auditChains', versionKey: false, bufferTimeoutMS: 2_000 },
);

export function auditModels(auditDb: Connection) {
  return {
    AuditEvent: auditDb.models.AuditEvent ?? auditDb.model<AuditEventRecord>('AuditEvent', auditEventSchema),
    AuditChain: auditDb.models.AuditChain ?? auditDb.model<AuditChainRecord>('AuditChain', auditChainSchema),
  };
}
export type AuditModels = ReturnType<typeof auditModels>;
