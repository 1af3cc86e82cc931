import { badUserInput, type AuditUser, type SubgraphContext } from '@shareforyou/kit';
import { collectLooks, limitRows, lookRow, LOOK_FIELDS, reportHeader, type LookEvent } from './looks';
import type { AuditServiceModels, BreakGlassReviewOutcome, BreakGlassReviewRecord } from './models';
import { atWithin, periodArgument } from './period';

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
  const { userId, name, odsCode, jobRole, profile } = context.identity;
  return { id: userId, name, odsCode, jobRole, profile };
};

export async function breakGlassReviewQueue(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 90);
  const cursor = context.models.AuditEvent.find({ 'breakGlass.id': { $ne: null }, at: atWithin(period) })
    .select(LOOK_FIELDS)
    .lean()
    .cursor() as AsyncIterable<LookEvent>;
  const declarations = new Map<string, { reason: string; detail: string }>();
  const looks = await collectLooks(cursor, (e) => {
    declarations.set(e.breakGlass!.id, { reason: e.breakGlass!.reason, detail: e.breakGlass!.detail });
    return e.breakGlass!.id;
  });
  const ids = looks.entries().map(([id]) => id);
  const reviews = (await context.models.BreakGlassReview.find({ breakGlassId: { $in: ids } })
    .sort({ reviewedAt: -1 })
    .lean()
    .exec()) as BreakGlassReviewRecord[];
  const latest = new Map<string, BreakGlassReviewRecord>();
  for (const review of reviews) if (!latest.has(review.breakGlassId)) latest.set(review.breakGlassId, review);

  const closed = (id: string) => {
    const outcome = latest.get(id)?.outcome;
    return outcome !== undefined && CLOSING.includes(outcome);
  };
  const waiting = looks
    .entries()
    .filter(([id]) => !closed(id))
    .sort(([, a], [, b]) => a.firstAccess.getTime() - b.firstAccess.getTime()); // longest waiting first
  const { rows, truncated } = limitRows(waiting);
  return {
    ...reportHeader(
      'Break-glass review queue',
      'Every break-glass declaration under which the record was looked at in the period, with what was looked at under it, ' +
        'that has no review yet or whose latest review asked for follow-up. Oldest first.',
      period,
      truncated || looks.truncated,
    ),
    rows: rows.map(([id, look]) => {
      const row = lookRow(look);
      const review = latest.get(id);
      return {
        breakGlassId: id,
        user: row.user,
        nhsNumber: row.nhsNumber,
        ...declarations.get(id)!,
        firstAccess: row.firstAccess,
        lastAccess: row.lastAccess,
        accesses: row.accesses,
        categories: row.categories,
        latestReview: review ? reviewView(review) : null,
      };
    }),
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
