import { badUserInput, type AuditUser, type SubgraphContext } from '@shareforyou/kit';
import { limitRows, reportHeader, REPORT_ROW_LIMIT } from './looks';
import type { AuditServiceModels } from './models';
import { atWithin, periodArgument } from './period';

/**
 * Users who looked at more distinct patients than a threshold. Counted in the database: $group by
 * (user, patient), then by user; FerretDB 1.24 supports both, with $sum only.
 */

type Context = SubgraphContext<AuditServiceModels>;

export async function unusualVolume(args: { from?: string | null; to?: string | null; threshold?: number | null }, context: Context) {
  const threshold = args.threshold ?? 50;
  if (!Number.isInteger(threshold) || threshold < 1) throw badUserInput('"threshold" must be a whole number of patients, at least 1.', { argument: 'threshold' });
  const period = periodArgument(args, 31);
  const { AuditEvent } = context.models;
  const patientEvents = { at: atWithin(period), nhsNumber: { $ne: null } };

  const flagged = (await AuditEvent.aggregate([
    { $match: patientEvents },
    { $group: { _id: { user: '$user.id', nhsNumber: '$nhsNumber' } } },
    { $group: { _id: '$_id.user', patients: { $sum: 1 } } },
    { $match: { patients: { $gt: threshold } } },
    { $sort: { patients: -1, _id: 1 } },
    { $limit: REPORT_ROW_LIMIT + 1 },
  ]).exec()) as Array<{ _id: string; patients: number }>;
  const { rows, truncated } = limitRows(flagged);
  const userIds = rows.map((r) => r._id);

  const requests = userIds.length
    ? ((await AuditEvent.aggregate([
        { $match: { ...patientEvents, 'user.id': { $in: userIds } } },
        { $group: { _id: { user: '$user.id', requestId: '$requestId' } } },
        { $group: { _id: '$_id.user', requests: { $sum: 1 } } },
      ]).exec()) as Array<{ _id: string; requests: number }>)
    : [];
  const requestsBy = new Map(requests.map((r) => [r._id, r.requests]));
  // Name, organisation and role as of the user's latest look in the period.
  const users = await Promise.all(
    userIds.map(async (id) => {
      const event = (await AuditEvent.findOne({ 'user.id': id, at: atWithin(period) }).sort({ at: -1 }).select({ user: 1 }).lean().exec()) as { user: AuditUser } | null;
      return event?.user ?? { id, name: null, odsCode: '', jobRole: null, profile: null };
    }),
  );
  return {
    ...reportHeader(
      'Unusual volume of access',
      `Every user who looked at the records of more than ${threshold} different patients in the period (any look, allowed or refused), most patients first.`,
      period,
      truncated,
    ),
    threshold,
    rows: rows.map((row, i) => ({ user: users[i], patients: row.patients, requests: requestsBy.get(row._id) ?? 0 })),
  };
}
