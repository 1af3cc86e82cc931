/// <reference types="fhir" />
/**
 * The acute trust's slice: A&E attendances (Encounter EMER), admissions (Encounter IMP),
 * outpatient appointments, discharge summaries (DocumentReference), test results
 * (Observation + DiagnosticReport), and what was recorded in those encounters: diagnoses
 * (Condition, encounter-diagnosis), allergies or a "no known allergies" statement
 * (AllergyIntolerance) and operations (Procedure, for a diagnosis by reasonReference).
 */

import { HOUR, MINUTE, isoDate, isoDateTime } from '../clock';
import { SliceFactory, coding, snomed } from '../fhir';
import { SYSTEMS, documentTypes, encounterTypes, labPanels, labTests, medicines, procedureCategories, routes, type Concept } from '../terminology';
import type { AcutePlan, HospitalEncounterLink, PatientPlan, PlannedAdmission } from '../plan';
import { allergyResource, noKnownAllergiesResource } from './clinical';

const DISPOSITION: Record<NonNullable<PlannedAdmission['disposition']>, fhir4.Coding> = {
  home: { system: SYSTEMS.dischargeDisposition, code: 'home', display: 'Home' },
  snf: { system: SYSTEMS.dischargeDisposition, code: 'snf', display: 'Skilled nursing facility' },
  rehab: { system: SYSTEMS.dischargeDisposition, code: 'rehab', display: 'Rehabilitation' },
};

const DISPOSITION_TEXT: Record<NonNullable<PlannedAdmission['disposition']>, string> = {
  home: 'Discharged home',
  snf: 'Discharged to a nursing home',
  rehab: 'Transferred for intermediate care rehabilitation',
};

/** What happened in hospital and what the GP should do, by main reason (SNOMED code). */
const COURSE: Record<string, { treatment: string; gpAction: string }> = {
  // The operation the hospital sends as its Procedure (planners/acute.ts: a total hip replacement).
  '5913000': { treatment: 'Total hip replacement performed; mobilising with a frame with physiotherapy.', gpAction: 'Please review analgesia and bone health (consider bisphosphonate).' },
  '233604007': { treatment: 'Treated with intravenous then oral antibiotics; oxygen weaned.', gpAction: 'Please arrange a chest X-ray in six weeks.' },
  '195951007': { treatment: 'Treated with nebulisers, oral prednisolone and antibiotics.', gpAction: 'Please review inhaler technique and consider pulmonary rehabilitation referral.' },
  '68566005': { treatment: 'Treated with intravenous fluids and antibiotics according to culture results.', gpAction: 'No routine follow-up needed.' },
  '128045006': { treatment: 'Treated with intravenous antibiotics; leg elevated; improving.', gpAction: 'Please review the leg in one week.' },
  '14669001': { treatment: 'Intravenous fluids given; nephrotoxic medicines paused; creatinine improving.', gpAction: 'Please repeat U&E in one week and restart paused medicines if stable.' },
  '230690007': { treatment: 'CT head showed an ischaemic stroke; started on antiplatelet therapy; seen by stroke rehabilitation team.', gpAction: 'Please review blood pressure and lipids; stroke follow-up clinic booked.' },
  '394659003': { treatment: 'Managed on the acute coronary syndrome pathway; angiography arranged.', gpAction: 'Please continue secondary prevention and review in two weeks.' },
  '266364000': { treatment: 'Treated with nebulised salbutamol and oral steroids; peak flow back to baseline.', gpAction: 'Please review asthma control within two working days.' },
};

function courseFor(reasons: Concept[]): { treatment: string; gpAction: string } {
  for (const r of reasons) if (COURSE[r.code]) return COURSE[r.code];
  return { treatment: 'Investigated and treated; symptoms settled.', gpAction: 'No routine follow-up needed.' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 May 2025" (not toLocaleDateString, whose output depends on the ICU build). */
function longDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function dischargeSummaryText(adm: PlannedAdmission & { end: number }): string {
  const reason = adm.reasons.map((r) => r.display.toLowerCase()).join(' with ');
  const course = courseFor(adm.reasons);
  const via = adm.viaEmergencyDepartment ? 'via the Emergency Department' : 'electively';
  return [
    `Admitted ${via} to ${adm.ward}, ${adm.site}, on ${longDate(adm.start)} with ${reason}.`,
    course.treatment,
    `${DISPOSITION_TEXT[adm.disposition ?? 'home']} on ${longDate(adm.end)} under ${adm.consultant}.`,
    `GP actions: ${course.gpAction}`,
  ].join(' ');
}

function interpretation(value: number, range: { low?: number; high?: number }, comparator?: string): fhir4.CodeableConcept {
  let code = 'N';
  let display = 'Normal';
  if (!comparator && range.low !== undefined && value < range.low) {
    code = 'L';
    display = 'Low';
  } else if (!comparator && range.high !== undefined && value > range.high) {
    code = 'H';
    display = 'High';
  }
  return { coding: [{ system: SYSTEMS.interpretation, code, display }] };
}

const mmHg = (value: number) => ({ value, unit: 'mmHg', system: SYSTEMS.ucum, code: 'mm[Hg]' });

/** The blood pressure taken on admission: one observation with its two components (UK Core vital signs). */
function admissionBloodPressure(f: SliceFactory, plan: PatientPlan, adm: PlannedAdmission, encounterId: string): fhir4.Observation {
  const id = f.nextId('observation');
  // Deterministic from the patient: no extra draws from the plan's random stream.
  const systolic = 110 + ((plan.index * 7 + adm.start / 60000) % 60);
  const diastolic = 65 + ((plan.index * 3) % 30);
  const high = systolic > 140;
  return {
    resourceType: 'Observation',
    id,
    meta: f.meta(id, adm.start + HOUR),
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'vital-signs', display: 'Vital Signs' }] }],
    code: { coding: [{ system: SYSTEMS.snomed, code: '75367002', display: 'Blood pressure' }, { system: SYSTEMS.loinc, code: '85354-9', display: 'Blood pressure panel with all children optional' }], text: 'Blood pressure' },
    subject: f.patient,
    encounter: { reference: `Encounter/${encounterId}` },
    effectiveDateTime: isoDateTime(adm.start + 30 * MINUTE),
    performer: [f.organisation],
    component: [
      {
        code: { coding: [{ system: SYSTEMS.loinc, code: '8480-6', display: 'Systolic blood pressure' }] },
        valueQuantity: mmHg(Math.round(systolic)),
        interpretation: [{ coding: [{ system: SYSTEMS.interpretation, code: high ? 'H' : 'N', display: high ? 'High' : 'Normal' }] }],
      },
      { code: { coding: [{ system: SYSTEMS.loinc, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: mmHg(diastolic) },
    ],
  };
}

/** The FBC as a panel Observation: no value of its own, its results as members (FHIR obs-6: hasMember instead of value[x]). */
function fullBloodCountPanel(f: SliceFactory, def: Concept & { text: string }, members: string[], time: number, issued: number, encounter: fhir4.Reference | undefined): fhir4.Observation {
  const id = f.nextId('observationPanel');
  return {
    resourceType: 'Observation',
    id,
    meta: f.meta(id, issued),
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [coding(SYSTEMS.loinc, def), { system: SYSTEMS.snomed, code: '26604007', display: 'Full blood count' }], text: def.text },
    subject: f.patient,
    ...(encounter ? { encounter } : {}),
    effectiveDateTime: isoDateTime(time),
    issued: isoDateTime(issued),
    performer: [f.organisation],
    hasMember: members.map((id) => ({ reference: `Observation/${id}` })),
  };
}

const paracetamol = { coding: [{ system: SYSTEMS.dmd, code: medicines.paracetamol500.code, display: medicines.paracetamol500.display }] };
const oralRoute = { coding: [coding(SYSTEMS.snomed, routes.oral)] };
const tablets = (value: number) => ({ value, unit: 'tablet', system: SYSTEMS.snomed, code: '428673006' });

/**
 * The doses given on the ward (MedicationAdministration): paracetamol on admission, and for some
 * patients (deterministic from the patient, no extra random draws) an evening dose declined.
 */
function wardDoses(f: SliceFactory, plan: PatientPlan, adm: PlannedAdmission, encounterId: string): fhir4.MedicationAdministration[] {
  const dose = (at: number, given: boolean): fhir4.MedicationAdministration => {
    const id = f.nextId('medicationAdministration');
    return {
      resourceType: 'MedicationAdministration',
      id,
      meta: f.meta(id, at + 15 * MINUTE),
      status: given ? 'completed' : 'not-done',
      ...(given ? {} : { statusReason: [snomed({ code: '182895007', display: 'Drug declined by patient' })] }),
      category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medication-admin-category', code: 'inpatient', display: 'Inpatient' }] },
      medicationCodeableConcept: paracetamol,
      subject: f.patient,
      context: { reference: `Encounter/${encounterId}` },
      effectiveDateTime: isoDateTime(at),
      ...(given ? { dosage: { text: 'Two tablets (1 g) by mouth', route: oralRoute, dose: tablets(2) } } : {}),
    };
  };
  const doses = [dose(adm.start + 2 * HOUR, true)];
  if (plan.index % 3 === 0) doses.push(dose(adm.start + 12 * HOUR, false));
  return doses;
}

/** The medicine to take home, dispensed on discharge (MedicationDispense), two dosage lines. */
function dischargeSupply(f: SliceFactory, adm: PlannedAdmission & { end: number }, encounterId: string): fhir4.MedicationDispense {
  const id = f.nextId('medicationDispense');
  return {
    resourceType: 'MedicationDispense',
    id,
    meta: f.meta(id, adm.end),
    status: 'completed',
    category: { coding: [{ system: 'http://terminology.hl7.org/fhir/CodeSystem/medicationdispense-category', code: 'discharge', display: 'Discharge' }] },
    medicationCodeableConcept: paracetamol,
    subject: f.patient,
    context: { reference: `Encounter/${encounterId}` },
    quantity: tablets(32),
    daysSupply: { value: 4, unit: 'day', system: SYSTEMS.ucum, code: 'd' },
    whenPrepared: isoDateTime(adm.end - 3 * HOUR),
    whenHandedOver: isoDateTime(adm.end - HOUR),
    dosageInstruction: [
      { sequence: 1, text: 'Two tablets in the morning and at midday', route: oralRoute, doseAndRate: [{ doseQuantity: tablets(2) }] },
      { sequence: 2, text: 'Two tablets in the evening and at bedtime, when required', asNeededBoolean: true, route: oralRoute, doseAndRate: [{ doseQuantity: tablets(2) }] },
    ],
  };
}

const CONDITION_ACTIVE = { coding: [{ system: SYSTEMS.conditionClinical, code: 'active', display: 'Active' }] };
const CONDITION_RESOLVED = { coding: [{ system: SYSTEMS.conditionClinical, code: 'resolved', display: 'Resolved' }] };
const CONDITION_CONFIRMED = { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed', display: 'Confirmed' }] };
const ENCOUNTER_DIAGNOSIS = [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }] }];

/**
 * What the hospital recorded in its encounters: diagnoses, allergies (the same SNOMED CT code as
 * the GP's, so the record can merge the two), a "no known allergies" statement, and operations
 * naming the diagnosis they treated.
 */
function hospitalClinicalRecord(f: SliceFactory, acute: AcutePlan, encounterOf: (link: HospitalEncounterLink) => fhir4.Reference | undefined): fhir4.FhirResource[] {
  const out: fhir4.FhirResource[] = [];
  const diagnosisIds = acute.diagnoses.map((d) => {
    const id = f.nextId('condition');
    const encounter = encounterOf(d);
    out.push({
      resourceType: 'Condition',
      id,
      meta: f.meta(id, d.resolved ?? d.recorded),
      clinicalStatus: d.resolved ? CONDITION_RESOLVED : CONDITION_ACTIVE,
      verificationStatus: CONDITION_CONFIRMED,
      category: ENCOUNTER_DIAGNOSIS,
      code: snomed(d.concept),
      ...(d.bodySite ? { bodySite: [snomed(d.bodySite.concept, d.bodySite.text)] } : {}),
      subject: f.patient,
      ...(encounter ? { encounter } : {}),
      onsetDateTime: isoDateTime(d.onset),
      ...(d.resolved ? { abatementDateTime: isoDateTime(d.resolved) } : {}),
      recordedDate: isoDateTime(d.recorded),
      asserter: f.organisation,
    });
    return id;
  });

  for (const a of acute.allergies) {
    const id = f.nextId('allergy');
    const encounter = encounterOf(a);
    out.push({ ...allergyResource(f, a, id, { display: a.recorder }), ...(encounter ? { encounter } : {}) });
  }
  if (acute.noKnownAllergies) {
    const encounter = encounterOf(acute.noKnownAllergies);
    out.push(noKnownAllergiesResource(f, acute.noKnownAllergies, encounter ? { encounter } : {}));
  }

  for (const p of acute.procedures) {
    const id = f.nextId('procedure');
    out.push({
      resourceType: 'Procedure',
      id,
      meta: f.meta(id, p.performed + 2 * HOUR),
      status: 'completed',
      category: snomed(procedureCategories.surgical),
      code: snomed(p.concept),
      subject: f.patient,
      encounter: encounterOf({ admission: p.admission }),
      performedDateTime: isoDateTime(p.performed),
      performer: [{ actor: { display: p.surgeon } }],
      reasonReference: [{ reference: `Condition/${diagnosisIds[p.reason]}` }],
      bodySite: [snomed(p.bodySite.concept, p.bodySite.text)],
    });
  }
  return out;
}

export function buildAcuteSlice(plan: PatientPlan): fhir4.FhirResource[] {
  const acute = plan.acute;
  if (!acute) return [];
  const f = new SliceFactory(acute.odsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];

  // Admissions first, so attendances can point at them.
  const admissionIds = acute.admissions.map(() => f.nextId('admission'));
  const attendanceIds = acute.attendances.map(() => f.nextId('attendance'));

  acute.attendances.forEach((a, i) => {
    const id = attendanceIds[i];
    const admitted = a.admission !== undefined;
    out.push({
      resourceType: 'Encounter',
      id,
      meta: f.meta(id, a.end),
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: 'EMER', display: 'emergency' },
      type: [snomed(encounterTypes.emergency, 'A&E attendance')],
      subject: f.patient,
      participant: [{ individual: { display: a.clinician } }],
      period: { start: isoDateTime(a.start), end: isoDateTime(a.end) },
      reasonCode: a.reasons.map((r) => snomed(r)),
      hospitalization: {
        dischargeDisposition: admitted
          ? { coding: [{ system: SYSTEMS.dischargeDisposition, code: 'other-hcf', display: 'Other healthcare facility' }], text: 'Admitted to ward' }
          : { coding: [DISPOSITION.home], text: 'Discharged home' },
      },
      location: [{ location: { display: `Emergency Department, ${a.site}` } }],
      serviceProvider: f.organisation,
    });
  });

  acute.admissions.forEach((adm, i) => {
    const id = admissionIds[i];
    const encounter: fhir4.Encounter = {
      resourceType: 'Encounter',
      id,
      meta: f.meta(id, adm.end ?? adm.start),
      status: adm.end ? 'finished' : 'in-progress',
      class: { system: SYSTEMS.actCode, code: 'IMP', display: 'inpatient encounter' },
      type: [snomed(encounterTypes.admission)],
      subject: f.patient,
      participant: [{ individual: { display: adm.consultant } }],
      period: adm.end ? { start: isoDateTime(adm.start), end: isoDateTime(adm.end) } : { start: isoDateTime(adm.start) },
      reasonCode: adm.reasons.map((r) => snomed(r)),
      hospitalization: {
        admitSource: adm.viaEmergencyDepartment
          ? { coding: [{ system: SYSTEMS.admitSource, code: 'emd', display: 'From accident/emergency department' }] }
          : { coding: [{ system: SYSTEMS.admitSource, code: 'gp', display: 'General Practitioner referral' }] },
        ...(adm.end ? { dischargeDisposition: { coding: [DISPOSITION[adm.disposition ?? 'home']], text: DISPOSITION_TEXT[adm.disposition ?? 'home'] } } : {}),
      },
      location: [{ location: { display: `${adm.ward}, ${adm.site}` }, status: adm.end ? 'completed' : 'active' }],
      serviceProvider: f.organisation,
    };
    out.push(encounter);
    out.push(admissionBloodPressure(f, plan, adm, id));
    out.push(...wardDoses(f, plan, adm, id));
    if (adm.end !== undefined) out.push(dischargeSupply(f, { ...adm, end: adm.end }, id));

    if (adm.end !== undefined) {
      const docId = f.nextId('dischargeSummary');
      const text = adm.summary ?? dischargeSummaryText({ ...adm, end: adm.end });
      out.push({
        resourceType: 'DocumentReference',
        id: docId,
        meta: f.meta(docId, adm.end + 2 * HOUR),
        status: 'current',
        docStatus: 'final',
        type: snomed(documentTypes.dischargeSummary),
        subject: f.patient,
        date: isoDateTime(adm.end + HOUR),
        author: [f.organisation, { display: adm.consultant }],
        custodian: f.organisation,
        description: text,
        content: [
          {
            attachment: {
              contentType: 'text/plain; charset=utf-8',
              language: 'en-GB',
              title: `Discharge summary – ${isoDate(adm.end)}`,
              data: Buffer.from(text, 'utf8').toString('base64'),
              creation: isoDateTime(adm.end + HOUR),
            },
          },
        ],
        context: { encounter: [{ reference: `Encounter/${id}` }], period: { start: isoDateTime(adm.start), end: isoDateTime(adm.end) } },
      });
    }
  });

  const encounterOf = (link: HospitalEncounterLink): fhir4.Reference | undefined =>
    link.admission !== undefined ? { reference: `Encounter/${admissionIds[link.admission]}` } : link.attendance !== undefined ? { reference: `Encounter/${attendanceIds[link.attendance]}` } : undefined;
  out.push(...hospitalClinicalRecord(f, acute, encounterOf));

  for (const appt of acute.outpatients) {
    const id = f.nextId('appointment');
    out.push({
      resourceType: 'Appointment',
      id,
      meta: f.meta(id, appt.status === 'fulfilled' ? appt.start + HOUR : appt.booked),
      status: appt.status,
      serviceType: [{ text: appt.clinic }],
      specialty: [snomed(appt.specialty)],
      appointmentType: { text: 'Outpatient' },
      description: `${appt.clinic}, ${appt.site}`,
      start: isoDateTime(appt.start),
      end: isoDateTime(appt.start + 20 * MINUTE),
      created: isoDate(appt.booked),
      participant: [
        { actor: { ...f.patient, type: 'Patient' }, required: 'required', status: 'accepted' },
        { actor: { type: 'Location', display: appt.site }, required: 'required', status: 'accepted' },
      ],
    });
  }

  for (const panel of acute.labs) {
    const def = labPanels[panel.panel];
    const gender = plan.gender;
    const obsIds: string[] = [];
    const encounterRef =
      panel.admission !== undefined
        ? { reference: `Encounter/${admissionIds[panel.admission]}` }
        : panel.attendance !== undefined
          ? { reference: `Encounter/${attendanceIds[panel.attendance]}` }
          : undefined;
    const issued = panel.time + 2 * HOUR;
    for (const r of panel.results) {
      const test = labTests[r.test];
      const range: { low?: number; high?: number } = test.range(gender);
      const id = f.nextId('observation');
      obsIds.push(id);
      const referenceRange: fhir4.ObservationReferenceRange = {};
      if (range.low !== undefined) referenceRange.low = { value: range.low, unit: test.unit, system: SYSTEMS.ucum, code: test.ucum };
      if (range.high !== undefined) referenceRange.high = { value: range.high, unit: test.unit, system: SYSTEMS.ucum, code: test.ucum };
      const observation: fhir4.Observation = {
        resourceType: 'Observation',
        id,
        meta: f.meta(id, issued),
        status: 'final',
        category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }] }],
        // The laboratory's own name for the test beside its LOINC code, as UK pathology reports send it.
        code: { coding: [coding(SYSTEMS.loinc, test)], text: test.text },
        subject: f.patient,
        ...(encounterRef ? { encounter: encounterRef } : {}),
        effectiveDateTime: isoDateTime(panel.time),
        issued: isoDateTime(issued),
        performer: [f.organisation],
        valueQuantity: { value: r.value, ...(r.comparator ? { comparator: r.comparator } : {}), unit: test.unit, system: SYSTEMS.ucum, code: test.ucum },
        interpretation: [interpretation(r.value, range, r.comparator)],
        referenceRange: [referenceRange],
      };
      out.push(observation);
    }
    // A full blood count also comes as a panel: one Observation grouping its results (hasMember).
    if (panel.panel === 'fbc') out.push(fullBloodCountPanel(f, def, obsIds, panel.time, issued, encounterRef));
    const reportId = f.nextId('report');
    out.push({
      resourceType: 'DiagnosticReport',
      id: reportId,
      meta: f.meta(reportId, issued),
      status: 'final',
      category: [{ coding: [{ system: SYSTEMS.diagnosticServiceSection, code: def.section, display: def.section === 'HM' ? 'Hematology' : 'Chemistry' }] }],
      code: { coding: [coding(SYSTEMS.loinc, def)], text: def.text },
      subject: f.patient,
      ...(encounterRef ? { encounter: encounterRef } : {}),
      effectiveDateTime: isoDateTime(panel.time),
      issued: isoDateTime(issued),
      performer: [f.organisation],
      result: obsIds.map((id) => ({ reference: `Observation/${id}` })),
    });
  }
  return out;
}
