/// <reference types="fhir" />
/**
 * The GP practice's slice: problems (Condition), medication (MedicationStatement, dm+d coded, with
 * the problem it treats as reasonReference), allergies or a "no known allergies" statement,
 * immunisations, consultations (Encounter, class AMB) and observations (blood pressure, weight,
 * smoking status); for the demo patients also referrals, alerts, family history, care plans,
 * devices (DeviceUseStatement with its Device), advance decisions (Consent), headings sent empty
 * because nothing is known (List, emptyReason nilknown), next of kin (RelatedPerson), medicines the
 * practice supplied (MedicationDispense) and tests it reported itself (DiagnosticReport with its
 * Observation).
 */

import { MINUTE, isoDate, isoDateTime } from '../clock';
import { SliceFactory, coding, snomed } from '../fhir';
import { SYSTEMS, encounterTypes, flagConcepts, labTests, listHeadings, reasons, relationships, vaccinations } from '../terminology';
import type { PatientPlan, PlannedGpDispense, PlannedGpReport, PlannedMedication, PlannedNextOfKin } from '../plan';
import { allergyResource, gpObservation, noKnownAllergiesResource } from './clinical';

const ACTIVE = { coding: [{ system: SYSTEMS.conditionClinical, code: 'active', display: 'Active' }] };
const RESOLVED = { coding: [{ system: SYSTEMS.conditionClinical, code: 'resolved', display: 'Resolved' }] };
const CONFIRMED = { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed', display: 'Confirmed' }] };
const PROBLEM_LIST = [{ coding: [{ system: SYSTEMS.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }] }];

const UK_CORE = 'https://fhir.hl7.org.uk/StructureDefinition';
const REPEAT_INFORMATION = `${UK_CORE}/Extension-UKCore-MedicationRepeatInformation`;
const CONTINUOUS = { coding: [{ system: SYSTEMS.courseOfTherapy, code: 'continuous', display: 'Continuous long term therapy' }] };
const COMMUNITY_PRESCRIBING = [{ coding: [{ system: SYSTEMS.medicationRequestCategory, code: 'community', display: 'Community' }] }];

/** The repeat prescription in force for a medicine (UK Core MedicationRequest with its repeat information). */
function repeatPrescription(f: SliceFactory, m: PlannedMedication & { repeat: NonNullable<PlannedMedication['repeat']> }, reasonReference: fhir4.Reference[] | undefined): fhir4.MedicationRequest {
  const id = f.nextId('medicationRequest');
  const r = m.repeat;
  return {
    resourceType: 'MedicationRequest',
    id,
    meta: f.meta(id, r.authorised),
    extension: [
      {
        url: REPEAT_INFORMATION,
        extension: [
          { url: 'numberOfPrescriptionsIssued', valueUnsignedInt: r.issued },
          { url: 'authorisationExpiryDate', valueDateTime: isoDateTime(r.expires) },
        ],
      },
    ],
    status: 'active',
    intent: 'order',
    category: COMMUNITY_PRESCRIBING,
    medicationCodeableConcept: { coding: [coding(SYSTEMS.dmd, m.medicine)], text: m.medicine.display },
    subject: f.patient,
    authoredOn: isoDateTime(r.authorised),
    requester: { display: r.prescriber },
    courseOfTherapyType: CONTINUOUS,
    ...(reasonReference ? { reasonReference } : {}),
    dosageInstruction: [{ sequence: 1, text: m.medicine.dosage }],
    dispenseRequest: {
      validityPeriod: { start: isoDate(r.authorised), end: isoDate(r.expires) },
      numberOfRepeatsAllowed: r.repeatsAllowed,
      expectedSupplyDuration: { value: 28, unit: 'day', system: SYSTEMS.ucum, code: 'd' },
    },
  };
}

export function buildGpSlice(plan: PatientPlan): fhir4.FhirResource[] {
  const f = new SliceFactory(plan.practiceOdsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];
  const gp = plan.gp;

  for (const a of gp.allergies) out.push(allergyResource(f, a, f.nextId('allergy')));
  if (gp.noKnownAllergies) out.push(noKnownAllergiesResource(f, gp.noKnownAllergies));

  // Each problem's id by its concept, so a medicine can name the problem it treats.
  const conditionIds = new Map<string, string>();
  for (const c of gp.conditions) {
    const id = f.nextId('condition');
    if (!c.resolved) conditionIds.set(c.concept.code, id);
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
    const reasonId = m.reason && conditionIds.get(m.reason.code);
    const reasonReference = reasonId ? [{ reference: `Condition/${reasonId}` }] : undefined;
    // A medicine on repeat is sent as its repeat prescription, not also as a statement (shown once).
    if (m.repeat && !m.end) {
      out.push(repeatPrescription(f, { ...m, repeat: m.repeat }, reasonReference));
      continue;
    }
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
      ...(reasonReference ? { reasonReference } : {}),
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

  for (const o of gp.observations) out.push(gpObservation(f, o));

  // The demo patients' referrals, alerts and family history (UK Core ServiceRequest, Flag, FamilyMemberHistory).
  for (const r of gp.referrals ?? []) {
    const id = f.nextId('referral');
    out.push({
      resourceType: 'ServiceRequest',
      id,
      meta: f.meta(id, r.authored),
      status: 'active',
      intent: 'order',
      category: [snomed(REFERRAL_CATEGORY)],
      code: { ...snomed(reasons.referralToService), text: `Referral to ${r.service}` },
      subject: f.patient,
      authoredOn: isoDateTime(r.authored),
      requester: { display: r.requester },
      performer: [{ display: r.service }],
      reasonCode: [snomed(r.reason)],
    });
  }
  for (const a of gp.alerts ?? []) {
    const id = f.nextId('alertFlag');
    out.push({
      resourceType: 'Flag',
      id,
      meta: f.meta(id, a.start),
      status: 'active',
      category: [{ coding: [coding(SYSTEMS.flagCategory, { code: 'social', display: 'Social' })] }],
      code: snomed(a.concept),
      subject: f.patient,
      period: { start: isoDateTime(a.start) },
      author: f.organisation,
    });
  }
  // Alerts coded as a mental-health risk: restricted (meta.security R), as the trust's are; an ended one inactive, with its period's end.
  for (const a of gp.riskAlerts ?? []) {
    const id = f.nextId('riskFlag');
    out.push({
      resourceType: 'Flag',
      id,
      meta: f.meta(id, a.end ?? a.start, true),
      status: a.end === undefined ? 'active' : 'inactive',
      category: [{ coding: [coding(SYSTEMS.flagCategory, { code: 'clinical', display: 'Clinical' })] }],
      code: { coding: [coding(SYSTEMS.snomed, flagConcepts[a.concept])], text: a.text },
      subject: f.patient,
      period: { start: isoDateTime(a.start), ...(a.end === undefined ? {} : { end: isoDateTime(a.end) }) },
      author: f.organisation,
    });
  }
  for (const m of gp.familyHistory ?? []) {
    const id = f.nextId('familyHistory');
    out.push({
      resourceType: 'FamilyMemberHistory',
      id,
      meta: f.meta(id, m.recorded),
      status: 'completed',
      patient: f.patient,
      date: isoDateTime(m.recorded),
      relationship: { coding: [coding(SYSTEMS.roleCode, { code: m.relationship, display: RELATIONSHIP_NAMES[m.relationship] })] },
      condition: [{ code: snomed(m.condition), onsetAge: { value: m.onsetAge, unit: 'years', system: SYSTEMS.ucum, code: 'a' } }],
    });
  }

  // The demo patients' care plans, devices, advance decisions and nil-known headings (UK Core CarePlan, Device and DeviceUseStatement, Consent, List).
  for (const cp of gp.carePlans ?? []) {
    const id = f.nextId('gpCarePlan');
    const addressed = cp.addresses && conditionIds.get(cp.addresses.code);
    out.push({
      resourceType: 'CarePlan',
      id,
      meta: f.meta(id, cp.created),
      status: 'active',
      intent: 'plan',
      category: [snomed(cp.category)],
      title: cp.title,
      description: cp.description,
      subject: f.patient,
      period: { start: isoDate(cp.created) },
      created: isoDateTime(cp.created),
      author: f.organisation,
      ...(addressed ? { addresses: [{ reference: `Condition/${addressed}` }] } : {}),
      activity: cp.activities.map((description) => ({ detail: { status: 'in-progress', description } })),
    });
  }
  for (const d of gp.devices ?? []) {
    const deviceId = f.nextId('device');
    out.push({ resourceType: 'Device', id: deviceId, meta: f.meta(deviceId, d.start), status: 'active', type: snomed(d.device), patient: f.patient });
    const id = f.nextId('deviceUseStatement');
    out.push({
      resourceType: 'DeviceUseStatement',
      id,
      meta: f.meta(id, d.start),
      status: 'active',
      subject: f.patient,
      timingPeriod: { start: isoDate(d.start) },
      recordedOn: isoDateTime(d.start),
      device: { reference: `Device/${deviceId}` },
      ...(d.bodySite ? { bodySite: snomed(d.bodySite) } : {}),
      ...(d.note ? { note: [{ text: d.note }] } : {}),
    });
  }
  for (const a of gp.advanceDecisions ?? []) {
    const id = f.nextId('advanceDecision');
    out.push({
      resourceType: 'Consent',
      id,
      meta: f.meta(id, a.made),
      status: 'active',
      scope: { coding: [coding(SYSTEMS.consentScope, { code: 'adr', display: 'Advanced Care Directive' })] },
      category: [{ coding: [coding(SYSTEMS.consentCategory, { code: 'acd', display: 'Advance Directive' })] }],
      patient: f.patient,
      dateTime: isoDateTime(a.made),
      organization: [f.organisation],
      sourceAttachment: { title: a.title },
      // ppc-1: the rule it is made under. An advance decision to refuse treatment: Mental Capacity Act 2005, sections 24 to 26.
      policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
      provision: { type: 'deny', period: { start: isoDate(a.made) }, code: a.refuses.map((c) => snomed(c)) },
    });
  }
  for (const l of gp.nilKnownLists ?? []) {
    const id = f.nextId('nilKnownList');
    const heading = listHeadings[l.heading];
    out.push({
      resourceType: 'List',
      id,
      meta: f.meta(id, l.recorded),
      status: 'current',
      mode: 'snapshot',
      title: heading.display,
      code: snomed(heading),
      subject: f.patient,
      date: isoDateTime(l.recorded),
      orderedBy: { coding: [coding(SYSTEMS.listOrder, { code: 'event-date', display: 'Sorted by Event Date' })] },
      emptyReason: { coding: [coding(SYSTEMS.listEmptyReason, { code: 'nilknown', display: 'Nil Known' })] },
    });
  }
  for (const k of gp.nextOfKin ?? []) out.push(nextOfKin(f, k, plan.registeredSince));
  for (const d of gp.dispenses ?? []) out.push(practiceSupply(f, d));
  for (const r of gp.reports ?? []) out.push(...practiceReport(f, r));
  return out;
}

/** A relative the practice records as next of kin: the relationship and "next of kin" both coded (UK Core RelatedPerson). */
function nextOfKin(f: SliceFactory, k: PlannedNextOfKin, since: number): fhir4.RelatedPerson {
  const id = f.nextId('carer');
  const rel = relationships[k.relationship];
  return {
    resourceType: 'RelatedPerson',
    id,
    meta: f.meta(id, since),
    active: true,
    patient: f.patient,
    relationship: [
      { coding: [coding(SYSTEMS.roleCode, rel)] },
      { coding: [{ system: SYSTEMS.contactRelationship, code: 'N', display: 'Next-of-Kin' }] },
    ],
    name: [{ use: 'official', family: k.family, given: [k.given] }],
    telecom: [{ system: 'phone', value: k.phone, use: 'mobile' }],
  };
}

/** A medicine the practice supplied itself (a dispensing practice's MedicationDispense), handed over. */
function practiceSupply(f: SliceFactory, d: PlannedGpDispense): fhir4.MedicationDispense {
  const id = f.nextId('medicationDispense');
  const tablets = { value: d.tablets, unit: 'tablet', system: SYSTEMS.snomed, code: '428673006' };
  return {
    resourceType: 'MedicationDispense',
    id,
    meta: f.meta(id, d.handedOver),
    status: 'completed',
    category: { coding: [{ system: 'http://terminology.hl7.org/fhir/CodeSystem/medicationdispense-category', code: 'community', display: 'Community' }] },
    medicationCodeableConcept: { coding: [coding(SYSTEMS.dmd, d.medicine)], text: d.medicine.display },
    subject: f.patient,
    performer: [{ actor: f.organisation }],
    quantity: tablets,
    daysSupply: { value: 28, unit: 'day', system: SYSTEMS.ucum, code: 'd' },
    whenPrepared: isoDateTime(d.handedOver - 60 * MINUTE),
    whenHandedOver: isoDateTime(d.handedOver),
    dosageInstruction: [{ sequence: 1, text: d.medicine.dosage }],
  };
}

/** A test the practice did and reported itself: the result (Observation) and its report (DiagnosticReport) naming it. */
function practiceReport(f: SliceFactory, r: PlannedGpReport): fhir4.FhirResource[] {
  const test = labTests[r.test];
  const observationId = f.nextId('observation');
  const observation: fhir4.Observation = {
    resourceType: 'Observation',
    id: observationId,
    meta: f.meta(observationId, r.time),
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }] }],
    code: { coding: [coding(SYSTEMS.loinc, test)], text: test.text },
    subject: f.patient,
    effectiveDateTime: isoDateTime(r.time),
    issued: isoDateTime(r.time),
    performer: [f.organisation],
    valueQuantity: { value: r.value, unit: test.unit, system: SYSTEMS.ucum, code: test.ucum },
    referenceRange: [{ low: { value: r.target.low, unit: test.unit, system: SYSTEMS.ucum, code: test.ucum }, high: { value: r.target.high, unit: test.unit, system: SYSTEMS.ucum, code: test.ucum }, text: r.target.text }],
  };
  const reportId = f.nextId('report');
  const report: fhir4.DiagnosticReport = {
    resourceType: 'DiagnosticReport',
    id: reportId,
    meta: f.meta(reportId, r.time),
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.diagnosticServiceSection, code: 'HM', display: 'Hematology' }] }],
    code: { coding: [coding(SYSTEMS.loinc, test)], text: `${test.text} (anticoagulation clinic)` },
    subject: f.patient,
    effectiveDateTime: isoDateTime(r.time),
    issued: isoDateTime(r.time + 10 * MINUTE),
    performer: [f.organisation],
    result: [{ reference: `Observation/${observationId}` }],
    conclusion: r.conclusion,
  };
  return [observation, report];
}

/** SNOMED CT 3457005 |Patient referral|: the category of a referral. */
const REFERRAL_CATEGORY = { code: '3457005', display: 'Patient referral' };
const RELATIONSHIP_NAMES = { MTH: 'mother', FTH: 'father', SIS: 'sister', BRO: 'brother' } as const;

/**
 * What the practice sends later to correct its feed: each allergy found to have been recorded in
 * error, again, as version 2 marked entered-in-error (FHIR ait-2: no clinicalStatus then). The
 * record must then not show it. Same ids as buildGpSlice gave (the same factory order).
 */
export function buildGpCorrections(plan: PatientPlan): fhir4.FhirResource[] {
  const f = new SliceFactory(plan.practiceOdsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];
  for (const a of plan.gp.allergies) {
    const id = f.nextId('allergy');
    if (a.enteredInError === undefined) continue;
    const { clinicalStatus: _dropped, ...sent } = allergyResource(f, a, id);
    out.push({
      ...sent,
      meta: f.laterVersion(id, a.enteredInError, '2'),
      verificationStatus: { coding: [{ system: SYSTEMS.allergyVerification, code: 'entered-in-error', display: 'Entered in Error' }] },
    });
  }
  return out;
}
