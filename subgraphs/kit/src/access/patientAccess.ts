import DataLoader from 'dataloader';
import { loadPolicy, profileMaySee } from '@shareforyou/schema';
import { controlIsOn } from '../benchControls';
import { careRecordError, ErrorCode } from '../errors';
import type { GatewayIdentity } from '../identity';
import { sharedFreshReadsByIds } from '../loaders';
import type { BreakGlassRecord, PatientAccessRecord, RegistryAccessModels } from './registryRecords';

/**
 * The per-patient decision: may this user's organisation see this patient at all?
 * Opted out (or unknown to the registry) -> NO_SHARED_RECORD; no current care relationship and no
 * active break-glass -> NO_CARE_RELATIONSHIP. Decided per request from access records read afresh
 * for that request (an opt-out or an ended relationship counts from the moment it is recorded).
 */

export type AccessDecision =
  | { allowed: true; basis: 'care-relationship'; relationshipKinds: string[] }
  | { allowed: true; basis: 'break-glass'; breakGlass: BreakGlassRecord }
  | { allowed: false; code: typeof ErrorCode.NO_SHARED_RECORD | typeof ErrorCode.NO_CARE_RELATIONSHIP; reason: string };

export function decideAccess(identity: GatewayIdentity, record: PatientAccessRecord | null, now = new Date()): AccessDecision {
  if (record?.recordOptOut?.status === 'opted-out') {
    return { allowed: false, code: ErrorCode.NO_SHARED_RECORD, reason: 'opted-out' };
  }
  const current = (record?.relationships ?? []).filter(
    (r) => r.odsCode === identity.odsCode && r.from <= now && (r.until === null || r.until > now),
  );
  if (current.length > 0) {
    return { allowed: true, basis: 'care-relationship', relationshipKinds: [...new Set(current.map((r) => r.kind))] };
  }
  const breakGlass = (record?.breakGlass ?? []).find(
    (b) => b.userId === identity.userId && b.odsCode === identity.odsCode && b.expiresAt > now,
  );
  if (breakGlass) return { allowed: true, basis: 'break-glass', breakGlass };
  return { allowed: false, code: ErrorCode.NO_CARE_RELATIONSHIP, reason: 'no-care-relationship' };
}

export function accessError(decision: Extract<AccessDecision, { allowed: false }>) {
  return decision.code === ErrorCode.NO_SHARED_RECORD
    ? careRecordError(ErrorCode.NO_SHARED_RECORD, 'There is no shared record for this NHS number.')
    : careRecordError(
        ErrorCode.NO_CARE_RELATIONSHIP,
        'Your organisation has no current care relationship with this patient. In an emergency, a clinician can declare break-glass access.',
      );
}

/**
 * One per process: the access-record reads of all its requests. Never cached; concurrent requests
 * share a read (see sharedFreshReadsByIds), which spares the database one command per request
 * and subgraph under load.
 */
export function accessRecordReads(models: RegistryAccessModels): DataLoader<string, PatientAccessRecord | null> {
  return sharedFreshReadsByIds<PatientAccessRecord>(models.PatientAccess);
}
export type AccessRecordReads = ReturnType<typeof accessRecordReads>;

/** One per request: decisions are cached for the request and recorded for the audit trail. */
export class PatientAccess {
  readonly decisions = new Map<string, AccessDecision>();
  private readonly records: DataLoader<string, PatientAccessRecord | null>;

  constructor(
    private readonly identity: GatewayIdentity,
    reads: AccessRecordReads,
  ) {
    // Per request: each patient's record is read once and the request decides on that one read.
    this.records = new DataLoader((nhsNumbers) => reads.loadMany(nhsNumbers), { maxBatchSize: 100 });
  }

  /** The patient's access record (relationships, opt-out, break-glass), batched per request. */
  record(nhsNumber: string): Promise<PatientAccessRecord | null> {
    return this.records.load(nhsNumber);
  }

  /** The registry knows no such patient: the same answer as opted out, and audited as such. */
  markUnknown(nhsNumber: string): void {
    this.decisions.set(nhsNumber, { allowed: false, code: ErrorCode.NO_SHARED_RECORD, reason: 'unknown-patient' });
  }

  async decide(nhsNumber: string): Promise<AccessDecision> {
    const known = this.decisions.get(nhsNumber);
    if (known) return known;
    if (!controlIsOn('relationships')) return { allowed: true, basis: 'care-relationship', relationshipKinds: ['benchmark'] };
    const decision = decideAccess(this.identity, await this.records.load(nhsNumber));
    this.decisions.set(nhsNumber, decision);
    return decision;
  }

  /** Throws the error the client should see; resolves when the patient may be shown. */
  async require(nhsNumber: string): Promise<Extract<AccessDecision, { allowed: true }>> {
    if (!profileMaySee(loadPolicy(), this.identity.profile, 'recordAccess')) {
      throw careRecordError(ErrorCode.FORBIDDEN_FIELD, 'Your role does not give access to patient records.', {
        category: 'recordAccess',
      });
    }
    const decision = await this.decide(nhsNumber);
    if (!decision.allowed) throw accessError(decision);
    return decision;
  }
}
