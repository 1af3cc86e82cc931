import { accessError, careRecordError, decideAccess, ErrorCode, type PatientAccessRecord, type SubgraphContext } from '@shareforyou/kit';
import type { PatientRecord, RegistryModels } from './models';
import { visiblePatient } from './patientRecord';

/**
 * Opt-out and opt-in, recorded only by a user of the patient's registered practice.
 * Opt-out takes effect at once (every subgraph's access decision reads it), then the registry
 * drops the demographics and relationships, and every organisation subgraph purges its slice by
 * following the opt-out log. Each step is idempotent, so a retry after a failure converges.
 */

type Context = SubgraphContext<RegistryModels>;

/** Only a user of the patient's registered practice records an opt-out or an opt-in (kit: decideAccess). */
function requireRegisteredPractice(identity: Context['identity'], registeredPractice: string, action: 'OptOut' | 'OptIn'): void {
  const decision = decideAccess({ action: 'recordOptOut', actor: identity, registeredPractice });
  if (!decision.allowed) throw accessError(decision, { field: `Mutation.record${action}` });
}

function receipt(nhsNumber: string, record: NonNullable<PatientAccessRecord['recordOptOut']>) {
  return {
    nhsNumber,
    status: record.status,
    recordedAt: record.recordedAt.toISOString(),
    recordedBy: record.recordedBy.name,
    practice: { odsCode: record.practiceOdsCode, name: record.practiceName },
  };
}

export async function recordOptOut(nhsNumber: string, context: Context) {
  const { models, identity } = context;
  // The access record as readers see it (a registry feed transaction counts once committed).
  const access = await context.access.record(nhsNumber);
  if (access?.recordOptOut?.status === 'opted-out') {
    requireRegisteredPractice(identity, access.recordOptOut.practiceOdsCode, 'OptOut');
    return receipt(nhsNumber, access.recordOptOut);
  }
  const patient = visiblePatient((await models.Patient.findById(nhsNumber).lean().exec()) as PatientRecord | null, access);
  if (!patient?.registeredPractice) {
    context.access.markUnknown(nhsNumber);
    throw accessError({ allowed: false, code: 'NO_SHARED_RECORD', reason: 'unknown-patient' });
  }
  requireRegisteredPractice(identity, patient.registeredPractice.odsCode, 'OptOut');

  const record = {
    status: 'opted-out' as const,
    recordedAt: new Date(),
    recordedBy: { userId: identity.userId, name: identity.name, odsCode: identity.odsCode },
    practiceOdsCode: patient.registeredPractice.odsCode,
    practiceName: patient.registeredPractice.name,
  };
  // 1. From this write on, no subgraph serves the patient. Relationships, break-glass and any
  //    feed transaction's staged writes go with it (its settling then finds nothing to move in).
  await models.PatientAccess.updateOne(
    { _id: nhsNumber },
    { $set: { recordOptOut: record, relationships: [], breakGlass: [] }, $unset: { staged: '' }, $inc: { revision: 1 } },
    { upsert: true },
  ).exec();
  // 2. Organisation subgraphs follow this log and purge their slices.
  await models.OptOutLog.create({ nhsNumber, status: 'opted-out', recordedAt: record.recordedAt });
  // 3. The index keeps only what refuses future feeds: the access record above.
  await models.Patient.deleteOne({ _id: nhsNumber }).exec();
  return receipt(nhsNumber, record);
}

export async function recordOptIn(nhsNumber: string, context: Context) {
  const { models, identity } = context;
  const access = (await models.PatientAccess.findById(nhsNumber).lean().exec()) as PatientAccessRecord | null;
  const current = access?.recordOptOut;
  if (!current || current.status !== 'opted-out') {
    throw careRecordError(ErrorCode.BAD_USER_INPUT, 'This patient has no opt-out recorded, so there is nothing to opt back in.', {
      argument: 'nhsNumber',
    });
  }
  requireRegisteredPractice(identity, current.practiceOdsCode, 'OptIn');
  const record = {
    ...current,
    status: 'opted-in' as const,
    recordedAt: new Date(),
    recordedBy: { userId: identity.userId, name: identity.name, odsCode: identity.odsCode },
  };
  await models.PatientAccess.updateOne({ _id: nhsNumber }, { $set: { recordOptOut: record }, $inc: { revision: 1 } }).exec();
  await models.OptOutLog.create({ nhsNumber, status: 'opted-in', recordedAt: record.recordedAt });
  return receipt(nhsNumber, record);
}
