/**
 * A GP extract as UK Core sends repeats: each a MedicationRequest (the authorisation) and a
 * MedicationStatement whose basedOn names it (the course). Ramipril the practice stopped in October
 * (the statement, changed last) while its authorisation still reads "active"; omeprazole, its
 * statement based on its prescription by urn:uuid, the two with different dosage words; amlodipine,
 * a statement whose basedOn names a prescription the record does not hold (H180-H182).
 */
const DMD = 'https://dmd.nhs.uk';
const meta = (lastUpdated: string) => ({ versionId: '1', lastUpdated });
const drug = (code: string, display: string) => ({ coding: [{ system: DMD, code, display }] });
const RAMIPRIL = drug('318896004', 'Ramipril 5mg capsules');
const OMEPRAZOLE = drug('317249006', 'Omeprazole 20mg gastro-resistant capsules');
const AMLODIPINE = drug('319283006', 'Amlodipine 5mg tablets');
const OMEPRAZOLE_REQUEST_URL = 'urn:uuid:8d6e2f0a-4c1b-4e7d-9f35-2a1b6c0d9e41';

/** A GP extract: UK Core MedicationRequest (repeat authorisation) and the MedicationStatement based on it. */
export const basedOnBundle = (nhsNumber: string) => {
  const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } };
  return [
  {
    resource: {
      resourceType: 'MedicationRequest', id: 'ram-auth', meta: meta('2026-03-01T09:00:00Z'), status: 'active', intent: 'order', subject: PATIENT, authoredOn: '2026-03-01',
      medicationCodeableConcept: RAMIPRIL, dosageInstruction: [{ text: 'One capsule once a day' }],
      courseOfTherapyType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', code: 'continuous' }] },
    },
  },
  {
    resource: {
      resourceType: 'MedicationStatement', id: 'ram-course', meta: meta('2026-10-20T14:00:00Z'), status: 'stopped', subject: PATIENT,
      medicationCodeableConcept: RAMIPRIL, basedOn: [{ reference: 'MedicationRequest/ram-auth' }],
      effectivePeriod: { start: '2025-01-10', end: '2026-10-20' }, dosage: [{ text: 'One capsule in the morning' }],
    },
  },
  {
    fullUrl: OMEPRAZOLE_REQUEST_URL,
    resource: {
      resourceType: 'MedicationRequest', id: 'omep-auth', meta: meta('2026-09-01T09:00:00Z'), status: 'active', intent: 'order', subject: PATIENT, authoredOn: '2026-09-01',
      medicationCodeableConcept: OMEPRAZOLE, dosageInstruction: [{ text: 'One capsule twice a day for four weeks' }],
    },
  },
  {
    resource: {
      resourceType: 'MedicationStatement', id: 'omep-course', meta: meta('2026-09-01T09:00:00Z'), status: 'active', subject: PATIENT,
      medicationCodeableConcept: OMEPRAZOLE, basedOn: [{ reference: OMEPRAZOLE_REQUEST_URL }],
      effectivePeriod: { start: '2026-09-01' }, dosage: [{ text: 'One capsule twice a day' }],
    },
  },
  {
    resource: {
      resourceType: 'MedicationStatement', id: 'aml-course', meta: meta('2026-09-01T09:00:00Z'), status: 'active', subject: PATIENT,
      medicationCodeableConcept: AMLODIPINE, basedOn: [{ reference: 'MedicationRequest/aml-auth-not-sent' }],
      effectivePeriod: { start: '2024-05-01' }, dosage: [{ text: 'One tablet once a day' }],
    },
  },
];
};
