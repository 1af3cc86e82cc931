import type { Connection } from 'mongoose';
import { Schema } from 'mongoose';
import { badUserInput, readSecret, type SubgraphContext } from '@shareforyou/kit';
import { ALERT_ID_HEADER, alertSignature, consoleLink, retryDelay, retryPolicy, SIGNATURE_HEADER, TIMESTAMP_HEADER, type AlertMessage } from './alertDelivery';

/**
 * Alerts to the privacy office: a break-glass declaration, a monitoring finding at or above the
 * threshold, and a spike of refusals for one user or address (reported by the gateway). Each is stored once (its id is what it is about, so a second sweep or replica cannot
 * raise it twice), listed for the console, and delivered to ALERT_WEBHOOK_URL by whichever audit
 * instance claims it first, retried with backoff until the receiver says 2xx: at least once,
 * and a restart loses nothing because the queue is the collection.
 */

export type AlertKind = AlertMessage['kind'];
export type DeliveryState = 'pending' | 'delivered' | 'console-only';

export interface AlertRecord {
  _id: string;
  kind: AlertKind;
  title: string;
  raisedAt: Date;
  /** Null for a refusal spike (about a user or an address, not a patient). */
  nhsNumber: string | null;
  /** The declaration, finding, or refusal spike's subject (address:... / user:...) it is about. */
  subjectId: string;
  delivery: {
    state: DeliveryState;
    attempts: number;
    nextAttemptAt: Date | null;
    lockedUntil: Date | null;
    lastError: string | null;
    deliveredAt: Date | null;
  };
}

const alertSchema = new Schema<AlertRecord>(
  {
    _id: String,
    kind: { type: String, required: true },
    title: { type: String, required: true },
    raisedAt: { type: Date, required: true },
    nhsNumber: { type: String, default: null },
    subjectId: { type: String, required: true },
    delivery: {
      state: { type: String, required: true },
      attempts: { type: Number, default: 0 },
      nextAttemptAt: { type: Date, default: null },
      lockedUntil: { type: Date, default: null },
      lastError: { type: String, default: null },
      deliveredAt: { type: Date, default: null },
    },
  },
  { collection: 'alerts', versionKey: false },
);
alertSchema.index({ raisedAt: -1 });
alertSchema.index({ 'delivery.state': 1, 'delivery.nextAttemptAt': 1 });

export function alertModel(auditDb: Connection) {
  return auditDb.models.Alert ?? auditDb.model<AlertRecord>('Alert', alertSchema);
}
export type AlertModel = ReturnType<typeof alertModel>;

const webhookUrl = (env: NodeJS.ProcessEnv = process.env) => env.ALERT_WEBHOOK_URL?.trim() || null;

/** Stores the alert unless it was raised before; true when this call raised it. */
export async function raiseAlert(model: AlertModel, alert: { id: string; kind: AlertKind; title: string; nhsNumber: string | null; subjectId: string }, now = new Date()): Promise<boolean> {
  const result = await model
    .updateOne(
      { _id: alert.id },
      {
        $setOnInsert: {
          kind: alert.kind,
          title: alert.title,
          raisedAt: now,
          nhsNumber: alert.nhsNumber,
          subjectId: alert.subjectId,
          delivery: { state: webhookUrl() ? 'pending' : 'console-only', attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, deliveredAt: null },
        },
      },
      { upsert: true },
    )
    .exec();
  return result.upsertedCount === 1;
}

function alertMessage(alert: AlertRecord): AlertMessage {
  return { id: alert._id, kind: alert.kind, title: alert.title, raisedAt: new Date(alert.raisedAt).toISOString(), nhsNumber: alert.nhsNumber, link: consoleLink(alert._id) };
}

const CLAIM_MS = 30_000;

/** Claims the next due alert, so two audit instances never send the same attempt. */
async function claimNext(model: AlertModel, now: Date): Promise<AlertRecord | null> {
  return (await model
    .findOneAndUpdate(
      {
        'delivery.state': 'pending',
        'delivery.nextAttemptAt': { $lte: now },
        $or: [{ 'delivery.lockedUntil': null }, { 'delivery.lockedUntil': { $lt: now } }],
      },
      { $set: { 'delivery.lockedUntil': new Date(now.getTime() + CLAIM_MS) } },
      { sort: { 'delivery.nextAttemptAt': 1 }, new: true },
    )
    .lean()
    .exec()) as AlertRecord | null;
}

async function deliverOne(model: AlertModel, alert: AlertRecord, url: string): Promise<void> {
  const body = JSON.stringify(alertMessage(alert));
  const timestamp = new Date().toISOString();
  let failure: string | null = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [ALERT_ID_HEADER]: alert._id,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: alertSignature(readSecret('alertWebhookSecret'), timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) failure = `the receiver answered ${response.status}`;
  } catch (error) {
    failure = `no answer from the receiver (${(error as Error).name})`;
  }
  const attempts = alert.delivery.attempts + 1;
  const now = new Date();
  await model
    .updateOne(
      { _id: alert._id },
      failure
        ? { $set: { 'delivery.attempts': attempts, 'delivery.lastError': failure, 'delivery.lockedUntil': null, 'delivery.nextAttemptAt': new Date(now.getTime() + retryDelay(attempts, retryPolicy())) } }
        : { $set: { 'delivery.attempts': attempts, 'delivery.state': 'delivered', 'delivery.deliveredAt': now, 'delivery.lockedUntil': null, 'delivery.lastError': null } },
    )
    .exec();
}

/** Sends every due alert, one at a time; returns how many it tried. */
export async function deliverDueAlerts(model: AlertModel, url = webhookUrl()): Promise<number> {
  if (!url) return 0;
  let tried = 0;
  for (let alert = await claimNext(model, new Date()); alert; alert = await claimNext(model, new Date())) {
    await deliverOne(model, alert, url);
    tried += 1;
  }
  return tried;
}

function alertView(alert: AlertRecord) {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    ...alertMessage(alert),
    subjectId: alert.subjectId,
    delivery: {
      state: alert.delivery.state.toUpperCase().replace('-', '_'),
      attempts: alert.delivery.attempts,
      lastError: alert.delivery.lastError,
      deliveredAt: iso(alert.delivery.deliveredAt),
      nextAttemptAt: alert.delivery.state === 'pending' ? iso(alert.delivery.nextAttemptAt) : null,
    },
  };
}

export async function alerts(args: { first?: number | null; kind?: AlertKind | null; undelivered?: boolean | null }, context: SubgraphContext<{ Alert: AlertModel }>) {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 200) throw badUserInput('"first" must be 1 to 200.', { argument: 'first' });
  const query: Record<string, unknown> = {};
  if (args.kind) query.kind = args.kind;
  if (args.undelivered === true) query['delivery.state'] = 'pending';
  const found = (await context.models.Alert.find(query).sort({ raisedAt: -1 }).limit(first).lean().exec()) as AlertRecord[];
  return found.map(alertView);
}
