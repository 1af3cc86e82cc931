import type { AuditServiceModels } from '../../subgraphs/audit/src/models';
import { DIGEST_LAG_MS, digestStep } from '../../subgraphs/audit/src/monitoring/lookDigest';
import { isOutOfHours } from '../../subgraphs/audit/src/londonHours';
import { outOfHoursAccess } from '../../subgraphs/audit/src/outOfHours';
import { unusualVolume } from '../../subgraphs/audit/src/volume';
import { openAuditServiceStore } from '../support/auditServiceStore';

/**
 * The unusual volume and out-of-hours reports over the look digest (issue 20.1): whatever the digest
 * has or has not read, and for any period (on the hour or not, ending in the future), each report
 * says exactly what the events say, computed here straight from the events written. The digest adds
 * each event once: two passes at once, or a pass repeated, change nothing.
 */

const HOUR = 3_600_000;
// Three days of looks ending on a whole hour, 20 minutes ago.
const END = Math.floor((Date.now() - 20 * 60_000) / HOUR) * HOUR;
const START = END - 72 * HOUR;
const CATEGORIES = ['allergies', 'medications', 'problems', 'results', 'encounters'];
const PATIENTS = Array.from({ length: 70 }, (_, i) => `94${String(34765919 + i * 7).padStart(8, '0')}`);

let models: AuditServiceModels;
const context = () => ({ models, identity: { userId: 'privacy-officer', name: 'Pat Officer', odsCode: 'X26', jobRole: 'R8003', profile: 'privacy' } }) as never;

interface Written {
  requestId: string;
  at: Date;
  user: { id: string; name: string; odsCode: string; jobRole: string; profile: string };
  nhsNumber: string | null;
  categories: string[];
  denied: boolean;
  breakGlass: { id: string; reason: string; detail: string } | null;
}

/** A deterministic stream of numbers in [0, 1). */
function draws(seed: number) {
  let state = seed;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The trail: requests of one to three events a few milliseconds apart (never across a whole hour or
 * a whole second), by five users; dr-busy looks at 60 patients; dr-b changes role half-way; one
 * request is about two patients; one millisecond holds many events; and 2,400 events fall in one
 * hour (more than a pass reads at once).
 */
function trail(): Written[] {
  const next = draws(7);
  const events: Written[] = [];
  const user = (id: string, jobRole = 'R8000') => ({ id, name: `Dr ${id}`, odsCode: id === 'dr-c' ? 'RM301' : 'P83005', jobRole, profile: 'clinical' });
  const request = (n: number, second: number, who: Written['user'], patients: Array<string | null>, extra: Partial<Written> = {}, repeat = 1 + (n % 3), spread = 1) => {
    const at = START + second * 1000;
    patients.forEach((nhsNumber, i) => {
      for (let k = 0; k < repeat; k++) {
        events.push({ requestId: `req-${n}`, at: new Date(at + (k * 3 + i) * spread), user: who, nhsNumber, categories: [CATEGORIES[(n + k) % 5]], denied: false, breakGlass: null, ...extra });
      }
    });
  };
  let n = 0;
  // Spread over the three days, a request every ~5 minutes (whole seconds, not the last of an hour).
  for (let second = 1; second < 72 * 3600 - 10; second += 200 + Math.floor(next() * 200)) {
    if (second % 3600 > 3590) continue;
    const who = user(['dr-a', 'dr-b', 'dr-c'][n % 3], n % 3 === 1 && second > 36 * 3600 ? 'R8001' : 'R8000');
    const extra = n % 17 === 0 ? { denied: true } : n % 29 === 0 ? { breakGlass: { id: `bg-${n}`, reason: 'EMERGENCY_CARE', detail: 'Unconscious' } } : {};
    request(n++, second, who, [PATIENTS[Math.floor(next() * 20)]], extra);
  }
  // dr-busy: 60 patients on the second day, one a minute.
  for (let i = 0; i < 60; i++) request(n++, 30 * 3600 + i * 60, user('dr-busy'), [PATIENTS[i + 5]]);
  // A look three weeks before the rest: the digest crosses a quiet time longer than its widest window.
  request(n++, -21 * 86_400, user('dr-a'), [PATIENTS[3]]);
  // A request about two patients, and an event with no patient.
  request(n++, 50 * 3600 + 7, user('dr-a'), [PATIENTS[1], PATIENTS[2]]);
  request(n++, 50 * 3600 + 9, user('dr-a'), [null]);
  // One millisecond, many events (one request about many patients).
  request(n++, 60 * 3600 + 11, user('dr-c'), PATIENTS.slice(0, 40), {}, 1, 0);
  // A burst: 2,400 events in hour 66 (outside working hours or not, depending on the day).
  for (let i = 0; i < 800; i++) request(n++, 66 * 3600 + 1 + i * 4, user(`dr-burst-${i % 4}`), [PATIENTS[i % 50]], {}, 3);
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
const events = trail();

/** The reports, computed straight from the events of the period. */
function expectedVolume(from: number, to: number, threshold: number) {
  const inPeriod = events.filter((e) => e.nhsNumber && e.at.getTime() >= from && e.at.getTime() < to);
  const byUser = new Map<string, { patients: Set<string>; requests: Set<string>; latest: Written }>();
  for (const e of inPeriod) {
    const u = byUser.get(e.user.id) ?? { patients: new Set(), requests: new Set(), latest: e };
    u.patients.add(e.nhsNumber!);
    u.requests.add(e.requestId);
    if (e.at >= u.latest.at) u.latest = e;
    byUser.set(e.user.id, u);
  }
  return [...byUser.values()]
    .filter((u) => u.patients.size > threshold)
    .map((u) => ({ user: u.latest.user.id, jobRole: u.latest.user.jobRole, patients: u.patients.size, requests: u.requests.size }))
    .sort((a, b) => b.patients - a.patients || a.user.localeCompare(b.user));
}
function expectedOutOfHours(from: number, to: number) {
  const inPeriod = events.filter((e) => e.nhsNumber && e.at.getTime() >= from && e.at.getTime() < to && isOutOfHours(e.at));
  const byLook = new Map<string, { first: number; last: number; requests: Set<string>; categories: Set<string>; breakGlass: boolean; denied: boolean; latest: Written }>();
  for (const e of inPeriod) {
    const key = `${e.user.id} ${e.nhsNumber}`;
    const at = e.at.getTime();
    const l = byLook.get(key) ?? { first: at, last: at, requests: new Set(), categories: new Set(), breakGlass: false, denied: false, latest: e };
    l.first = Math.min(l.first, at);
    l.last = Math.max(l.last, at);
    l.requests.add(e.requestId);
    e.categories.forEach((c) => l.categories.add(c));
    l.breakGlass ||= Boolean(e.breakGlass);
    l.denied ||= e.denied;
    if (e.at >= l.latest.at) l.latest = e;
    byLook.set(key, l);
  }
  return [...byLook.values()]
    .sort((a, b) => b.last - a.last)
    .slice(0, 500)
    .map((l) => ({ user: l.latest.user.id, jobRole: l.latest.user.jobRole, nhsNumber: l.latest.nhsNumber, first: new Date(l.first).toISOString(), last: new Date(l.last).toISOString(), accesses: l.requests.size, categories: [...l.categories].sort(), breakGlass: l.breakGlass, denied: l.denied }));
}

async function reported(from: number, to: number, threshold = 3) {
  const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  const volume = (await unusualVolume({ ...period, threshold }, context())) as { rows: Array<{ user: { id: string; jobRole: string }; patients: number; requests: number }> };
  const ooh = (await outOfHoursAccess(period, context())) as { rows: Array<{ user: { id: string; jobRole: string }; nhsNumber: string; firstAccess: string; lastAccess: string; accesses: number; categories: string[]; breakGlass: boolean; denied: boolean }> };
  return {
    volume: volume.rows.map((r) => ({ user: r.user.id, jobRole: r.user.jobRole, patients: r.patients, requests: r.requests })),
    // Rows with the same last access may come in either order.
    outOfHours: ooh.rows
      .map((r) => ({ user: r.user.id, jobRole: r.user.jobRole, nhsNumber: r.nhsNumber, first: r.firstAccess, last: r.lastAccess, accesses: r.accesses, categories: r.categories, breakGlass: r.breakGlass, denied: r.denied }))
      .sort((a, b) => b.last.localeCompare(a.last) || a.user.localeCompare(b.user) || a.nhsNumber.localeCompare(b.nhsNumber)),
  };
}
function expected(from: number, to: number, threshold = 3) {
  return {
    volume: expectedVolume(from, to, threshold),
    outOfHours: expectedOutOfHours(from, to).sort((a, b) => b.last.localeCompare(a.last) || a.user.localeCompare(b.user) || a.nhsNumber!.localeCompare(b.nhsNumber!)),
  };
}

/** Periods: on the hour, off it, the whole trail, ending in the future, and one hour. */
const PERIODS: Array<[string, number, number]> = [
  ['the whole trail', START - 22 * 24 * HOUR, END + HOUR],
  ['whole days', START + 24 * HOUR, START + 48 * HOUR],
  ['off the hour at both ends', START + 5 * HOUR + 1_500, START + 61 * HOUR + 2_500],
  ['ending in the future', START + 40 * HOUR, Date.now() + 86_400_000],
  ['the hour of the burst', START + 66 * HOUR, START + 67 * HOUR],
];

async function digestUntil(position: number): Promise<number> {
  let passes = 0;
  for (;;) {
    const step = await digestStep(models, new Date(position + DIGEST_LAG_MS));
    passes += 1;
    if (step.behindMs === 0) return passes;
  }
}

let store: Awaited<ReturnType<typeof openAuditServiceStore>>;
beforeAll(async () => {
  store = await openAuditServiceStore('look_digest');
  models = store.models;
  await Promise.all([models.AuditEvent.init(), models.LookHour.init(), models.LookUser.init()]);
  await models.AuditEvent.collection.insertMany(
    events.map((e) => ({ ...e, subgraph: 'acute', client: { operationName: null, application: null, internal: false }, viewed: ['Patient.allergies'], denials: [] })) as never[],
  );
}, 120_000);
afterAll(() => store?.close());

it('the trail is what the reports are tested on: users above the threshold, out-of-hours looks, a burst larger than a pass', () => {
  expect(events.length).toBeGreaterThan(3_000);
  expect(expectedVolume(START, END + HOUR, 3).length).toBeGreaterThan(3);
  expect(expectedOutOfHours(START, END + HOUR).length).toBeGreaterThan(30);
});

it.each(PERIODS)('before the digest has begun, %s: the reports are read from the events', async (_name, from, to) => {
  expect(await reported(from, to)).toEqual(expected(from, to));
});

it.each(PERIODS)('with the digest half-way (hour 50 and a bit), %s: the reports are exact', async (_name, from, to) => {
  await digestUntil(START + 50 * HOUR + 1_234);
  const held = await models.LookHour.findOne().sort({ hour: -1 }).lean();
  expect(new Date(held!.through).getTime()).toBe(START + 50 * HOUR + 1_234);
  expect(await reported(from, to)).toEqual(expected(from, to));
}, 60_000);

it.each(PERIODS)('with the digest caught up, %s: the reports are exact', async (_name, from, to) => {
  await digestUntil(Date.now() - DIGEST_LAG_MS);
  expect(await reported(from, to)).toEqual(expected(from, to));
}, 120_000);

it('the burst took more than one pass; a user who changed role is shown as they were at their latest look in the period', async () => {
  const hours = await models.LookHour.find({ hour: { $gte: new Date(START + 66 * HOUR), $lt: new Date(START + 67 * HOUR) } }).lean();
  expect(hours).toHaveLength(1);
  const before = await reported(START, START + 30 * HOUR);
  const after = await reported(START + 40 * HOUR, END);
  const roleOf = (rows: Array<{ user: string; jobRole: string }>) => rows.find((r) => r.user === 'dr-b')?.jobRole;
  expect(roleOf(before.volume)).toBe('R8000');
  expect(roleOf(after.volume)).toBe('R8001');
}, 60_000);

it('passes run twice over, and two at once, add nothing twice', async () => {
  const whole = expected(START, END + HOUR);
  // Caught up: two passes at once find nothing to add.
  await Promise.all([digestStep(models, new Date()), digestStep(models, new Date())]);
  expect(await reported(START, END + HOUR)).toEqual(whole);
  // Rebuilt from nothing by two instances at once: still exact.
  await models.LookHour.deleteMany({});
  for (let i = 0; i < 200; i++) {
    const [a, b] = await Promise.all([digestStep(models, new Date()), digestStep(models, new Date())]);
    if (a.behindMs === 0 && b.behindMs === 0) break;
  }
  expect(await reported(START, END + HOUR)).toEqual(whole);
}, 240_000);
