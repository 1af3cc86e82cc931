import { badUserInput, type SubgraphContext } from '@shareforyou/kit';
import { lookPeriodArgument, looksInPeriod, usersAt } from './lookPeriod';
import { limitRows, reportHeader } from './looks';
import type { AuditServiceModels } from './models';

/**
 * Users who looked at more distinct patients than a threshold, from the looks of the period (the
 * hours the look digest keeps, and the events of what it has not reached): lookPeriod.ts.
 */

type Context = SubgraphContext<AuditServiceModels>;

export async function unusualVolume(args: { from?: string | null; to?: string | null; threshold?: number | null }, context: Context) {
  const threshold = args.threshold ?? 50;
  if (!Number.isInteger(threshold) || threshold < 1) throw badUserInput('"threshold" must be a whole number of patients, at least 1.', { argument: 'threshold' });
  const period = lookPeriodArgument(args, 31);
  const looks = await looksInPeriod(context.models, period, { outOfHoursOnly: false });
  const flagged = [...looks.users].filter(([, user]) => user.patients.size > threshold).map(([key, user]) => [key, user.patients.size] as const);
  // Name, organisation and role as of the user's latest look in the period.
  const users = await usersAt(context.models, flagged.map(([key]) => ({ userKey: key, at: looks.users.get(key)!.lastAccess, fromEvents: looks.users.get(key)!.fromEvents })));
  // Most patients first; equal counts by user id, so the order is the same each time.
  const ranked = flagged.map(([key, count], i) => ({ user: users[i], patients: count, requests: looks.users.get(key)?.requests ?? 0 })).sort((a, b) => b.patients - a.patients || (a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0));
  const { rows, truncated } = limitRows(ranked);
  return {
    ...reportHeader(
      'Unusual volume of access',
      `Every user who looked at the records of more than ${threshold} different patients in the period (any look, allowed or refused), most patients first.`,
      period,
      truncated || looks.truncated,
    ),
    threshold,
    rows,
  };
}
