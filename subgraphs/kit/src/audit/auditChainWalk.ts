import type { AnchoredHead } from './auditAnchor';
import type { StoredAuditEvent } from './auditRecords';
import { sealHash } from './auditSeal';

/**
 * One chain's links, checked in seq order whatever order its events are read in. The verifier reads
 * the store in one pass (the whole collection for --full, the events since the checkpoint otherwise)
 * and hands every event to its chain's walker: an event that is next in line is checked at once, one
 * that arrives early waits (in the store's natural order almost none do). The rules are the ones the
 * seq-sorted read applied, in the same order, so the first broken link found is the same one.
 */

export interface AuditBreak {
  chainId: string;
  /** The seq where the chain stops holding (the expected one, for a gap or a cut-off tail). */
  seq: number;
  /** The stored event at fault, or null when the fault is a missing event. */
  eventId: string | null;
  problem: string;
}

export type WalkedEvent = StoredAuditEvent & { _id: unknown };

/** Where a walk starts: the genesis, or an event a signed checkpoint proved (which is checked again). */
export interface WalkStart {
  /** The first seq to read: 0, or the checkpoint's seq. */
  seq: number;
  /** The hash the event before `seq` must have ended with (the genesis hash at 0). */
  prevHash: string;
  /** At a checkpoint: the hash the event at `seq` must still have. */
  hash?: string;
}

/** The last verified events of a chain, kept for the next checkpoint (which trails the end). */
export interface VerifiedLink {
  seq: number;
  hash: string;
  prevHash: string;
  eventId: string;
  at: Date;
}

/** More early events than this held for one chain: stop holding them and read the chain in seq order instead. */
export const MAX_HELD = 50_000;

export class ChainWalk {
  expected: number;
  private prevHash: string;
  private held = new Map<number, WalkedEvent[]>();
  private heldCount = 0;
  broken: AuditBreak | null = null;
  /** Too many events arrived early: the verifier re-reads this chain in seq order. */
  overflowed = false;
  read = 0;
  private startEventId: string | null = null;
  /** The newest verified links, at most `keep` of them. */
  readonly recent: VerifiedLink[] = [];

  constructor(
    readonly chainId: string,
    private readonly start: WalkStart,
    private readonly anchored: AnchoredHead | undefined,
    private readonly keep: number,
  ) {
    this.expected = start.seq;
    this.prevHash = start.prevHash;
  }

  private at(event: WalkedEvent, problem: string): AuditBreak {
    return { chainId: this.chainId, seq: event.chain.seq, eventId: String(event._id), problem };
  }

  /** Takes one event of this chain, in any order. Events before the start are not this walk's. */
  accept(event: WalkedEvent): void {
    if (this.broken || this.overflowed || event.chain.seq < this.start.seq) return;
    // The checkpoint's event is read by its id first, and may come again in the range read.
    if (event.chain.seq === this.start.seq && this.startEventId === String(event._id)) return;
    this.read += 1;
    if (event.chain.seq > this.expected) {
      const same = this.held.get(event.chain.seq);
      if (same) same.push(event);
      else this.held.set(event.chain.seq, [event]);
      this.heldCount += 1;
      if (this.heldCount > MAX_HELD) {
        this.overflowed = true;
        this.held.clear();
      }
      return;
    }
    this.check(event);
    while (!this.broken && this.held.has(this.expected)) {
      const next = this.held.get(this.expected)!;
      this.held.delete(this.expected);
      this.heldCount -= next.length;
      for (const held of next) this.check(held);
    }
  }

  private check(event: WalkedEvent): void {
    if (this.broken) return;
    const stored = event.chain;
    if (stored.seq < this.expected) {
      this.broken = this.at(event, `seq ${stored.seq} is stored twice`);
      return;
    }
    if (stored.prevHash !== this.prevHash) {
      this.broken = this.at(event, 'prevHash does not match the hash of the event before it (an event was replaced or re-sealed)');
      return;
    }
    if (sealHash(event, this.chainId, stored.seq, stored.prevHash) !== stored.hash) {
      this.broken = this.at(event, 'content does not match its seal (the event was edited after it was written)');
      return;
    }
    if (stored.seq === this.start.seq && this.start.hash !== undefined && stored.hash !== this.start.hash) {
      this.broken = this.at(event, `the event at the checkpoint (seq ${stored.seq}) has another hash than the signed checkpoint recorded: the chain was rewritten`);
      return;
    }
    if (this.anchored && stored.seq === this.anchored.seq && stored.hash !== this.anchored.hash) {
      this.broken = this.at(event, `the event at the anchored head (seq ${this.anchored.seq}) has another hash than the anchor recorded: the chain was rewritten`);
      return;
    }
    if (stored.seq === this.start.seq) this.startEventId = String(event._id);
    this.prevHash = stored.hash;
    this.expected += 1;
    if (this.keep > 0) {
      this.recent.push({ seq: stored.seq, hash: stored.hash, prevHash: stored.prevHash, eventId: String(event._id), at: new Date(event.at) });
      if (this.recent.length > this.keep) this.recent.shift();
    }
  }

  /** Would the chain, as read, need a read in seq order to be sure (a gap, or short of its head)? */
  incomplete(headSeq: number | null): boolean {
    return this.overflowed || (!this.broken && (this.held.size > 0 || (headSeq !== null && headSeq >= this.expected) || (this.anchored !== undefined && this.anchored.seq >= this.expected)));
  }

  /** The verdict once every event was offered: a gap, a cut-off tail (against the anchor, then the head), or none. */
  finish(headSeq: number | null): AuditBreak | null {
    if (this.broken) return this.broken;
    const { chainId, expected: seq } = this;
    if (this.held.size > 0) {
      const next = Math.min(...this.held.keys());
      const event = this.held.get(next)![0];
      return { chainId, seq, eventId: null, problem: `seq gap: event${next - seq > 1 ? `s ${seq}..${next - 1} are` : ` ${seq} is`} missing (the next stored event is seq ${next}, ${String(event._id)})` };
    }
    if (this.start.hash !== undefined && seq === this.start.seq) {
      return { chainId, seq, eventId: null, problem: `the event at the checkpoint (seq ${seq}) is gone: the signed checkpoint proved the chain up to it, so events were cut off or deleted` };
    }
    if (this.anchored && this.anchored.seq >= seq) {
      return { chainId, seq, eventId: null, problem: `the chain ends at seq ${seq - 1} but the anchor of its head outside the database says seq ${this.anchored.seq}: events were cut off the end (and the head in the database rewritten to hide it)` };
    }
    if (headSeq !== null && headSeq >= seq) {
      return { chainId, seq, eventId: null, problem: `the chain ends at seq ${seq - 1} but its recorded head is seq ${headSeq}: events were cut off the end` };
    }
    // The head is written after each insert, so it may lag behind the last event, never lead it.
    return null;
  }
}
