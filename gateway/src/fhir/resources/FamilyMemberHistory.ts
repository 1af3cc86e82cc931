/// <reference types="fhir" />
import { codeableConcept, requiredConcept, codeableConcepts, compact, fhirCode, notes, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** FamilyMemberHistory from the catalogue's FamilyHistory: the relative's conditions, never the patient's. */

export const FAMILY_HISTORY_SELECTION =
  'id relationship { ...C } name status dataAbsentReason { ...C } sex { ...C } deceased deceasedAt { ...T } conditions { code { ...C } outcome { ...C } contributedToDeath onset { ...T } notes } reasons { ...C } recordedDate notes provenance { ...P }';

export function familyMemberHistory(item: SourceItem, nhsNumber: string): fhir4.FamilyMemberHistory {
  const deceasedAt = timeChoice('deceased', item.deceasedAt);
  return compact({
    ...sourceResource('FamilyMemberHistory', item, nhsNumber),
    status: fhirCode(item.status) as fhir4.FamilyMemberHistory['status'],
    dataAbsentReason: codeableConcept(item.dataAbsentReason),
    patient: patientReference(nhsNumber),
    date: item.recordedDate ?? undefined,
    name: item.name ?? undefined,
    relationship: requiredConcept(item.relationship),
    sex: codeableConcept(item.sex),
    // deceased[x]: when it was, else whether, as the source said.
    ...(Object.keys(deceasedAt).length ? (deceasedAt.deceasedPeriod ? {} : deceasedAt) : typeof item.deceased === 'boolean' ? { deceasedBoolean: item.deceased } : {}),
    reasonCode: codeableConcepts(item.reasons),
    note: notes(item.notes),
    condition: (item.conditions ?? []).map((c: SourceItem) =>
      compact({
        code: requiredConcept(c.code),
        outcome: codeableConcept(c.outcome),
        contributedToDeath: typeof c.contributedToDeath === 'boolean' ? c.contributedToDeath : undefined,
        ...timeChoice('onset', c.onset),
        note: notes(c.notes),
      }),
    ),
  });
}
