import { nhsNumberArgument, restrictedRecordError, type SubgraphContext } from '@shareforyou/kit';
import { accessOfProfile, loadPolicy } from '@shareforyou/schema';
import { declareBreakGlass } from './breakGlass';
import { addressesAsOf, contactPointsAsOf, contactsAsOf, currentAddressOf, phoneOf, storedAddresses, storedTelecom } from '@shareforyou/kit/src/ingest';
import type { OrganisationRecord, PatientRecord, RegistryModels } from './models';
import { checkCaseloadSize, openPatient } from './patientRecord';
import { patientSearch } from './patientTrace';
import { recordOptIn, recordOptOut } from './recordOptOut';

type Context = SubgraphContext<RegistryModels>;
type PatientParent = PatientRecord & { nhsNumber: string };

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/**
 * Where a patient whose record is restricted lives, and how to reach them, is withheld from
 * everyone, whatever their role, as the Personal Demographics Service withholds it for its
 * sensitive flag (clinical safety H130): a denial the audit records, never an empty value that
 * reads as "no address held". The patient's relatives at every organisation are withheld alike by
 * the kit's field rules (kit access/restrictedRecord, H165).
 */
function unlessRestricted<T>(read: (patient: PatientParent) => T) {
  return (patient: PatientParent, _: unknown, __: Context, info: { parentType: { name: string }; fieldName: string }) => {
    if (!patient.restricted) return read(patient);
    throw restrictedRecordError(`${info.parentType.name}.${info.fieldName}`, 'contactDetails');
  };
}

export const registryResolvers = {
  Query: {
    patient: (_: unknown, args: { nhsNumber: string }, context: Context) => openPatient(nhsNumberArgument(args.nhsNumber), context),
    patients: (_: unknown, args: { nhsNumbers: string[] }, context: Context) => {
      checkCaseloadSize(args.nhsNumbers);
      const nhsNumbers = args.nhsNumbers.map((n) => nhsNumberArgument(n, 'nhsNumbers'));
      // A denied patient is null with its own error; the rest of the caseload still arrives.
      return nhsNumbers.map((nhsNumber) => openPatient(nhsNumber, context).catch((error: Error) => error));
    },
    patientSearch: (_: unknown, args: { familyName: string; birthDate: string; postcode?: string }, context: Context) =>
      patientSearch(args, context),
    myAccess: (_: unknown, __: unknown, context: Context) => ({
      userName: context.identity.name,
      organisationName: async () => ((await context.models.Organisation.findById(context.identity.odsCode).select({ name: 1 }).lean().exec()) as Pick<OrganisationRecord, 'name'> | null)?.name ?? null,
      jobRole: context.identity.jobRole,
      odsCode: context.identity.odsCode,
      ...accessOfProfile(loadPolicy(), context.identity.profile),
      // A sign-in launched for one patient opens only that record (tokenRules launchPatientOf): no trace.
      ...(context.identity.launchPatient ? { traceAllowed: false } : {}),
      launchPatient: context.identity.launchPatient ?? null,
    }),
    myOrganisation: async (_: unknown, __: unknown, context: Context) => {
      const organisation = (await context.models.Organisation.findById(context.identity.odsCode).lean().exec()) as OrganisationRecord | null;
      return organisation && { ...organisation, odsCode: organisation._id };
    },
  },
  Mutation: {
    recordOptOut: (_: unknown, args: { nhsNumber: string }, context: Context) => recordOptOut(nhsNumberArgument(args.nhsNumber), context),
    recordOptIn: (_: unknown, args: { nhsNumber: string }, context: Context) => recordOptIn(nhsNumberArgument(args.nhsNumber), context),
    declareBreakGlass: (_: unknown, args: { nhsNumber: string; reason: string; detail: string }, context: Context) =>
      declareBreakGlass({ ...args, nhsNumber: nhsNumberArgument(args.nhsNumber) }, context),
  },
  Patient: {
    __resolveReference: (reference: { nhsNumber: string }, context: Context) => openPatient(nhsNumberArgument(reference.nhsNumber), context),
    // What is current is decided now, from the periods the source sent.
    address: unlessRestricted((patient) => currentAddressOf(storedAddresses(patient), new Date())),
    addresses: unlessRestricted((patient) => addressesAsOf(storedAddresses(patient), new Date())),
    phone: unlessRestricted((patient) => phoneOf(storedTelecom(patient), new Date())),
    telecom: unlessRestricted((patient) => contactPointsAsOf(storedTelecom(patient), new Date())),
    contacts: unlessRestricted((patient) =>
      contactsAsOf(patient.contacts ?? [], new Date()).map((c) => ({ ...c, telecom: contactPointsAsOf(c.telecom, new Date()), address: c.address && addressesAsOf([c.address], new Date())[0] }))),
    restricted: (patient: PatientParent) => patient.restricted === true,
    careRelationships: async (patient: PatientParent, _: unknown, context: Context) => {
      const record = await context.access.record(patient.nhsNumber);
      return (record?.relationships ?? []).map((r) => ({
        organisation: { odsCode: r.odsCode, name: r.organisationName },
        kind: r.kind,
        from: iso(r.from),
        until: iso(r.until),
      }));
    },
    breakGlass: async (patient: PatientParent, _: unknown, context: Context) => {
      const decision = await context.access.decide(patient.nhsNumber);
      if (!decision.allowed || decision.basis !== 'break-glass') return null;
      const { breakGlass } = decision;
      return {
        id: breakGlass.id,
        nhsNumber: patient.nhsNumber,
        reason: breakGlass.reason,
        detail: breakGlass.detail,
        declaredAt: iso(breakGlass.declaredAt),
        expiresAt: iso(breakGlass.expiresAt),
      };
    },
  },
};
