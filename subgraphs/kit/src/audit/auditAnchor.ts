import { sign, verify } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import canonicalize from 'canonicalize';
import { readSecret } from '../secrets';
import type { AuditChainRecord, AuditModels } from './auditRecords';

/**
 * Anchors: the chain heads, copied on a schedule to a place outside the audit database (an
 * append-only file, AUDIT_ANCHOR_FILE; in production a write-once bucket path mounted as one), each
 * line signed (Ed25519). Verify checks the chains against the latest anchor: a chain must still hold
 * every event up to its anchored head, with the anchored hash, so a tail cut is found even when
 * whoever cut it rewrote the head in the database too.
 */

export interface AnchoredHead {
  chainId: string;
  seq: number;
  hash: string;
}

export interface AuditAnchor {
  at: string;
  heads: AnchoredHead[];
}

export function anchorFile(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.AUDIT_ANCHOR_FILE ?? '.local/audit-anchors.jsonl');
}

export function anchorInterval(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.AUDIT_ANCHOR_MS ?? 60_000);
  return Number.isFinite(ms) && ms >= 100 ? ms : 60_000;
}

const signed = (anchor: AuditAnchor) => Buffer.from(canonicalize(anchor)!);

export function anchorLine(anchor: AuditAnchor): string {
  return JSON.stringify({ anchor, signature: sign(null, signed(anchor), readSecret('auditAnchorPrivate')).toString('base64') });
}

/** The heads of every chain now, in a stable order. */
export async function currentHeads(models: AuditModels): Promise<AnchoredHead[]> {
  const chains = (await models.AuditChain.find({ head: { $ne: null } }).lean().exec()) as AuditChainRecord[];
  return chains.map((c) => ({ chainId: c._id, seq: c.head!.seq, hash: c.head!.hash })).sort((a, b) => a.chainId.localeCompare(b.chainId));
}

/**
 * The heads to anchor: the latest anchor's, moved forward by the database's. Never backward: a head
 * in the database below its anchored seq (a cut tail), or a chain gone from it, keeps its anchored
 * head, so a later anchor can never launder a cut.
 */
export function mergeHeads(anchored: AnchoredHead[], current: AnchoredHead[]): AnchoredHead[] {
  const heads = new Map(anchored.map((h) => [h.chainId, h]));
  for (const head of current) {
    const before = heads.get(head.chainId);
    if (!before || head.seq > before.seq) heads.set(head.chainId, head);
  }
  return [...heads.values()].sort((a, b) => a.chainId.localeCompare(b.chainId));
}

/**
 * Appends one signed line when the heads moved. Each write starts from the file's latest anchor, so
 * several audit instances writing to one file stay monotonic together.
 */
export function anchorWriter(models: AuditModels, file = anchorFile()) {
  return async (): Promise<boolean> => {
    const previous = latestAnchor(file);
    const heads = mergeHeads(previous?.heads ?? [], await currentHeads(models));
    if (previous && JSON.stringify(heads) === JSON.stringify(previous.heads)) return false;
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${anchorLine({ at: new Date().toISOString(), heads })}\n`, { flag: 'a', mode: 0o600 });
    return true;
  };
}

/** The latest anchor in the file; throws when its signature does not verify (the file was altered). */
export function latestAnchor(file = anchorFile()): AuditAnchor | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim());
  if (lines.length === 0) return null;
  let parsed: { anchor: AuditAnchor; signature: string };
  try {
    parsed = JSON.parse(lines[lines.length - 1]);
  } catch {
    throw new Error(`the latest line of the anchor file ${file} is not an anchor`);
  }
  if (!verify(null, signed(parsed.anchor), readSecret('auditAnchorPublic'), Buffer.from(parsed.signature ?? '', 'base64'))) {
    throw new Error(`the latest anchor in ${file} does not carry a valid signature (the anchor file was altered)`);
  }
  return parsed.anchor;
}
