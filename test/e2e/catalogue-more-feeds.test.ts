/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Issue #18 point 1 end to end: a relative's history, an allergies List, a device and an advance
 * decision go through the real GP and acute feeds and come back through the gateway. A List empty
 * because nobody asked is never "no known allergies" (H87); the mother's heart attack is hers, not
 * the patient's (H88); a device and a decision no longer in force are not current (H89); a privacy
 * consent is answered "not stored" with a warning.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990008833';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const META = { versionId: '1', lastUpdated: '2026-10-30T12:00:00Z' };
const EMPTY = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });

const send = (target: string, odsCode: string, entry: unknown[]) => sendBatch(target, odsCode, entry, { notStoredAllowed: true });

const allergiesList = (id: string, emptyReason: string, meta = META) => ({
  resourceType: 'List', id, meta, status: 'current', mode: 'snapshot', subject: PATIENT, date: '2026-10-02T09:30:00+01:00',
  code: sct('886921000000105', 'Allergies and adverse reactions'),
  emptyReason: { coding: [{ system: EMPTY, code: emptyReason }] },
});
const DEVICE_URL = 'urn:uuid:0d6c3f0e-7d6b-4b7e-8f2a-5a1b2c3d4e5f';
const adr = (id: string, status: string, period: { start: string; end?: string }) => ({
  resourceType: 'Consent', id, meta: META, status, patient: PATIENT, dateTime: period.start,
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd' }] }],
  sourceAttachment: { title: 'Advance decision to refuse treatment' },
  // ppc-1: a policy or policyRule; an advance decision to refuse treatment is made under the Mental Capacity Act 2005, s.24-26.
  policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
  provision: { type: 'deny', period, code: [sct('89666000', 'Cardiopulmonary resuscitation')] },
});

const gpEntries = [
  {
    resource: {
      resourceType: 'FamilyMemberHistory', id: 'fmh-mother', meta: META, status: 'completed', patient: PATIENT, date: '2026-09-14',
      relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH', display: 'mother' }] },
      deceasedBoolean: true,
      condition: [{ code: sct('22298006', 'Myocardial infarction'), contributedToDeath: true, onsetAge: { value: 56, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } }],
    },
  },
  { resource: allergiesList('gp-allergies', 'nilknown') },
  { fullUrl: DEVICE_URL, resource: { resourceType: 'Device', id: 'pacemaker', type: sct('14106009', 'Cardiac pacemaker') } },
  { resource: { resourceType: 'DeviceUseStatement', id: 'dus-pacemaker', meta: META, status: 'active', subject: PATIENT, device: { reference: DEVICE_URL }, timingPeriod: { start: '2019-03-12' } } },
  { resource: { resourceType: 'DeviceUseStatement', id: 'dus-crutches', meta: META, status: 'active', subject: PATIENT, device: { display: 'Elbow crutches' }, timingPeriod: { start: '2024-01-02', end: '2024-03-01' } } },
  { resource: adr('adrt-now', 'active', { start: '2025-06-02' }) },
  { resource: adr('adrt-old', 'inactive', { start: '2018-01-10' }) },
  {
    resource: {
      resourceType: 'Consent', id: 'privacy', meta: META, status: 'active', patient: PATIENT, dateTime: '2025-01-01',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    },
  },
];

const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  familyHistory { relationship { code } status deceased conditions { code { code } contributedToDeath onset { age } } provenance { odsCode } }
  problems { code { code } }
  noKnownAllergies { code { code } scope current provenance { sourceId } }
  medicalDevices { device { code display } status current }
  advanceDecisions { status current provisionType provisionCodes { code } source provenance { sourceId } }
  hospitalNoKnownAllergies { scope }
} }`;

describe('family history, allergies lists, devices and advance decisions through the real feeds and the gateway', () => {
  let gpWarnings: string[] = [];
  let acuteWarnings: string[] = [];

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-catalogue-more-e2e', nhsNumber: NHS_NUMBER, family: 'Ashworth', given: 'Edith', gender: 'female', birthDate: '1948-05-20' }, { attendedAe: 'more-ae' });
    gpWarnings = await send('gp', 'P83005', gpEntries);
    // The hospital's clerking did not ask about allergies: an empty list, notasked.
    acuteWarnings = await send('acute', 'RM3', [{ resource: allergiesList('ae-allergies', 'notasked') }]);
  });

  it('a privacy consent is answered not stored with a warning; the hospital\'s notasked list is warned, never a statement (H87)', () => {
    expect(gpWarnings).toEqual([expect.stringMatching(/^Consent not stored: only a Consent that records an advance decision/)]);
    expect(acuteWarnings).toEqual([expect.stringMatching(/^List not stored: an empty allergies List whose emptyReason is notasked, not nilknown/)]);
  });

  it("the GP's record: the mother's history apart from the problems (H88), the nil-known list as a statement, devices and decisions in force first (H89)", async () => {
    const response = await asUser('gp').query(RECORD, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.familyHistory).toEqual([
      { relationship: { code: 'MTH' }, status: 'completed', deceased: true, conditions: [{ code: { code: '22298006' }, contributedToDeath: true, onset: { age: '56 a' } }], provenance: { odsCode: 'P83005' } },
    ]);
    expect(patient.problems).toEqual([]);
    expect(patient.noKnownAllergies).toEqual([{ code: { code: 'nilknown' }, scope: 'all', current: true, provenance: { sourceId: 'gp-allergies' } }]);
    expect(patient.medicalDevices).toEqual([
      { device: { code: '14106009', display: 'Cardiac pacemaker' }, status: 'active', current: true },
      { device: { code: '', display: 'Elbow crutches' }, status: 'active', current: false },
    ]);
    expect(patient.advanceDecisions).toEqual([
      { status: 'active', current: true, provisionType: 'deny', provisionCodes: [{ code: '89666000' }], source: 'Advance decision to refuse treatment', provenance: { sourceId: 'adrt-now' } },
      { status: 'inactive', current: false, provisionType: 'deny', provisionCodes: [{ code: '89666000' }], source: 'Advance decision to refuse treatment', provenance: { sourceId: 'adrt-old' } },
    ]);
    expect(patient.hospitalNoKnownAllergies).toEqual([]);
  });

  it('H87: the GP sends the same allergies List again, notasked: the "no known allergies" statement is withdrawn', async () => {
    const warnings = await send('gp', 'P83005', [{ resource: allergiesList('gp-allergies', 'notasked', { versionId: '2', lastUpdated: '2026-11-01T10:00:00Z' }) }]);
    expect(warnings).toEqual([expect.stringMatching(/never a "no known allergies" statement/)]);
    const response = await asUser('gp').query(`query($n: String!) { patient(nhsNumber: $n) { noKnownAllergies { scope } } }`, { n: NHS_NUMBER });
    expect(response.data.patient.noKnownAllergies).toEqual([]);
  });

  it('a receptionist (the practice\'s own, no clinical category) is refused each new field, and still gets the NHS number', async () => {
    const query = `query($n: String!) { patient(nhsNumber: $n) { nhsNumber familyHistory { status } medicalDevices { current } advanceDecisions { current } } }`;
    const response = await asUser('receptionist').query(query, { n: NHS_NUMBER });
    const codes = (response.errors ?? []).map((e: { path?: Array<string | number>; extensions?: { code?: string } }) => `${e.path?.join('.')} ${e.extensions?.code}`).sort();
    expect(codes).toEqual(['patient.advanceDecisions FORBIDDEN_FIELD', 'patient.familyHistory FORBIDDEN_FIELD', 'patient.medicalDevices FORBIDDEN_FIELD']);
    expect(response.data.patient).toEqual({ nhsNumber: NHS_NUMBER, familyHistory: null, medicalDevices: null, advanceDecisions: null });
  });
});
