import { accessError, badUserInput, decideAccess, disclosing, type SubgraphContext } from '@shareforyou/kit';
import type { PatientRecord, RegistryModels } from './models';
import { currentAddressOf, storedAddresses } from '@shareforyou/kit/src/ingest';

/**
 * The demographic trace: exact family name and birth date, optionally postcode. It returns only
 * identifying demographics, and at most a handful: more matches means "narrow the search", never a list.
 */

const TRACE_RESULT_CAP = 5;

export function postcodeKey(postcode: string): string {
  return postcode.replace(/\s+/g, '').toUpperCase();
}

export async function patientSearch(
  args: { familyName: string; birthDate: string; postcode?: string | null },
  context: SubgraphContext<RegistryModels>,
) {
  // A sign-in launched for one patient traces nobody (the role's own right to trace is a field rule).
  const decision = decideAccess({ action: 'tracePatient', actor: context.identity });
  if (!decision.allowed) throw accessError(decision, { field: 'Query.patientSearch' });
  const familyKey = args.familyName.trim().toUpperCase();
  if (familyKey.length < 2) throw badUserInput('familyName needs at least two letters.', { argument: 'familyName' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.birthDate) || Number.isNaN(Date.parse(args.birthDate))) {
    throw badUserInput('birthDate must be a date written YYYY-MM-DD.', { argument: 'birthDate' });
  }
  // A source may hold only the year, or year and month, of birth (FHIR date precision): those match too, and show as held.
  const filter: Record<string, unknown> = { familyKey, birthDate: { $in: [args.birthDate, args.birthDate.slice(0, 7), args.birthDate.slice(0, 4)] } };
  if (args.postcode) filter.postcodeKey = postcodeKey(args.postcode);
  const found = (await context.models.Patient.find(filter).limit(TRACE_RESULT_CAP + 1).lean().exec()) as unknown as PatientRecord[];
  if (found.length > TRACE_RESULT_CAP) {
    throw badUserInput(`More than ${TRACE_RESULT_CAP} people match; add the postcode to narrow the trace.`, { argument: 'postcode' });
  }
  // Whom the trace disclosed is audited against the user, patient by patient, with the fields returned.
  return disclosing(found.map((patient) => ({
    nhsNumber: patient._id,
    name: patient.name,
    birthDate: patient.birthDate,
    gender: patient.gender,
    // A restricted record's postcode is withheld as its address is (clinical safety H130).
    postcode: patient.restricted ? null : (currentAddressOf(storedAddresses(patient), new Date())?.postcode ?? null),
    restricted: patient.restricted === true,
    registeredPractice: patient.registeredPractice,
  })));
}
