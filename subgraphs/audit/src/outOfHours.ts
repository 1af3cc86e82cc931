import type { SubgraphContext } from '@shareforyou/kit';
import { isOutOfHours, outOfHoursIntervals, WORKING_DAY } from './londonHours';
import { collectLooks, limitRows, lookRow, LOOK_FIELDS, newestLookFirst, reportHeader, type LookEvent } from './looks';
import type { AuditServiceModels } from './models';
import { atWithin, periodArgument } from './period';

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** Looks at patients' records outside working hours, one row per user and patient. */
export async function outOfHoursAccess(args: { from?: string | null; to?: string | null }, context: SubgraphContext<AuditServiceModels>) {
  const period = periodArgument(args, 31);
  const intervals = outOfHoursIntervals(period);
  const header = (truncated: boolean) =>
    reportHeader(
      'Out-of-hours access',
      `Every look at a patient's record between ${clock(WORKING_DAY.endHour)} and ${clock(WORKING_DAY.startHour)} (clock time in England, ` +
        'Europe/London) or at a weekend, one row per user and patient, latest first. Bank holidays are not treated as out of hours.',
      period,
      truncated,
    );
  if (intervals.length === 0) return { ...header(false), rows: [] };
  const cursor = context.models.AuditEvent.find({
    nhsNumber: { $ne: null },
    // The period itself too: an engine can read its window of the time index (the $or alone, none).
    at: atWithin(period),
    $or: intervals.map(([from, to]) => ({ at: { $gte: from, $lt: to } })),
  })
    .select(LOOK_FIELDS)
    .lean()
    .cursor() as AsyncIterable<LookEvent>;
  const outOfHoursOnly = async function* () {
    // The intervals are exact; the check guards against a clock-rule mistake reaching the report.
    for await (const event of cursor) if (isOutOfHours(new Date(event.at))) yield event;
  };
  const looks = await collectLooks(outOfHoursOnly(), (e) => JSON.stringify([e.user.id, e.nhsNumber]));
  const { rows, truncated } = limitRows(looks.entries().map(([, look]) => look).sort(newestLookFirst).map(lookRow));
  return { ...header(truncated || looks.truncated), rows };
}
