/// <reference types="fhir" />
/**
 * The GP practice's slice: problems (Condition), medication (MedicationStatement, dm+d coded),
 * allergies, immunisations and consultations (Encounter, class AMB).
 */

import { MINUTE, isoDate, isoDateTime } from '../clock';
import { SliceFactory, coding, snomed } from '../fhir';
import { SYSTEMS, allergies, encounterTypes, reactions, vaccinations } from '../terminology';
import type { PatientPlan } from '../plan';

const ACTIVE = { coding: [{ system: SYSTEMS.conditionClinical, code: 'active', display: 'Active' }] };
const RESOLVED = { coding: [{ system: SYSTEMS.conditionClinical, code: 'resolved', display: 'Resolved' }] };
const CONFIRMED = { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed', display: 'Confirmed' }] };
const PROBLEM_LIST = [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] }];

export function buildGpSlice(plan: PatientPlan): fhir4.FhirResource[] {
  const f = new SliceFactory(plan.practiceOdsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];
  const gp = plan.gp;

  for (const a of gp.allergies) {
    const id = f.nextId('allergy');
    const allergy = allergies[a.key];
    out.push({
      resourceType: 'AllergyIntolerance',
      id,
      meta: f.meta(id, a.recorded),
      clinicalStatus: { coding: [{ system: SYSTEMS.allergyClinical, code: 'active', display: 'Active' }] },
      verificationStatus: { coding: [{ system: SYSTEMS.allergyVerification, code: 'confirmed', display: 'Confirmed' }] },
      type: 'allergy',
      category: [allergy.category],
      criticality: a.criticality,
      code: snomed(allergy),
      patient: f.patient,
      recordedDate: isoDateTime(a.recorded),
      recorder: f.organisation,
      reaction: [{ manifestation: [snomed(reactions[a.reaction])], severity: a.criticality === 'high' ? 'severe' : 'mild' }],
    });
  }

  for (const c of gp.conditions) {
    const id = f.nextId('condition');
    const condition: fhir4.Condition = {
      resourceType: 'Condition',
      id,
      meta: f.meta(id, c.resolved ?? c.onset),
      clinicalStatus: c.resolved ? RESOLVED : ACTIVE,
      verificationStatus: CONFIRMED,
      category: PROBLEM_LIST,
      code: snomed(c.concept),
      subject: f.patient,
      onsetDateTime: isoDate(c.onset),
      recordedDate: isoDate(c.onset),
      asserter: f.organisation,
    };
    if (c.resolved) condition.abatementDateTime = isoDate(c.resolved);
    out.push(condition);
  }

  for (const m of gp.medications) {
    const id = f.nextId('medication');
    out.push({
      resourceType: 'MedicationStatement',
      id,
      meta: f.meta(id, m.end ?? m.start),
      status: m.end ? 'completed' : 'active',
      category: { coding: [{ system: SYSTEMS.medicationStatementCategory, code: 'community', display: 'Community' }] },
      medicationCodeableConcept: { coding: [coding(SYSTEMS.dmd, m.medicine)], text: m.medicine.display },
      subject: f.patient,
      effectivePeriod: m.end ? { start: isoDate(m.start), end: isoDate(m.end) } : { start: isoDate(m.start) },
      dateAsserted: isoDate(m.start),
      informationSource: f.organisation,
      dosage: [{ text: m.medicine.dosage }],
    });
  }

  for (const im of gp.immunisations) {
    const id = f.nextId('immunization');
    out.push({
      resourceType: 'Immunization',
      id,
      meta: f.meta(id, im.date),
      status: 'completed',
      vaccineCode: snomed(vaccinations[im.key]),
      patient: f.patient,
      occurrenceDateTime: isoDateTime(im.date),
      recorded: isoDateTime(im.date),
      primarySource: true,
      performer: [{ actor: f.organisation }],
    });
  }

  for (const c of gp.consultations) {
    const id = f.nextId('consultation');
    const type = c.mode === 'telephone' ? snomed(encounterTypes.telephone, 'Telephone consultation') : snomed(encounterTypes.faceToFace, 'Face to face consultation');
    out.push({
      resourceType: 'Encounter',
      id,
      meta: f.meta(id, c.start + c.minutes * MINUTE),
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
      type: [type],
      subject: f.patient,
      participant: [{ individual: { display: c.clinician } }],
      period: { start: isoDateTime(c.start), end: isoDateTime(c.start + c.minutes * MINUTE) },
      reasonCode: [snomed(c.reason)],
      serviceProvider: f.organisation,
    });
  }
  return out;
}
