import { careRecordError, ErrorCode, type SubgraphContext } from '@shareforyou/kit';
import { collectLooks, LOOK_FIELDS, newestLookFirst, type LookEvent } from './looks';
import type { AuditServiceModels } from './models';
import { categoryNames, isPatientLooker, lookerOrganisationName, organisationNames, PATIENT_LOOKER, roleName } from './names';
import { atWithin, periodArgument } from './period';

/**
 * "Who has looked at my record", for the patient themselves (ready for a portal): one row per
 * organisation and role, in plain words, as national services show it. Never a member of staff's
 * name, and only ever the signed-in patient's own record: the NHS number comes from their identity,
 * not from an argument.
 */

const day = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** One row as a sentence; pure, so the wording is tested without a stack. */
export function lookSentence(row: { organisation: string; role: string; firstLook: Date; lastLook: Date; looks: number; whatWasSeen: string[]; emergencyAccess: boolean }): string {
  const times = row.looks === 1 ? 'once' : `${row.looks} times`;
  const when = day(row.firstLook) === day(row.lastLook) ? `on ${day(row.lastLook)}` : `between ${day(row.firstLook)} and ${day(row.lastLook)}`;
  const seen = row.whatWasSeen.length ? `: ${row.whatWasSeen.join('; ')}` : '';
  const emergency = row.emergencyAccess ? ', including emergency access' : '';
  return `Someone at ${row.organisation} (${row.role}) looked at your record ${times} ${when}${emergency}${seen}.`;
}

export async function myRecordAccess(args: { from?: string | null; to?: string | null }, context: SubgraphContext<AuditServiceModels>) {
  const nhsNumber = context.identity.patientNhsNumber;
  if (!nhsNumber) throw careRecordError(ErrorCode.FORBIDDEN_FIELD, 'This answer is for patients signed in as themselves.', { field: 'Query.myRecordAccess' });
  const period = periodArgument(args, 365);
  const cursor = context.models.AuditEvent.find({ nhsNumber, at: atWithin(period), 'client.internal': { $ne: true } })
    .select(LOOK_FIELDS)
    .lean()
    .cursor() as AsyncIterable<LookEvent>;
  const looks = await collectLooks(cursor, (e) => JSON.stringify([e.user.odsCode, e.user.jobRole ?? null]));
  const organisations = await organisationNames(context.models.OrganisationName, looks.entries().map(([, look]) => look.user.odsCode));
  return looks
    .entries()
    .map(([, look]) => look)
    .sort(newestLookFirst)
    .map((look) => {
      const row = {
        organisation: lookerOrganisationName(organisations, look.user) ?? `organisation ${look.user.odsCode}`,
        role: roleName(look.user.jobRole) ?? (isPatientLooker(look.user) ? PATIENT_LOOKER.role : 'staff'),
        firstLook: look.firstAccess,
        lastLook: look.lastAccess,
        looks: look.requestIds.size,
        whatWasSeen: categoryNames([...look.categories].sort()),
        emergencyAccess: look.breakGlass,
      };
      return { ...row, firstLook: row.firstLook.toISOString(), lastLook: row.lastLook.toISOString(), summary: lookSentence(row) };
    });
}
