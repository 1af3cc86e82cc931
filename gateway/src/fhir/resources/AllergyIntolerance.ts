/// <reference types="fhir" />
import { codeableConcept, coded, codeableConcepts, compact, fhirCode, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** AllergyIntolerance from the catalogue's Allergy: both statuses as the source gave them (refuted and resolved stay so). */

export const ALLERGY_SELECTION =
  'id code { ...C } clinicalStatus verificationStatus type category criticality reactions { substance { ...C } manifestations { ...C } description severity onset exposureRoute { ...C } } onset { ...T } lastOccurrence recordedDate provenance { ...P }';

const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

export function allergyIntolerance(item: SourceItem, nhsNumber: string): fhir4.AllergyIntolerance {
  return compact({
    ...sourceResource('AllergyIntolerance', item, nhsNumber),
    clinicalStatus: coded(CLINICAL, item.clinicalStatus),
    verificationStatus: coded(VERIFICATION, item.verificationStatus),
    type: item.type === 'allergy' || item.type === 'intolerance' ? item.type : undefined,
    category: (item.category ?? []).filter((c: string) => ['food', 'medication', 'environment', 'biologic'].includes(c)),
    criticality: fhirCode(item.criticality) as fhir4.AllergyIntolerance['criticality'],
    code: codeableConcept(item.code),
    patient: patientReference(nhsNumber),
    ...timeChoice('onset', item.onset),
    recordedDate: item.recordedDate ?? undefined,
    lastOccurrence: item.lastOccurrence ?? undefined,
    reaction: (item.reactions ?? [])
      .map((r: SourceItem) => ({
        substance: codeableConcept(r.substance),
        manifestation: codeableConcepts(r.manifestations),
        description: r.description ?? undefined,
        onset: r.onset ?? undefined,
        severity: r.severity ?? undefined,
        exposureRoute: codeableConcept(r.exposureRoute),
      }))
      // A reaction needs at least one manifestation in R4 (1..*).
      .filter((r: { manifestation: unknown[] }) => r.manifestation.length > 0),
  });
}
