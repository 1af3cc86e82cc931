/// <reference types="fhir" />
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { asUser, closeDatabases, codes } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * The mental health trust's and the council's feeds end to end: batches written from FHIR R4 and
 * the NHS England CP-IS flag profile through the real feed endpoints, read back through the gateway.
 * A Flag lands where its codes say (schema/clinical-codes.yaml): safeguarding, mental-health risk
 * (a risk alert at both organisations: H173, H174), or else a general alert; an entered-in-error flag lands nowhere; a crisis plan is one by its code.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000565';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const CP_IS = { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] };
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const batch = (entry: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry });
async function send(target: string, odsCode: string, resources: unknown[]) {
  const response = await sendBundle(target, odsCode, batch(resources.map((resource) => ({ resource }))), env());
  expect({ status: response.status, errors: response.issues.filter((i) => i.severity === 'error') }).toEqual({ status: 200, errors: [] });
  return response.summary;
}

const meta = (version = '1') => ({ versionId: version, lastUpdated: `2025-05-0${version}T10:00:00Z` });
const episode = (id: string): fhir4.EpisodeOfCare => ({ resourceType: 'EpisodeOfCare', id, meta: meta(), status: 'active', patient: PATIENT, period: { start: '2025-01-06' } });
const flag = (id: string, code: fhir4.CodeableConcept, more: Partial<fhir4.Flag> = {}): fhir4.Flag => ({
  resourceType: 'Flag',
  id,
  meta: meta(),
  status: 'active',
  code,
  subject: PATIENT,
  period: { start: '2025-02' },
  ...more,
});

const mentalHealthResources = [
  { ...episode('mhsc-eoc-mh'), team: [{ display: 'Bury North Community Mental Health Team' }], careManager: { display: 'Sam Okafor' } },
  flag('mhsc-mh-risk', { coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }], text: 'Suicide risk: see crisis plan' }),
  flag('mhsc-mh-safeguarding', { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }] }, { category: [CP_IS] }),
  flag('mhsc-mh-uncoded', { text: 'Safeguarding and risk discussed: visit in pairs' }),
  flag('mhsc-mh-eie', { coding: [{ system: SNOMED, code: '225444004' }], text: 'Recorded on the wrong patient' }, { status: 'entered-in-error' }),
  {
    resourceType: 'CarePlan',
    id: 'mhsc-mh-plan',
    meta: meta(),
    status: 'active',
    intent: 'plan',
    category: [{ coding: [{ system: SNOMED, code: '736253002', display: 'Mental health crisis plan' }] }],
    title: 'Staying well plan',
    subject: PATIENT,
    created: '2025-01-20T11:00:00+00:00',
    note: [{ text: 'What helps: talking to his brother' }],
  } satisfies fhir4.CarePlan,
];

const socialCareResources = [
  { ...episode('mhsc-eoc-sc'), careManager: { display: 'Priya Desai, Social Worker' } },
  flag('mhsc-sc-safeguarding', { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }], text: 'Child protection plan: neglect' }, { category: [CP_IS] }),
  flag('mhsc-sc-risk', { coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }] }),
  flag('mhsc-sc-uncoded', { text: 'Dog at the property' }, { category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety' }], text: 'Safeguarding' }] }),
  flag('mhsc-sc-eie', { coding: [{ system: SNOMED, code: '224353004' }] }, { status: 'entered-in-error', category: [CP_IS] }),
];

const ALERT = 'status current provenance { sourceId }';
const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  crisisPlan { title status current categories { code } provenance { sourceId } }
  mentalHealthCarePlans { provenance { sourceId } }
  riskSummaries { kind summary date code { code coding { system code } } ${ALERT} }
  mentalHealthRiskAlerts { description start code { code coding { system code } } ${ALERT} }
  mentalHealthSafeguardingAlerts { description start ${ALERT} }
  mentalHealthAlerts { description ${ALERT} }
  safeguardingAlerts { description start code { code } categories { code } ${ALERT} }
  socialCareAlerts { description ${ALERT} }
  socialCareRiskAlerts { description start code { code } ${ALERT} }
  mentalHealthEpisodes { ${ALERT} }
  socialCareCases { worker ${ALERT} }
} }`;

async function openRecord(user = 'mh-clinician') {
  const response = await asUser(user).query(RECORD, { n: NHS_NUMBER });
  expect(response.errors).toBeUndefined();
  return response.data.patient;
}
const sources = (items: Array<{ provenance: { sourceId: string } }> | null) => (items ?? []).map((i) => i.provenance.sourceId);

describe('mental health and social care feeds: meaning decides where a flag lands', () => {
  beforeAll(async () => {
    await send('registry', 'P83005', [
      {
        resourceType: 'Patient',
        id: 'pat-mhsc-e2e',
        meta: meta(),
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
        name: [{ use: 'official', family: 'Flagg', given: ['Owen'] }],
        gender: 'male',
        birthDate: '1988-09-30',
        generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
      },
    ]);
    // The open episode and open case the registry reads for the trust's and the council's care relationships.
    await send('registry', 'RT2', [episode('mhsc-eoc-mh')]);
    await send('registry', 'LA351', [episode('mhsc-eoc-sc')]);
    expect(await send('mental-health', 'RT2', mentalHealthResources)).toMatch(/created 5/);
    expect(await send('social-care', 'LA351', socialCareResources)).toMatch(/created 4/);
  });

  it('the trust: a risk-coded flag is a risk alert (not a risk summary: H173), a CP-IS flag a safeguarding alert, an uncoded one a general alert; the crisis plan by its code', async () => {
    const patient = await openRecord();
    expect(patient.mentalHealthRiskAlerts).toEqual([
      {
        description: 'Suicide risk: see crisis plan',
        start: '2025-02',
        code: { code: '225444004', coding: [{ system: SNOMED, code: '225444004' }] },
        status: 'active',
        current: true,
        provenance: { sourceId: 'mhsc-mh-risk' },
      },
    ]);
    expect(patient.riskSummaries).toEqual([]);
    expect(patient.mentalHealthSafeguardingAlerts).toEqual([{ description: 'Child protection finding', start: '2025-02', status: 'active', current: true, provenance: { sourceId: 'mhsc-mh-safeguarding' } }]);
    expect(patient.mentalHealthAlerts).toEqual([{ description: 'Safeguarding and risk discussed: visit in pairs', status: 'active', current: true, provenance: { sourceId: 'mhsc-mh-uncoded' } }]);
    expect(patient.crisisPlan).toEqual({ title: 'Staying well plan', status: 'active', current: true, categories: [{ code: '736253002' }], provenance: { sourceId: 'mhsc-mh-plan' } });
    expect(patient.mentalHealthCarePlans).toEqual([]);
    expect(patient.mentalHealthEpisodes).toEqual([{ status: 'active', current: true, provenance: { sourceId: 'mhsc-eoc-mh' } }]);
  });

  it('the council: only the coded flag is a safeguarding alert; a risk-coded flag a risk alert (H174); an uncoded flag a general alert, never dropped', async () => {
    const patient = await openRecord();
    expect(patient.safeguardingAlerts).toEqual([
      { description: 'Child protection plan: neglect', start: '2025-02', code: { code: '224353004' }, categories: [{ code: 'CP-IS' }], status: 'active', current: true, provenance: { sourceId: 'mhsc-sc-safeguarding' } },
    ]);
    expect(sources(patient.socialCareAlerts)).toEqual(['mhsc-sc-uncoded']);
    expect(patient.socialCareRiskAlerts).toEqual([{ description: 'At risk for suicide', start: '2025-02', code: { code: '225444004' }, status: 'active', current: true, provenance: { sourceId: 'mhsc-sc-risk' } }]);
    expect(patient.socialCareCases).toEqual([{ worker: 'Priya Desai', status: 'active', current: true, provenance: { sourceId: 'mhsc-eoc-sc' } }]);
  });

  it('an entered-in-error flag lands nowhere, and a correction to entered-in-error removes a stored safeguarding alert', async () => {
    const everywhere = (patient: Record<string, any>) =>
      Object.values(patient).flatMap((value) => (Array.isArray(value) ? sources(value) : value?.provenance ? [value.provenance.sourceId] : []));
    const before = everywhere(await openRecord());
    expect(before).not.toContain('mhsc-mh-eie');
    expect(before).not.toContain('mhsc-sc-eie');
    expect(before).toContain('mhsc-sc-safeguarding');

    const corrected = { ...socialCareResources[1], meta: meta('2'), status: 'entered-in-error' };
    expect(await send('social-care', 'LA351', [corrected])).toMatch(/deleted 1/);
    const after = await openRecord();
    expect(after.safeguardingAlerts).toEqual([]);
    expect(everywhere(after)).not.toContain('mhsc-sc-safeguarding');
  });

  it('the social worker sees safeguarding alerts from both organisations but not the mental-health risk of either (sensitive, not the role’s)', async () => {
    const response = await asUser('social-worker').query(
      `query($n: String!) { patient(nhsNumber: $n) { riskSummaries { summary } mentalHealthRiskAlerts { description } socialCareRiskAlerts { description } mentalHealthSafeguardingAlerts { description } socialCareAlerts { description } } }`,
      { n: NHS_NUMBER },
    );
    expect(codes(response)).toEqual(['FORBIDDEN_FIELD', 'FORBIDDEN_FIELD', 'FORBIDDEN_FIELD']);
    expect(response.errors?.map((e) => e.path?.join('.')).sort()).toEqual(['patient.mentalHealthRiskAlerts', 'patient.riskSummaries', 'patient.socialCareRiskAlerts']);
    expect(response.data.patient).toMatchObject({ riskSummaries: null, mentalHealthRiskAlerts: null, socialCareRiskAlerts: null });
    expect(response.data.patient.mentalHealthSafeguardingAlerts).toEqual([{ description: 'Child protection finding' }]);
    // The council's risk-coded flag is no longer among the general alerts the social worker sees (H174).
    expect(response.data.patient.socialCareAlerts).toEqual([{ description: 'Dog at the property' }]);
  });
});
