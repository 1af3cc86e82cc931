import DataLoader from 'dataloader';
import { ErrorCode } from '../errors';
import type { GatewayIdentity } from '../identity';
import { feedJournal } from '../ingest/feedJournal';
import { sharedFreshReadsByIds } from '../loaders';
import { accessError, decideAccess, type AccessDecision } from './accessDecision';
import type { PatientAccessRecord, RegistryAccessModels } from './registryRecords';
import { restrictionOf, type Restriction } from './restrictedRecord';
import { stagedJournalsOf, visibleAccessRecord } from './stagedAccess';

/**
 * The per-patient side of the access decision (accessDecision.ts) for one request: each patient's
 * access record read once, afresh for the request (an opt-out or an ended relationship counts from
 * the moment it is recorded), and each decision kept for the audit trail.
 */

/**
 * One per process: the access-record reads of all its requests. Never cached; concurrent requests
 * share a read (see sharedFreshReadsByIds), which spares the database one command per request
 * and subgraph under load. Each record is shown as the registry's feed journal says it stands
 * (access/stagedAccess): a registry transaction that has not committed grants and denies nothing,
 * in every subgraph alike. The journal lives in the registry's database beside the records; only
 * a read that meets staged writes costs the one lookup of their journal entries.
 */
export function accessRecordReads(models: RegistryAccessModels): DataLoader<string, PatientAccessRecord | null> {
  const raw = sharedFreshReadsByIds<PatientAccessRecord>(models.PatientAccess);
  const registryJournal = feedJournal(models.PatientAccess.db);
  return new DataLoader<string, PatientAccessRecord | null>(
    async (nhsNumbers) => {
      const records = await raw.loadMany(nhsNumbers);
      const pending = await registryJournal.pendingAmong(stagedJournalsOf(records));
      return records.map((record) => (record && !(record instanceof Error) ? visibleAccessRecord(record, pending) : record));
    },
    { cache: false, maxBatchSize: 100 },
  );
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

  /**
   * Whether the patient's record is restricted (access/restrictedRecord), from the same access record
   * the decision was made on: read once per request, so asking costs no database read.
   */
  async restriction(nhsNumber: string): Promise<Restriction> {
    return restrictionOf(await this.records.load(nhsNumber));
  }

  /** The registry knows no such patient: the same answer as opted out, and audited as such. */
  markUnknown(nhsNumber: string): void {
    this.decisions.set(nhsNumber, { allowed: false, code: ErrorCode.NO_SHARED_RECORD, reason: 'unknown-patient' });
  }

  async decide(nhsNumber: string): Promise<AccessDecision> {
    const known = this.decisions.get(nhsNumber);
    if (known) return known;
    const { odsCode, userId, profile, launchPatient } = this.identity;
    const decision = decideAccess({ action: 'openRecord', actor: { odsCode, userId, profile, launchPatient }, nhsNumber, patient: await this.records.load(nhsNumber) });
    this.decisions.set(nhsNumber, decision);
    return decision;
  }

  /** Throws the error the client should see; resolves when the patient may be shown. */
  async require(nhsNumber: string): Promise<Extract<AccessDecision, { allowed: true }>> {
    const decision = await this.decide(nhsNumber);
    if (!decision.allowed) throw accessError(decision);
    return decision;
  }
}
