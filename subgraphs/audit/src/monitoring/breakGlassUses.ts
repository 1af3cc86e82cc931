import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import type { AuditEventRecord, AuditUser } from '@shareforyou/kit';
import { userShape } from './findingRecords';

/**
 * What was looked at under each break-glass declaration, kept by the monitoring sweep as it reads the
 * trail: one document per declaration. The review queue and history read these few documents
 * instead of every event under break-glass in their period (a year of a sector holds tens of
 * thousands of them, each a large document to decode: issue 20). Derived, never authoritative: the
 * events stay the record, and everything here can be rebuilt from them (every write is keyed, so a
 * re-read changes nothing).
 */

export interface BreakGlassUseRecord {
  /** The declaration's id. */
  _id: string;
  /** Who looked, as they were at their latest look. */
  user: AuditUser;
  nhsNumber: string;
  reason: string;
  detail: string;
  firstAccess: Date;
  lastAccess: Date;
  requestIds: string[];
  categories: string[];
  /**
   * The declaration's reviews, newest first, copied from the append-only `breakGlassReviews` (which
   * stay the record) each time one is recorded, and whether the latest closed it and when: the queue
   * reads the open declarations alone and the history the latest closed, through an index each.
   */
  reviews: UseReview[];
  closed: boolean;
  closedAt: Date | null;
}

/** A review as the use keeps it (breakGlassReviews' record without the declaration's id). */
export interface UseReview {
  outcome: string;
  note: string;
  reviewedBy: AuditUser;
  reviewedAt: Date;
}

const breakGlassUseSchema = new Schema<BreakGlassUseRecord>(
  {
    _id: String,
    user: userShape,
    nhsNumber: { type: String, required: true },
    reason: String,
    detail: String,
    firstAccess: Date,
    lastAccess: Date,
    requestIds: [String],
    categories: [String],
    reviews: [Schema.Types.Mixed],
    closed: Boolean,
    closedAt: Date,
  },
  { collection: 'breakGlassUses', versionKey: false },
);
// The queue: the open declarations looked under in a period, by their last look. The history: the
// closed ones, latest closed first (read in this index's order, stopping at its limit).
breakGlassUseSchema.index({ closed: 1, lastAccess: -1 });
// The access log's looks under break-glass: the declarations, latest last look first (breakGlassLog.ts).
breakGlassUseSchema.index({ lastAccess: -1 });
breakGlassUseSchema.index({ closed: 1, closedAt: -1 });

export function breakGlassUseModel(auditDb: Connection) {
  return auditDb.models.BreakGlassUse ?? auditDb.model<BreakGlassUseRecord>('BreakGlassUse', breakGlassUseSchema);
}
export type BreakGlassUseModel = ReturnType<typeof breakGlassUseModel>;

/** The looks under break-glass in [from, to): one range of the { breakGlass.id, at } index, a few in a million events. */
export const breakGlassLooksQuery = (period: { from: Date; to: Date }) => ({ 'breakGlass.id': { $ne: null }, at: { $gte: period.from, $lt: period.to } });

/**
 * The looks under break-glass among the newest events (the minute or two the uses may not hold
 * yet): read by time, through { at }. Through { breakGlass.id, at } the engine would walk every
 * declaration's entries, a year of them, to find the few of the last minute.
 */
export const newestBreakGlassQuery = (at: { $gte: Date; $lt?: Date; $lte?: Date }) => ({ at, 'breakGlass.id': { $exists: true } });

export type BreakGlassEvent = Pick<AuditEventRecord, 'requestId' | 'at' | 'user' | 'nhsNumber' | 'categories' | 'breakGlass'>;

/** The uses the events show, one per declaration (the events need not be in order). */
export function usesOf(events: BreakGlassEvent[]): BreakGlassUseRecord[] {
  const uses = new Map<string, BreakGlassUseRecord>();
  for (const event of events) {
    if (!event.breakGlass || !event.nhsNumber) continue;
    const at = new Date(event.at);
    let use = uses.get(event.breakGlass.id);
    if (!use) {
      use = {
        _id: event.breakGlass.id,
        user: event.user,
        nhsNumber: event.nhsNumber,
        reason: event.breakGlass.reason,
        detail: event.breakGlass.detail,
        firstAccess: at,
        lastAccess: at,
        requestIds: [],
        categories: [],
        reviews: [],
        closed: false,
        closedAt: null,
      };
      uses.set(use._id, use);
    }
    if (at < use.firstAccess) use.firstAccess = at;
    if (at >= use.lastAccess) {
      use.lastAccess = at;
      use.user = event.user;
    }
    if (!use.requestIds.includes(event.requestId)) use.requestIds.push(event.requestId);
    for (const category of event.categories ?? []) if (!use.categories.includes(category)) use.categories.push(category);
  }
  return [...uses.values()];
}

/** Folds the uses the events show into the stored ones. */
export async function recordBreakGlassUses(model: BreakGlassUseModel, events: BreakGlassEvent[]): Promise<number> {
  const uses = usesOf(events);
  for (const use of uses) {
    await model
      .updateOne(
        { _id: use._id },
        {
          // $set, not $setOnInsert: a review recorded before the sweep read the declaration made the document.
          $set: { nhsNumber: use.nhsNumber, reason: use.reason, detail: use.detail },
          $setOnInsert: { user: use.user, reviews: [], closed: false, closedAt: null },
          $min: { firstAccess: use.firstAccess },
          $max: { lastAccess: use.lastAccess },
          $addToSet: { requestIds: { $each: use.requestIds }, categories: { $each: use.categories } },
        },
        { upsert: true },
      )
      .exec();
    // The latest look names the user as they were then (a later role or name).
    await model.updateOne({ _id: use._id, lastAccess: use.lastAccess }, { $set: { user: use.user } }).exec();
  }
  return uses.length;
}

/** Reviews that close a declaration; NEEDS_FOLLOW_UP keeps it in the queue. */
const CLOSING = ['APPROPRIATE', 'INAPPROPRIATE'];

/** Who reviewed a declaration, newest first, and whether the latest review closed it. */
export function reviewState(reviews: UseReview[]): Pick<BreakGlassUseRecord, 'reviews' | 'closed' | 'closedAt'> {
  const newestFirst = reviews
    .map(({ outcome, note, reviewedBy, reviewedAt }) => ({ outcome, note, reviewedBy, reviewedAt }))
    .sort((a, b) => new Date(b.reviewedAt).getTime() - new Date(a.reviewedAt).getTime());
  const latest = newestFirst[0];
  const closed = latest !== undefined && CLOSING.includes(latest.outcome);
  return { reviews: newestFirst, closed, closedAt: closed ? new Date(latest.reviewedAt) : null };
}

/** The append-only reviews, as far as folding them needs. */
interface ReviewRecords {
  find(filter: { breakGlassId: string }): { lean(): { exec(): Promise<unknown> } };
}

/** Copies a declaration's reviews (the append-only record) into its use document, made if the sweep has not read the declaration yet. */
export async function foldReviews(models: { BreakGlassReview: ReviewRecords; BreakGlassUse: BreakGlassUseModel }, breakGlassId: string): Promise<void> {
  const reviews = (await models.BreakGlassReview.find({ breakGlassId }).lean().exec()) as UseReview[];
  await models.BreakGlassUse.updateOne({ _id: breakGlassId }, { $set: reviewState(reviews) }, { upsert: true }).exec();
}

/** Merges two views of the same declarations (the stored uses and the newest events' uses). */
export function mergeUses(stored: BreakGlassUseRecord[], recent: BreakGlassUseRecord[]): BreakGlassUseRecord[] {
  const merged = new Map(stored.map((use) => [use._id, { ...use, requestIds: [...(use.requestIds ?? [])], categories: [...(use.categories ?? [])], reviews: use.reviews ?? [] }]));
  for (const use of recent) {
    const known = merged.get(use._id);
    if (!known) {
      merged.set(use._id, use);
      continue;
    }
    known.nhsNumber ??= use.nhsNumber;
    known.reason ??= use.reason;
    known.detail ??= use.detail;
    known.user ??= use.user;
    known.firstAccess ??= use.firstAccess;
    known.lastAccess ??= use.lastAccess;
    if (use.firstAccess < known.firstAccess) known.firstAccess = use.firstAccess;
    if (use.lastAccess >= known.lastAccess) {
      known.lastAccess = use.lastAccess;
      known.user = use.user;
    }
    for (const id of use.requestIds) if (!known.requestIds.includes(id)) known.requestIds.push(id);
    for (const category of use.categories) if (!known.categories.includes(category)) known.categories.push(category);
  }
  return [...merged.values()];
}
