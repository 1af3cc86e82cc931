import { Types, type Connection } from 'mongoose';
import { auditModels, type AuditChainRecord } from './auditRecords';
import type { AuditAnchor } from './auditAnchor';
import { ChainWalk, type AuditBreak, type WalkedEvent, type WalkStart } from './auditChainWalk';
import type { AuditCheckpoint, CheckpointLink } from './auditCheckpoint';
import { genesisHash } from './auditSeal';

export type { AuditBreak } from './auditChainWalk';

/**
 * Checks the audit trail: each event must follow the one before it in its chain (seq + 1, prevHash =
 * its hash), re-hash to its own seal, and every chain must reach the head the writer recorded and the
 * head anchored outside the database. Anyone who can write to the store could rewrite a chain and
 * its head together: the anchors (auditAnchor.ts) find that too.
 *
 * Two ways to read, one set of rules (auditChainWalk.ts):
 *   - full (no checkpoint): ONE pass over the whole collection in its natural order, every chain
 *     walked at once. It used to read chain by chain, sorted by seq, after a per-chain count: on
 *     the local engine neither the nested chain.chainId filter nor the sort uses an index, so every
 *     chain was a scan of the whole store and a run cost (chains + 1) full scans, about 8 ms an
 *     event at 10,000 events over a score of chains (docs/performance.md, issue 20).
 *   - from a signed checkpoint: the checkpoint's events by _id, then the events built since its
 *     readFrom (a range of the { at } index), so a run reads about what was written since the last.
 *     A chain that does not add up from that read (a gap, short of its head or anchor) is read again
 *     from the checkpoint in seq order before anything is concluded, so the time field can make a
 *     run slower, never wrong.
 */

export interface AuditVerifyProgress {
  chainsChecked: number;
  chains: number;
  eventsChecked: number;
  /** An estimate from the chain heads (counting the store would be a scan of its own). */
  events: number;
}

export interface AuditVerifyResult {
  chains: number;
  events: number;
  /** The first broken link of each broken chain (and events of chains nobody recorded). */
  breaks: AuditBreak[];
  /** Every chain, with the events read and whether it held. */
  chainResults: Array<{ chainId: string; subgraph: string; events: number; ok: boolean; problem: string | null }>;
  /** The anchor the chains were checked against, when one was given. */
  anchor: { at: string; chains: number } | null;
  /** Whether every event was read from the genesis (no checkpoint). */
  full?: boolean;
  /** The checkpoint the run started from (its time), when it had one. */
  since?: string | null;
}

export interface AuditVerifyOptions {
  onProgress?: (progress: AuditVerifyProgress) => void;
  progressEvery?: number;
  anchor?: AuditAnchor | null;
  /** Start from this (already signature-checked) checkpoint; without one every event is read. */
  checkpoint?: AuditCheckpoint | null;
  /** How many of each chain's newest verified events the next checkpoint leaves to be read again. Default RECHECK_EVENTS. */
  recheck?: number;
  batchSize?: number;
}

/**
 * The next checkpoint trails each chain's verified end by this many events, so every run re-reads a
 * chain's newest events even when a run before it proved them: an edit made soon after the fact
 * (someone hiding a look they just made, the likeliest tampering) is found by every run, not only by
 * --full. About 0.2 s a chain at the verifier's rate; AUDIT_VERIFY_RECHECK overrides it.
 */
export const RECHECK_EVENTS = 10_000;
/** An event may be written this long after it was built (the sweep allows 30 s); the next run reads from this much before. */
export const LATE_WRITE_MS = 5 * 60_000;
const BATCH = 5_000;

export function recheckEvents(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.AUDIT_VERIFY_RECHECK ?? RECHECK_EVENTS);
  return Number.isInteger(n) && n >= 0 ? n : RECHECK_EVENTS;
}

export async function verifyAuditTrail(
  auditDb: Connection,
  options: AuditVerifyOptions = {},
): Promise<AuditVerifyResult & { nextCheckpoint: AuditCheckpoint }> {
  const { AuditEvent, AuditChain } = auditModels(auditDb);
  const startedAt = new Date();
  const every = options.progressEvery ?? 10_000;
  const recheck = options.recheck ?? recheckEvents();
  const batchSize = options.batchSize ?? BATCH;
  const checkpoint = options.checkpoint ?? null;
  const chains = (await AuditChain.find({}).sort({ startedAt: 1, _id: 1 }).lean().exec()) as AuditChainRecord[];
  const known = new Map(chains.map((c) => [c._id, c]));
  const links = new Map((checkpoint?.links ?? []).map((l) => [l.chainId, l]));
  const anchoredHeads = new Map((options.anchor?.heads ?? []).map((h) => [h.chainId, h]));
  const breaks: AuditBreak[] = [];

  // A chain a checkpoint or the anchor knows that the database no longer records was deleted with its record.
  for (const link of links.values()) {
    if (!known.has(link.chainId)) breaks.push({ chainId: link.chainId, seq: 0, eventId: null, problem: `the signed checkpoint proved this chain up to seq ${link.seq}, but auditChains no longer has it (the chain was deleted)` });
  }
  for (const head of anchoredHeads.values()) {
    if (!known.has(head.chainId)) breaks.push({ chainId: head.chainId, seq: 0, eventId: null, problem: `the anchor records this chain up to seq ${head.seq}, but auditChains no longer has it (the chain was deleted)` });
  }

  const startOf = (chainId: string): WalkStart => {
    const link = links.get(chainId);
    return link ? { seq: link.seq, prevHash: link.prevHash, hash: link.hash } : { seq: 0, prevHash: genesisHash(chainId) };
  };
  const walkOf = (chain: AuditChainRecord) => new ChainWalk(chain._id, startOf(chain._id), anchoredHeads.get(chain._id), recheck + 1);
  const walks = new Map(chains.map((c) => [c._id, walkOf(c)]));
  const estimate = chains.reduce((n, c) => n + Math.max(0, (c.head?.seq ?? -1) + 1 - startOf(c._id).seq), 0);
  const progress: AuditVerifyProgress = { chainsChecked: 0, chains: chains.length, eventsChecked: 0, events: estimate };
  const orphans = new Map<string, number>();
  const offer = (event: WalkedEvent) => {
    const walk = walks.get(event.chain?.chainId);
    if (walk) walk.accept(event);
    else orphans.set(String(event.chain?.chainId), (orphans.get(String(event.chain?.chainId)) ?? 0) + 1);
    progress.eventsChecked += 1;
    if (progress.events < progress.eventsChecked) progress.events = progress.eventsChecked;
    if (progress.eventsChecked % every === 0) options.onProgress?.({ ...progress });
  };
  options.onProgress?.({ ...progress });

  if (checkpoint) {
    // The checkpoints' own events, by primary key; then everything built since the checkpoint's readFrom.
    const ids = [...links.values()].filter((l) => known.has(l.chainId)).map((l) => l.eventId);
    for (let i = 0; i < ids.length; i += 1_000) {
      const events = (await AuditEvent.collection.find({ _id: { $in: ids.slice(i, i + 1_000).map(objectIdOrString) as never } }).toArray()) as unknown as WalkedEvent[];
      events.forEach(offer);
    }
    for await (const event of AuditEvent.collection.find({ at: { $gte: new Date(checkpoint.readFrom) } }).batchSize(batchSize)) offer(event as unknown as WalkedEvent);
  } else {
    for await (const event of AuditEvent.collection.find({}).batchSize(batchSize)) offer(event as unknown as WalkedEvent);
  }

  for (const [chainId, events] of orphans) {
    // A chain started while this run read (a service restarted) is not an orphan: the next run checks it.
    if (await AuditChain.exists({ _id: chainId }).exec()) continue;
    breaks.push({ chainId, seq: 0, eventId: null, problem: `${events} events belong to a chain that auditChains does not record (the chain record was removed)` });
  }

  const chainResults: AuditVerifyResult['chainResults'] = [];
  const nextLinks: CheckpointLink[] = [];
  let readFrom = startedAt.getTime();
  for (const chain of chains) {
    let walk = walks.get(chain._id)!;
    const head = chain.head?.seq ?? null;
    // Read what did not add up again, in seq order: a checkpointed run's range read can miss an
    // event whose time is older than readFrom, and a full read may have held too many early ones.
    if (walk.incomplete(head) && (checkpoint || walk.overflowed)) {
      walk = walkOf(chain);
      const start = startOf(chain._id).seq;
      for await (const event of AuditEvent.collection.find({ 'chain.chainId': chain._id, 'chain.seq': { $gte: start } }).sort({ 'chain.seq': 1 }).batchSize(batchSize)) {
        walk.accept(event as unknown as WalkedEvent);
      }
    }
    const broken = walk.finish(head);
    if (broken) breaks.push(broken);
    chainResults.push({ chainId: chain._id, subgraph: chain.subgraph, events: walk.read, ok: !broken, problem: broken?.problem ?? null });
    progress.chainsChecked += 1;

    // The next checkpoint: `recheck` events before the verified end (or where this one was); a broken chain keeps its old link.
    const old = links.get(chain._id);
    const recent = walk.recent;
    const link = !broken && recent.length === recheck + 1 ? recent[0] : null;
    if (link) nextLinks.push({ chainId: chain._id, seq: link.seq, hash: link.hash, prevHash: link.prevHash, eventId: link.eventId });
    else if (old) nextLinks.push(old);
    if (!broken) {
      const after = link?.seq ?? old?.seq ?? -1;
      for (const r of recent) if (r.seq > after && r.at.getTime() < readFrom) readFrom = r.at.getTime();
    }
  }
  options.onProgress?.({ ...progress });
  const anchor = options.anchor ? { at: options.anchor.at, chains: options.anchor.heads.length } : null;
  const nextCheckpoint: AuditCheckpoint = {
    at: startedAt.toISOString(),
    readFrom: new Date(readFrom - LATE_WRITE_MS).toISOString(),
    full: !checkpoint,
    links: nextLinks.sort((a, b) => a.chainId.localeCompare(b.chainId)),
  };
  return { chains: chains.length, events: progress.eventsChecked, breaks, chainResults, anchor, full: !checkpoint, since: checkpoint?.at ?? null, nextCheckpoint };
}

/** Event ids are ObjectIds as the driver writes them; a checkpoint keeps them as hex. */
function objectIdOrString(id: string): unknown {
  return /^[0-9a-f]{24}$/.test(id) ? new Types.ObjectId(id) : id;
}
