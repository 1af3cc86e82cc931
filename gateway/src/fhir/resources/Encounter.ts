/// <reference types="fhir" />
import { codeableConcepts, compact, fhirCode, named, organisationReference, patientReference, period, sourceResource, type SourceItem } from '../datatypes';

/**
 * Encounter from the combined record's encounter (a GP consultation, an admission, an A&E
 * attendance, another hospital encounter, a community visit, a mental health contact; a mental
 * health ward stay is an admission): each is its source's own item, never
 * merged, so the combined item is the source item. Its status and class as the source gave them.
 */

export const ENCOUNTER_SELECTION = 'id kind description status current start end class { system code display } types { ...C } reasons { ...C } place clinician provenance { ...P }';

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/**
 * Encounter.class is required; a source that gave none is classed by where the encounter came from
 * (FHIR's v3 ActCode: a GP consultation is ambulatory, an admission inpatient, A&E emergency, a
 * community visit home health).
 */
const CLASS_OF_KIND: Record<string, fhir4.Coding> = {
  consultation: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
  admission: { system: ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
  emergency: { system: ACT_CODE, code: 'EMER', display: 'emergency' },
  hospital: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
  communityVisit: { system: ACT_CODE, code: 'HH', display: 'home health' },
  mentalHealthContact: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
};

export function encounterClass(item: SourceItem): fhir4.Coding {
  const given = item.class as { system?: string; code?: string; display?: string } | null;
  if (given?.code) return compact({ system: given.system, code: given.code, display: given.display && given.display !== given.code ? given.display : undefined });
  return CLASS_OF_KIND[item.kind] ?? CLASS_OF_KIND.hospital;
}

export function encounter(item: SourceItem, nhsNumber: string): fhir4.Encounter {
  const types = codeableConcepts(item.types);
  return compact({
    ...sourceResource('Encounter', item, nhsNumber),
    // Required in FHIR; an item stored before the record kept its status says so.
    status: (fhirCode(item.status) ?? 'unknown') as fhir4.Encounter['status'],
    class: encounterClass(item),
    type: types.length ? types : item.description ? [{ text: item.description }] : undefined,
    subject: patientReference(nhsNumber),
    participant: item.clinician ? [{ individual: named(item.clinician) }] : undefined,
    period: period(item.start, item.end),
    reasonCode: codeableConcepts(item.reasons),
    location: item.place ? [{ location: { display: item.place } }] : undefined,
    serviceProvider: organisationReference(item.provenance),
  });
}
