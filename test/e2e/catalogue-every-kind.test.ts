/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Issue #18 point 1 end to end: every kind holds the kit's whole catalogue. The mental health trust
 * sends the depot injection its nurse gave (MedicationAdministration: paliperidone palmitate 150 mg by
 * deep intramuscular injection); the GP practice a booked asthma review (Appointment); the hospital a
 * tetanus vaccine given in A&E (Immunization); community services an advance decision to refuse
 * treatment held at home (Consent, scope adr). Each is stored without a "not stored" warning, served in
 * its slice's own field, and is an item of its combined section naming its source: the depot among the
 * medicines given, never a current medicine.
 *
 * Fixtures written from the FHIR R4 definitions (MedicationAdministration with a dm+d
 * medicationCodeableConcept and dosage route, Appointment with participants, Immunization,
 * Consent with consentscope adr and a deny provision), SNOMED CT coded as UK Core prefers.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990012369';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const META = { versionId: '1', lastUpdated: '2026-11-03T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const PRACTICE = 'P83005';
const HOSPITAL = 'RM3';
const TRUST = 'RT2';
const COMMUNITY = 'NR5';
const PALIPERIDONE = '21010811000001108';

const depot = {
  resourceType: 'MedicationAdministration', id: 'mh-depot-paliperidone', meta: META, status: 'completed', subject: PATIENT, effectiveDateTime: '2026-11-02T10:30:00Z',
  medicationCodeableConcept: { coding: [{ system: DMD, code: PALIPERIDONE, display: 'Paliperidone 150mg/1.5ml prolonged-release suspension for injection pre-filled syringes' }] },
  performer: [{ actor: { display: 'Community psychiatric nurse, depot clinic' } }],
  dosage: { text: '150 mg by deep intramuscular injection into the deltoid', route: sct('78421000', 'Intramuscular route'), dose: { value: 150, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
};
const gpAppointment = {
  resourceType: 'Appointment', id: 'gp-asthma-review', meta: META, status: 'booked', start: '2026-12-01T09:10:00Z', end: '2026-12-01T09:20:00Z', description: 'Asthma review',
  participant: [{ actor: PATIENT, status: 'accepted' }, { actor: { display: 'Nurse P Practice', type: 'Practitioner' }, status: 'accepted' }],
};
const tetanus = {
  resourceType: 'Immunization', id: 'ae-tetanus', meta: META, status: 'completed', patient: PATIENT, occurrenceDateTime: '2026-10-30T14:00:00Z',
  vaccineCode: sct('871878002', 'Tetanus and diphtheria vaccine'), route: sct('78421000', 'Intramuscular route'),
};
const adrt = {
  resourceType: 'Consent', id: 'cs-adrt', meta: META, status: 'active', patient: PATIENT, dateTime: '2026-09-01',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd' }] }],
  policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
  provision: { type: 'deny', code: [sct('89666000', 'Cardiopulmonary resuscitation')] },
};

const COMBINED = `query($n: String!) { patient(nhsNumber: $n) {
  combinedMedicationAdministrations { items { medication { code } current sources { given provenance { odsCode organisationName } } } notRead { field } }
  combinedMedications { items { medication { code } } notRead { field } }
  combinedAppointments { items { id current sources { description provenance { odsCode organisationName } } } notRead { field } }
  combinedImmunisations { items { vaccine { code } sources { provenance { odsCode organisationName } } } notRead { field } }
  combinedAdvanceDirectives { items { current sources { provisionType provenance { odsCode organisationName } } } notRead { field } }
} }`;

type Sourced = { sources: Array<{ provenance: { odsCode: string } }> };
const fromSource = (items: any[], odsCode: string): any[] => items.filter((i: Sourced) => i.sources.some((s) => s.provenance.odsCode === odsCode));

describe('every kind holds the catalogue, through the real feeds and the gateway', () => {
  const warnings: Record<string, string[]> = {};

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-every-kind-catalogue-e2e', nhsNumber: NHS_NUMBER, family: 'Hartley', given: 'Paul', gender: 'male', birthDate: '1979-02-14' });
    warnings.trust = await sendBatch('mental-health', TRUST, [{ resource: depot }], { notStoredAllowed: true });
    warnings.gp = await sendBatch('gp', PRACTICE, [{ resource: gpAppointment }], { notStoredAllowed: true });
    warnings.hospital = await sendBatch('acute', HOSPITAL, [{ resource: tetanus }], { notStoredAllowed: true });
    warnings.community = await sendBatch('community', COMMUNITY, [{ resource: adrt }], { notStoredAllowed: true });
  });

  it('every entry is stored: no warning from any of the four feeds', () => {
    expect(warnings).toEqual({ trust: [], gp: [], hospital: [], community: [] });
  });

  it("each is served in its slice's own field", async () => {
    const response = await asUser('gp').query(
      `query($n: String!) { patient(nhsNumber: $n) {
        mentalHealthMedicationAdministrations { medication { code } status given dosage { dose { value unit } route { code } } performers { actor } provenance { odsCode } }
        gpAppointments { status current start clinician }
        hospitalImmunisations { vaccine { code } status }
        communityAdvanceDecisions { provisionType current }
      } }`,
      { n: NHS_NUMBER },
    );
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    expect(p.mentalHealthMedicationAdministrations).toEqual([
      { medication: { code: PALIPERIDONE }, status: 'completed', given: true, dosage: { dose: { value: 150, unit: 'mg' }, route: { code: '78421000' } }, performers: [{ actor: 'Community psychiatric nurse, depot clinic' }], provenance: { odsCode: TRUST } },
    ]);
    expect(p.gpAppointments).toEqual([{ status: 'booked', current: true, start: '2026-12-01T09:10:00Z', clinician: 'Nurse P Practice' }]);
    expect(p.hospitalImmunisations).toEqual([{ vaccine: { code: '871878002' }, status: 'completed' }]);
    expect(p.communityAdvanceDecisions).toEqual([{ provisionType: 'deny', current: true }]);
  });

  it('each is an item of its combined section naming its source; the depot is a dose given, never a current medicine', async () => {
    const response = await asUser('gp').query(COMBINED, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    for (const section of Object.values(p) as Array<{ notRead: unknown[] }>) expect(section.notRead).toEqual([]);
    expect(fromSource(p.combinedMedicationAdministrations.items, TRUST)).toEqual([
      { medication: { code: PALIPERIDONE }, current: false, sources: [{ given: true, provenance: { odsCode: TRUST, organisationName: expect.stringMatching(/Pennine Care/) } }] },
    ]);
    expect(p.combinedMedications.items).toEqual([]);
    expect(fromSource(p.combinedAppointments.items, PRACTICE)).toEqual([
      { id: `${PRACTICE}/Appointment/gp-asthma-review`, current: true, sources: [{ description: 'Asthma review', provenance: { odsCode: PRACTICE, organisationName: expect.stringMatching(/Bury Central/) } }] },
    ]);
    expect(fromSource(p.combinedImmunisations.items, HOSPITAL)).toEqual([{ vaccine: { code: '871878002' }, sources: [{ provenance: { odsCode: HOSPITAL, organisationName: expect.stringMatching(/Northern Care Alliance/) } }] }]);
    expect(fromSource(p.combinedAdvanceDirectives.items, COMMUNITY)).toEqual([
      { current: true, sources: [{ provisionType: 'deny', provenance: { odsCode: COMMUNITY, organisationName: expect.any(String) } }] },
    ]);
  });
});
