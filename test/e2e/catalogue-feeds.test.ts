/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The clinical catalogue end to end (issue #18.1): what the hospital found (a diagnosis, an
 * allergy found in A&E, an operation, a "no known drug allergy" statement) and what the GP measured
 * (a blood pressure, an observation whose code is the finding) go through the real feeds and come
 * back through the gateway, each from its own source, with statuses told truly; a role without the
 * procedures category is refused them field by field.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000433';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const META = { versionId: '1', lastUpdated: '2026-10-30T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });

const send = (target: string, odsCode: string, entry: unknown[]) => sendBatch(target, odsCode, entry);

const DIAGNOSIS_URL = 'urn:uuid:3b0a9a52-8f1e-4f7a-9b1c-0c2d3e4f5a6b';
const acuteEntries = [
  {
    fullUrl: DIAGNOSIS_URL,
    resource: {
      resourceType: 'Condition', id: 'cat-fracture', meta: META, subject: PATIENT,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
      code: sct('5913000', 'Fracture of neck of femur'), onsetDateTime: '2026-10-29T19:40:00+00:00',
    },
  },
  {
    resource: {
      resourceType: 'Condition', id: 'cat-ruled-out', meta: META, subject: PATIENT,
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: sct('22298006', 'Myocardial infarction'), recordedDate: '2026-10-29',
    },
  },
  {
    resource: {
      resourceType: 'AllergyIntolerance', id: 'cat-penicillin', meta: META, patient: PATIENT,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
      code: sct('91936005', 'Allergy to penicillin'), criticality: 'high', recordedDate: '2026-10-29T21:00:00+00:00',
      reaction: [{ manifestation: [sct('39579001', 'Anaphylaxis')], severity: 'severe' }],
    },
  },
  {
    resource: {
      resourceType: 'AllergyIntolerance', id: 'cat-nkfa', meta: META, patient: PATIENT,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: sct('429625007', 'No known food allergy'), recordedDate: '2026-10-29T21:00:00+00:00',
    },
  },
  {
    resource: {
      resourceType: 'Procedure', id: 'cat-hip-repair', meta: META, subject: PATIENT, status: 'completed',
      code: { coding: [{ system: SNOMED, code: '265132005', display: 'Primary open reduction of fracture of neck of femur and open fixation using pin and plate' }, { system: 'http://digital.nhs.uk/opcs-4', code: 'W191' }] },
      performedDateTime: '2026-10-30T09:15:00+00:00', reasonReference: [{ reference: DIAGNOSIS_URL }],
      bodySite: [sct('287679003', 'Left hip region structure')],
    },
  },
];

const gpEntries = [
  { resource: { resourceType: 'Condition', id: 'cat-af', meta: META, subject: PATIENT, code: sct('49436004', 'Atrial fibrillation'), clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] } } },
  {
    resource: {
      resourceType: 'Observation', id: 'cat-bp', meta: META, status: 'final', subject: PATIENT, effectiveDateTime: '2026-09-14T10:20:00+01:00',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
      code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
      component: [
        { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: 148, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
        { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: 86, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } },
      ],
    },
  },
  {
    resource: {
      resourceType: 'Observation', id: 'cat-room-air', meta: META, status: 'final', subject: PATIENT, effectiveDateTime: '2026-09-14T10:25:00+01:00',
      code: sct('722742002', 'Breathing room air'),
    },
  },
];

const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  hospitalDiagnoses { code { code } clinicalStatus verificationStatus current provenance { odsCode sourceId } }
  hospitalAllergies { code { code } current criticality reactions { manifestations { code } severity } provenance { odsCode } }
  hospitalNoKnownAllergies { code { code } scope current }
  hospitalProcedures { code { code coding { system code } } status current performedDate reasons { code display } bodySite { code } }
  observations { code { code } codeIsFinding value components { code { code } value { text } } provenance { odsCode } }
} }`;

describe('the clinical catalogue through the real feeds and the gateway', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-catalogue-e2e', nhsNumber: NHS_NUMBER, family: 'Catterall', given: 'Joan', gender: 'female', birthDate: '1944-03-12' }, { attendedAe: 'cat-ae' });
    await send('acute', 'RM3', acuteEntries);
    await send('gp', 'P83005', gpEntries);
    // A later bundle whose prescription names, by reference only, the Condition the practice sent before.
    await send('gp', 'P83005', [
      {
        resource: {
          resourceType: 'MedicationRequest', id: 'cat-warfarin', meta: META, status: 'active', intent: 'order', subject: PATIENT, authoredOn: '2026-09-14',
          medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '319733000', display: 'Warfarin 1mg tablets' }] },
          reasonReference: [{ reference: 'Condition/cat-af' }],
          dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 3, unit: 'tablet' } }] }],
        },
      },
    ]);
  });

  it("the hospital's diagnoses, allergies, no-known-allergies statements and procedures reach the A&E doctor, statuses told truly", async () => {
    const response = await asUser('ae-doctor').query(RECORD, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.hospitalDiagnoses).toEqual([
      { code: { code: '5913000' }, clinicalStatus: 'active', verificationStatus: 'confirmed', current: true, provenance: { odsCode: 'RM3', sourceId: 'cat-fracture' } },
      { code: { code: '22298006' }, clinicalStatus: 'active', verificationStatus: 'refuted', current: false, provenance: { odsCode: 'RM3', sourceId: 'cat-ruled-out' } },
    ]);
    // The negation is a statement apart, never in the allergy list.
    expect(patient.hospitalAllergies).toEqual([
      { code: { code: '91936005' }, current: true, criticality: 'high', reactions: [{ manifestations: [{ code: '39579001' }], severity: 'severe' }], provenance: { odsCode: 'RM3' } },
    ]);
    expect(patient.hospitalNoKnownAllergies).toEqual([{ code: { code: '429625007' }, scope: 'food', current: true }]);
    expect(patient.hospitalProcedures).toEqual([
      {
        code: { code: '265132005', coding: [{ system: SNOMED, code: '265132005' }, { system: 'http://digital.nhs.uk/opcs-4', code: 'W191' }] },
        status: 'completed',
        current: false,
        performedDate: '2026-10-30T09:15:00+00:00',
        reasons: [{ code: '5913000', display: 'Fracture of neck of femur' }],
        bodySite: [{ code: '287679003' }],
      },
    ]);
  });

  it("the GP's blood pressure with both readings, and an observation whose code is the finding", async () => {
    const response = await asUser('ae-doctor').query(RECORD, { n: NHS_NUMBER });
    const observations = response.data.patient.observations;
    expect(observations).toEqual(
      expect.arrayContaining([
        { code: { code: '85354-9' }, codeIsFinding: false, value: null, components: [{ code: { code: '8480-6' }, value: { text: '148 mmHg' } }, { code: { code: '8462-4' }, value: { text: '86 mmHg' } }], provenance: { odsCode: 'P83005' } },
        { code: { code: '722742002' }, codeIsFinding: true, value: null, components: [], provenance: { odsCode: 'P83005' } },
      ]),
    );
    expect(observations).toHaveLength(2);
  });

  it("a prescription names what it is for: the Condition it references, sent earlier, looked up in the practice's record; its dosage in words", async () => {
    const response = await asUser('gp').query('query($n: String!) { patient(nhsNumber: $n) { medications { medication { code } reasons { code display } dosage } } }', { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.medications).toEqual([{ medication: { code: '319733000' }, reasons: [{ code: '49436004', display: 'Atrial fibrillation' }], dosage: '3 tablet once a day' }]);
  });

  it("a receptionist (no problems, procedures or allergies category) is refused each new field, and still gets the patient's identity", async () => {
    const response = await asUser('receptionist').query(
      `query($n: String!) { patient(nhsNumber: $n) { nhsNumber hospitalProcedures { status } hospitalDiagnoses { current } hospitalNoKnownAllergies { scope } observations { value } } }`,
      { n: NHS_NUMBER },
    );
    const codes = (response.errors ?? []).map((e: { path?: Array<string | number>; extensions?: { code?: string } }) => `${e.path?.join('.')} ${e.extensions?.code}`).sort();
    expect(codes).toEqual(['patient.hospitalDiagnoses FORBIDDEN_FIELD', 'patient.hospitalNoKnownAllergies FORBIDDEN_FIELD', 'patient.hospitalProcedures FORBIDDEN_FIELD', 'patient.observations FORBIDDEN_FIELD']);
    expect(response.data.patient).toEqual({ nhsNumber: NHS_NUMBER, hospitalProcedures: null, hospitalDiagnoses: null, hospitalNoKnownAllergies: null, observations: null });
  });
});
