import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEventContent } from './auditRecords';

/**
 * The seal of one event: sha256 over the canonical JSON (RFC 8785) of its content and the previous
 * event's hash. Writer and verifier both build the content with sealedContent, so a stored event
 * can be re-hashed exactly.
 */

export function genesisHash(chainId: string): string {
  return createHash('sha256').update(`shareforyou-audit-genesis:${chainId}`).digest('hex');
}

export function sealedContent(event: AuditEventContent): Record<string, unknown> {
  return {
    requestId: event.requestId,
    at: new Date(event.at).toISOString(),
    subgraph: event.subgraph,
    operationName: event.operationName ?? null,
    user: {
      id: event.user.id,
      name: event.user.name ?? null,
      odsCode: event.user.odsCode,
      jobRole: event.user.jobRole ?? null,
      profile: event.user.profile ?? null,
    },
    nhsNumber: event.nhsNumber ?? null,
    viewed: [...event.viewed],
    denials: event.denials.map((d) => ({ coordinate: d.coordinate, reason: d.reason })),
    categories: [...event.categories],
    denied: event.denied,
    breakGlass: event.breakGlass ? { id: event.breakGlass.id, reason: event.breakGlass.reason, detail: event.breakGlass.detail } : null,
    detail: event.detail ?? null,
  };
}

export function sealHash(event: AuditEventContent, chainId: string, seq: number, prevHash: string): string {
  const text = canonicalize({ chainId, seq, prevHash, content: sealedContent(event) });
  return createHash('sha256').update(text!).digest('hex');
}
