import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import type { AuditUser } from '@shareforyou/kit';
import { isOutOfHours } from '../londonHours';
import type { LookEvent } from '../looks';
import { userShape } from './findingRecords';

/**
 * The looks of each hour, kept by the look digest (lookDigest.ts) as it reads the trail once: one
 * document per UTC hour holding one line per user and patient looked at in that hour (first and last
 * access, requests, categories, refused, break-glass) and one per user (their requests). The unusual
 * volume and out-of-hours reports read a month of these (744 documents) instead of every event of the
 * month (about 850,000 at a year of 10 million, minutes on the local engine: issue 20).
 *
 * Why lines of text and not sub-documents: the local engine decodes every document it reads, and a
 * month of looks as sub-documents took 9-11 s to decode, as one string per hour 0.6 s (measured with
 * 121,000 looks; docs/performance.md). Numbers are base 36, times are milliseconds after the hour.
 * Every London working-day boundary is a whole UTC hour, so an hour is wholly in or out of hours.
 *
 * Derived, never authoritative: the events stay the record, and the digest can be rebuilt from them.
 */

export const HOUR_MS = 3_600_000;
/** A request's events are written within this long of each other: its id is remembered for so long, so it is counted once. */
export const RECENT_MS = 60_000;

export interface LookHourRecord {
  /** The hour's start in milliseconds, 13 digits. */
  _id: string;
  hour: Date;
  outOfHours: boolean;
  /** The events of this hour before this instant are in it (the digest's position when it was written). */
  through: Date;
  /** The categories the lines name, by their index here. */
  categories: string[];
  /** One line a look: `user patient first span requests bits`; a user's requests `@user requests` where they differ from the sum (encodeHour). */
  looks: string;
  /** Requests seen in the last RECENT_MS before `through`: `requestId user patient` lines. */
  recent: string;
}

/**
 * A user as the digest numbers them (the number, base 10, is the id, so the reports look users up by
 * it through the primary index), with who they were over time: a new snapshot when the name,
 * organisation or role changed. The counter is the document `#next`.
 */
export interface LookUserRecord {
  _id: string;
  userId: string;
  snapshots?: Array<{ since: Date; user: AuditUser }>;
  /** On the counter alone: the last number given. */
  next?: number;
}

const lookHourSchema = new Schema<LookHourRecord>(
  { _id: String, hour: Date, outOfHours: Boolean, through: Date, categories: [String], looks: String, recent: String },
  { collection: 'lookHours', versionKey: false },
);
// The reports read a window of hours (out of hours alone for that report); the digest its latest hour.
lookHourSchema.index({ hour: 1 });
lookHourSchema.index({ outOfHours: 1, hour: 1 });

const lookUserSchema = new Schema<LookUserRecord>(
  { _id: String, userId: String, snapshots: [{ _id: false, since: Date, user: userShape }], next: Number },
  { collection: 'lookUsers', versionKey: false },
);
// One number a user, however many passes number them at once.
lookUserSchema.index({ userId: 1 }, { unique: true });

export function lookHourModels(db: Connection) {
  return {
    LookHour: db.models.LookHour ?? db.model<LookHourRecord>('LookHour', lookHourSchema),
    LookUser: db.models.LookUser ?? db.model<LookUserRecord>('LookUser', lookUserSchema),
  };
}
export type LookHourModels = ReturnType<typeof lookHourModels>;

/** One user's look at one patient, over an hour or, summed, a period. */
export interface HourLook {
  user: number;
  nhsNumber: string;
  firstAccess: number;
  lastAccess: number;
  requests: number;
  categories: Set<string>;
  breakGlass: boolean;
  denied: boolean;
}

/** What an hour holds, decoded. */
export interface HourLooks {
  hour: number;
  looks: Map<string, HourLook>;
  /** Requests by user (a request about two patients counts once). */
  userRequests: Map<number, number>;
  /** `requestId user patient` of the requests near the end. */
  recent: Map<string, number>;
}

export const lookKey = (user: number, nhsNumber: string) => `${user} ${nhsNumber}`;
export const hourOf = (at: number) => Math.floor(at / HOUR_MS) * HOUR_MS;
export const hourId = (hour: number) => String(hour);

export function emptyHour(hour: number): HourLooks {
  return { hour, looks: new Map(), userRequests: new Map(), recent: new Map() };
}

const b36 = (n: number) => n.toString(36);
const int36 = (text: string) => parseInt(text, 36);
// NHS numbers are ten digits: base 36 in seven characters. Anything else is kept as it is, after '='.
export const packNhs = (nhs: string) => (/^\d{10}$/.test(nhs) ? b36(Number(nhs)) : `=${nhs}`);
export const unpackNhs = (text: string) => (text.startsWith('=') ? text.slice(1) : String(int36(text)).padStart(10, '0'));
// The flags share the categories' number: bit 0 refused, bit 1 break-glass, bit 2 on the categories by their index.
const DENIED = 1;
const BREAK_GLASS = 2;
const FIRST_CATEGORY_BIT = 4;
/** Lines are joined by ';' (a newline would be escaped in the engine's JSON, and cost to read). */
const LINE = ';';

/**
 * The lines of an hour, and its category dictionary, from what it holds. A look:
 * `user patient first span requests bits` (first: ms after the hour; span: last less first); a
 * user's requests are written (`@user requests`) only where they differ from the sum of their
 * looks' (a request about several patients, such as a caseload, counts once for the user).
 */
export function encodeHour(hour: HourLooks): Pick<LookHourRecord, 'categories' | 'looks' | 'recent'> {
  const categories = [...new Set([...hour.looks.values()].flatMap((l) => [...l.categories]))].sort();
  // The policy has a few dozen categories; past 50 the bits would be beyond a number's exact range.
  if (categories.length > 50) throw new Error(`an hour of looks names ${categories.length} categories; the digest's bit pattern holds 50`);
  const index = new Map(categories.map((c, i) => [c, i]));
  const lines: string[] = [];
  const summed = new Map<number, number>();
  for (const look of hour.looks.values()) {
    let bits = (look.denied ? DENIED : 0) | (look.breakGlass ? BREAK_GLASS : 0);
    for (const c of look.categories) bits += FIRST_CATEGORY_BIT * 2 ** index.get(c)!;
    lines.push(`${b36(look.user)} ${packNhs(look.nhsNumber)} ${b36(look.firstAccess - hour.hour)} ${b36(look.lastAccess - look.firstAccess)} ${b36(look.requests)} ${b36(bits)}`);
    summed.set(look.user, (summed.get(look.user) ?? 0) + look.requests);
  }
  for (const [user, requests] of hour.userRequests) if (summed.get(user) !== requests) lines.push(`@${b36(user)} ${b36(requests)}`);
  const recent = [...hour.recent].map(([key, at]) => `${key} ${at}`).join(LINE);
  return { categories, looks: lines.join(LINE), recent };
}

/** What a report needs of a look, as it reads an hour (one object, refilled line by line). */
export interface LookLine {
  user: number;
  /** The NHS number as the line holds it (packNhs): a key as good as the number, unpacked only for what is shown. */
  patient: string;
  firstAccess: number;
  lastAccess: number;
  requests: number;
  /** The categories as this hour numbers them (its `categories`), and by name. */
  categoryBits: number;
  categories: string[];
  breakGlass: boolean;
  denied: boolean;
}

/**
 * Reads an hour's lines: each look, then each user's requests (the sum of their looks' unless
 * written). A month is 121,000 lines at ten million events a year, so they are read in one pass of
 * the text, without splitting it; the category names of a bit pattern are worked out once an hour.
 * The look passed is the same object each time: copy what is kept.
 */
export function readHour(record: Pick<LookHourRecord, 'hour' | 'categories' | 'looks'>, onLook: (look: LookLine) => void, onUserRequests: (user: number, requests: number) => void): void {
  const hour = new Date(record.hour).getTime();
  const text = record.looks ?? '';
  const namesOf = new Map<number, string[]>();
  const summed = new Map<number, number>();
  const written = new Map<number, number>();
  const look: LookLine = { user: 0, patient: '', firstAccess: 0, lastAccess: 0, requests: 0, categoryBits: 0, categories: [], breakGlass: false, denied: false };
  let at = 0;
  // The next field: up to the next space or the end of the line.
  const field = (end: number) => {
    const space = text.indexOf(' ', at);
    const stop = space === -1 || space > end ? end : space;
    const value = text.substring(at, stop);
    at = stop + 1;
    return value;
  };
  while (at < text.length) {
    let end = text.indexOf(LINE, at);
    if (end === -1) end = text.length;
    if (text.charCodeAt(at) === 64 /* @ */) {
      at += 1;
      const user = int36(field(end));
      written.set(user, int36(field(end)));
      at = end + 1;
      continue;
    }
    look.user = int36(field(end));
    look.patient = field(end);
    look.firstAccess = hour + int36(field(end));
    look.lastAccess = look.firstAccess + int36(field(end));
    look.requests = int36(field(end));
    const bits = int36(field(end));
    at = end + 1;
    const categoryBits = Math.floor(bits / FIRST_CATEGORY_BIT);
    let categories = namesOf.get(categoryBits);
    if (!categories) namesOf.set(categoryBits, (categories = record.categories.filter((_, i) => Math.floor(categoryBits / 2 ** i) % 2 === 1)));
    look.categoryBits = categoryBits;
    look.categories = categories;
    look.breakGlass = (bits & BREAK_GLASS) !== 0;
    look.denied = (bits & DENIED) !== 0;
    onLook(look);
    summed.set(look.user, (summed.get(look.user) ?? 0) + look.requests);
  }
  for (const [user, requests] of summed) onUserRequests(user, written.get(user) ?? requests);
}

export function decodeHour(record: Pick<LookHourRecord, 'hour' | 'categories' | 'looks'> & { recent?: string }): HourLooks {
  const decoded = emptyHour(new Date(record.hour).getTime());
  readHour(
    record,
    (line) => {
      const nhsNumber = unpackNhs(line.patient);
      const { user, firstAccess, lastAccess, requests, breakGlass, denied } = line;
      decoded.looks.set(lookKey(user, nhsNumber), { user, nhsNumber, firstAccess, lastAccess, requests, categories: new Set(line.categories), breakGlass, denied });
    },
    (user, requests) => decoded.userRequests.set(user, requests),
  );
  decoded.recent = recentOf(record);
  return decoded;
}

/** The requests an hour remembers (`requestKeys`), with when each was last seen. */
export function recentOf(record: { recent?: string }): Map<string, number> {
  const recent = new Map<string, number>();
  for (const line of record.recent ? record.recent.split(LINE) : []) {
    const cut = line.lastIndexOf(' ');
    recent.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return recent;
}

/**
 * Adds events (in time order, each with a patient) to the hour they fall in. A request is counted
 * once for its user and once for its user and patient, though its events straddle a read or an
 * hour: `recent` carries the requests of the last RECENT_MS from one hour to the next.
 */
export function foldEvent(hour: HourLooks, event: LookEvent, user: number, recent: Map<string, number>): void {
  const at = new Date(event.at).getTime();
  const nhsNumber = event.nhsNumber!;
  const key = lookKey(user, nhsNumber);
  let look = hour.looks.get(key);
  if (!look) {
    look = { user, nhsNumber, firstAccess: at, lastAccess: at, requests: 0, categories: new Set(), breakGlass: false, denied: false };
    hour.looks.set(key, look);
  }
  look.firstAccess = Math.min(look.firstAccess, at);
  look.lastAccess = Math.max(look.lastAccess, at);
  for (const c of event.categories ?? []) look.categories.add(c);
  look.breakGlass ||= Boolean(event.breakGlass);
  look.denied ||= Boolean(event.denied);
  const { byPatient, byUser } = requestKeys(event.requestId, user, nhsNumber);
  if (!recent.has(byPatient)) look.requests += 1;
  if (!recent.has(byUser)) hour.userRequests.set(user, (hour.userRequests.get(user) ?? 0) + 1);
  recent.set(byPatient, at);
  recent.set(byUser, at);
}

/** How a request is remembered (`recent`), for its user and patient and for its user: the digest and the reports' edges key it alike. */
export const requestKeys = (requestId: string, user: number | string, nhsNumber: string) => ({ byPatient: `${requestId} ${user} ${nhsNumber}`, byUser: `${requestId} ${user} *` });

/** Forgets the requests older than RECENT_MS before `through`. */
export function trimRecent(recent: Map<string, number>, through: number): Map<string, number> {
  return new Map([...recent].filter(([, at]) => at >= through - RECENT_MS));
}

export const hourIsOutOfHours = (hour: number) => isOutOfHours(new Date(hour));
