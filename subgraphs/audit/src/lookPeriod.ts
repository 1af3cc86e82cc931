import type { AuditUser } from '@shareforyou/kit';
import { isOutOfHours } from './londonHours';
import { LOOK_FIELDS, REPORT_SCAN_LIMIT, type LookEvent } from './looks';
import { digestPosition, userNumber } from './monitoring/lookDigest';
import { decodeHour, HOUR_MS, type LookHourModels, type LookHourRecord, type LookUserRecord } from './monitoring/lookHours';
import { atWithin, type Period } from './period';

/**
 * Every look of a period, for the unusual volume and out-of-hours reports: the whole hours the look
 * digest holds (lookHours.ts), and the events themselves for the rest: the part of the period's
 * first and last hour outside it when it does not start or end on the hour, and whatever the digest
 * has not reached (the last DIGEST_LAG_MS, or more while it catches up). A request whose events
 * straddle an edge of the period by milliseconds is counted in the hour it began.
 */

export interface PeriodLook {
  /** `#n` for a user the digest numbered, else `id:` and their id. */
  userKey: string;
  nhsNumber: string;
  firstAccess: number;
  lastAccess: number;
  requests: number;
  categories: Set<string>;
  breakGlass: boolean;
  denied: boolean;
  /** Who the user was at this look's latest event, when read from the events. */
  fromEvents?: { user: AuditUser; at: number };
}

interface PeriodUser {
  requests: number;
  lastAccess: number;
  /** Who they were at their latest look read from the events (the digest's users are looked up by number). */
  fromEvents?: { user: AuditUser; at: number };
}

export class PeriodLooks {
  readonly looks = new Map<string, PeriodLook>();
  readonly users = new Map<string, PeriodUser>();
  /** The events read for the edges ran past the reports' scan limit. */
  truncated = false;
  /** Requests already counted (the digest's recent ones, then each read from the events). */
  private readonly counted = new Set<string>();

  private look(userKey: string, nhsNumber: string, at: number): PeriodLook {
    const key = `${userKey} ${nhsNumber}`;
    let look = this.looks.get(key);
    if (!look) {
      look = { userKey, nhsNumber, firstAccess: at, lastAccess: at, requests: 0, categories: new Set(), breakGlass: false, denied: false };
      this.looks.set(key, look);
    }
    return look;
  }

  private user(userKey: string): PeriodUser {
    let user = this.users.get(userKey);
    if (!user) this.users.set(userKey, (user = { requests: 0, lastAccess: 0 }));
    return user;
  }

  addHour(record: LookHourRecord): void {
    const hour = decodeHour(record);
    for (const held of hour.looks.values()) {
      const userKey = `#${held.user}`;
      const look = this.look(userKey, held.nhsNumber, held.firstAccess);
      look.firstAccess = Math.min(look.firstAccess, held.firstAccess);
      look.lastAccess = Math.max(look.lastAccess, held.lastAccess);
      look.requests += held.requests;
      held.categories.forEach((c) => look.categories.add(c));
      look.breakGlass ||= held.breakGlass;
      look.denied ||= held.denied;
      const user = this.user(userKey);
      user.lastAccess = Math.max(user.lastAccess, held.lastAccess);
    }
    for (const [n, requests] of hour.userRequests) this.user(`#${n}`).requests += requests;
  }

  /** The digest's requests near its position: an event after it of one of these was counted already. */
  countedAlready(recent: Iterable<string>): void {
    for (const key of recent) this.counted.add(key);
  }

  addEvent(event: LookEvent, userKey: string, number: number | undefined): void {
    const at = new Date(event.at).getTime();
    const look = this.look(userKey, event.nhsNumber!, at);
    look.firstAccess = Math.min(look.firstAccess, at);
    look.lastAccess = Math.max(look.lastAccess, at);
    (event.categories ?? []).forEach((c) => look.categories.add(c));
    look.breakGlass ||= Boolean(event.breakGlass);
    look.denied ||= Boolean(event.denied);
    if (!look.fromEvents || at >= look.fromEvents.at) look.fromEvents = { user: event.user, at };
    // The digest's recent requests are keyed by its user number.
    const by = number === undefined ? userKey : String(number);
    const byPatient = `${event.requestId} ${by} ${event.nhsNumber}`;
    const byUser = `${event.requestId} ${by} *`;
    if (!this.counted.has(byPatient)) look.requests += 1;
    const user = this.user(userKey);
    if (!this.counted.has(byUser)) user.requests += 1;
    this.counted.add(byPatient).add(byUser);
    user.lastAccess = Math.max(user.lastAccess, at);
    if (!user.fromEvents || at >= user.fromEvents.at) user.fromEvents = { user: event.user, at };
  }
}

type Models = LookHourModels & { AuditEvent: { find: (filter: object) => any } };

const ceilHour = (at: number) => Math.ceil(at / HOUR_MS) * HOUR_MS;
const floorHour = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;

/** The looks of the period (out of hours alone, for that report). */
export async function looksInPeriod(models: Models, period: Period, options: { outOfHoursOnly: boolean }): Promise<PeriodLooks> {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const digest = await digestPosition(models);
  const position = digest ? digest.position.getTime() : Number.NEGATIVE_INFINITY;
  // The digest serves [start, end): whole hours inside the period, up to its position.
  const start = ceilHour(from);
  const end = position <= to ? position : floorHour(to);
  const looks = new PeriodLooks();
  const raw: Array<[number, number]> = [];
  if (end > start) {
    // Sorted, so that the engine plans the read through the index ({outOfHours, hour} or {hour}).
    const hours = (await models.LookHour.find({ ...(options.outOfHoursOnly ? { outOfHours: true } : {}), hour: { $gte: new Date(start), $lt: new Date(end) } }).sort({ hour: 1 }).lean().exec()) as LookHourRecord[];
    for (const hour of hours) looks.addHour(hour);
    if (from < start) raw.push([from, start]);
    if (end < to) raw.push([end, to]);
    if (end === position) looks.countedAlready(decodeHour(digest!.latest).recent.keys());
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
      const number = numbers.get(event.user.id);
      looks.addEvent(event, number === undefined ? `id:${event.user.id}` : `#${number}`, number);
    }
  }
}

/** Who a user was at an instant: the digest's snapshot as of then, or the one read from the events if later. */
export interface UserAt {
  userKey: string;
  at: number;
  fromEvents?: { user: AuditUser; at: number };
}

/** Who each user was at the instant asked (their latest look in the period, or a look's latest event), one a request. */
export async function usersAt(models: LookHourModels, asked: UserAt[]): Promise<AuditUser[]> {
  const numbers = [...new Set(asked.filter((a) => a.userKey.startsWith('#')).map((a) => Number(a.userKey.slice(1))))];
  const records = numbers.length ? ((await models.LookUser.find({ _id: { $in: numbers.map(String) } }).lean().exec()) as LookUserRecord[]) : [];
  const byNumber = new Map(records.map((r) => [`#${r._id}`, r]));
  return asked.map(({ userKey, at, fromEvents }) => {
    const record = byNumber.get(userKey);
    const snapshots = record?.snapshots ?? [];
    const snapshot = snapshots.filter((s) => new Date(s.since).getTime() <= at).at(-1) ?? snapshots.at(-1);
    const user = fromEvents && (!snapshot || fromEvents.at >= new Date(snapshot.since).getTime()) ? fromEvents.user : snapshot?.user;
    // Every user the digest numbered has a snapshot; the fallback keeps a row rather than lose it.
    return user ?? ({ id: record?.userId ?? userKey.replace(/^id:/, ''), name: null, odsCode: '', jobRole: null, profile: null } as unknown as AuditUser);
  });
}
