/// <reference types="fhir" />
/**
 * Clinical resources more than one organisation sends in the same shape (the record maps each FHIR
 * type once, in the kit's catalogue): "no known allergies" statements, the GP's vital signs and
 * lifestyle observations, questionnaire scores.
 */

import { isoDateTime } from '../clock';
import { SliceFactory, coding, snomed } from '../fhir';
import { SYSTEMS, allergies, noKnownAllergyConcepts, reactions, observableEntities, observationCodes, smokingStatuses, type Concept } from '../terminology';
import type { PlannedAllergy, PlannedGpObservation, PlannedNoKnownAllergies } from '../plan';

export const ALLERGY_ACTIVE = { coding: [{ system: SYSTEMS.allergyClinical, code: 'active', display: 'Active' }] };
export const ALLERGY_CONFIRMED = { coding: [{ system: SYSTEMS.allergyVerification, code: 'confirmed', display: 'Confirmed' }] };

/** An allergy as a source records it (UKCore-AllergyIntolerance): the GP's, and the hospital's with its encounter and recorder. */
export function allergyResource(f: SliceFactory, a: Pick<PlannedAllergy, 'key' | 'recorded' | 'reaction' | 'criticality'>, id: string, recorder: fhir4.Reference = f.organisation): fhir4.AllergyIntolerance {
  const allergy = allergies[a.key];
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: f.meta(id, a.recorded),
    clinicalStatus: ALLERGY_ACTIVE,
    verificationStatus: ALLERGY_CONFIRMED,
    type: 'allergy',
    category: [allergy.category],
    criticality: a.criticality,
    code: snomed(allergy),
    patient: f.patient,
    recordedDate: isoDateTime(a.recorded),
    recorder,
    reaction: [{ manifestation: [snomed(reactions[a.reaction])], severity: a.criticality === 'high' ? 'severe' : 'mild' }],
  };
}

const OBSERVATION_CATEGORY = {
  'vital-signs': 'Vital Signs',
  'social-history': 'Social History',
  survey: 'Survey',
} as const;

function observationCategory(code: keyof typeof OBSERVATION_CATEGORY): fhir4.CodeableConcept[] {
  return [{ coding: [{ system: SYSTEMS.observationCategory, code, display: OBSERVATION_CATEGORY[code] }] }];
}

/**
 * A "no known allergies" statement: an AllergyIntolerance whose code is the SNOMED CT situation
 * (716186003, 409137002). No type, category, criticality or reaction: there is no substance.
 */
export function noKnownAllergiesResource(f: SliceFactory, nka: PlannedNoKnownAllergies, extra: { encounter?: fhir4.Reference; recorder?: fhir4.Reference } = {}): fhir4.AllergyIntolerance {
  const id = f.nextId('noKnownAllergies');
  return {
    resourceType: 'AllergyIntolerance',
    id,
    meta: f.meta(id, nka.recorded),
    clinicalStatus: ALLERGY_ACTIVE,
    verificationStatus: ALLERGY_CONFIRMED,
    code: snomed(noKnownAllergyConcepts[nka.scope]),
    patient: f.patient,
    ...(extra.encounter ? { encounter: extra.encounter } : {}),
    recordedDate: isoDateTime(nka.recorded),
    recorder: extra.recorder ?? f.organisation,
  };
}

const quantity = (value: number, unit: string, code: string): fhir4.Quantity => ({ value, unit, system: SYSTEMS.ucum, code });

/** LOINC first (UK Core vital signs require it), then the SNOMED CT observable entity when there is one. */
function observationCode(loinc: Concept, observable: Concept | undefined, text: string): fhir4.CodeableConcept {
  return { coding: [coding(SYSTEMS.loinc, loinc), ...(observable ? [coding(SYSTEMS.snomed, observable)] : [])], text };
}

/**
 * What a GP measured or asked: a blood pressure (one Observation, systolic and diastolic as
 * components, no value of its own), a body weight (kg), or the smoking status (a SNOMED CT answer).
 */
export function gpObservation(f: SliceFactory, o: PlannedGpObservation): fhir4.Observation {
  const id = f.nextId('observation');
  const common = {
    resourceType: 'Observation' as const,
    id,
    meta: f.meta(id, o.time),
    status: 'final' as const,
    subject: f.patient,
    effectiveDateTime: isoDateTime(o.time),
    performer: [f.organisation],
  };
  switch (o.kind) {
    case 'bloodPressure':
      return {
        ...common,
        category: observationCategory('vital-signs'),
        code: observationCode(observationCodes.bloodPressurePanel, observableEntities.bloodPressure, 'Blood pressure'),
        component: [
          { code: { coding: [coding(SYSTEMS.loinc, observationCodes.systolic)] }, valueQuantity: quantity(o.systolic, 'mmHg', 'mm[Hg]') },
          { code: { coding: [coding(SYSTEMS.loinc, observationCodes.diastolic)] }, valueQuantity: quantity(o.diastolic, 'mmHg', 'mm[Hg]') },
        ],
      };
    case 'bodyWeight':
      return {
        ...common,
        category: observationCategory('vital-signs'),
        code: observationCode(observationCodes.bodyWeight, observableEntities.bodyWeight, 'Body weight'),
        valueQuantity: quantity(o.kg, 'kg', 'kg'),
      };
    case 'smokingStatus':
      return {
        ...common,
        category: observationCategory('social-history'),
        code: observationCode(observationCodes.smokingStatus, undefined, 'Smoking status'),
        valueCodeableConcept: snomed(smokingStatuses[o.status]),
      };
  }
}

/** A questionnaire's total score (PHQ-9, GAD-7), category survey, by whoever scored it. */
export function scoreObservation(f: SliceFactory, s: { questionnaire: 'phq9' | 'gad7'; time: number; score: number; assessor: string }): fhir4.Observation {
  const id = f.nextId('observation');
  const phq9 = s.questionnaire === 'phq9';
  return {
    resourceType: 'Observation',
    id,
    meta: f.meta(id, s.time),
    status: 'final',
    category: observationCategory('survey'),
    code: phq9 ? observationCode(observationCodes.phq9, observableEntities.phq9, 'PHQ-9 total score') : observationCode(observationCodes.gad7, undefined, 'GAD-7 total score'),
    subject: f.patient,
    effectiveDateTime: isoDateTime(s.time),
    performer: [{ display: s.assessor }],
    valueInteger: s.score,
  };
}
