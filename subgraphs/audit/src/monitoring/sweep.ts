import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import { databaseTimeoutMs, type AuditEventRecord, type AuditUser, type BreakGlassRecord, type RegistryAccessModels } from '@shareforyou/kit';
import { currentAddressOf, storedAddresses, type AddressValue } from '@shareforyou/kit/src/ingest';
import { raiseAlert, type AlertModel } from '../alerts/alerts';
import { EARLIEST_EVENT } from '../period';
import { breakGlassLooksQuery, foldReviews, recordBreakGlassUses, type BreakGlassUseModel } from './breakGlassUses';
import type { findingModels } from './findingRecords';
import { alertThreshold, FINDING_SCORE, findingsForLook, type PatientIdentity, type StaffIdentity } from './matching';
import type { StaffModel, StaffMemberRecord } from './staffDirectory';

/**
 * The monitoring sweep, run by the audit service on a schedule (MONITORING_SWEEP_MS, default 5 s):
 * it reads the events written since the last sweep and
 *   - raises an alert for every break-glass declaration (and for a look under one, in case the
 *     declaration's own event was missed), once per declaration;
 *   - compares each look by a member of staff with the patient index and the staff directory, and
 *     records a finding (own record, same address, same surname), alerting at the threshold.
 * Events carry the time they were built, not written, so one that took long to write (up to
 * REPLAY_MS) can land behind the watermark. Most passes read only what is new (from the watermark
 * on); every CATCH_UP_MS a catch-up pass reads from REPLAY_MS before the watermark the previous
 * catch-up reached, so an event written late since then is still seen, within CATCH_UP_MS plus one
 * interval. Everything the sweep writes is keyed, so a re-read changes nothing.
 * (Re-reading the window on every pass read every event seven times over, the database's biggest
 * cost under load after the requests themselves: docs/performance.md.)
 */

export const REPLAY_MS = 30_000;
const CATCH_UP_MS = 60_000;
/**
 * At most this many events a read: 20,000 (sorted by time on an engine that sorts in memory) took
 * longer than the database time limit after a burst, and the pass failed, over and over (issue 20).
 */
const BATCH = 2_000;
/** The window of time a read covers at first; it adapts between MIN_ and MAX_WINDOW_MS. */
const WINDOW_MS = 5 * 60_000;
const MIN_WINDOW_MS = 10;
const MAX_WINDOW_MS = 6 * 3_600_000;
/** A sweep with no state yet starts with the last day. */
const FIRST_LOOKBACK_MS = 24 * 3_600_000;
/** While behind, each pass also reads this much of the newest events for break-glass; further behind than BEHIND_WARN_MS, it says so at warn level. */
const HEAD_MS = 15_000;
const BEHIND_WARN_MS = 15_000;
const DECLARE = 'Mutation.declareBreakGlass';
const SELECT = { requestId: 1, at: 1, user: 1, nhsNumber: 1, viewed: 1, categories: 1, breakGlass: 1 };
/** The backfill of the break-glass uses reads this much of the trail at a time, for this long a pass at most. */
const BACKFILL_WINDOW_MS = 7 * 86_400_000;
const BACKFILL_PASS_MS = 2_000;

interface SweepState {
  _id: string;
  /** The newest event time seen. */
  watermark: Date;
  /** When a catch-up pass last finished, and the watermark it reached. */
  caughtUpAt?: Date;
  caughtUpTo?: Date;
  /** Where an unfinished catch-up got to (it continues from there). */
  replayFrom?: Date | null;
  /** The window of time the next read covers. */
  windowMs?: number;
  /**
   * The break-glass uses (breakGlassUses.ts) of the events before the sweep first kept them: read
   * once, from the oldest event up to `usesBackfillTo`, in windows; `usesBackfilledTo` is how far.
   */
  usesBackfillTo?: Date;
  usesBackfilledTo?: Date;
  usesBackfilled?: boolean;
}
const sweepStateSchema = new Schema<SweepState>(
  {
    _id: String,
    watermark: Date,
    caughtUpAt: Date,
    caughtUpTo: Date,
    replayFrom: Date,
    windowMs: Number,
    usesBackfillTo: Date,
    usesBackfilledTo: Date,
    usesBackfilled: Boolean,
  },
  { collection: 'monitoringSweep', versionKey: false },
);

interface PatientIndexRecord {
  _id: string;
  name?: { family?: string };
  addresses?: AddressValue[];
  /** Records fed before every address was kept. */
  address?: { lines: string[]; city: string | null; postcode: string | null } | null;
}
const patientIndexSchema = new Schema<PatientIndexRecord>({ _id: String }, { collection: 'patients', versionKey: false, strict: false });

/** The patient index, read-only: the family name and address of the patients looked at. */
export function patientIndexModel(registry: Connection) {
  return registry.models.PatientIndexRead ?? registry.model<PatientIndexRecord>('PatientIndexRead', patientIndexSchema);
}

export interface SweepModels extends ReturnType<typeof findingModels> {
  AuditEvent: Connection['models'][string];
  Alert: AlertModel;
  Staff: StaffModel;
  PatientIndex: ReturnType<typeof patientIndexModel>;
  PatientAccess: RegistryAccessModels['PatientAccess'];
  SweepState: ReturnType<typeof sweepStateModel>;
  BreakGlassUse: BreakGlassUseModel;
  BreakGlassReview: Connection['models'][string];
}

export function sweepStateModel(auditDb: Connection) {
  return auditDb.models.SweepState ?? auditDb.model<SweepState>('SweepState', sweepStateSchema);
}

type SweptEvent = Pick<AuditEventRecord, 'requestId' | 'at' | 'user' | 'nhsNumber' | 'viewed' | 'categories' | 'breakGlass'>;

interface Look {
  user: AuditUser;
  nhsNumber: string;
  firstAccess: Date;
  lastAccess: Date;
  requestIds: Set<string>;
}

async function inChunks<T, R>(items: T[], size: number, read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await read(items.slice(i, i + size))));
  return out;
}

async function breakGlassAlerts(models: SweepModels, events: SweptEvent[]): Promise<void> {
  const declared = events.filter((e) => e.nhsNumber && e.viewed?.includes(DECLARE));
  const lookedUnder = events.filter((e) => e.nhsNumber && e.breakGlass);
  for (const event of lookedUnder) {
    await raiseAlert(models.Alert, { id: `break-glass:${event.breakGlass!.id}`, kind: 'BREAK_GLASS', title: 'Break-glass access declared', nhsNumber: event.nhsNumber!, subjectId: event.breakGlass!.id });
  }
  if (declared.length === 0) return;
  // The declaration's id is in the registry's access record: the user's latest one made before the event.
  const records = (await models.PatientAccess.find({ _id: { $in: [...new Set(declared.map((e) => e.nhsNumber!))] } }).select({ breakGlass: 1 }).lean().exec()) as Array<{
    _id: string;
    breakGlass?: BreakGlassRecord[];
  }>;
  const byPatient = new Map(records.map((r) => [r._id, r.breakGlass ?? []]));
  for (const event of declared) {
    const declaration = (byPatient.get(event.nhsNumber!) ?? [])
      .filter((d) => d.userId === event.user.id && new Date(d.declaredAt) <= new Date(event.at))
      .sort((a, b) => new Date(b.declaredAt).getTime() - new Date(a.declaredAt).getTime())[0];
    if (!declaration) continue;
    await raiseAlert(models.Alert, { id: `break-glass:${declaration.id}`, kind: 'BREAK_GLASS', title: 'Break-glass access declared', nhsNumber: event.nhsNumber!, subjectId: declaration.id });
  }
}

async function lookFindings(models: SweepModels, events: SweptEvent[]): Promise<void> {
  const looks = new Map<string, Look>();
  for (const event of events) {
    if (!event.nhsNumber || event.user.profile === 'patient') continue;
    const key = JSON.stringify([event.user.id, event.nhsNumber]);
    const at = new Date(event.at);
    const look = looks.get(key) ?? { user: event.user, nhsNumber: event.nhsNumber, firstAccess: at, lastAccess: at, requestIds: new Set<string>() };
    if (at < look.firstAccess) look.firstAccess = at;
    if (at >= look.lastAccess) {
      look.lastAccess = at;
      look.user = event.user;
    }
    look.requestIds.add(event.requestId);
    looks.set(key, look);
  }
  if (looks.size === 0) return;
  const all = [...looks.values()];
  const patients = await inChunks([...new Set(all.map((l) => l.nhsNumber))], 500, async (ids) =>
    (await models.PatientIndex.find({ _id: { $in: ids } }).select({ 'name.family': 1, addresses: 1, address: 1 }).lean().exec()) as PatientIndexRecord[],
  );
  // The address the patient lives at now, chosen as the record shows it (kit: patientDemographics).
  const patientOf = new Map<string, PatientIdentity>(
    patients.map((p) => {
      const address = currentAddressOf(storedAddresses(p), new Date());
      return [p._id, { nhsNumber: p._id, familyName: p.name?.family ?? null, address: address ? { lines: address.lines, postcode: address.postcode } : null }];
    }),
  );
  const staff = await inChunks([...new Set(all.map((l) => l.user.id))], 500, async (ids) => (await models.Staff.find({ staffId: { $in: ids } }).lean().exec()) as StaffMemberRecord[]);
  const staffRecordsOf = new Map<string, StaffMemberRecord[]>();
  for (const s of staff) staffRecordsOf.set(s.staffId, [...(staffRecordsOf.get(s.staffId) ?? []), s]);
  // The same person may be on two organisations' feeds: the one they signed in for wins.
  const staffOf = (look: Look): StaffIdentity | null => {
    const records = staffRecordsOf.get(look.user.id) ?? [];
    const s = records.find((r) => r.odsCode === look.user.odsCode) ?? records[0];
    return s ? { staffId: s.staffId, familyName: s.familyName, nhsNumber: s.nhsNumber, address: s.address } : null;
  };
  const threshold = alertThreshold();
  for (const look of all) {
    const patient = patientOf.get(look.nhsNumber);
    if (!patient) continue;
    for (const kind of findingsForLook({ userFamilyName: look.user.familyName ?? null, patient, staff: staffOf(look) })) {
      const id = `${kind}:${look.user.id}:${look.nhsNumber}`;
      const score = FINDING_SCORE[kind];
      const result = await models.MonitoringFinding.updateOne(
        { _id: id },
        {
          $setOnInsert: { kind, score, nhsNumber: look.nhsNumber, raisedAt: new Date() },
          $set: { user: look.user },
          $min: { firstAccess: look.firstAccess },
          $max: { lastAccess: look.lastAccess },
          $addToSet: { requestIds: { $each: [...look.requestIds] } },
        },
        { upsert: true },
      ).exec();
      if (result.upsertedCount === 1 && score >= threshold) {
        await raiseAlert(models.Alert, { id: `finding:${id}`, kind: 'MONITORING_FINDING', title: `Monitoring finding: ${kind.toLowerCase().replace('_', ' ')}`, nhsNumber: look.nhsNumber, subjectId: id });
      }
    }
  }
}

/** How the sweep reads: batch, window and time limit (MONITORING_SWEEP_BATCH, DATABASE_TIMEOUT_MS). */
export interface SweepLimits {
  batch: number;
  timeLimitMs: number;
}

export function sweepLimits(env: NodeJS.ProcessEnv = process.env): SweepLimits {
  const batch = Number(env.MONITORING_SWEEP_BATCH ?? BATCH);
  return { batch: Number.isInteger(batch) && batch >= 10 ? batch : BATCH, timeLimitMs: databaseTimeoutMs(env) };
}

/** What one pass did: how many events it read, and how far behind the present it still is. */
export interface SweepStep {
  read: number;
  /** 0 when the pass read to the end of the store. */
  behindMs: number;
  /** An estimate, at the density of the window just read (counting would read them all). */
  behindEvents: number;
  windowMs: number;
  /** Break-glass events read from the newest events while behind. */
  headRead: number;
}

const isTimeLimit = (error: unknown) => /time ?limit|MaxTimeMSExpired|exceeded time limit|operation exceeded/i.test(String((error as Error)?.message)) || (error as { code?: number })?.code === 50;

/**
 * Reads the events in [since, until) (until null: to the end), oldest first, at most `batch`, within
 * the time limit. A millisecond holding a whole batch is read whole, so the position always moves on.
 */
async function readWindow(models: SweepModels, since: Date, until: Date | null, limits: SweepLimits): Promise<SweptEvent[]> {
  const filter = (at: Record<string, Date>) => ({ at, 'client.internal': { $ne: true } });
  const read = (query: ReturnType<typeof models.AuditEvent.find>) => query.select(SELECT).maxTimeMS(limits.timeLimitMs).lean().exec() as Promise<SweptEvent[]>;
  const events = await read(models.AuditEvent.find(filter({ $gte: since, ...(until ? { $lt: until } : {}) })).sort({ at: 1 }).limit(limits.batch));
  if (events.length === limits.batch && new Date(events[0].at).getTime() === new Date(events[events.length - 1].at).getTime()) {
    return read(models.AuditEvent.find(filter({ $gte: since, $lte: new Date(events[0].at) })).sort({ at: 1 }));
  }
  return events;
}

/**
 * One pass, bounded: the events of one window of time from the watermark (or, when a catch-up is
 * due, from where the catch-up is), oldest first, at most `batch` of them, within the database time
 * limit. The window adapts: halved when it held a whole batch, a quarter when the read ran out of
 * time, doubled (to MAX_WINDOW_MS) when it read easily, so a pass never fails for being far behind
 * and the position always moves. While behind, a pass also reads the newest HEAD_MS of events for
 * break-glass alone, so a declaration is alerted within a pass or two however long the backlog.
 */
export async function sweepStep(models: SweepModels, now = new Date(), limits = sweepLimits()): Promise<SweepStep> {
  const state = (await models.SweepState.findById('monitoring').lean().exec()) as SweepState | null;
  const watermark = new Date(state?.watermark ?? now.getTime() - FIRST_LOOKBACK_MS);
  const catchUp = !state?.caughtUpAt || now.getTime() - new Date(state.caughtUpAt).getTime() >= CATCH_UP_MS;
  // A late event is built at most REPLAY_MS before it can be read; anything built earlier than
  // REPLAY_MS before the last catch-up's watermark was there to be read by it.
  const since = catchUp
    ? new Date(state?.replayFrom ?? new Date(state?.caughtUpTo ?? watermark).getTime() - REPLAY_MS)
    : watermark;
  let windowMs = state?.windowMs ?? WINDOW_MS;
  const end = (from: Date) => (from.getTime() + windowMs < now.getTime() ? new Date(from.getTime() + windowMs) : null);
  let from = since;
  let until = end(from);
  let events: SweptEvent[];
  try {
    events = await readWindow(models, from, until, limits);
    // An empty window costs an index lookup: move on through the quiet time in this pass, the window doubling.
    while (events.length === 0 && until !== null) {
      from = until;
      windowMs = Math.min(MAX_WINDOW_MS, windowMs * 2);
      until = end(from);
      events = await readWindow(models, from, until, limits);
    }
  } catch (error) {
    if (!isTimeLimit(error)) throw error;
    const smaller = Math.max(MIN_WINDOW_MS, Math.floor(windowMs / 4));
    await models.SweepState.updateOne({ _id: 'monitoring' }, { $set: { windowMs: smaller } }, { upsert: true }).exec();
    throw new Error(`the read of ${windowMs} ms of events from ${since.toISOString()} ran out of the database time limit (${limits.timeLimitMs} ms); the next pass reads ${smaller} ms`);
  }
  if (events.length > 0) {
    await breakGlassAlerts(models, events);
    await recordBreakGlassUses(models.BreakGlassUse, events);
    await lookFindings(models, events);
  }
  const full = events.length >= limits.batch;
  const last = events.length > 0 ? new Date(events[events.length - 1].at) : null;
  // Where the next pass of this kind starts: the last event read when the batch was full (read
  // again: others may share its time); the window's end when it was read whole; else the newest event.
  const position = full ? last! : until ?? (last && last > from ? last : from);
  const reachedEnd = !full && until === null;
  const nextWindow = full ? Math.max(MIN_WINDOW_MS, Math.floor(windowMs / 2)) : Math.min(MAX_WINDOW_MS, windowMs * 2);
  const caughtUp = catchUp && reachedEnd;
  const set: Partial<SweepState> = { windowMs: nextWindow };
  if (caughtUp) Object.assign(set, { caughtUpAt: now, caughtUpTo: last ?? watermark, replayFrom: null });
  else if (catchUp) set.replayFrom = position;
  const advanced = catchUp ? (reachedEnd ? last ?? watermark : position) : position;
  await models.SweepState.updateOne({ _id: 'monitoring' }, { $max: { watermark: advanced > watermark ? advanced : watermark }, $set: set }, { upsert: true }).exec();

  const behindMs = reachedEnd ? 0 : Math.max(0, now.getTime() - position.getTime());
  const spanMs = Math.max(1, (last ?? position).getTime() - from.getTime());
  const behindEvents = reachedEnd ? 0 : Math.round((events.length / spanMs) * behindMs);
  let headRead = 0;
  if (behindMs > 0) headRead = await breakGlassAtTheHead(models, now, limits);
  return { read: events.length, behindMs, behindEvents, windowMs: nextWindow, headRead };
}

/** While behind: the newest HEAD_MS of events, for break-glass alone (alerts are keyed, so the ordered pass raising them again changes nothing). */
async function breakGlassAtTheHead(models: SweepModels, now: Date, limits: SweepLimits): Promise<number> {
  const events = (await models.AuditEvent.find({ at: { $gte: new Date(now.getTime() - HEAD_MS) }, 'client.internal': { $ne: true } })
    .sort({ at: -1 })
    .limit(limits.batch)
    .select(SELECT)
    .maxTimeMS(limits.timeLimitMs)
    .lean()
    .exec()) as SweptEvent[];
  await breakGlassAlerts(models, events);
  return events.length;
}

/**
 * The break-glass uses of the events the sweep read before it kept them (a store older than this
 * code): from the oldest event to when the backfill began, a window at a time, for at most
 * BACKFILL_PASS_MS a pass, then the reviews recorded before; the sweep (and each review) keeps them
 * from then on. Returns whether there is more to do.
 */
export async function backfillBreakGlassUses(models: SweepModels, now = new Date(), limits = sweepLimits()): Promise<boolean> {
  const state = (await models.SweepState.findById('monitoring').lean().exec()) as SweepState | null;
  if (state?.usesBackfilled) return false;
  const to = new Date(state?.usesBackfillTo ?? now);
  let from: Date;
  if (state?.usesBackfilledTo) from = new Date(state.usesBackfilledTo);
  else {
    const oldest = (await models.AuditEvent.find({ at: { $gte: EARLIEST_EVENT } }).sort({ at: 1 }).limit(1).select({ at: 1 }).maxTimeMS(limits.timeLimitMs).lean().exec()) as Array<{ at: Date }>;
    from = oldest[0] ? new Date(oldest[0].at) : to;
  }
  const started = Date.now();
  while (from < to && Date.now() - started < BACKFILL_PASS_MS) {
    const until: Date = new Date(Math.min(to.getTime(), from.getTime() + BACKFILL_WINDOW_MS));
    const events = (await models.AuditEvent.find(breakGlassLooksQuery({ from, to: until }))
      .select(SELECT)
      .maxTimeMS(limits.timeLimitMs)
      .lean()
      .exec()) as SweptEvent[];
    await recordBreakGlassUses(models.BreakGlassUse, events);
    from = until;
  }
  const done = from >= to;
  await models.SweepState.updateOne({ _id: 'monitoring' }, { $set: { usesBackfillTo: to, usesBackfilledTo: from } }, { upsert: true }).exec();
  if (!done) return true;
  // The reviews recorded before the uses were kept: each declaration's, once (a few thousand a year).
  // (Not distinct: the local engine refuses the time limit every read carries on distinct.)
  const reviewed = (await models.BreakGlassReview.find({}).select({ breakGlassId: 1 }).lean().exec()) as Array<{ breakGlassId: string }>;
  for (const id of new Set(reviewed.map((review) => review.breakGlassId))) await foldReviews(models, id);
  await models.SweepState.updateOne({ _id: 'monitoring' }, { $set: { usesBackfilled: true } }).exec();
  return false;
}

/**
 * The stored break-glass uses hold every event built before this time; later events are read from
 * the trail itself. Null while the backfill is unfinished or before the first catch-up: then every
 * event is read. A late event (written up to REPLAY_MS after it was built) is read by the catch-up
 * after it, from REPLAY_MS before the last catch-up's watermark.
 */
export async function breakGlassUsesCompleteBefore(models: Pick<SweepModels, 'SweepState'>): Promise<Date | null> {
  const state = (await models.SweepState.findById('monitoring').lean().exec()) as SweepState | null;
  if (!state?.usesBackfilled || !state.caughtUpTo) return null;
  return new Date(new Date(state.caughtUpTo).getTime() - REPLAY_MS);
}

/** One pass (see sweepStep); returns how many events it read. */
export async function sweepOnce(models: SweepModels, now = new Date(), limits = sweepLimits()): Promise<number> {
  return (await sweepStep(models, now, limits)).read;
}

/**
 * The scheduled sweep: a pass, then another at once while behind (catching up as fast as the reads
 * allow, each one bounded), saying so at warn level with how far behind, at most every 10 s.
 */
export function sweepRunner(models: SweepModels, warn: (fields: Record<string, unknown>, message: string) => void) {
  let warnedAt = 0;
  let behindSince: number | null = null;
  return async (): Promise<'again' | undefined> => {
    const step = await sweepStep(models);
    const backfilling = await backfillBreakGlassUses(models);
    if (step.behindMs > BEHIND_WARN_MS) {
      behindSince ??= Date.now();
      if (Date.now() - warnedAt > 10_000) {
        warnedAt = Date.now();
        warn(
          { behindSeconds: Math.round(step.behindMs / 1000), behindEvents: step.behindEvents, read: step.read, windowMs: step.windowMs, catchingUpForSeconds: Math.round((Date.now() - behindSince) / 1000) },
          `monitoring sweep is ${Math.round(step.behindMs / 1000)} s (about ${step.behindEvents} events) behind the audit trail; catching up in bounded reads of ${step.windowMs} ms (break-glass alerts still come from the newest events)`,
        );
      }
      return 'again';
    }
    if (behindSince !== null) {
      warn({ caughtUpAfterSeconds: Math.round((Date.now() - behindSince) / 1000) }, 'monitoring sweep has caught up with the audit trail');
      behindSince = null;
    }
    return backfilling ? 'again' : undefined;
  };
}

export function sweepInterval(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.MONITORING_SWEEP_MS ?? 5_000);
  return Number.isFinite(ms) && ms >= 100 ? ms : 5_000;
}
