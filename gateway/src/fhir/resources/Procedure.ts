/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, fhirCode, notes, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** Procedure from the catalogue's Procedure: its status as the source gave it (not-done stays not done). */

export const PROCEDURE_SELECTION =
  'id code { ...C } status statusReason { ...C } category { ...C } performed { ...T } performers location reasons { ...C } bodySite { ...C } outcome { ...C } notes provenance { ...P }';

export function procedure(item: SourceItem, nhsNumber: string): fhir4.Procedure {
  return compact({
    ...sourceResource('Procedure', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.Procedure['status'],
    statusReason: codeableConcept(item.statusReason),
    category: codeableConcept(item.category),
    code: codeableConcept(item.code),
    subject: patientReference(nhsNumber),
    ...timeChoice('performed', item.performed),
    performer: (item.performers ?? []).map((display: string) => ({ actor: { display } })),
    location: item.location ? { display: item.location } : undefined,
    reasonCode: codeableConcepts(item.reasons),
    bodySite: codeableConcepts(item.bodySite),
    outcome: codeableConcept(item.outcome),
    note: notes(item.notes),
  });
}
