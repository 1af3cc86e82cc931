import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import type { AuditEventRecord, AuditUser, BreakGlassRecord, RegistryAccessModels } from '@shareforyou/kit';
import { currentAddressOf, storedAddresses, type AddressValue } from '@shareforyou/kit/src/ingest';
import { raiseAlert, type AlertModel } from '../alerts/alerts';
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

const REPLAY_MS = 30_000;
const CATCH_UP_MS = 60_000;
const BATCH = 20_000;
const DECLARE = 'Mutation.declareBreakGlass';

interface SweepState {
  _id: string;
  /** The newest event time seen. */
  watermark: Date;
  /** When a catch-up pass last finished, and the watermark it reached. */
  caughtUpAt?: Date;
  caughtUpTo?: Date;
}
const sweepStateSchema = new Schema<SweepState>({ _id: String, watermark: Date, caughtUpAt: Date, caughtUpTo: Date }, { collection: 'monitoringSweep', versionKey: false });

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
}

export function sweepStateModel(auditDb: Connection) {
  return auditDb.models.SweepState ?? auditDb.model<SweepState>('SweepState', sweepStateSchema);
}

type SweptEvent = Pick<AuditEventRecord, 'requestId' | 'at' | 'user' | 'nhsNumber' | 'viewed' | 'breakGlass'>;

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

/**
 * One pass over the events from the watermark on, or, when a catch-up is due, from REPLAY_MS
 * before the watermark the last catch-up reached; returns how many were read.
 */
export async function sweepOnce(models: SweepModels, now = new Date()): Promise<number> {
  const state = (await models.SweepState.findById('monitoring').lean().exec()) as SweepState | null;
  const watermark = new Date(state?.watermark ?? 0);
  const catchUp = !state?.caughtUpAt || now.getTime() - new Date(state.caughtUpAt).getTime() >= CATCH_UP_MS;
  // A late event is built at most REPLAY_MS before it can be read; anything built earlier than
  // REPLAY_MS before the last catch-up's watermark was there to be read by it.
  const since = catchUp ? new Date(new Date(state?.caughtUpTo ?? watermark).getTime() - REPLAY_MS) : watermark;
  const events = (await models.AuditEvent.find({ at: { $gte: since }, 'client.internal': { $ne: true } })
    .sort({ at: 1 })
    .limit(BATCH)
    .select({ requestId: 1, at: 1, user: 1, nhsNumber: 1, viewed: 1, breakGlass: 1 })
    .lean()
    .exec()) as SweptEvent[];
  if (events.length > 0) {
    await breakGlassAlerts(models, events);
    await lookFindings(models, events);
  }
  const newest = events.length > 0 ? new Date(events[events.length - 1].at) : watermark;
  // A catch-up that stopped at BATCH has not read the whole window yet: the next pass catches up again.
  const caughtUp = catchUp && events.length < BATCH;
  if (!state || newest > watermark || caughtUp) {
    await models.SweepState.updateOne({ _id: 'monitoring' }, { $max: { watermark: newest }, ...(caughtUp ? { $set: { caughtUpAt: now, caughtUpTo: newest } } : {}) }, { upsert: true }).exec();
  }
  return events.length;
}

export function sweepInterval(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.MONITORING_SWEEP_MS ?? 5_000);
  return Number.isFinite(ms) && ms >= 100 ? ms : 5_000;
}
