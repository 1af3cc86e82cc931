import { badUserInput, type AuditUser, type BreakGlassRecord, type SubgraphContext } from '@shareforyou/kit';
import { limitRows, LOOK_FIELDS, REPORT_ROW_LIMIT, reportHeader } from './looks';
import type { AuditServiceModels, BreakGlassReviewOutcome, BreakGlassReviewRecord } from './models';
import { breakGlassLooksQuery, foldReviews, mergeUses, newestBreakGlassQuery, reviewState, usesOf, type BreakGlassEvent, type BreakGlassUseRecord } from './monitoring/breakGlassUses';
import { breakGlassUsesCompleteBefore } from './monitoring/sweep';
import { EARLIEST_EVENT, periodArgument, type Period } from './period';

/**
 * Every break-glass declaration is reviewed by the privacy office. The queue is built from the
 * trail (what was actually looked at under each declaration), not from the registry's list, so
 * the reviewer sees the use, not only the claim.
 */

type Context = SubgraphContext<AuditServiceModels>;

function reviewView(review: BreakGlassReviewRecord) {
  return { ...review, reviewedAt: new Date(review.reviewedAt).toISOString() };
}

export const reviewer = (context: Context): AuditUser => {
  const { userId, name, odsCode, jobRole, profile, familyName } = context.identity;
  return { id: userId, name, odsCode, jobRole, profile, familyName: familyName ?? null };
};

type Use = BreakGlassUseRecord;

/** The reviews of declarations the use documents do not hold yet (their backfill is unfinished): from the record itself. */
async function reviewsFromTheRecord(ids: string[], context: Context): Promise<Map<string, Pick<Use, 'reviews' | 'closed' | 'closedAt'>>> {
  const reviews = ids.length
    ? ((await context.models.BreakGlassReview.find({ breakGlassId: { $in: ids } }).lean().exec()) as BreakGlassReviewRecord[])
    : [];
  const of = new Map<string, BreakGlassReviewRecord[]>();
  for (const review of reviews) of.set(review.breakGlassId, [...(of.get(review.breakGlassId) ?? []), review]);
  return new Map(ids.map((id) => [id, reviewState(of.get(id) ?? [])]));
}

/**
 * The declarations looked under in the period that are open (the queue) or closed (the history),
 * with everything looked at under each and its reviews: the use documents the sweep keeps (the open
 * ones, or the latest closed, through an index), and for the newest events, which the sweep may not
 * have read yet, the events themselves with their declarations' use documents (an _id $in).
 */
async function usesInPeriod(period: Period, closed: boolean, context: Context, limit = REPORT_ROW_LIMIT): Promise<{ uses: Use[]; truncated: boolean }> {
  const { BreakGlassUse, AuditEvent } = context.models;
  const completeBefore = await breakGlassUsesCompleteBefore(context.models);
  const kept = completeBefore !== null && completeBefore > period.from;
  const stored = kept
    ? ((await (closed
        ? BreakGlassUse.find({ closed: true, closedAt: { $gte: EARLIEST_EVENT }, lastAccess: { $gte: period.from } }).sort({ closedAt: -1 }).limit(limit + 1)
        : BreakGlassUse.find({ closed: false, lastAccess: { $gte: period.from } })
      )
        .lean()
        .exec()) as Use[])
    : [];
  const liveFrom = kept ? completeBefore! : period.from;
  const recentFilter = kept ? newestBreakGlassQuery({ $gte: liveFrom, $lt: period.to }) : breakGlassLooksQuery({ from: liveFrom, to: period.to });
  const recent = liveFrom < period.to ? usesOf((await AuditEvent.find(recentFilter).select(LOOK_FIELDS).lean().exec()) as BreakGlassEvent[]) : [];
  const storedIds = new Set(stored.map((use) => use._id));
  const others = recent.map((use) => use._id).filter((id) => !storedIds.has(id));
  let known: Use[] = [];
  if (kept) known = others.length ? ((await BreakGlassUse.find({ _id: { $in: others } }).lean().exec()) as Use[]) : [];
  else {
    const states = await reviewsFromTheRecord(others, context);
    known = others.map((id) => ({ _id: id, ...states.get(id)! }) as Use);
  }
  const uses = mergeUses([...stored, ...known], recent).filter(
    (use) => use.closed === closed && new Date(use.lastAccess) >= period.from && new Date(use.firstAccess) < period.to,
  );
  return { uses, truncated: closed && stored.length > limit };
}

/** A row of the queue or the history: the use, its reviews and the declaration's times from the registry. */
async function rowsOf(uses: Use[], context: Context) {
  // The registry keeps the declaration itself (declared and expiry times): one $in over the patients.
  const patients = [...new Set(uses.map((use) => use.nhsNumber))];
  const access = patients.length
    ? ((await context.models.PatientAccess.find({ _id: { $in: patients } }).select({ breakGlass: 1 }).lean().exec()) as Array<{ breakGlass?: BreakGlassRecord[] }>)
    : [];
  const declared = new Map(access.flatMap((record) => (record.breakGlass ?? []).map((d) => [d.id, d] as const)));
  return uses.map((use) => {
    const declaration = declared.get(use._id);
    const reviews = (use.reviews ?? []).map((review) => reviewView({ ...review, breakGlassId: use._id } as BreakGlassReviewRecord));
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
      latestReview: reviews[0] ?? null,
      reviews,
    };
  });
}

export async function breakGlassReviewQueue(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 90);
  const { uses } = await usesInPeriod(period, false, context);
  const waiting = uses.sort((a, b) => new Date(a.firstAccess).getTime() - new Date(b.firstAccess).getTime()); // longest waiting first
  const { rows, truncated } = limitRows(waiting);
  return {
    ...reportHeader(
      'Break-glass review queue',
      'Every break-glass declaration under which the record was looked at in the period, with what was looked at under it, ' +
        'that has no review yet or whose latest review asked for follow-up. Oldest first.',
      period,
      truncated,
    ),
    rows: await rowsOf(rows, context),
  };
}

/** The history shows the latest closed: a page of them, not a year's (a few thousand rows through the gateway took half a second). */
const HISTORY_PAGE = 50;

export async function breakGlassReviewHistory(args: { from?: string | null; to?: string | null; first?: number | null }, context: Context) {
  const period = periodArgument(args, 366);
  const first = args.first ?? HISTORY_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > REPORT_ROW_LIMIT) throw badUserInput(`"first" must be 1 to ${REPORT_ROW_LIMIT}.`, { argument: 'first' });
  const { uses, truncated: more } = await usesInPeriod(period, true, context, first);
  const closed = uses.sort((a, b) => new Date(b.closedAt!).getTime() - new Date(a.closedAt!).getTime()); // latest closed first
  const rows = closed.slice(0, first);
  const truncated = closed.length > first;
  return {
    ...reportHeader(
      'Closed break-glass reviews',
      'Every break-glass declaration looked under in the period whose latest review closed it (APPROPRIATE or INAPPROPRIATE), ' +
        'with every review and what was looked at under it. Latest closed first.',
      period,
      truncated || more,
    ),
    rows: await rowsOf(rows, context),
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
  await foldReviews(context.models, args.breakGlassId);
  return reviewView(review);
}
