/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Referrals, alerts and care plans end to end (issue #18.1): the GP's and the hospital's
 * ServiceRequests, Flags and CarePlans go through the real feeds and come back through the gateway
 * from their own source. A hospital flag coded as safeguarding (CP-IS) is only in the hospital's
 * safeguarding alerts, never the general ones (H90); a risk-coded one only in the risk alerts (H91);
 * revoked and completed referrals are not open (H92); an activity entered in error is left out of
 * its plan (H94). A receptionist (no alerts, safeguarding, referrals or care plans category) is
 * refused every one of these fields, and still gets the patient's identity.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990004005';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const META = { versionId: '1', lastUpdated: '2026-10-30T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';

const send = (target: string, odsCode: string, entry: unknown[]) => sendBatch(target, odsCode, entry);

const CONDITION_URL = 'urn:uuid:7d3c9e2a-1b4f-4a6e-8c2d-5e6f7a8b9c0d';
const gpEntries = [
  {
    fullUrl: CONDITION_URL,
    resource: {
      resourceType: 'Condition', id: 'ref-hf', meta: META, subject: PATIENT,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: sct('84114007', 'Heart failure'),
    },
  },
  {
    resource: {
      resourceType: 'ServiceRequest', id: 'ref-cardiology', meta: META, subject: PATIENT, status: 'active', intent: 'order', priority: 'urgent',
      category: [sct('3457005', 'Patient referral')], code: sct('183519002', 'Referral to cardiology service'),
      authoredOn: '2026-10-02T11:20:00+01:00', requester: { display: 'Dr Aisha Rahman' }, performer: [{ display: 'Cardiology, Fairfield General Hospital' }],
      reasonReference: [{ reference: CONDITION_URL }],
    },
  },
  {
    resource: {
      resourceType: 'ServiceRequest', id: 'ref-physio-revoked', meta: META, subject: PATIENT, status: 'revoked', intent: 'order',
      code: sct('183333007', 'Referral to physiotherapist'), authoredOn: '2026-08-01',
    },
  },
  {
    resource: {
      resourceType: 'CarePlan', id: 'ref-hf-plan', meta: META, subject: PATIENT, status: 'active', intent: 'plan', title: 'Heart failure care plan',
      period: { start: '2026-10-05' }, addresses: [{ reference: CONDITION_URL }],
      activity: [
        { detail: { status: 'in-progress', description: 'Weigh daily before breakfast' } },
        { detail: { status: 'entered-in-error', description: 'Warfarin clinic (wrong patient)' } },
      ],
    },
  },
  {
    resource: {
      resourceType: 'Flag', id: 'ref-gp-deaf', meta: META, subject: PATIENT, status: 'active',
      category: [{ coding: [{ system: FLAG_CATEGORY, code: 'clinical' }] }], code: { ...sct('15188001', 'Hearing loss'), text: 'Profoundly deaf: book a BSL interpreter' }, period: { start: '2026-01-10' },
    },
  },
];

const acuteEntries = [
  {
    resource: {
      resourceType: 'ServiceRequest', id: 'ref-echo', meta: META, subject: PATIENT, status: 'completed', intent: 'order',
      category: [sct('363679005', 'Imaging')], code: sct('40701008', 'Echocardiography'), authoredOn: '2026-10-20',
    },
  },
  {
    resource: {
      resourceType: 'CarePlan', id: 'ref-discharge-plan', meta: META, subject: PATIENT, status: 'active', intent: 'plan', title: 'Discharge plan',
      period: { start: '2026-10-25' }, activity: [{ detail: { status: 'scheduled', description: 'Heart failure nurse visit within 2 weeks' } }],
    },
  },
  {
    resource: {
      resourceType: 'Flag', id: 'ref-cpis', meta: META, subject: PATIENT, status: 'active',
      category: [{ coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] }],
      code: { ...sct('224353004', 'Child protection finding'), text: 'Grandchild on a child protection plan lives with the patient' }, period: { start: '2026-09-01' },
    },
  },
  {
    resource: {
      resourceType: 'Flag', id: 'ref-suicide-risk', meta: META, subject: PATIENT, status: 'active',
      code: sct('225444004', 'At risk for suicide'), period: { start: '2026-10-28' },
    },
  },
  {
    resource: {
      resourceType: 'Flag', id: 'ref-falls', meta: META, subject: PATIENT, status: 'active',
      category: [{ coding: [{ system: FLAG_CATEGORY, code: 'safety' }] }], code: { ...sct('129839007', 'At risk for falls'), text: 'High falls risk' }, period: { start: '2026-10-26' },
    },
  },
];

const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  referrals { code { code } status current intent priority requester performers reasons { code display } provenance { odsCode sourceId } }
  carePlans { title status current intent addresses { code } activities { description status } provenance { odsCode } }
  alerts { code { code } description status current provenance { odsCode } }
  gpSafeguardingAlerts { code { code } }
  hospitalReferrals { code { code } categories { code } status current provenance { odsCode } }
  hospitalCarePlans { title current activities { description status } provenance { odsCode } }
  hospitalAlerts { code { code } description current provenance { odsCode sourceId } }
  hospitalSafeguardingAlerts { code { code } description categories { code } current provenance { odsCode sourceId } }
  hospitalRiskAlerts { code { code } current provenance { sourceId } }
} }`;

describe('referrals, alerts and care plans through the real GP and hospital feeds and the gateway', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-referrals-e2e', nhsNumber: NHS_NUMBER, family: 'Ormerod', given: 'Frank', gender: 'male', birthDate: '1948-06-02' }, { attendedAe: 'ref-ae' });
    await send('gp', 'P83005', gpEntries);
    await send('acute', 'RM3', acuteEntries);
  });

  it("the GP's referrals (open first; a revoked one not open), care plan (an activity entered in error left out) and general alert reach the A&E doctor", async () => {
    const response = await asUser('ae-doctor').query(RECORD, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.referrals).toEqual([
      {
        code: { code: '183519002' }, status: 'active', current: true, intent: 'order', priority: 'urgent', requester: 'Dr Aisha Rahman',
        performers: ['Cardiology, Fairfield General Hospital'], reasons: [{ code: '84114007', display: 'Heart failure' }], provenance: { odsCode: 'P83005', sourceId: 'ref-cardiology' },
      },
      { code: { code: '183333007' }, status: 'revoked', current: false, intent: 'order', priority: null, requester: null, performers: [], reasons: [], provenance: { odsCode: 'P83005', sourceId: 'ref-physio-revoked' } },
    ]);
    expect(patient.carePlans).toEqual([
      { title: 'Heart failure care plan', status: 'active', current: true, intent: 'plan', addresses: [{ code: '84114007' }], activities: [{ description: 'Weigh daily before breakfast', status: 'in_progress' }], provenance: { odsCode: 'P83005' } },
    ]);
    expect(patient.alerts).toEqual([{ code: { code: '15188001' }, description: 'Profoundly deaf: book a BSL interpreter', status: 'active', current: true, provenance: { odsCode: 'P83005' } }]);
    expect(patient.gpSafeguardingAlerts).toEqual([]);
  });

  it("the hospital's completed request is not open; its CP-IS flag is only a safeguarding alert, its suicide-risk flag only a risk alert", async () => {
    const patient = (await asUser('ae-doctor').query(RECORD, { n: NHS_NUMBER })).data.patient;
    expect(patient.hospitalReferrals).toEqual([{ code: { code: '40701008' }, categories: [{ code: '363679005' }], status: 'completed', current: false, provenance: { odsCode: 'RM3' } }]);
    expect(patient.hospitalCarePlans).toEqual([{ title: 'Discharge plan', current: true, activities: [{ description: 'Heart failure nurse visit within 2 weeks', status: 'scheduled' }], provenance: { odsCode: 'RM3' } }]);
    expect(patient.hospitalSafeguardingAlerts).toEqual([
      { code: { code: '224353004' }, description: 'Grandchild on a child protection plan lives with the patient', categories: [{ code: 'CP-IS' }], current: true, provenance: { odsCode: 'RM3', sourceId: 'ref-cpis' } },
    ]);
    expect(patient.hospitalRiskAlerts).toEqual([{ code: { code: '225444004' }, current: true, provenance: { sourceId: 'ref-suicide-risk' } }]);
    expect(patient.hospitalAlerts).toEqual([{ code: { code: '129839007' }, description: 'High falls risk', current: true, provenance: { odsCode: 'RM3', sourceId: 'ref-falls' } }]);
  });

  it('a receptionist (no safeguarding, risk, alerts, referrals or care plans category) is refused each field, the safeguarding alerts included, and still gets the identity', async () => {
    const response = await asUser('receptionist').query(
      `query($n: String!) { patient(nhsNumber: $n) { nhsNumber hospitalSafeguardingAlerts { description } hospitalRiskAlerts { description } hospitalAlerts { description } gpSafeguardingAlerts { description } alerts { description } referrals { status } hospitalCarePlans { title } } }`,
      { n: NHS_NUMBER },
    );
    const codes = (response.errors ?? []).map((e: { path?: Array<string | number>; extensions?: { code?: string } }) => `${e.path?.join('.')} ${e.extensions?.code}`).sort();
    expect(codes).toEqual([
      'patient.alerts FORBIDDEN_FIELD',
      'patient.gpSafeguardingAlerts FORBIDDEN_FIELD',
      'patient.hospitalAlerts FORBIDDEN_FIELD',
      'patient.hospitalCarePlans FORBIDDEN_FIELD',
      'patient.hospitalRiskAlerts FORBIDDEN_FIELD',
      'patient.hospitalSafeguardingAlerts FORBIDDEN_FIELD',
      'patient.referrals FORBIDDEN_FIELD',
    ]);
    expect(response.data.patient).toEqual({
      nhsNumber: NHS_NUMBER, hospitalSafeguardingAlerts: null, hospitalRiskAlerts: null, hospitalAlerts: null, gpSafeguardingAlerts: null, alerts: null, referrals: null, hospitalCarePlans: null,
    });
  });
});
