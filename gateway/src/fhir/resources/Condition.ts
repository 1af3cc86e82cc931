/// <reference types="fhir" />
import { codeableConcept, coded, codeableConcepts, compact, named, notes, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** Condition from the catalogue's Problem: clinical and verification status as the source gave them. */

export const PROBLEM_SELECTION =
  'id code { ...C } clinicalStatus verificationStatus category { ...C } severity { ...C } onset { ...T } abatement { ...T } bodySite { ...C } recordedDate asserter notes provenance { ...P }';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

export function condition(item: SourceItem, nhsNumber: string): fhir4.Condition {
  return compact({
    ...sourceResource('Condition', item, nhsNumber),
    clinicalStatus: coded(CLINICAL, item.clinicalStatus),
    verificationStatus: coded(VERIFICATION, item.verificationStatus),
    category: codeableConcepts(item.category),
    severity: codeableConcept(item.severity),
    code: codeableConcept(item.code),
    bodySite: codeableConcepts(item.bodySite),
    subject: patientReference(nhsNumber),
    ...timeChoice('onset', item.onset),
    // con-4: an abatement only with a clinical status that says it is over; otherwise it is left out (the status stands).
    ...(['inactive', 'remission', 'resolved'].includes(item.clinicalStatus) ? timeChoice('abatement', item.abatement) : {}),
    recordedDate: item.recordedDate ?? undefined,
    asserter: named(item.asserter),
    note: notes(item.notes),
  });
}
