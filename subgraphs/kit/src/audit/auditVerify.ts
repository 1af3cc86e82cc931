import type { Connection } from 'mongoose';
import { auditModels, type AuditChainRecord, type StoredAuditEvent } from './auditRecords';
import { genesisHash, sealHash } from './auditSeal';

/**
 * Checks the audit trail end to end: every chain in auditChains is read in seq order from the
 * stored documents, and each event must follow the one before it (seq + 1, prevHash = its hash),
 * re-hash to its own seal, and the chain must reach the head the writer recorded. Anyone who can
 * write to the store could rewrite a chain and its head together: keep copies of the heads
 * elsewhere (see docs/privacy-officers.md) to detect that too.
 */

export interface AuditBreak {
  chainId: string;
  /** The seq where the chain stops holding (the expected one, for a gap or a cut-off tail). */
  seq: number;
  /** The stored event at fault, or null when the fault is a missing event. */
  eventId: string | null;
  problem: string;
}

export interface AuditVerifyProgress {
  chainsChecked: number;
  chains: number;
  eventsChecked: number;
  events: number;
}

export interface AuditVerifyResult {
  chains: number;
  events: number;
  /** The first broken link of each broken chain (and events of chains nobody recorded). */
  breaks: AuditBreak[];
}

type StoredEvent = StoredAuditEvent & { _id: unknown };

async function verifyChain(
  chain: AuditChainRecord,
  events: AsyncIterable<StoredEvent>,
  counted: () => void,
): Promise<AuditBreak | null> {
  const chainId = chain._id;
  let seq = 0;
  let prevHash = genesisHash(chainId);
  const at = (event: StoredEvent, problem: string): AuditBreak => ({ chainId, seq: event.chain.seq, eventId: String(event._id), problem });
  for await (const event of events) {
    counted();
    const stored = event.chain;
    if (stored.seq > seq) {
      return { chainId, seq, eventId: null, problem: `seq gap: event${stored.seq - seq > 1 ? `s ${seq}..${stored.seq - 1} are` : ` ${seq} is`} missing (the next stored event is seq ${stored.seq}, ${String(event._id)})` };
    }
    if (stored.seq < seq) return at(event, `seq ${stored.seq} is stored twice`);
    if (stored.prevHash !== prevHash) return at(event, 'prevHash does not match the hash of the event before it (an event was replaced or re-sealed)');
    if (sealHash(event, chainId, stored.seq, stored.prevHash) !== stored.hash) {
      return at(event, 'content does not match its seal (the event was edited after it was written)');
    }
    prevHash = stored.hash;
    seq += 1;
  }
  const head = chain.head;
  if (head && head.seq >= seq) {
    return { chainId, seq, eventId: null, problem: `the chain ends at seq ${seq - 1} but its recorded head is seq ${head.seq}: events were cut off the end` };
  }
  // The head is written after each insert, so it may lag behind the last event, never lead it.
  return null;
}

export async function verifyAuditTrail(
  auditDb: Connection,
  options: { onProgress?: (progress: AuditVerifyProgress) => void; progressEvery?: number } = {},
): Promise<AuditVerifyResult> {
  const { AuditEvent, AuditChain } = auditModels(auditDb);
  const every = options.progressEvery ?? 10_000;
  // Per-chain counts give the progress total and reveal events whose chain record was removed.
  const counts = (await AuditEvent.aggregate([{ $group: { _id: '$chain.chainId', events: { $sum: 1 } } }]).exec()) as Array<{
    _id: string;
    events: number;
  }>;
  const chains = (await AuditChain.find({}).sort({ startedAt: 1, _id: 1 }).lean().exec()) as AuditChainRecord[];
  const known = new Set(chains.map((c) => c._id));
  const progress: AuditVerifyProgress = { chainsChecked: 0, chains: chains.length, eventsChecked: 0, events: counts.reduce((n, c) => n + c.events, 0) };
  const breaks: AuditBreak[] = counts
    .filter((c) => !known.has(c._id))
    .map((c) => ({ chainId: String(c._id), seq: 0, eventId: null, problem: `${c.events} events belong to a chain that auditChains does not record (the chain record was removed)` }));

  options.onProgress?.({ ...progress });
  for (const chain of chains) {
    const events = AuditEvent.find({ 'chain.chainId': chain._id }).sort({ 'chain.seq': 1 }).lean().cursor() as AsyncIterable<StoredEvent>;
    const broken = await verifyChain(chain, events, () => {
      progress.eventsChecked += 1;
      if (progress.eventsChecked % every === 0) options.onProgress?.({ ...progress });
    });
    if (broken) breaks.push(broken);
    progress.chainsChecked += 1;
    options.onProgress?.({ ...progress });
  }
  return { chains: chains.length, events: progress.eventsChecked, breaks };
}
