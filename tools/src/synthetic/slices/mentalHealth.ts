/// <reference types="fhir" />
/**
 * The mental health trust's slice: the episode of care (CPA status, care coordinator), the crisis
 * plan (CarePlan coded 736253002 |Mental health crisis plan|), the risk summary (RiskAssessment)
 * and, with a high risk, a risk alert (Flag coded in SNOMED CT); risk marked restricted: meta.security R.
 * Also the trust's diagnoses (Condition) and questionnaire scores (Observation: PHQ-9, GAD-7).
 */

import { isoDate, isoDateTime } from '../clock';
import { coding, SliceFactory, snomed } from '../fhir';
import { carePlanConcepts, flagConcepts, SYSTEMS } from '../terminology';
import type { PatientPlan } from '../plan';
import { scoreObservation } from './clinical';

const PROBLEM_LIST = [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] }];

export function buildMentalHealthSlice(plan: PatientPlan): fhir4.FhirResource[] {
  const mh = plan.mentalHealth;
  if (!mh) return [];
  const f = new SliceFactory(mh.odsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];
  const ep = mh.episode;

  const episodeId = f.nextId('mentalHealthEpisode');
  out.push({
    resourceType: 'EpisodeOfCare',
    id: episodeId,
    meta: f.meta(episodeId, ep.end ?? ep.start),
    status: ep.status,
    type: [{ text: ep.cpa ? 'CPA' : 'non-CPA' }, { text: ep.team }],
    patient: f.patient,
    managingOrganization: f.organisation,
    period: ep.end ? { start: isoDate(ep.start), end: isoDate(ep.end) } : { start: isoDate(ep.start) },
    careManager: { display: `${ep.coordinator}, Care Coordinator, ${ep.team}` },
    team: [{ display: ep.team }],
  });

  if (mh.crisisPlan) {
    const cp = mh.crisisPlan;
    const id = f.nextId('crisisPlan');
    out.push({
      resourceType: 'CarePlan',
      id,
      meta: f.meta(id, cp.created),
      status: ep.status === 'active' ? 'active' : 'completed',
      intent: 'plan',
      // A crisis plan by its code (SNOMED CT 736253002), which is what the record reads; the title is the trust's.
      category: [{ coding: [coding(SYSTEMS.snomed, carePlanConcepts.crisisPlan)], text: 'Crisis plan' }],
      title: 'Staying well plan',
      description: `Triggers: ${cp.triggers} Early warning signs: ${cp.warningSigns} What helps: ${cp.whatHelps} Contacts: ${cp.contacts}`,
      subject: f.patient,
      period: { start: isoDate(cp.created) },
      created: isoDateTime(cp.created),
      author: f.organisation,
      supportingInfo: [{ reference: `EpisodeOfCare/${episodeId}` }],
      note: [
        { text: `Triggers: ${cp.triggers}` },
        { text: `Early warning signs: ${cp.warningSigns}` },
        { text: `What helps: ${cp.whatHelps}` },
        { text: `Contacts: ${cp.contacts}` },
      ],
    });
  }

  if (mh.risk) {
    const r = mh.risk;
    const id = f.nextId('riskAssessment');
    out.push({
      resourceType: 'RiskAssessment',
      id,
      meta: f.meta(id, r.date, true),
      status: 'final',
      code: { text: 'Risk summary' },
      subject: f.patient,
      occurrenceDateTime: isoDateTime(r.date),
      performer: { display: r.assessor },
      basis: [{ reference: `EpisodeOfCare/${episodeId}` }],
      prediction: [
        {
          outcome: { text: r.outcome },
          qualitativeRisk: { coding: [{ system: SYSTEMS.riskProbability, code: r.level, display: r.level === 'low' ? 'Low likelihood' : r.level === 'moderate' ? 'Moderate likelihood' : 'High likelihood' }] },
          rationale: r.summary,
        },
      ],
      mitigation: r.mitigation,
      note: [{ text: r.summary }],
    });
  }
  if (mh.riskFlag) {
    const rf = mh.riskFlag;
    const id = f.nextId('riskFlag');
    out.push({
      resourceType: 'Flag',
      id,
      meta: f.meta(id, rf.raised, true),
      status: ep.status === 'active' ? 'active' : 'inactive',
      category: [{ coding: [{ system: SYSTEMS.flagCategory, code: 'clinical', display: 'Clinical' }] }],
      code: { coding: [coding(SYSTEMS.snomed, flagConcepts[rf.concept])], text: rf.concept === 'suicide' ? 'At risk of suicide: see crisis plan' : 'Risk to others: visit in pairs' },
      subject: f.patient,
      period: { start: isoDateTime(rf.raised) },
      author: f.organisation,
    });
  }

  for (const d of mh.diagnoses) {
    const id = f.nextId('condition');
    out.push({
      resourceType: 'Condition',
      id,
      meta: f.meta(id, d.resolved ?? d.recorded),
      clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: d.resolved ? 'resolved' : 'active', display: d.resolved ? 'Resolved' : 'Active' }] },
      verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed', display: 'Confirmed' }] },
      category: PROBLEM_LIST,
      code: snomed(d.concept),
      subject: f.patient,
      onsetDateTime: isoDate(d.onset),
      ...(d.resolved ? { abatementDateTime: isoDate(d.resolved) } : {}),
      recordedDate: isoDate(d.recorded),
      asserter: f.organisation,
    });
  }
  for (const s of mh.scores) out.push(scoreObservation(f, s));
  for (const a of mh.administrations ?? []) {
    const id = f.nextId('medicationAdministration');
    out.push({
      resourceType: 'MedicationAdministration',
      id,
      meta: f.meta(id, a.time),
      status: 'completed',
      medicationCodeableConcept: { coding: [coding(SYSTEMS.dmd, a.medicine)], text: a.medicine.display },
      subject: f.patient,
      effectiveDateTime: isoDateTime(a.time),
      performer: [{ actor: { display: a.nurse } }],
      dosage: { text: a.dose, route: snomed(a.route), dose: { value: a.doseMg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
    });
  }
  for (const appt of mh.appointments ?? []) {
    const id = f.nextId('appointment');
    out.push({
      resourceType: 'Appointment',
      id,
      meta: f.meta(id, appt.status === 'fulfilled' ? appt.start : appt.booked),
      status: appt.status,
      serviceType: [{ text: appt.service }],
      start: isoDateTime(appt.start),
      end: isoDateTime(appt.start + 15 * 60_000),
      created: isoDate(appt.booked),
      participant: [
        { actor: { ...f.patient, type: 'Patient' }, required: 'required', status: 'accepted' },
        { actor: { type: 'Practitioner', display: appt.clinician }, required: 'required', status: 'accepted' },
      ],
    });
  }
  return out;
}
