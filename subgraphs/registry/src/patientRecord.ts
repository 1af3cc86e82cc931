import { accessError, badUserInput, type PatientAccessRecord, type SubgraphContext } from '@shareforyou/kit';
import type { PatientRecord, RegistryModels } from './models';

type Context = SubgraphContext<RegistryModels>;

const MAX_PATIENTS_PER_REQUEST = 100;

/**
 * The patient's index entry as readers see it: the stored one, or the demographics of a committed
 * feed transaction not yet moved into the index (staged on the access record, which the access
 * reads have already shown as the registry's journal says it stands: kit access/stagedAccess).
 */
export function visiblePatient(indexed: PatientRecord | null, access: PatientAccessRecord | null): PatientRecord | null {
  let newest = indexed;
  for (const staged of access?.staged ?? []) {
    for (const record of (staged.demographics ?? []) as unknown as PatientRecord[]) if (!newest || record.versionKey > newest.versionKey) newest = record;
  }
  return newest;
}

/** The patient's index entry, unless opted out or unknown: NO_SHARED_RECORD, the same answer for both. */
export async function findSharedPatient(nhsNumber: string, context: Context): Promise<PatientRecord> {
  const [indexed, access, decision] = await Promise.all([
    context.loaders.byId<PatientRecord>(context.models.Patient).load(nhsNumber),
    context.access.record(nhsNumber),
    context.access.decide(nhsNumber),
  ]);
  const patient = visiblePatient(indexed, access);
  if (!decision.allowed && decision.code === 'NO_SHARED_RECORD') throw accessError(decision);
  if (!patient) {
    context.access.markUnknown(nhsNumber);
    throw accessError({ allowed: false, code: 'NO_SHARED_RECORD', reason: 'unknown-patient' });
  }
  return patient;
}

/** Opening a record: a shared patient, and a care relationship or break-glass for this user. */
export async function openPatient(nhsNumber: string, context: Context) {
  const patient = await findSharedPatient(nhsNumber, context);
  await context.access.require(nhsNumber);
  return { ...patient, nhsNumber };
}

export function checkCaseloadSize(nhsNumbers: string[]): void {
  if (nhsNumbers.length > MAX_PATIENTS_PER_REQUEST) {
    throw badUserInput(`At most ${MAX_PATIENTS_PER_REQUEST} patients per request; split the caseload into pages.`, {
      argument: 'nhsNumbers',
    });
  }
}
