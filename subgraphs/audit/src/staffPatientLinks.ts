import { badUserInput, nhsNumberArgument, type SubgraphContext } from '@shareforyou/kit';
import { reviewer } from './breakGlassReview';
import { collectLooks, limitRows, lookRow, LOOK_FIELDS, Looks, newestLookFirst, reportHeader, type LookEvent } from './looks';
import type { AuditServiceModels, StaffPatientLinkRecord, StaffPatientRelation } from './models';
import { atWithin, periodArgument, type Period } from './period';

/**
 * Staff looking at their own record, a relative's or a neighbour's. The audit service does not read
 * the patient index (nothing crosses databases but the access records), so it cannot compare names
 * or addresses itself: the privacy office matches staff against the register and records the
 * result as staffPatientLinks; these reports then find every look along a recorded link.
 */

type Context = SubgraphContext<AuditServiceModels>;
type Relation = 'SELF' | 'FAMILY' | 'NEIGHBOUR';

/** Links read at once, each one index range on { user.id, at }. */
const LINK_BATCH = 16;

const relationOf = (relation: StaffPatientRelation) => relation.toUpperCase() as Relation;

function linkView(link: StaffPatientLinkRecord) {
  return { ...link, relation: relationOf(link.relation), recordedAt: new Date(link.recordedAt).toISOString() };
}

export async function recordStaffPatientLink(args: { userId: string; nhsNumber: string; relation: Relation }, context: Context) {
  const userId = args.userId.trim();
  if (!userId || userId.length > 200) throw badUserInput('"userId" must be the user\'s identity-provider id.', { argument: 'userId' });
  const nhsNumber = nhsNumberArgument(args.nhsNumber);
  const link: StaffPatientLinkRecord = {
    userId,
    nhsNumber,
    relation: args.relation.toLowerCase() as StaffPatientRelation,
    recordedBy: reviewer(context),
    recordedAt: new Date(),
  };
  // Idempotent: recording the same pair again updates the relation.
  await context.models.StaffPatientLink.updateOne({ userId, nhsNumber }, { $set: link }, { upsert: true }).exec();
  return linkView(link);
}

async function linkedLooks(relations: StaffPatientRelation[], period: Period, context: Context) {
  const looks = new Looks();
  const relationByKey = new Map<string, StaffPatientRelation>();
  const key = (userId: string, nhsNumber: string | null) => JSON.stringify([userId, nhsNumber]);
  const links = context.models.StaffPatientLink.find({ relation: { $in: relations } })
    .sort({ relation: 1, userId: 1 })
    .lean()
    .cursor() as AsyncIterable<StaffPatientLinkRecord>;
  let batch: StaffPatientLinkRecord[] = [];
  const flush = async () => {
    if (batch.length === 0 || looks.truncated) return;
    // One read per link, a few at once: each is one range of the { user.id, at } index. (One $or over
    // the batch cannot use it, so it read every event of the period.)
    await Promise.all(
      batch.map((link) => {
        const events = context.models.AuditEvent.find({ 'user.id': link.userId, nhsNumber: link.nhsNumber, at: atWithin(period) })
          .select(LOOK_FIELDS)
          .lean()
          .cursor() as AsyncIterable<LookEvent>;
        return collectLooks(events, (e) => key(e.user.id, e.nhsNumber), looks);
      }),
    );
    batch = [];
  };
  for await (const link of links) {
    relationByKey.set(key(link.userId, link.nhsNumber), link.relation);
    batch.push(link);
    if (batch.length >= LINK_BATCH) await flush();
  }
  await flush();
  const ordered = looks
    .entries()
    .sort(([, a], [, b]) => newestLookFirst(a, b))
    .map(([k, look]) => ({ ...lookRow(look), relation: relationOf(relationByKey.get(k)!) }));
  const { rows, truncated } = limitRows(ordered);
  return { rows, truncated: truncated || looks.truncated };
}

const LINK_NOTE =
  'Links come from the staffPatientLinks the privacy office records (recordStaffPatientLink): the audit service does not read ' +
  'the patient index, so matching staff names, surnames and addresses against the register is done by the privacy office.';

export async function ownRecordAccess(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 31);
  const { rows, truncated } = await linkedLooks(['self'], period, context);
  return {
    ...reportHeader(
      'Access to own record',
      `Every look by a member of staff at a record linked to them as their own (relation SELF). ${LINK_NOTE}`,
      period,
      truncated,
    ),
    rows,
  };
}

export async function sharedSurnameOrAddressAccess(args: { from?: string | null; to?: string | null }, context: Context) {
  const period = periodArgument(args, 31);
  const { rows, truncated } = await linkedLooks(['family', 'neighbour'], period, context);
  return {
    ...reportHeader(
      'Access where the user shares the patient\'s surname or address',
      'Every look by a member of staff at the record of a patient linked to them as FAMILY (same surname and address, or a known ' +
        `relative) or NEIGHBOUR (same or neighbouring address). ${LINK_NOTE}`,
      period,
      truncated,
    ),
    rows,
  };
}
