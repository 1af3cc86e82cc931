/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, fhirCode, named, patientReference, period, resourceId, sourceResource, type SourceItem } from '../datatypes';

/**
 * The catalogue's Medication as the resource it came as: a statement as MedicationStatement, a
 * prescription as MedicationRequest, each with its own status (a request's "cancelled" is never
 * turned into a statement's "stopped").
 */

export const MEDICATION_SELECTION =
  'id medication { ...C } kind status intent courseOfTherapyType { ...C } dosageInstructions { sequence text structuredText patientInstruction } startDate endDate prescriber reasons { ...C } sameMedicineAs courseDisagreement provenance { ...P }';

/**
 * A statement's basedOn: the prescriptions of this record it is one medicine with (sameMedicineAs,
 * paired by the source's slice), as references to their resources in the same answer, so a client
 * reads one medicine, not two (H182). Item ids are `<ODS code>/<resource type>/<source id>`.
 */
function pairedRequests(item: SourceItem, nhsNumber: string): fhir4.Reference[] | undefined {
  const references = ((item.sameMedicineAs as string[] | undefined) ?? []).flatMap((id) => {
    const [odsCode, resourceType, ...rest] = id.split('/');
    return resourceType === 'MedicationRequest' && rest.length ? [{ reference: `MedicationRequest/${resourceId({ odsCode, sourceId: rest.join('/') }, nhsNumber)}` }] : [];
  });
  return references.length ? references : undefined;
}

/**
 * Where the entries of one medicine differ on whether it is current (a prescription still "active"
 * that a newer statement stopped), the record's reading, said beside the resource: FHIR has no
 * element for it, and the resource's status stays the source's own (H182). Null when they agree.
 */
export function courseWarning(item: SourceItem): string | null {
  return item.courseDisagreement ? String(item.courseDisagreement) : null;
}

function courseNote(item: SourceItem): fhir4.Annotation[] | undefined {
  const warning = courseWarning(item);
  return warning ? [{ text: warning }] : undefined;
}

function dosage(item: SourceItem): fhir4.Dosage[] {
  return (item.dosageInstructions ?? []).map((d: SourceItem) => compact({ sequence: d.sequence ?? undefined, text: d.text ?? d.structuredText ?? undefined, patientInstruction: d.patientInstruction ?? undefined }));
}

export function isRequest(item: SourceItem): boolean {
  return item.kind === 'request';
}

export function medicationStatement(item: SourceItem, nhsNumber: string): fhir4.MedicationStatement {
  return compact({
    ...sourceResource('MedicationStatement', item, nhsNumber),
    basedOn: pairedRequests(item, nhsNumber),
    status: fhirCode(item.status) as fhir4.MedicationStatement['status'],
    medicationCodeableConcept: codeableConcept(item.medication),
    subject: patientReference(nhsNumber),
    effectivePeriod: period(item.startDate, item.endDate),
    informationSource: named(item.prescriber),
    reasonCode: codeableConcepts(item.reasons),
    note: courseNote(item),
    dosage: dosage(item),
  });
}

export function medicationRequest(item: SourceItem, nhsNumber: string): fhir4.MedicationRequest {
  return compact({
    ...sourceResource('MedicationRequest', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.MedicationRequest['status'],
    // R4 requires an intent; the catalogue keeps the source's, and a request without one is an order.
    intent: (fhirCode(item.intent) ?? 'order') as fhir4.MedicationRequest['intent'],
    medicationCodeableConcept: codeableConcept(item.medication),
    subject: patientReference(nhsNumber),
    authoredOn: item.startDate ?? undefined,
    requester: named(item.prescriber),
    reasonCode: codeableConcepts(item.reasons),
    courseOfTherapyType: codeableConcept(item.courseOfTherapyType),
    note: courseNote(item),
    dosageInstruction: dosage(item),
    dispenseRequest: item.endDate ? { validityPeriod: period(item.startDate, item.endDate) } : undefined,
  });
}

export function medicationResource(item: SourceItem, nhsNumber: string): fhir4.MedicationStatement | fhir4.MedicationRequest {
  return isRequest(item) ? medicationRequest(item, nhsNumber) : medicationStatement(item, nhsNumber);
}
