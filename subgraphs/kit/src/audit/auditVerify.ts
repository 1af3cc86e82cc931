import type { Connection } from 'mongoose';
import { auditModels, type AuditChainRecord, type StoredAuditEvent } from './auditRecords';
import type { AnchoredHead, AuditAnchor } from './auditAnchor';
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
  /** Every chain checked, with its events read and whether it held. */
  chainResults: Array<{ chainId: string; subgraph: string; events: number; ok: boolean; problem: string | null }>;
  /** The anchor the chains were checked against, when one was given. */
  anchor: { at: string; chains: number } | null;
}

type StoredEvent = StoredAuditEvent & { _id: unknown };

async function verifyChain(
  chain: AuditChainRecord,
  events: AsyncIterable<StoredEvent>,
  counted: () => void,
  anchored?: AnchoredHead,
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
    if (anchored && stored.seq === anchored.seq && stored.hash !== anchored.hash) {
      return at(event, `the event at the anchored head (seq ${anchored.seq}) has another hash than the anchor recorded: the chain was rewritten`);
    }
    prevHash = stored.hash;
    seq += 1;
  }
  if (anchored && anchored.seq >= seq) {
    return { chainId, seq, eventId: null, problem: `the chain ends at seq ${seq - 1} but the anchor of its head outside the database says seq ${anchored.seq}: events were cut off the end (and the head in the database rewritten to hide it)` };
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
  options: { onProgress?: (progress: AuditVerifyProgress) => void; progressEvery?: number; anchor?: AuditAnchor | null } = {},
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

  const anchoredHeads = new Map((options.anchor?.heads ?? []).map((h) => [h.chainId, h]));
  // A chain the anchor knows that the database no longer records was deleted with its record.
  for (const head of anchoredHeads.values()) {
    if (!known.has(head.chainId)) breaks.push({ chainId: head.chainId, seq: 0, eventId: null, problem: `the anchor records this chain up to seq ${head.seq}, but auditChains no longer has it (the chain was deleted)` });
  }
  const chainResults: AuditVerifyResult['chainResults'] = [];

  options.onProgress?.({ ...progress });
  for (const chain of chains) {
    const events = AuditEvent.find({ 'chain.chainId': chain._id }).sort({ 'chain.seq': 1 }).lean().cursor() as AsyncIterable<StoredEvent>;
    let read = 0;
    const broken = await verifyChain(
      chain,
      events,
      () => {
        read += 1;
        progress.eventsChecked += 1;
        if (progress.eventsChecked % every === 0) options.onProgress?.({ ...progress });
      },
      anchoredHeads.get(chain._id),
    );
    if (broken) breaks.push(broken);
    chainResults.push({ chainId: chain._id, subgraph: chain.subgraph, events: read, ok: !broken, problem: broken?.problem ?? null });
    progress.chainsChecked += 1;
    options.onProgress?.({ ...progress });
  }
  const anchor = options.anchor ? { at: options.anchor.at, chains: options.anchor.heads.length } : null;
  return { chains: chains.length, events: progress.eventsChecked, breaks, chainResults, anchor };
}
