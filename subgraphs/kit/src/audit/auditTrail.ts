import { randomUUID } from 'node:crypto';
import { auditWrites } from '../metrics';
import type { AuditEventContent, AuditEventRecord, AuditModels } from './auditRecords';
import { genesisHash, sealHash } from './auditSeal';

/** How often a busy chain's head is written at most. */
export const HEAD_INTERVAL_MS = 250;

interface ChainHead {
  seq: number;
  hash: string;
}

interface Pending {
  events: AuditEventContent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends events to this instance's hash chain. Writes are serialised (a chain has one order) and
 * grouped: requests that finish while a write is in flight share the next insert, so the cost per
 * request stays one small insert even under load. A failed write ends the chain; the next write
 * starts a new one, so a chain in the store is always whole.
 */
export class AuditTrail {
  private chainId = '';
  private seq = 0;
  private prevHash = '';
  private queue: Pending[] = [];
  private writing = false;
  private headWriting = false;
  private nextHead: { chainId: string; head: ChainHead } | null = null;
  private headWritten: Promise<void> = Promise.resolve();
  private stopping = false;
  private draining: Promise<void> = Promise.resolve();

  constructor(
    private readonly models: AuditModels,
    private readonly subgraph: string,
  ) {}

  /** Resolves once the events are durably stored; rejects when they are not. */
  append(events: AuditEventContent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.writing) this.draining = this.drain();
    });
  }

  private async startChain(): Promise<void> {
    const chainId = `${this.subgraph}:${randomUUID()}`;
    await this.models.AuditChain.create({ _id: chainId, subgraph: this.subgraph, startedAt: new Date(), head: null });
    this.chainId = chainId;
    this.seq = 0;
    this.prevHash = genesisHash(chainId);
  }

  /**
   * The head lets verify notice a cut-off tail; it is not on the response path. It is written at
   * most every HEAD_INTERVAL_MS per chain (the latest head winning) and once more when the service
   * stops: a head write is a read-modify-write of its own, and writing one after every insert cost
   * as much database time as the inserts of the events it described. So a tail cut within the last
   * quarter of a second before a crash goes unnoticed; any older cut is found.
   */
  private recordHead(chainId: string, head: ChainHead): void {
    this.nextHead = { chainId, head };
    if (this.headWriting) return;
    this.headWriting = true;
    this.headWritten = (async () => {
      while (this.nextHead) {
        await this.writeHead();
        if (!this.stopping) await new Promise((resolve) => setTimeout(resolve, HEAD_INTERVAL_MS).unref());
      }
      this.headWriting = false;
    })();
  }

  private async writeHead(): Promise<void> {
    if (!this.nextHead) return;
    const { chainId, head } = this.nextHead;
    this.nextHead = null;
    await this.models.AuditChain.updateOne({ _id: chainId }, { $set: { head } })
      .exec()
      .catch(() => undefined);
  }

  /** Writes the latest head now (the service is stopping); events already appended are kept. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.draining;
    await this.headWritten;
    await this.writeHead();
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.queue.length);
      try {
        if (!this.chainId) await this.startChain();
        const records: AuditEventRecord[] = [];
        let seq = this.seq;
        let prevHash = this.prevHash;
        for (const { events } of batch) {
          for (const event of events) {
            const hash = sealHash(event, this.chainId, seq, prevHash);
            records.push({ ...event, chain: { chainId: this.chainId, seq, prevHash, hash } });
            prevHash = hash;
            seq += 1;
          }
        }
        // lean: the records are built and typed here; hydrating them as documents cost more CPU
        // than the rest of the request's audit work together.
        await this.models.AuditEvent.insertMany(records, { ordered: true, lean: true });
        this.seq = seq;
        this.prevHash = prevHash;
        auditWrites.inc({ outcome: 'ok' });
        batch.forEach((p) => p.resolve());
        this.recordHead(this.chainId, { seq: seq - 1, hash: prevHash });
      } catch (error) {
        this.chainId = '';
        auditWrites.inc({ outcome: 'failed' });
        batch.forEach((p) => p.reject(error));
      }
    }
    this.writing = false;
  }
}
