/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, fhirCode, named, notes, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** ServiceRequest from the catalogue's Referral: status, intent and do-not-perform as the source gave them. */

export const REFERRAL_SELECTION =
  'id code { ...C } categories { ...C } status intent priority doNotPerform authoredOn occurrence { ...T } requester performers reasons { ...C } bodySite { ...C } patientInstruction notes provenance { ...P }';

export function serviceRequest(item: SourceItem, nhsNumber: string): fhir4.ServiceRequest {
  return compact({
    ...sourceResource('ServiceRequest', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.ServiceRequest['status'],
    intent: fhirCode(item.intent) as fhir4.ServiceRequest['intent'],
    category: codeableConcepts(item.categories),
    priority: item.priority ?? undefined,
    doNotPerform: item.doNotPerform || undefined,
    code: codeableConcept(item.code),
    subject: patientReference(nhsNumber),
    ...timeChoice('occurrence', item.occurrence),
    authoredOn: item.authoredOn ?? undefined,
    requester: named(item.requester),
    performer: (item.performers ?? []).map((display: string) => ({ display })),
    reasonCode: codeableConcepts(item.reasons),
    bodySite: codeableConcepts(item.bodySite),
    patientInstruction: item.patientInstruction ?? undefined,
    note: notes(item.notes),
  });
}
