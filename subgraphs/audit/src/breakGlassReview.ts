import { badUserInput, type AuditUser, type BreakGlassRecord, type SubgraphContext } from '@shareforyou/kit';
import { limitRows, LOOK_FIELDS, reportHeader } from './looks';
import type { AuditServiceModels, BreakGlassReviewOutcome, BreakGlassReviewRecord } from './models';
import { breakGlassLooksQuery, mergeUses, usesOf, type BreakGlassEvent, type BreakGlassUseRecord } from './monitoring/breakGlassUses';
import { breakGlassUsesCompleteBefore } from './monitoring/sweep';
import { periodArgument, type Period } from './period';

/**
 * Every break-glass declaration is reviewed by the privacy office. The queue is built from the
 * trail (what was actually looked at under each declaration), not from the registry's list, so
 * the reviewer sees the use, not only the claim.
 */

type Context = SubgraphContext<AuditServiceModels>;

/** Reviews that close a declaration; NEEDS_FOLLOW_UP keeps it in the queue. */
const CLOSING: BreakGlassReviewOutcome[] = ['APPROPRIATE', 'INAPPROPRIATE'];

function reviewView(review: BreakGlassReviewRecord) {
  return { ...review, reviewedAt: new Date(review.reviewedAt).toISOString() };
}

export const reviewer = (context: Context): AuditUser => {
  const { userId, name, odsCode, jobRole, profile, familyName } = context.identity;
  return { id: userId, name, odsCode, jobRole, profile, familyName: familyName ?? null };
};

/**
 * Every declaration looked under in the period, with everything looked at under it: the uses the
 * sweep keeps (a few small documents, however large the trail), and for the newest events, which
 * the sweep may not have read yet, the events themselves.
 */
async function usesInPeriod(period: Period, context: Context): Promise<BreakGlassUseRecord[]> {
  const completeBefore = await breakGlassUsesCompleteBefore(context.models);
  const stored =
    completeBefore && completeBefore > period.from
      ? ((await context.models.BreakGlassUse.find({ lastAccess: { $gte: period.from }, firstAccess: { $lt: period.to } }).lean().exec()) as BreakGlassUseRecord[])
      : [];
  const liveFrom = completeBefore && completeBefore > period.from ? completeBefore : period.from;
  const recent =
    liveFrom < period.to
      ? ((await context.models.AuditEvent.find(breakGlassLooksQuery({ from: liveFrom, to: period.to })).select(LOOK_FIELDS).lean().exec()) as BreakGlassEvent[])
      : [];
  return mergeUses(stored, usesOf(recent));
}

/** Every declaration looked under in the period, with its reviews (newest first) and its declared and expiry times. */
async function declarationsInPeriod(period: Period, context: Context) {
  const uses = await usesInPeriod(period, context);
  const ids = uses.map((use) => use._id);
  const reviews = ids.length
    ? ((await context.models.BreakGlassReview.find({ breakGlassId: { $in: ids } }).sort({ reviewedAt: -1 }).lean().exec()) as BreakGlassReviewRecord[])
    : [];
  const reviewsOf = new Map<string, BreakGlassReviewRecord[]>();
  for (const review of reviews) reviewsOf.set(review.breakGlassId, [...(reviewsOf.get(review.breakGlassId) ?? []), review]);
  // The registry keeps the declaration itself (declared and expiry times): one $in over the patients.
  const patients = [...new Set(uses.map((use) => use.nhsNumber))];
  const access = patients.length
    ? ((await context.models.PatientAccess.find({ _id: { $in: patients } }).select({ breakGlass: 1 }).lean().exec()) as Array<{ breakGlass?: BreakGlassRecord[] }>)
    : [];
  const declared = new Map(access.flatMap((record) => (record.breakGlass ?? []).map((d) => [d.id, d] as const)));
  const row = (use: BreakGlassUseRecord) => {
    const all = reviewsOf.get(use._id) ?? [];
    const declaration = declared.get(use._id);
    return {
      breakGlassId: use._id,
      user: use.user,
      nhsNumber: use.nhsNumber,
      reason: use.reason,
      detail: use.detail,
      declaredAt: declaration ? new Date(declaration.declaredAt).toISOString() : null,
      expiresAt: declaration ? new Date(declaration.expiresAt).toISOString() : null,
      firstAccess: new Date(use.firstAccess).toISOString(),
      lastAccess: new Date(use.lastAccess).toISOString(),
      accesses: use.requestIds.length,
      categories: [...use.categories].sort(),
      latestReview: all[0] ? reviewView(all[0]) : null,
      reviews: all.map(reviewView),
    };
  };
  return { uses, row, latest: (id: string) => reviewsOf.get(id)?.[0] };
}

/** A declaration is closed when its latest review closes it. */
const isClosed = (latest: BreakGlassReviewRecord | undefined) => latest !== undefined && CLOSING.includes(latest.outcome);

export async function breakGlassReviewQueue(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 90);
  const { uses, row, latest } = await declarationsInPeriod(period, context);
  const waiting = uses
    .filter((use) => !isClosed(latest(use._id)))
    .sort((a, b) => new Date(a.firstAccess).getTime() - new Date(b.firstAccess).getTime()); // longest waiting first
  const { rows, truncated } = limitRows(waiting);
  return {
    ...reportHeader(
      'Break-glass review queue',
      'Every break-glass declaration under which the record was looked at in the period, with what was looked at under it, ' +
        'that has no review yet or whose latest review asked for follow-up. Oldest first.',
      period,
      truncated,
    ),
    rows: rows.map(row),
  };
}

export async function breakGlassReviewHistory(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 366);
  const { uses, row, latest } = await declarationsInPeriod(period, context);
  const closed = uses
    .filter((use) => isClosed(latest(use._id)))
    .sort((a, b) => new Date(latest(b._id)!.reviewedAt).getTime() - new Date(latest(a._id)!.reviewedAt).getTime()); // latest closed first
  const { rows, truncated } = limitRows(closed);
  return {
    ...reportHeader(
      'Closed break-glass reviews',
      'Every break-glass declaration looked under in the period whose latest review closed it (APPROPRIATE or INAPPROPRIATE), ' +
        'with every review and what was looked at under it. Latest closed first.',
      period,
      truncated,
    ),
    rows: rows.map(row),
  };
}

export async function recordBreakGlassReview(
  args: { breakGlassId: string; outcome: BreakGlassReviewOutcome; note: string },
  context: Context,
) {
  const note = args.note.trim();
  if (note.length < 10) throw badUserInput('Say what the review found (at least 10 characters): the note is the record of the review.', { argument: 'note' });
  const seen = await context.models.AuditEvent.exists({ 'breakGlass.id': args.breakGlassId });
  if (!seen) {
    throw badUserInput('No access under this break-glass declaration is in the audit trail.', { argument: 'breakGlassId' });
  }
  const review: BreakGlassReviewRecord = {
    breakGlassId: args.breakGlassId,
    outcome: args.outcome,
    note: note.slice(0, 4000),
    reviewedBy: reviewer(context),
    reviewedAt: new Date(),
  };
  await context.models.BreakGlassReview.create(review);
  return reviewView(review);
}
