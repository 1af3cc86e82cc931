/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, closeDatabases, gatewayPost } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * H170 end to end: the GP's alert that the patient is at risk of suicide, in force, and the
 * hospital's, ended last year, reach the combined mental-health risk alerts through the real feeds and
 * the gateway: the GP's current, the hospital's history, each naming its organisation; the look is in
 * the trail as a look at each source's risk alerts; a role without the mentalHealthRisk category (a
 * receptionist, a healthcare student) gets FORBIDDEN_FIELD for the section and never its data.
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
