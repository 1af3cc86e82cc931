import { auditVerificationModel, runAuditVerification, type AuditChainRecord, type AuditVerificationRecord, type SubgraphContext } from '@shareforyou/kit';
import type { AuditServiceModels } from './models';

/** The state of the audit chains for the console: the last verification of each, and running one. */

type Context = SubgraphContext<AuditServiceModels>;
const iso = (date: Date | string | null | undefined) => (date ? new Date(date).toISOString() : null);

function verificationView(record: AuditVerificationRecord) {
  return {
    startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt),
    by: record.by,
    ok: record.breaks.length === 0,
    chains: record.chains,
    events: record.events,
    breaks: record.breaks,
    anchoredAt: record.anchor?.at ?? null,
    anchoredChains: record.anchor?.chains ?? null,
    anchorProblem: record.anchorProblem ?? null,
  };
}

export async function auditChainStatus(context: Context) {
  const db = context.models.AuditEvent.db;
  const latest = (await auditVerificationModel(db).findOne({}).sort({ finishedAt: -1 }).lean().exec()) as AuditVerificationRecord | null;
  const chains = (await context.models.AuditChain.find({}).sort({ startedAt: -1 }).limit(1_000).lean().exec()) as AuditChainRecord[];
  const results = new Map((latest?.chainResults ?? []).map((r) => [r.chainId, r]));
  return {
    lastVerification: latest ? verificationView(latest) : null,
    chains: chains.map((chain) => {
      const result = results.get(chain._id);
      return {
        chainId: chain._id,
        subgraph: chain.subgraph,
        startedAt: iso(chain.startedAt),
        headSeq: chain.head?.seq ?? null,
        lastVerifiedAt: result ? iso(latest!.finishedAt) : null,
        ok: result ? result.ok : null,
        problem: result?.problem ?? null,
      };
    }),
  };
}

export async function verifyAuditChains(context: Context) {
  const { name, userId } = context.identity;
  const record = await runAuditVerification(context.models.AuditEvent.db, `${name} (${userId})`);
  return verificationView(record);
}
