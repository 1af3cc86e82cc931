import {
  auditVerificationJob,
  auditVerificationModel,
  runAuditVerification,
  serviceLogger,
  startAuditVerificationJob,
  type AuditChainRecord,
  type AuditVerificationJobRecord,
  type AuditVerificationRecord,
  type SubgraphContext,
} from '@shareforyou/kit';
import type { AuditServiceModels } from './models';

/** The state of the audit chains for the console: the last verification of each, and running one (now, or as a job the console follows). */

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

/** A job with no progress for this long was left by an audit instance that stopped. */
const INTERRUPTED_AFTER_MS = 30_000;
const log = serviceLogger('audit');

function jobView(job: AuditVerificationJobRecord) {
  const interrupted = job.state === 'running' && Date.now() - new Date(job.heartbeatAt).getTime() > INTERRUPTED_AFTER_MS;
  return {
    id: job._id,
    state: interrupted ? 'INTERRUPTED' : job.state.toUpperCase(),
    full: job.full,
    by: job.by,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    ...job.progress,
    result: job.result ? verificationView(job.result) : null,
    error: job.error,
  };
}

export async function startVerificationJob(args: { full?: boolean | null }, context: Context) {
  const { name, userId } = context.identity;
  const job = await startAuditVerificationJob(context.models.AuditEvent.db, `${name} (${userId})`, {
    full: args.full === true,
    log: (error) => log.error({ reason: error.message.slice(0, 300) }, 'audit verification job failed'),
  });
  return jobView(job);
}

export async function verificationJob(args: { id?: string | null }, context: Context) {
  const job = await auditVerificationJob(context.models.AuditEvent.db, args.id);
  return job && jobView(job);
}
