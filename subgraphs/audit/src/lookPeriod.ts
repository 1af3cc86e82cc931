import type { AuditUser } from '@shareforyou/kit';
import { isOutOfHours } from './londonHours';
import { LOOK_FIELDS, REPORT_SCAN_LIMIT, type LookEvent } from './looks';
import { digestPosition, userNumber } from './monitoring/lookDigest';
import { HOUR_MS, hourOf, packNhs, readHour, recentOf, requestKeys, type LookHourModels, type LookHourRecord, type LookUserRecord } from './monitoring/lookHours';
import { atWithin, periodArgument, type Period } from './period';

/**
 * Every look of a period, for the unusual volume and out-of-hours reports: the whole hours the look
 * digest holds (lookHours.ts), and the events themselves for the rest: the part of the period's
 * first and last hour outside it when it does not start or end on the hour, and whatever the digest
 * has not reached (the last DIGEST_LAG_MS, or more while it catches up). A request whose events
 * straddle an edge of the period by milliseconds is counted in the hour it began.
 */

/** A user the digest numbered by their number; one it has not yet, by `id:` and their id. */
export type UserKey = number | string;

export interface PeriodLook {
  userKey: UserKey;
  /** Packed as the digest packs it (packNhs); unpackNhs for what is shown. */
  patient: string;
  firstAccess: number;
  lastAccess: number;
  requests: number;
  /** The categories shown, as bits of the period's own category index (categoryNames). */
  categories: number;
  breakGlass: boolean;
  denied: boolean;
  /** Who the user was at this look's latest event, when read from the events. */
  fromEvents?: { user: AuditUser; at: number };
}

interface PeriodUser {
  requests: number;
  lastAccess: number;
  /** The patients they looked at. */
  patients: Set<string>;
  /** Who they were at their latest look read from the events (the digest's users are looked up by number). */
  fromEvents?: { user: AuditUser; at: number };
}

/** Bitwise OR over 52 bits (JavaScript's | takes 32): two halves of 26. */
const HALF = 2 ** 26;
export function orBits(a: number, b: number): number {
  return ((Math.floor(a / HALF) | Math.floor(b / HALF)) * HALF) + ((a % HALF) | (b % HALF));
}

export class PeriodLooks {
  /** Each user's look at each patient: kept only when asked for (out of hours); unusual volume needs the users alone. */
  readonly looks = new Map<string, PeriodLook>();
  readonly users = new Map<UserKey, PeriodUser>();
  /** The events read for the edges ran past the reports' scan limit. */
  truncated = false;
  /** Requests already counted (the digest's recent ones, then each read from the events). */
  private readonly counted = new Set<string>();

  /** Categories by bit, in the order first met. */
  private readonly categoryBit = new Map<string, number>();

  constructor(private readonly keepLooks: boolean) {}

  private categoryBits(categories: string[]): number {
    let bits = 0;
    for (const name of categories) {
      let bit = this.categoryBit.get(name);
      if (bit === undefined) {
        // A number holds 52 bits exactly; the policy has 32 categories.
        if (this.categoryBit.size >= 52) throw new Error('more than 52 categories in one report');
        this.categoryBit.set(name, (bit = 2 ** this.categoryBit.size));
      }
      bits = orBits(bits, bit);
    }
    return bits;
  }

  /** The names of a look's categories, sorted. */
  categoryNames(bits: number): string[] {
    return [...this.categoryBit].filter(([, bit]) => orBits(bits, bit) === bits).map(([name]) => name).sort();
  }

  private look(userKey: UserKey, patient: string, at: number): PeriodLook {
    const key = `${userKey} ${patient}`;
    let look = this.looks.get(key);
    if (!look) {
      look = { userKey, patient, firstAccess: at, lastAccess: at, requests: 0, categories: 0, breakGlass: false, denied: false };
      this.looks.set(key, look);
    }
    return look;
  }

  private user(userKey: UserKey): PeriodUser {
    let user = this.users.get(userKey);
    if (!user) this.users.set(userKey, (user = { requests: 0, lastAccess: 0, patients: new Set() }));
    return user;
  }

  addHour(record: LookHourRecord): void {
    // The hour's own category bits, as this report's: worked out once a pattern an hour.
    const asReport = new Map<number, number>();
    readHour(
      record,
      (held) => {
        const userKey = held.user;
        const user = this.user(userKey);
        user.patients.add(held.patient);
        if (held.lastAccess > user.lastAccess) user.lastAccess = held.lastAccess;
        if (!this.keepLooks) return;
        const look = this.look(userKey, held.patient, held.firstAccess);
        if (held.firstAccess < look.firstAccess) look.firstAccess = held.firstAccess;
        if (held.lastAccess > look.lastAccess) look.lastAccess = held.lastAccess;
        look.requests += held.requests;
        let bits = asReport.get(held.categoryBits);
        if (bits === undefined) asReport.set(held.categoryBits, (bits = this.categoryBits(held.categories)));
        if (bits !== 0) look.categories = orBits(look.categories, bits);
        look.breakGlass ||= held.breakGlass;
        look.denied ||= held.denied;
      },
      (n, requests) => (this.user(n).requests += requests),
    );
  }

  /** The digest's requests near its position: an event after it of one of these was counted already. */
  countedAlready(recent: Iterable<string>): void {
    for (const key of recent) this.counted.add(key);
  }

  addEvent(event: LookEvent, userKey: UserKey): void {
    const at = new Date(event.at).getTime();
    const { byPatient, byUser } = requestKeys(event.requestId, userKey, event.nhsNumber!);
    const patient = packNhs(event.nhsNumber!);
    const user = this.user(userKey);
    user.patients.add(patient);
    if (!this.counted.has(byUser)) user.requests += 1;
    user.lastAccess = Math.max(user.lastAccess, at);
    if (!user.fromEvents || at >= user.fromEvents.at) user.fromEvents = { user: event.user, at };
    if (this.keepLooks) {
      const look = this.look(userKey, patient, at);
      look.firstAccess = Math.min(look.firstAccess, at);
      look.lastAccess = Math.max(look.lastAccess, at);
      look.categories = orBits(look.categories, this.categoryBits(event.categories ?? []));
      look.breakGlass ||= Boolean(event.breakGlass);
      look.denied ||= Boolean(event.denied);
      if (!this.counted.has(byPatient)) look.requests += 1;
      if (!look.fromEvents || at >= look.fromEvents.at) look.fromEvents = { user: event.user, at };
    }
    this.counted.add(byPatient).add(byUser);
  }
}

const ceilHour = (at: number) => Math.ceil(at / HOUR_MS) * HOUR_MS;

/**
 * The reports' period: as asked, but the default start (31 days before the end) is taken back to
 * the hour, so that the digest's hours serve all of it but the newest seconds.
 */
export function lookPeriodArgument(args: { from?: string | null; to?: string | null }, defaultDays: number): Period {
  const period = periodArgument(args, defaultDays);
  return args.from ? period : { from: new Date(hourOf(period.from.getTime())), to: period.to };
}

/** The hours of a period are read in this many parts at once. */
const READ_PARTS = 8;

type Models = LookHourModels & { AuditEvent: { find: (filter: object) => any } };

/** The looks of the period (out of hours alone, for that report). */
export async function looksInPeriod(models: Models, period: Period, options: { outOfHoursOnly: boolean }): Promise<PeriodLooks> {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const digest = await digestPosition(models);
  const position = digest ? digest.position.getTime() : Number.NEGATIVE_INFINITY;
  // The digest serves [start, end): whole hours inside the period, up to its position.
  const start = ceilHour(from);
  const end = position <= to ? position : hourOf(to);
  const looks = new PeriodLooks(options.outOfHoursOnly);
  const raw: Array<[number, number]> = [];
  if (end > start) {
    // In a few parts at once, each added as it arrives: the engine decodes one part while this
    // process reads the lines of another (two cores, not one after the other). Sorted, so that the
    // engine plans each read through the index ({outOfHours, hour} or {hour}).
    const parts = Math.min(READ_PARTS, Math.ceil((end - start) / HOUR_MS));
    const step = Math.ceil((end - start) / parts / HOUR_MS) * HOUR_MS;
    await Promise.all(
      Array.from({ length: parts }, (_, i) => [start + i * step, Math.min(end, start + (i + 1) * step)] as const)
        .filter(([a, b]) => a < b)
        .map(async ([a, b]) => {
          const hours = (await models.LookHour.find({ ...(options.outOfHoursOnly ? { outOfHours: true } : {}), hour: { $gte: new Date(a), $lt: new Date(b) } }).sort({ hour: 1 }).lean().exec()) as LookHourRecord[];
          for (const hour of hours) looks.addHour(hour);
        }),
    );
    if (from < start) raw.push([from, start]);
    if (end < to) raw.push([end, to]);
    if (end === position) looks.countedAlready(recentOf(digest!.latest).keys());
  } else {
    raw.push([from, to]);
  }
  await addEvents(models, looks, raw, options.outOfHoursOnly);
  return looks;
}

/** The events of the edges, read as the reports did before the digest (bounded by REPORT_SCAN_LIMIT). */
async function addEvents(models: Models, looks: PeriodLooks, ranges: Array<[number, number]>, outOfHoursOnly: boolean): Promise<void> {
  let scanned = 0;
  const numbers = new Map<string, number | undefined>();
  for (const [from, to] of ranges) {
    const events = models.AuditEvent.find({ nhsNumber: { $ne: null }, at: atWithin({ from: new Date(from), to: new Date(to) }) })
      .select(LOOK_FIELDS)
      .lean()
      .cursor() as AsyncIterable<LookEvent>;
    for await (const event of events) {
      if (scanned++ >= REPORT_SCAN_LIMIT) {
        looks.truncated = true;
        return;
      }
      if (outOfHoursOnly && !isOutOfHours(new Date(event.at))) continue;
      if (!numbers.has(event.user.id)) numbers.set(event.user.id, await userNumber(models, event.user.id, false));
      looks.addEvent(event, numbers.get(event.user.id) ?? `id:${event.user.id}`);
    }
  }
}

/** Who a user was at an instant: the digest's snapshot as of then, or the one read from the events if later. */
export interface UserAt {
  userKey: UserKey;
  at: number;
  fromEvents?: { user: AuditUser; at: number };
}

/** Who each user was at the instant asked (their latest look in the period, or a look's latest event), one a request. */
export async function usersAt(models: LookHourModels, asked: UserAt[]): Promise<AuditUser[]> {
  const numbers = [...new Set(asked.map((a) => a.userKey).filter((k): k is number => typeof k === 'number'))];
  const records = numbers.length ? ((await models.LookUser.find({ _id: { $in: numbers.map(String) } }).lean().exec()) as LookUserRecord[]) : [];
  const byNumber = new Map<UserKey, LookUserRecord>(records.map((r) => [Number(r._id), r]));
  return asked.map(({ userKey, at, fromEvents }) => {
    const record = byNumber.get(userKey);
    const snapshots = record?.snapshots ?? [];
    const snapshot = snapshots.filter((s) => new Date(s.since).getTime() <= at).at(-1) ?? snapshots.at(-1);
    const user = fromEvents && (!snapshot || fromEvents.at >= new Date(snapshot.since).getTime()) ? fromEvents.user : snapshot?.user;
    // Every user the digest numbered has a snapshot; the fallback keeps a row rather than lose it.
    return user ?? ({ id: record?.userId ?? String(userKey).replace(/^id:/, ''), name: null, odsCode: '', jobRole: null, profile: null } as unknown as AuditUser);
  });
}
