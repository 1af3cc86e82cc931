import { randomUUID } from 'node:crypto';
import { accessError, badUserInput, decideAccess, type SubgraphContext } from '@shareforyou/kit';
import { findSharedPatient } from './patientRecord';
import type { RegistryModels } from './models';

/**
 * Break-glass: a clinician declares emergency access to one patient, with a reason. Scoped to that
 * user and patient, time-limited (BREAK_GLASS_MINUTES, default 240), marked on every access under
 * it in the audit trail, and queued for privacy officer review.
 */

const REASONS = new Set(['EMERGENCY_CARE', 'RISK_OF_HARM', 'RELATIONSHIP_NOT_YET_RECORDED', 'OTHER']);

function breakGlassMinutes(): number {
  const minutes = Number(process.env.BREAK_GLASS_MINUTES ?? 240);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 240;
}

export async function declareBreakGlass(
  args: { nhsNumber: string; reason: string; detail: string },
  context: SubgraphContext<RegistryModels>,
) {
  const { identity, models } = context;
  const decision = decideAccess({ action: 'declareBreakGlass', actor: identity, nhsNumber: args.nhsNumber });
  if (!decision.allowed) throw accessError(decision, { field: 'Mutation.declareBreakGlass' });
  if (!REASONS.has(args.reason)) throw badUserInput('Unknown break-glass reason.', { argument: 'reason' });
  const detail = args.detail.trim();
  if (detail.length < 10) {
    throw badUserInput('Say why emergency access is needed (at least 10 characters): it is read at review.', { argument: 'detail' });
  }
  await findSharedPatient(args.nhsNumber, context);
  const declaredAt = new Date();
  const declaration = {
    id: randomUUID(),
    userId: identity.userId,
    userName: identity.name,
    odsCode: identity.odsCode,
    jobRole: identity.jobRole,
    reason: args.reason,
    detail: detail.slice(0, 1000),
    declaredAt,
    expiresAt: new Date(declaredAt.getTime() + breakGlassMinutes() * 60_000),
  };
  await models.PatientAccess.updateOne(
    { _id: args.nhsNumber },
    { $push: { breakGlass: declaration }, $inc: { revision: 1 } },
    { upsert: true },
  ).exec();
  return {
    id: declaration.id,
    nhsNumber: args.nhsNumber,
    reason: declaration.reason,
    detail: declaration.detail,
    declaredAt: declaredAt.toISOString(),
    expiresAt: declaration.expiresAt.toISOString(),
  };
}
