/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, closeDatabases, gatewayPost } from '../support/clients';
import { stackInfo } from '../support/stackInfo';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * H170 end to end: the GP's alert that the patient is at risk of suicide, in force, and the
 * hospital's, ended last year, reach the combined mental-health risk alerts through the real feeds and
 * the gateway: the GP's current, the hospital's history, each naming its organisation; the look is in
 * the trail as a look at each source's risk alerts; a role without the mentalHealthRisk category (a
 * receptionist, a healthcare student) gets FORBIDDEN_FIELD for the section and never its data.
 * H173, H174: the mental health trust's risk-coded flag and the council's are in the section too: the
 * trust's, of the same code as the GP's alert over overlapping time, one item naming both sources; the
 * council's its own item; a social worker (no mentalHealthRisk) refused each of them.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990004412';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const META = { versionId: '1', lastUpdated: '2026-11-01T12:00:00Z' };
const SUICIDE = { coding: [{ system: 'http://snomed.info/sct', code: '225444004', display: 'At risk for suicide' }] };
const riskFlag = (id: string, text: string, status: 'active' | 'inactive', period: { start: string; end?: string }) => ({
  resource: { resourceType: 'Flag', id, meta: META, subject: PATIENT, status, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical' }] }], code: { ...SUICIDE, text }, period },
});
/** A healthcare student at the hospital (R8004): alerts, but not mental-health risk. */
const STUDENT = { userId: 'e2e-student-risk', name: 'Sam Student', odsCode: 'RM3', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' };

const RISK = `query($n: String!) { patient(nhsNumber: $n) {
  combinedRiskAlerts { items { code { code } current disagreement sources { id status current description end provenance { odsCode organisationName } } } notRead { source field } }
  combinedAlerts { items { id } notRead { field } }
} }`;

/** The FHIR API (read only) as a user: its search and the patient summary take the risk alerts too. */
async function fhirAs(token: string, path: string): Promise<any> {
  const response = await fetch(`${stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return response.json();
}

const asToken = (token: string, requestId = `risk-${randomUUID()}`) => gatewayPost({ authorization: `Bearer ${token}`, 'x-request-id': requestId }, RISK, { n: NHS_NUMBER });

describe('the combined mental-health risk alerts through the real feeds and the gateway (H170)', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-risk-e2e', nhsNumber: NHS_NUMBER, family: 'Sutcliffe', given: 'Owen', gender: 'male', birthDate: '1988-02-11' }, { attendedAe: 'risk-ae' });
    await sendBatch('gp', 'P83005', [riskFlag('gp-risk', 'At risk of suicide: see the crisis plan', 'active', { start: '2026-09-07' })]);
    await sendBatch('acute', 'RM3', [riskFlag('ae-risk-ended', 'At risk of suicide after an overdose (ended)', 'inactive', { start: '2025-01-10', end: '2025-03-01' })]);
  });

  it("the GP's alert in force is current, the hospital's ended one history, each naming its organisation; nothing withheld", async () => {
    const response = await asToken(userToken(findDemoUser('ae-doctor')));
    expect(response.errors).toBeUndefined();
    const section = response.data.patient.combinedRiskAlerts;
    expect(section).toEqual({
      items: [
        {
          code: { code: '225444004' },
          current: true,
          disagreement: null,
          sources: [{ id: 'P83005/Flag/gp-risk', status: 'active', current: true, description: 'At risk of suicide: see the crisis plan', end: null, provenance: { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice' } }],
        },
        {
          code: { code: '225444004' },
          current: false,
          disagreement: null,
          sources: [{ id: 'RM3/Flag/ae-risk-ended', status: 'inactive', current: false, description: 'At risk of suicide after an overdose (ended)', end: '2025-03-01', provenance: { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust' } }],
        },
      ],
      notRead: [],
    });
    // Never among the general alerts.
    expect(JSON.stringify(response.data.patient.combinedAlerts)).not.toMatch(/risk/);
  });

  it("the look is in the trail as a look at each source's risk alerts, and at the combined section", async () => {
    const requestId = `risk-${randomUUID()}`;
    const response = await gatewayPost(
      { authorization: `Bearer ${userToken(findDemoUser('gp'))}`, 'x-request-id': requestId },
      'query($n: String!) { patient(nhsNumber: $n) { combinedRiskAlerts { items { current } } } }',
      { n: NHS_NUMBER },
    );
    expect(response.errors).toBeUndefined();
    const log = await asUser('privacy-officer').query(
      'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 50) { events { requestId subgraph fields { coordinate outcome } } } }',
      { filter: { nhsNumber: NHS_NUMBER, from: new Date(Date.now() - 60_000).toISOString() } },
    );
    expect(log.errors).toBeUndefined();
    const events = (log.data.accessLog.events as Array<{ requestId: string; subgraph: string; fields: Array<{ coordinate: string; outcome: string }> }>).filter((e) => e.requestId === requestId);
    const allowed = new Set(events.flatMap((e) => e.fields.filter((f) => f.outcome === 'allowed').map((f) => `${e.subgraph}:${f.coordinate}`)));
    expect([...allowed].sort()).toEqual(expect.arrayContaining(['acute:Patient.hospitalRiskAlerts', 'community:Patient.communityRiskAlerts', 'combined:Patient.combinedRiskAlerts', 'gp:Patient.gpRiskAlerts']));
  });

  it('the FHIR API gives the clinician the risk Flags too (search and the summary\'s Alerts section), and withholds them, saying so, from a healthcare student', async () => {
    const doctor = userToken(findDemoUser('ae-doctor'));
    const flags = await fhirAs(doctor, `/Flag?patient=${NHS_NUMBER}`);
    const found = (flags.entry ?? []).filter((e: any) => e.search?.mode === 'match').map((e: any) => e.resource);
    expect(found.map((f: any) => f.code?.coding?.[0]?.code)).toEqual(expect.arrayContaining(['225444004']));
    expect(found.find((f: any) => f.status === 'active' && f.code?.coding?.[0]?.code === '225444004')).toBeDefined();
    const summary = await fhirAs(doctor, `/Patient/${NHS_NUMBER}/$summary`);
    const alerts = summary.entry[0].resource.section.find((s: any) => s.code?.coding?.[0]?.code === '104605-1');
    expect(alerts.text.div).toContain('Mental health risk alerts (2 entries)');
    const flagsInSummary = summary.entry.map((e: any) => e.resource).filter((r: any) => r.resourceType === 'Flag');
    expect(flagsInSummary.filter((f: any) => f.code?.coding?.[0]?.code === '225444004').map((f: any) => f.status).sort()).toEqual(['active', 'inactive']);

    // A healthcare student may see alerts, not mental-health risk: the general ones only, the risk ones withheld and said so.
    const student = await fhirAs(userToken(STUDENT), `/Flag?patient=${NHS_NUMBER}`);
    expect(JSON.stringify((student.entry ?? []).filter((e: any) => e.search?.mode === 'match'))).not.toMatch(/suicide|225444004/i);
    const withheld = (student.entry ?? []).find((e: any) => e.search?.mode === 'outcome')?.resource;
    expect(JSON.stringify(withheld)).toContain('combinedRiskAlerts');
  });

  it.each([
    ['a receptionist (administrative)', () => userToken(findDemoUser('receptionist'))],
    ['a healthcare student', () => userToken(STUDENT)],
  ])('%s gets FORBIDDEN_FIELD for the combined risk alerts, never their data', async (_who, token) => {
    const response = await asToken(token());
    expect(response.data.patient.combinedRiskAlerts).toBeNull();
    const forbidden = (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN_FIELD').map((e) => e.path?.join('.'));
    expect(forbidden).toContain('patient.combinedRiskAlerts');
    expect(JSON.stringify(response.data)).not.toMatch(/gp-risk|ae-risk|suicide|225444004/i);
  });
});

const NHS_NUMBER_2 = '9990004803';
const PATIENT_2 = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER_2 } };
const VIOLENCE = { coding: [{ system: 'http://snomed.info/sct', code: '129707006', display: 'At risk for other-directed violence' }] };
const flagOf = (id: string, code: typeof SUICIDE, text: string, period: { start: string; end?: string }) => ({
  resource: { resourceType: 'Flag', id, meta: META, subject: PATIENT_2, status: 'active', code: { ...code, text }, period },
});
const episodeOf = (id: string) => ({ resource: { resourceType: 'EpisodeOfCare', id, meta: META, status: 'active', patient: PATIENT_2, period: { start: '2026-06-01' } } });

const EVERY_SOURCE = `query($n: String!) { patient(nhsNumber: $n) {
  combinedRiskAlerts { items { code { code } current disagreement sources { id status current provenance { odsCode } } } notRead { field } }
  mentalHealthRiskAlerts { id }
  socialCareRiskAlerts { id }
  riskSummaries { id }
  socialCareAlerts { id }
  combinedAlerts { items { id } }
} }`;

describe("the trust's and the council's risk flags in the combined risk alerts (H173, H174)", () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-risk-e2e-2', nhsNumber: NHS_NUMBER_2, family: 'Haslam', given: 'Ruth', gender: 'female', birthDate: '1979-05-20' }, { attendedAe: 'risk-ae-2' });
    // The open episode and open case that give the trust and the council their care relationships.
    await sendBatch('registry', 'RT2', [episodeOf('risk-mh-eoc')]);
    await sendBatch('registry', 'LA351', [episodeOf('risk-sc-eoc')]);
    await sendBatch('gp', 'P83005', [flagOf('gp-risk-2', SUICIDE, 'At risk of suicide', { start: '2026-09-07' })]);
    await sendBatch('mental-health', 'RT2', [flagOf('mh-risk-2', SUICIDE, 'Suicide risk: see the crisis plan', { start: '2026-08-20' })]);
    await sendBatch('social-care', 'LA351', [flagOf('sc-risk-2', VIOLENCE, 'Risk to visiting staff: visit in pairs', { start: '2026-07-01' })]);
  });

  it("the GP's alert and the trust's flag of the same code, overlapping, are one item naming both; the council's is its own item; neither is a risk summary or a general alert", async () => {
    const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser('ae-doctor'))}` }, EVERY_SOURCE, { n: NHS_NUMBER_2 });
    expect(response.errors).toBeUndefined();
    const { combinedRiskAlerts, mentalHealthRiskAlerts, socialCareRiskAlerts, riskSummaries, socialCareAlerts, combinedAlerts } = response.data.patient;
    const items = combinedRiskAlerts.items.map((i: any) => ({ ...i, sources: [...i.sources].sort((a: any, b: any) => a.id.localeCompare(b.id)) }));
    expect(items).toEqual(
      expect.arrayContaining([
        {
          code: { code: '225444004' },
          current: true,
          disagreement: null,
          sources: [
            { id: 'P83005/Flag/gp-risk-2', status: 'active', current: true, provenance: { odsCode: 'P83005' } },
            { id: 'RT2/Flag/mh-risk-2', status: 'active', current: true, provenance: { odsCode: 'RT2' } },
          ],
        },
        { code: { code: '129707006' }, current: true, disagreement: null, sources: [{ id: 'LA351/Flag/sc-risk-2', status: 'active', current: true, provenance: { odsCode: 'LA351' } }] },
      ]),
    );
    expect(items).toHaveLength(2);
    expect(combinedRiskAlerts.notRead).toEqual([]);
    expect(mentalHealthRiskAlerts).toEqual([{ id: 'RT2/Flag/mh-risk-2' }]);
    expect(socialCareRiskAlerts).toEqual([{ id: 'LA351/Flag/sc-risk-2' }]);
    expect(riskSummaries).toEqual([]);
    expect(socialCareAlerts).toEqual([]);
    expect(combinedAlerts.items).toEqual([]);
  });

  it("the look is audited at the trust and the council as a look at their risk alerts", async () => {
    const requestId = `risk-${randomUUID()}`;
    const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser('ae-doctor'))}`, 'x-request-id': requestId }, 'query($n: String!) { patient(nhsNumber: $n) { combinedRiskAlerts { items { current } } } }', { n: NHS_NUMBER_2 });
    expect(response.errors).toBeUndefined();
    const log = await asUser('privacy-officer').query(
      'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 50) { events { requestId subgraph fields { coordinate outcome } } } }',
      { filter: { nhsNumber: NHS_NUMBER_2, from: new Date(Date.now() - 60_000).toISOString() } },
    );
    expect(log.errors).toBeUndefined();
    const events = (log.data.accessLog.events as Array<{ requestId: string; subgraph: string; fields: Array<{ coordinate: string; outcome: string }> }>).filter((e) => e.requestId === requestId);
    const allowed = new Set(events.flatMap((e) => e.fields.filter((f) => f.outcome === 'allowed').map((f) => `${e.subgraph}:${f.coordinate}`)));
    expect([...allowed]).toEqual(expect.arrayContaining(['mental-health:Patient.mentalHealthRiskAlerts', 'social-care:Patient.socialCareRiskAlerts']));
  });

  it('a social worker (no mentalHealthRisk) gets FORBIDDEN_FIELD for the section and each source, never the data; the council’s general alerts hold no risk flag', async () => {
    const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser('social-worker'))}` }, EVERY_SOURCE.replace('riskSummaries { id }\n', ''), { n: NHS_NUMBER_2 });
    const forbidden = (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN_FIELD').map((e) => e.path?.join('.'));
    expect(forbidden).toEqual(expect.arrayContaining(['patient.combinedRiskAlerts', 'patient.mentalHealthRiskAlerts', 'patient.socialCareRiskAlerts']));
    expect(response.data.patient).toMatchObject({ combinedRiskAlerts: null, mentalHealthRiskAlerts: null, socialCareRiskAlerts: null, socialCareAlerts: [] });
    expect(JSON.stringify(response.data)).not.toMatch(/risk-2|suicide|violence|225444004|129707006/i);
  });
});
