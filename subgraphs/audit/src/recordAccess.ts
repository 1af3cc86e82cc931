import { nhsNumberArgument, type SubgraphContext } from '@shareforyou/kit';
import { collectLooks, LOOK_FIELDS, newestLookFirst, type LookEvent } from './looks';
import type { AuditServiceModels } from './models';
import { atWithin, periodArgument, type Period } from './period';

/** The events of one patient's record in the period: one range of the { nhsNumber, at } index. */
export const recordAccessQuery = (nhsNumber: string, period: Period) => ({ nhsNumber, at: atWithin(period) });

/**
 * "Who has looked at my record": one row per organisation and role, never per named person, so
 * the same answer can one day be shown to the patient in a portal.
 */
export async function recordAccessSummary(
  args: { nhsNumber: string; from?: string | null; to?: string | null },
  context: SubgraphContext<AuditServiceModels>,
) {
  const nhsNumber = nhsNumberArgument(args.nhsNumber);
  const period = periodArgument(args, 365);
  const cursor = context.models.AuditEvent.find(recordAccessQuery(nhsNumber, period))
    .select(LOOK_FIELDS)
    .lean()
    .cursor() as AsyncIterable<LookEvent>;
  const looks = await collectLooks(cursor, (e) => JSON.stringify([e.user.odsCode, e.user.jobRole ?? null, e.user.profile ?? null]));
  return looks
    .entries()
    .map(([, look]) => look)
    .sort(newestLookFirst)
    .map((look) => ({
      odsCode: look.user.odsCode,
      jobRole: look.user.jobRole ?? null,
      profile: look.user.profile ?? null,
      firstAccess: look.firstAccess.toISOString(),
      lastAccess: look.lastAccess.toISOString(),
      requests: look.requestIds.size,
      categories: [...look.categories].sort(),
      breakGlass: look.breakGlass,
    }));
}
