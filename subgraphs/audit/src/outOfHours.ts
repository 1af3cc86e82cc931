import type { SubgraphContext } from '@shareforyou/kit';
import { WORKING_DAY } from './londonHours';
import { lookPeriodArgument, looksInPeriod, usersAt } from './lookPeriod';
import { unpackNhs } from './monitoring/lookHours';
import { limitRows, reportHeader } from './looks';
import type { AuditServiceModels } from './models';

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Looks at patients' records outside working hours, one row per user and patient (the hours the look digest keeps out of hours: lookPeriod.ts). */
export async function outOfHoursAccess(args: { from?: string | null; to?: string | null }, context: SubgraphContext<AuditServiceModels>) {
  const period = lookPeriodArgument(args, 31);
  const looks = await looksInPeriod(context.models, period, { outOfHoursOnly: true });
  const newest = [...looks.looks.values()].sort((a, b) => b.lastAccess - a.lastAccess || (String(a.userKey) < String(b.userKey) ? -1 : 1));
  const { rows, truncated } = limitRows(newest);
  // Name, organisation and role as of each look's latest access.
  const users = await usersAt(context.models, rows.map((look) => ({ userKey: look.userKey, at: look.lastAccess, fromEvents: look.fromEvents })));
  return {
    ...reportHeader(
      'Out-of-hours access',
      `Every look at a patient's record between ${clock(WORKING_DAY.endHour)} and ${clock(WORKING_DAY.startHour)} (clock time in England, ` +
        'Europe/London) or at a weekend, one row per user and patient, latest first. Bank holidays are not treated as out of hours.',
      period,
      truncated || looks.truncated,
    ),
    rows: rows.map((look, i) => ({
      user: users[i],
      nhsNumber: unpackNhs(look.patient),
      firstAccess: new Date(look.firstAccess).toISOString(),
      lastAccess: new Date(look.lastAccess).toISOString(),
      accesses: look.requests,
      categories: looks.categoryNames(look.categories),
      breakGlass: look.breakGlass,
      denied: look.denied,
    })),
  };
}
