import { referenceDisplay, type BundleReferences } from './bundleReferences';
import { FHIR_CODE } from './fhirStatuses';
import { conceptsOf, ODS_SYSTEM, optionalCodingOf, optionalDateOf, optionalOneOf, textConcept, textOf, type ConceptValue } from './fhirValues';

/**
 * The people and places of an Encounter (or a visit, a contact), kept whole: every participant
 * with its role and period, every location with its status and period, each named from the
 * reference's display or the resource it resolves to in the bundle. Pure; names the FHIR path of
 * anything it cannot read.
 */

export interface EncounterParticipantValue {
  type: ConceptValue[];
  individual: string | null;
  start: string | null;
  end: string | null;
}

export interface EncounterLocationValue {
  location: string | null;
  status: string | null;
  physicalType: ConceptValue | null;
  start: string | null;
  end: string | null;
}

export function encounterParticipantsOf(r: fhir4.Encounter, references: BundleReferences): EncounterParticipantValue[] {
  return (r.participant ?? []).map((p, i) => ({
    type: conceptsOf(p.type, `Encounter.participant[${i}].type`),
    individual: referenceDisplay(p.individual, r as never, references),
    start: optionalDateOf(p.period?.start, `Encounter.participant[${i}].period.start`),
    end: optionalDateOf(p.period?.end, `Encounter.participant[${i}].period.end`),
  }));
}

export function encounterLocationsOf(r: fhir4.Encounter, references: BundleReferences): EncounterLocationValue[] {
  return (r.location ?? []).map((l, i) => ({
    location: referenceDisplay(l.location, r as never, references),
    status: optionalOneOf(l.status, FHIR_CODE.encounterLocationStatus, `Encounter.location[${i}].status`),
    physicalType: optionalCodingOf(l.physicalType, `Encounter.location[${i}].physicalType`),
    start: optionalDateOf(l.period?.start, `Encounter.location[${i}].period.start`),
    end: optionalDateOf(l.period?.end, `Encounter.location[${i}].period.end`),
  }));
}

/** Where the patient is (the active location), else the last one listed; null when none is named. */
export function currentPlaceOf(locations: EncounterLocationValue[]): string | null {
  return (locations.find((l) => l.status === 'active') ?? locations[locations.length - 1])?.location ?? null;
}

/** The clinicians an encounter names, joined: people, never the organisation a reference may name. */
export function encounterCliniciansOf(r: fhir4.Encounter, references: BundleReferences): string | null {
  return textOf(
    (r.participant ?? [])
      .filter((p) => p.individual?.identifier?.system !== ODS_SYSTEM && p.individual?.type !== 'Organization')
      .map((p) => referenceDisplay(p.individual, r as never, references))
      .filter(Boolean)
      .join(', '),
    500,
  );
}

/**
 * What a list of references names as reasons (reasonReference, addresses, diagnosis.condition): the
 * reference's display, else the code of the Condition (or Procedure, Observation) it resolves to,
 * else the name of what it resolves to. Each as a CodeableConcept, text-only when no code is known.
 */
export function referencedConceptsOf(refs: Array<fhir4.Reference | undefined> | undefined, from: any, references: BundleReferences, path: string): ConceptValue[] {
  return (refs ?? []).flatMap((ref, i) => {
    const concept = referencedConceptOf(ref, from, references, `${path}[${i}]`);
    return concept ? [concept] : [];
  });
}

export function referencedConceptOf(ref: fhir4.Reference | undefined, from: any, references: BundleReferences, path: string): ConceptValue | null {
  if (!ref) return null;
  const target = references.resolve(ref, from) as { code?: fhir4.CodeableConcept } | null;
  const coded = target?.code ? optionalCodingOf(target.code, `${path} -> ${(target as { resourceType?: string }).resourceType}.code`) : null;
  const display = textOf(ref.display, 500);
  if (coded) return display ? { ...coded, text: coded.text ?? display } : coded;
  const name = display ?? referenceDisplay(ref, from, references);
  return name ? textConcept(name) : null;
}
