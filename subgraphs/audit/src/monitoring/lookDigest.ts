import { databaseTimeoutMs, type AuditEventRecord, type AuditUser } from '@shareforyou/kit';
import { LOOK_FIELDS, type LookEvent } from '../looks';
import { EARLIEST_EVENT } from '../period';
import { REPLAY_MS } from './sweep';
import { decodeHour, emptyHour, encodeHour, HOUR_MS, hourId, hourIsOutOfHours, hourOf, trimRecent, foldEvent, type HourLooks, type LookHourModels, type LookHourRecord, type LookUserRecord } from './lookHours';

/**
 * The look digest: reads the trail once, in time order, and adds each look at a patient's record to
 * its hour (lookHours.ts). It stays DIGEST_LAG_MS behind the clock, the longest an event can take to
 * be written after it was built, so no event lands behind it and each is added exactly once. Its
 * position is the newest hour's `through`; every hour document is written only if no one else moved
 * it on meanwhile (compare and set on `through`), so two audit service instances, or a pass that
 * failed half-way, never add an event twice. On a store older than this code it starts at the first
 * event and catches up, a batch a pass; the reports read the events themselves for whatever it has not
 * reached, so they are right meanwhile, only slower.
 */

/** Longer than the monitoring sweep's REPLAY_MS: an event is written at most that long after it was built. */
export const DIGEST_LAG_MS = REPLAY_MS + 5_000;
const BATCH = 2_000;
/** A read is sorted through the index and stops at BATCH, so a wide window costs nothing while the trail is busy. */
const FIRST_WINDOW_MS = 6 * HOUR_MS;
const MAX_WINDOW_MS = 7 * 24 * HOUR_MS;

export interface DigestModels extends LookHourModels {
  AuditEvent: { find: (filter: object) => any; findOne: (filter: object) => any };
}

export interface DigestStep {
  /** Events read this pass. */
  read: number;
  /** How far the digest's position is behind where it may go (now less DIGEST_LAG_MS). */
  behindMs: number;
}

type Event = LookEvent & Pick<AuditEventRecord, 'at'>;

/** The digest's position: every event before it is in the hours (null: it has not begun). */
export async function digestPosition(models: LookHourModels): Promise<{ position: Date; latest: LookHourRecord } | null> {
  // Bounded below so that the engine reads the newest hour through the index, in order, and stops.
  const latest = (await models.LookHour.findOne({ hour: { $gte: EARLIEST_EVENT } }).sort({ hour: -1 }).lean().exec()) as LookHourRecord | null;
  return latest ? { position: new Date(latest.through), latest } : null;
}

/** One pass: the next batch of events after the position, added to their hours. */
export async function digestStep(models: DigestModels, now = new Date(), timeLimitMs = databaseTimeoutMs()): Promise<DigestStep> {
  const until = new Date(now.getTime() - DIGEST_LAG_MS);
  const current = await digestPosition(models);
  let from = current?.position;
  if (!from) {
    const first = (await models.AuditEvent.findOne({ at: { $gte: EARLIEST_EVENT } }).sort({ at: 1 }).select({ at: 1 }).lean().exec()) as { at: Date } | null;
    from = first ? new Date(hourOf(new Date(first.at).getTime())) : new Date(hourOf(until.getTime()));
  }
  if (from >= until) return { read: 0, behindMs: 0 };
  // Quiet time costs an index lookup: move on through it, the window widening, until a window holds
  // events or reaches `until` (however long the quiet: a gap of weeks is crossed in one pass).
  let windowMs = FIRST_WINDOW_MS;
  let readFrom = from;
  let end: Date;
  let events: Event[];
  for (;;) {
    end = new Date(Math.min(readFrom.getTime() + windowMs, until.getTime()));
    events = (await models.AuditEvent.find({ at: { $gte: readFrom, $lt: end } }).sort({ at: 1 }).limit(BATCH).select(LOOK_FIELDS).maxTimeMS(timeLimitMs).lean().exec()) as Event[];
    if (events.length > 0 || end >= until) break;
    readFrom = end;
    windowMs = Math.min(MAX_WINDOW_MS, windowMs * 2);
  }
  let through = end;
  if (events.length === BATCH) {
    const last = new Date(events[events.length - 1].at).getTime();
    if (new Date(events[0].at).getTime() === last) {
      // A millisecond holding a whole batch is read whole, so the position always moves on.
      events = (await models.AuditEvent.find({ at: { $gte: new Date(last), $lte: new Date(last) } }).select(LOOK_FIELDS).maxTimeMS(timeLimitMs).lean().exec()) as Event[];
      through = new Date(last + 1);
    } else {
      events = events.filter((e) => new Date(e.at).getTime() < last);
      through = new Date(last);
    }
  }
  const looks = events.filter((e) => e.nhsNumber);
  const numbers = await userNumbers(models, looks);
  await writeHours(models, current?.latest ?? null, from, through, looks, numbers);
  return { read: events.length, behindMs: Math.max(0, until.getTime() - through.getTime()) };
}

/**
 * Adds the looks to their hours and moves each hour's `through` on, oldest hour first, each written
 * only if its `through` is still what was read; the hour holding the new position is written even
 * without looks, since the newest hour's `through` is the position.
 */
async function writeHours(models: LookHourModels, latest: LookHourRecord | null, from: Date, through: Date, looks: Event[], numbers: Map<string, number>): Promise<void> {
  const hours = new Set(looks.map((e) => hourOf(new Date(e.at).getTime())));
  hours.add(hourOf(through.getTime() - 1));
  let recent = latest ? decodeHour(latest).recent : new Map<string, number>();
  for (const hour of [...hours].sort((a, b) => a - b)) {
    const stored = latest && hourId(hour) === latest._id ? latest : ((await models.LookHour.findById(hourId(hour)).lean().exec()) as LookHourRecord | null);
    // An hour already moved past where this pass began was written by another pass: it is ahead.
    if (stored && new Date(stored.through).getTime() > from.getTime()) return;
    const held: HourLooks = stored ? decodeHour(stored) : emptyHour(hour);
    const hourThrough = Math.min(hour + HOUR_MS, through.getTime());
    for (const event of looks) {
      const at = new Date(event.at).getTime();
      if (hourOf(at) === hour) foldEvent(held, event, numbers.get(event.user.id)!, recent);
    }
    recent = trimRecent(recent, hourThrough);
    held.recent = recent;
    const content = { ...encodeHour(held), through: new Date(hourThrough) };
    if (stored) {
      const written = await models.LookHour.updateOne({ _id: stored._id, through: stored.through }, { $set: content }).exec();
      if (written.matchedCount === 0) return; // another pass moved this hour on: it has these events
    } else {
      try {
        await models.LookHour.create({ _id: hourId(hour), hour: new Date(hour), outOfHours: hourIsOutOfHours(hour), ...content });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return; // another pass wrote this hour first
        throw error;
      }
    }
  }
}

const sameUser = (a: AuditUser, b: AuditUser) => a.name === b.name && a.odsCode === b.odsCode && a.jobRole === b.jobRole && a.profile === b.profile;

/** A user's number never changes: each audit database's are remembered once read. */
const numbersOf = new WeakMap<object, Map<string, number>>();

/** The user's number, given the first time they are seen (by whichever pass gets there first). */
export async function userNumber(models: LookHourModels, userId: string, give: boolean): Promise<number | undefined> {
  let known = numbersOf.get(models.LookUser);
  if (!known) numbersOf.set(models.LookUser, (known = new Map()));
  const cached = known.get(userId);
  if (cached !== undefined) return cached;
  const find = async () => (await models.LookUser.findOne({ userId }).select({ _id: 1 }).lean().exec()) as { _id: string } | null;
  let record = await find();
  if (!record && give) {
    const counter = (await models.LookUser.findOneAndUpdate({ _id: '#next' }, { $inc: { next: 1 }, $setOnInsert: { userId: '#next' } }, { upsert: true, returnDocument: 'after' }).lean().exec()) as { next: number };
    try {
      await models.LookUser.create({ _id: String(counter.next), userId, snapshots: [] });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error; // numbered by another pass meanwhile
    }
    record = await find();
  }
  if (!record) return undefined;
  known.set(userId, Number(record._id));
  return Number(record._id);
}

/** Who each numbered user was at their latest snapshot, remembered once read or written (by audit database). */
const latestOf = new WeakMap<object, Map<number, AuditUser | null>>();

/** Each user's number, and a new snapshot of who they were whenever it changed (their latest read once a process, then remembered). */
async function userNumbers(models: LookHourModels, events: Event[]): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  for (const event of events) if (!numbers.has(event.user.id)) numbers.set(event.user.id, (await userNumber(models, event.user.id, true))!);
  let latest = latestOf.get(models.LookUser);
  if (!latest) latestOf.set(models.LookUser, (latest = new Map()));
  const unread = [...numbers.values()].filter((n) => !latest!.has(n));
  if (unread.length) {
    const records = (await models.LookUser.find({ _id: { $in: unread.map(String) } }).lean().exec()) as LookUserRecord[];
    for (const n of unread) latest.set(n, null);
    for (const record of records) latest.set(Number(record._id), (record.snapshots ?? []).at(-1)?.user ?? null);
  }
  const added = new Map<number, Array<{ since: Date; user: AuditUser }>>();
  for (const event of events) {
    const n = numbers.get(event.user.id)!;
    const last = latest.get(n);
    if (last && sameUser(last, event.user)) continue;
    added.set(n, [...(added.get(n) ?? []), { since: new Date(event.at), user: event.user }]);
    latest.set(n, event.user);
  }
  for (const [n, snapshots] of added) await models.LookUser.updateOne({ _id: String(n) }, { $push: { snapshots: { $each: snapshots } } }).exec();
  return numbers;
}

/** The audit service's runner: again at once while behind, so a store older than the digest catches up. */
export function digestRunner(models: DigestModels) {
  return async (): Promise<'again' | undefined> => {
    const step = await digestStep(models);
    return step.behindMs > 0 && step.read > 0 ? 'again' : undefined;
  };
}
