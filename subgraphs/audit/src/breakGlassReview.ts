import { badUserInput, type AuditUser, type BreakGlassRecord, type SubgraphContext } from '@shareforyou/kit';
import { collectLooks, limitRows, lookRow, LOOK_FIELDS, reportHeader, type Look, type LookEvent } from './looks';
import type { AuditServiceModels, BreakGlassReviewOutcome, BreakGlassReviewRecord } from './models';
import { atWithin, periodArgument, type Period } from './period';

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

/** The looks under break-glass in the period: one range of the { breakGlass.id, at } index, a few in a million events. */
export const breakGlassLooksQuery = (period: Period) => ({ 'breakGlass.id': { $ne: null }, at: atWithin(period) });

/** Every declaration looked under in the period, with its reviews (newest first) and its declared and expiry times. */
async function declarationsInPeriod(period: Period, context: Context) {
  const cursor = context.models.AuditEvent.find(breakGlassLooksQuery(period))
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
  const reviewsOf = new Map<string, BreakGlassReviewRecord[]>();
  for (const review of reviews) reviewsOf.set(review.breakGlassId, [...(reviewsOf.get(review.breakGlassId) ?? []), review]);
  // The registry keeps the declaration itself (declared and expiry times): one $in over the patients.
  const patients = [...new Set(looks.entries().map(([, look]) => look.nhsNumber))];
  const access = patients.length
    ? ((await context.models.PatientAccess.find({ _id: { $in: patients } }).select({ breakGlass: 1 }).lean().exec()) as Array<{ breakGlass?: BreakGlassRecord[] }>)
    : [];
  const declared = new Map(access.flatMap((record) => (record.breakGlass ?? []).map((d) => [d.id, d] as const)));
  const row = ([id, look]: [string, Look]) => {
    const base = lookRow(look);
    const all = reviewsOf.get(id) ?? [];
    const declaration = declared.get(id);
    return {
      breakGlassId: id,
      user: base.user,
      nhsNumber: base.nhsNumber,
      ...declarations.get(id)!,
      declaredAt: declaration ? new Date(declaration.declaredAt).toISOString() : null,
      expiresAt: declaration ? new Date(declaration.expiresAt).toISOString() : null,
      firstAccess: base.firstAccess,
      lastAccess: base.lastAccess,
      accesses: base.accesses,
      categories: base.categories,
      latestReview: all[0] ? reviewView(all[0]) : null,
      reviews: all.map(reviewView),
    };
  };
  return { looks, row, latest: (id: string) => reviewsOf.get(id)?.[0] };
}

/** A declaration is closed when its latest review closes it. */
const isClosed = (latest: BreakGlassReviewRecord | undefined) => latest !== undefined && CLOSING.includes(latest.outcome);

export async function breakGlassReviewQueue(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 90);
  const { looks, row, latest } = await declarationsInPeriod(period, context);
  const waiting = looks
    .entries()
    .filter(([id]) => !isClosed(latest(id)))
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
    rows: rows.map(row),
  };
}

export async function breakGlassReviewHistory(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 366);
  const { looks, row, latest } = await declarationsInPeriod(period, context);
  const closed = looks
    .entries()
    .filter(([id]) => isClosed(latest(id)))
    .sort(([a], [b]) => new Date(latest(b)!.reviewedAt).getTime() - new Date(latest(a)!.reviewedAt).getTime()); // latest closed first
  const { rows, truncated } = limitRows(closed);
  return {
    ...reportHeader(
      'Closed break-glass reviews',
      'Every break-glass declaration looked under in the period whose latest review closed it (APPROPRIATE or INAPPROPRIATE), ' +
        'with every review and what was looked at under it. Latest closed first.',
      period,
      truncated || looks.truncated,
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
