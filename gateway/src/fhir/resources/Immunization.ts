/// <reference types="fhir" />
import { codeableConcept, requiredConcept, compact, fhirCode, patientReference, quantity, sourceResource, type SourceItem } from '../datatypes';

/** Immunization from the catalogue's Immunisation: given (completed) or not done, as the source said. */

export const IMMUNISATION_SELECTION =
  'id vaccine { ...C } date occurrence { ...T } status statusReason { ...C } doseNumber lotNumber site { ...C } route { ...C } doseQuantity { ...Q } performer manufacturer provenance { ...P }';

export function immunization(item: SourceItem, nhsNumber: string): fhir4.Immunization {
  const occurrence = item.occurrence ?? {};
  return compact({
    ...sourceResource('Immunization', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.Immunization['status'],
    statusReason: codeableConcept(item.statusReason),
    vaccineCode: requiredConcept(item.vaccine),
    patient: patientReference(nhsNumber),
    // occurrence[x] is required: the date-time, else the text the source gave.
    ...(occurrence.start ?? item.date ? { occurrenceDateTime: occurrence.start ?? item.date } : { occurrenceString: occurrence.text ?? 'not recorded' }),
    lotNumber: item.lotNumber ?? undefined,
    site: codeableConcept(item.site),
    route: codeableConcept(item.route),
    // doseQuantity is a SimpleQuantity: no comparator.
    doseQuantity: item.doseQuantity ? { ...quantity(item.doseQuantity), comparator: undefined } : undefined,
    manufacturer: item.manufacturer ? { display: item.manufacturer } : undefined,
    performer: item.performer ? [{ actor: { display: item.performer } }] : undefined,
    protocolApplied: item.doseNumber ? [{ doseNumberString: item.doseNumber }] : undefined,
  });
}
