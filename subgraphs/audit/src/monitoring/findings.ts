import { badUserInput, type SubgraphContext } from '@shareforyou/kit';
import { reviewer } from '../breakGlassReview';
import { limitRows, reportHeader } from '../looks';
import type { BreakGlassReviewOutcome } from '../reviewOutcome';
import { type FindingReviewRecord, type findingModels, type MonitoringFindingRecord } from './findingRecords';
import { atWithin, periodArgument } from '../period';
import { FINDING_MEANING, type FindingKind } from './matching';

/**
 * Monitoring findings: what the sweep found by itself (own record, same address, same surname),
 * one per kind, user and patient, with every look along it. Reviewed like break-glass: a review
 * with an outcome, kept; APPROPRIATE and INAPPROPRIATE close the finding.
 */

type Context = SubgraphContext<ReturnType<typeof findingModels>>;

const CLOSING: BreakGlassReviewOutcome[] = ['APPROPRIATE', 'INAPPROPRIATE'];
const reviewView = (review: FindingReviewRecord) => ({ ...review, reviewedAt: new Date(review.reviewedAt).toISOString() });

export async function monitoringFindings(
  args: { from?: string | null; to?: string | null; kind?: FindingKind | null; reviewed?: boolean | null },
  context: Context,
) {
  const period = periodArgument(args, 31);
  const query: Record<string, unknown> = { lastAccess: atWithin(period) };
  if (args.kind) query.kind = args.kind;
  const found = (await context.models.MonitoringFinding.find(query).sort({ lastAccess: -1 }).limit(5_001).lean().exec()) as MonitoringFindingRecord[];
  const reviews = found.length
    ? ((await context.models.FindingReview.find({ findingId: { $in: found.map((f) => f._id) } }).sort({ reviewedAt: -1 }).lean().exec()) as FindingReviewRecord[])
    : [];
  const reviewsOf = new Map<string, FindingReviewRecord[]>();
  for (const review of reviews) reviewsOf.set(review.findingId, [...(reviewsOf.get(review.findingId) ?? []), review]);
  const closed = (id: string) => {
    const latest = reviewsOf.get(id)?.[0];
    return latest !== undefined && CLOSING.includes(latest.outcome);
  };
  const wanted = found.filter((f) => (typeof args.reviewed === 'boolean' ? closed(f._id) === args.reviewed : true));
  const { rows, truncated } = limitRows(wanted);
  return {
    ...reportHeader(
      'Monitoring findings',
      'What the monitoring found by itself in the trail, one row per kind, member of staff and patient, latest look first: ' +
        `OWN_RECORD, ${FINDING_MEANING.OWN_RECORD}; SAME_ADDRESS, ${FINDING_MEANING.SAME_ADDRESS}; SAME_SURNAME, ${FINDING_MEANING.SAME_SURNAME}. ` +
        'Links the privacy office records by hand are in ownRecordAccess and sharedSurnameOrAddressAccess.',
      period,
      truncated || found.length > 5_000,
    ),
    rows: rows.map((finding) => {
      const all = reviewsOf.get(finding._id) ?? [];
      return {
        id: finding._id,
        kind: finding.kind,
        meaning: FINDING_MEANING[finding.kind],
        score: finding.score,
        user: finding.user,
        nhsNumber: finding.nhsNumber,
        firstAccess: new Date(finding.firstAccess).toISOString(),
        lastAccess: new Date(finding.lastAccess).toISOString(),
        raisedAt: new Date(finding.raisedAt).toISOString(),
        accesses: finding.requestIds.length,
        closed: closed(finding._id),
        latestReview: all[0] ? reviewView(all[0]) : null,
        reviews: all.map(reviewView),
      };
    }),
  };
}

export async function recordMonitoringFindingReview(args: { findingId: string; outcome: BreakGlassReviewOutcome; note: string }, context: Context) {
  const note = args.note.trim();
  if (note.length < 10) throw badUserInput('Say what the review found (at least 10 characters): the note is the record of the review.', { argument: 'note' });
  if (!(await context.models.MonitoringFinding.exists({ _id: args.findingId }))) {
    throw badUserInput('No monitoring finding has this id: pass the id monitoringFindings returned.', { argument: 'findingId' });
  }
  const review: FindingReviewRecord = { findingId: args.findingId, outcome: args.outcome, note: note.slice(0, 4000), reviewedBy: reviewer(context as never), reviewedAt: new Date() };
  await context.models.FindingReview.create(review);
  return reviewView(review);
}
