/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, closeDatabases, gatewayPost } from '../support/clients';
import { gatewayWithout } from '../support/gatewayWithout';
import { stackInfo } from '../support/stackInfo';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The combined record end to end (issue #18.2): the GP and the hospital both record a penicillin
 * allergy (one item naming both, the hospital's "resolved" against the GP's "active" said), the GP
 * states "no known drug allergy" beside it (a conflict said), the same blood pressure reading from
 * two sources is one, a later one another; the combined look is audited as a look at each source's
 * items; the combined section survives a source the user may not see, naming it. The mental health
 * trust's referral and alerts (the catalogue's Referral and Alert) are items of the combined
 * referrals, alerts and safeguarding alerts, their source named, as the council's safeguarding alert is; a role without the mental health
 * and safeguarding categories (a healthcare student) gets them neither per source nor combined: the
 * combined sections name the trust's lists in notRead, the safeguarding section is withheld whole.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000468';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const META = { versionId: '1', lastUpdated: '2026-11-01T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const clinical = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code }] });

const send = (target: string, odsCode: string, entry: unknown[]) => sendBatch(target, odsCode, entry);

const referral = (id: string) => ({
  resource: {
    resourceType: 'ServiceRequest', id, meta: META, subject: PATIENT, status: 'active', intent: 'order', authoredOn: '2026-10-20T10:00:00Z',
    code: sct('306206005', 'Referral to service'), performer: [{ display: 'Memory assessment service' }],
  },
});
const flag = (id: string, code: ReturnType<typeof sct>, start = '2026-10-02') => ({ resource: { resourceType: 'Flag', id, meta: META, subject: PATIENT, status: 'active', code, period: { start } } });
const carePlan = (id: string, category: ReturnType<typeof sct>, title: string) => ({
  resource: { resourceType: 'CarePlan', id, meta: META, subject: PATIENT, status: 'active', intent: 'plan', title, category: [category], created: '2026-10-03', period: { start: '2026-10-03' } },
});
/** A healthcare student at the hospital (R8004): referrals and alerts, but neither mental health care nor safeguarding. */
const STUDENT = { userId: 'e2e-student-combined', name: 'Sam Student', odsCode: 'RM3', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' };

const allergy = (id: string, code: ReturnType<typeof sct>, status: string, extra: Record<string, unknown> = {}) => ({
  resource: { resourceType: 'AllergyIntolerance', id, meta: META, patient: PATIENT, clinicalStatus: clinical(status), code, recordedDate: '2026-10-01', ...extra },
});
const bloodPressure = (id: string, at: string, systolic: number) => ({
  resource: {
    resourceType: 'Observation', id, meta: META, status: 'final', subject: PATIENT, effectiveDateTime: at,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel' }] },
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: { value: systolic, unit: 'mmHg' } },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: { value: 80, unit: 'mmHg' } },
    ],
  },
});

const HAEMATOLOGY = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'HM', display: 'Hematology' }] };
const IMAGING = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }] };
/** A DiagnosticReport (FHIR R4): the report of an investigation, with the results issued in it (by reference, in the same bundle). */
const report = (id: string, status: string, code: ReturnType<typeof sct>, at: string, extra: Record<string, unknown> = {}) => ({
  resource: { resourceType: 'DiagnosticReport', id, meta: META, subject: PATIENT, status, code, effectiveDateTime: at, issued: at, ...extra },
});
const FULL_BLOOD_COUNT = { coding: [{ system: LOINC, code: '58410-2', display: 'CBC panel - Blood by Automated count' }], text: 'Full blood count' };
const haemoglobin = {
  resource: {
    resourceType: 'Observation', id: 'ae-hb', meta: META, status: 'final', subject: PATIENT, effectiveDateTime: '2026-10-29T21:40:00Z',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }], text: 'Haemoglobin' },
    valueQuantity: { value: 112, unit: 'g/L', system: 'http://unitsofmeasure.org', code: 'g/L' },
  },
};

const COMBINED = `query Combined($n: String!) { patient(nhsNumber: $n) {
  combinedAllergies {
    items { code { code } current criticality disagreement sources { current clinicalStatus provenance { odsCode } } }
    noKnownAllergies { scope provenance { odsCode } }
    conflicts
    notRead { source field }
  }
  combinedVitalSigns { items { code { code } sources { provenance { odsCode } } } notRead { field } }
} }`;

async function look(userKey: string, query: string) {
  const requestId = `combined-${randomUUID()}`;
  const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser(userKey))}`, 'x-request-id': requestId }, query, { n: NHS_NUMBER });
  return { requestId, response };
}

describe('the combined record through the real feeds and the gateway', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-combined-e2e', nhsNumber: NHS_NUMBER, family: 'Openshaw', given: 'Irene', gender: 'female', birthDate: '1939-07-02' }, { attendedAe: 'combined-ae' });
    await send('gp', 'P83005', [
      allergy('gp-penicillin', sct('91936005', 'Allergy to penicillin'), 'active', { category: ['medication'], criticality: 'low' }),
      allergy('gp-nkda', sct('409137002', 'No known drug allergy'), 'active'),
      bloodPressure('gp-bp-1', '2026-09-14T10:20:00+01:00', 148),
      bloodPressure('gp-bp-2', '2026-10-14T10:20:00+01:00', 139),
      // The hospital laboratory's blood count, as the GP received it while it was still preliminary.
      report('gp-fbc', 'preliminary', FULL_BLOOD_COUNT, '2026-10-29T21:40:00Z', { category: [HAEMATOLOGY] }),
    ]);
    await send('acute', 'RM3', [
      allergy('ae-penicillin', sct('91936005', 'Allergy to penicillin'), 'resolved', { category: ['medication'], criticality: 'high' }),
      // The GP's September reading, sent again by the hospital (its time in UTC): the same fact.
      bloodPressure('ae-bp-copy', '2026-09-14T09:20:00Z', 148),
      haemoglobin,
      report('ae-fbc', 'final', FULL_BLOOD_COUNT, '2026-10-29T21:40:00Z', { category: [HAEMATOLOGY], result: [{ reference: 'Observation/ae-hb' }], conclusion: 'Haemoglobin low' }),
      // An imaging report is its conclusion: no Observation carries it.
      report('ae-xray', 'final', sct('399208008', 'Plain chest X-ray'), '2026-10-29T22:10:00Z', { category: [IMAGING], conclusion: 'No fracture. No consolidation.' }),
      report('ae-cancelled', 'cancelled', sct('169069000', 'CT of head'), '2026-10-29T22:30:00Z', { category: [IMAGING] }),
    ]);
    await send('mental-health', 'RT2', [
      referral('mh-referral'),
      flag('mh-alert', sct('225915006', 'At risk of falls')),
      flag('mh-safeguarding', sct('417430008', 'Vulnerable adult')),
      carePlan('mh-plan', sct('734163000', 'Care plan'), 'CPA care plan'),
      // A crisis plan stays the trust's own (crisisPlans), never an item of the combined care plans.
      carePlan('mh-crisis', sct('736253002', 'Mental health crisis plan'), 'Staying well plan'),
    ]);
    await send('social-care', 'LA351', [flag('council-safeguarding', sct('761571000000106', 'At risk of financial abuse'), '2026-10-05')]);
  });

  it('one penicillin allergy naming both sources, their disagreement said, the no-known-drug-allergy statement apart and its conflict said', async () => {
    const { response } = await look('ae-doctor', COMBINED);
    expect(response.errors).toBeUndefined();
    const section = response.data.patient.combinedAllergies;
    expect(section.items).toEqual([
      {
        code: { code: '91936005' },
        current: true,
        criticality: 'high',
        disagreement: 'Sources disagree: active at Bury Central Medical Practice; resolved at Northern Care Alliance NHS Foundation Trust',
        sources: [
          { current: true, clinicalStatus: 'active', provenance: { odsCode: 'P83005' } },
          { current: false, clinicalStatus: 'resolved', provenance: { odsCode: 'RM3' } },
        ],
      },
    ]);
    expect(section.noKnownAllergies).toEqual([{ scope: 'medication', provenance: { odsCode: 'P83005' } }]);
    expect(section.conflicts).toEqual([expect.stringMatching(/^Bury Central Medical Practice records “No known drug allergy” \(1 Oct 2026\), but a current allergy is recorded: Allergy to penicillin at Bury Central Medical Practice/)]);
    expect(section.notRead).toEqual([]);
  });

  it('the same blood pressure reading from two sources is one item; a later reading is another', async () => {
    const { response } = await look('ae-doctor', COMBINED);
    const vitals = response.data.patient.combinedVitalSigns;
    expect(vitals.items.map((i: { sources: Array<{ provenance: { odsCode: string } }> }) => i.sources.map((s) => s.provenance.odsCode))).toEqual([['P83005'], ['P83005', 'RM3']]);
    expect(vitals.notRead).toEqual([]);
  });

  it("the combined look is in the trail as a look at each source's items: the GP's and the hospital's allergy fields, and the combined section", async () => {
    const { requestId, response } = await look('ae-doctor', 'query($n: String!) { patient(nhsNumber: $n) { combinedAllergies { items { code { code } } } } }');
    expect(response.errors).toBeUndefined();
    const log = await asUser('privacy-officer').query(
      'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 50) { events { requestId subgraph fields { coordinate outcome } } } }',
      { filter: { nhsNumber: NHS_NUMBER, from: new Date(Date.now() - 60_000).toISOString() } },
    );
    expect(log.errors).toBeUndefined();
    const events = (log.data.accessLog.events as Array<{ requestId: string; subgraph: string; fields: Array<{ coordinate: string; outcome: string }> }>).filter((e) => e.requestId === requestId);
    const coordinates = new Set(events.flatMap((e) => e.fields.filter((f) => f.outcome === 'allowed').map((f) => `${e.subgraph}:${f.coordinate}`)));
    for (const expected of ['gp:Patient.allergies', 'acute:Patient.hospitalAllergies', 'gp:Patient.noKnownAllergies', 'acute:Patient.hospitalNoKnownAllergies', 'combined:Patient.combinedAllergies']) {
      expect([...coordinates]).toContain(expected);
    }
  });

  const REPORTS = `query($n: String!) { patient(nhsNumber: $n) {
    combinedTestReports { items { name current disagreement sources { id status conclusion results { code { code } value unit } provenance { odsCode } } } notRead { field } }
  } }`;

  it("reports from both sources in one section: the blood count the GP holds too is one report naming both, its statuses' disagreement said; the X-ray's conclusion is there; a cancelled report is not current", async () => {
    const { response } = await look('ae-doctor', REPORTS);
    expect(response.errors).toBeUndefined();
    const section = response.data.patient.combinedTestReports;
    expect(section.notRead).toEqual([]);
    const byName = Object.fromEntries(section.items.map((i: { name: string }) => [i.name, i]));
    expect(Object.keys(byName).sort()).toEqual(['CT of head', 'Full blood count', 'Plain chest X-ray']);
    const count = byName['Full blood count'];
    expect(count.current).toBe(true);
    expect(count.sources.map((s: { provenance: { odsCode: string }; status: string }) => `${s.provenance.odsCode} ${s.status}`).sort()).toEqual(['P83005 preliminary', 'RM3 final']);
    expect(count.disagreement).toMatch(/preliminary at Bury Central Medical Practice/);
    expect(count.disagreement).toMatch(/final at Northern Care Alliance NHS Foundation Trust/);
    const hospitalCount = count.sources.find((s: { provenance: { odsCode: string } }) => s.provenance.odsCode === 'RM3');
    expect(hospitalCount.results).toEqual([{ code: { code: '718-7' }, value: '112', unit: 'g/L' }]);
    expect(byName['Plain chest X-ray']).toMatchObject({ current: true, disagreement: null, sources: [{ conclusion: 'No fracture. No consolidation.', provenance: { odsCode: 'RM3' } }] });
    expect(byName['CT of head']).toMatchObject({ current: false, sources: [{ status: 'cancelled' }] });
    // Standing reports first: the cancelled one last.
    expect(section.items[section.items.length - 1].name).toBe('CT of head');
  });

  it('the FHIR API gives each source\'s report as a DiagnosticReport, in the summary\'s Results and by search', async () => {
    const base = stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir');
    const headers = { authorization: `Bearer ${userToken(findDemoUser('ae-doctor'))}` };
    const search = (await (await fetch(`${base}/DiagnosticReport?patient=${NHS_NUMBER}&status=final`, { headers })).json()) as fhir4.Bundle;
    const reports = (search.entry ?? []).map((e) => e.resource as fhir4.DiagnosticReport);
    expect(reports.map((r) => `${r.meta?.source} ${r.code.coding?.[0].code} ${r.status}`).sort()).toEqual(['urn:ods:RM3 399208008 final', 'urn:ods:RM3 58410-2 final']);
    expect(reports.find((r) => r.conclusion === 'Haemoglobin low')?.result).toHaveLength(1);
    const summary = (await (await fetch(`${base}/Patient/${NHS_NUMBER}/$summary`, { headers })).json()) as fhir4.Bundle;
    const results = (summary.entry![0].resource as fhir4.Composition).section!.find((s) => s.code?.coding?.[0].code === '30954-2')!;
    const inSummary = new Set(summary.entry!.map((e) => e.fullUrl));
    const reportEntries = results.section!.flatMap((sub) => sub.entry ?? []).filter((e) => e.reference?.startsWith('DiagnosticReport/'));
    expect(reportEntries).toHaveLength(4);
    for (const entry of reportEntries) expect([...inSummary].some((url) => url?.endsWith(entry.reference!))).toBe(true);
  });

  const MENTAL_HEALTH = `query($n: String!) { patient(nhsNumber: $n) {
    combinedReferrals { items { code { code } sources { id provenance { odsCode organisationName } } } notRead { source field } }
    combinedAlerts { items { code { code } sources { id provenance { odsCode } } } notRead { source field } }
    combinedSafeguardingAlerts { items { code { code } sources { id provenance { odsCode } } } notRead { source field } }
    combinedCarePlans { items { title sources { id } } notRead { source field } }
    mentalHealthSafeguardingAlerts { id }
  } }`;

  it("the mental health trust's referral and alerts are items of the combined referrals, alerts and safeguarding alerts, the trust named as their source; the council's safeguarding alert beside it; its care plan (not its crisis plan) in the combined care plans", async () => {
    const { response } = await look('ae-doctor', MENTAL_HEALTH);
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.combinedReferrals.items).toEqual([
      { code: { code: '306206005' }, sources: [{ id: 'RT2/ServiceRequest/mh-referral', provenance: { odsCode: 'RT2', organisationName: 'Pennine Care NHS Foundation Trust' } }] },
    ]);
    expect(patient.combinedAlerts.items).toEqual([{ code: { code: '225915006' }, sources: [{ id: 'RT2/Flag/mh-alert', provenance: { odsCode: 'RT2' } }] }]);
    // The council's safeguarding alert (the catalogue's Alert too) beside the trust's, newest first.
    expect(patient.combinedSafeguardingAlerts.items).toEqual([
      { code: { code: '761571000000106' }, sources: [{ id: 'LA351/Flag/council-safeguarding', provenance: { odsCode: 'LA351' } }] },
      { code: { code: '417430008' }, sources: [{ id: 'RT2/Flag/mh-safeguarding', provenance: { odsCode: 'RT2' } }] },
    ]);
    expect(patient.combinedCarePlans.items).toEqual([{ title: 'CPA care plan', sources: [{ id: 'RT2/CarePlan/mh-plan' }] }]);
    for (const section of [patient.combinedReferrals, patient.combinedAlerts, patient.combinedSafeguardingAlerts, patient.combinedCarePlans]) expect(section.notRead).toEqual([]);
    expect(patient.mentalHealthSafeguardingAlerts).toEqual([{ id: 'RT2/Flag/mh-safeguarding' }]);
  });

  it('a role without the safeguarding and mental health categories sees the mental health safeguarding alert neither per source nor combined; its other items are named not read', async () => {
    const response = await gatewayPost({ authorization: `Bearer ${userToken(STUDENT)}` }, MENTAL_HEALTH, { n: NHS_NUMBER });
    const patient = response.data.patient;
    const forbidden = (response.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN_FIELD').map((e) => e.path?.at(-1));
    expect(forbidden).toEqual(expect.arrayContaining(['combinedSafeguardingAlerts', 'mentalHealthSafeguardingAlerts']));
    expect(patient.combinedSafeguardingAlerts).toBeNull();
    expect(patient.mentalHealthSafeguardingAlerts).toBeNull();
    expect(JSON.stringify(response.data)).not.toMatch(/mh-safeguarding|council-safeguarding/);
    // Referrals and general alerts are the student's to see, but the trust's lists are mental health care: withheld, and said.
    expect(patient.combinedReferrals).toEqual({ items: [], notRead: [{ source: 'Mental health trust', field: 'mentalHealthReferrals' }] });
    expect(patient.combinedCarePlans).toEqual({ items: [], notRead: [{ source: 'Mental health trust', field: 'mentalHealthCarePlans' }] });
    expect(patient.combinedAlerts).toEqual({
      items: [],
      notRead: [
        { source: 'Mental health trust', field: 'mentalHealthAlerts' },
        { source: 'Council social care', field: 'socialCareAlerts' },
      ],
    });
  });

  describe('with the hospital source down', () => {
    let gateway: Awaited<ReturnType<typeof gatewayWithout>>;
    beforeAll(async () => {
      gateway = await gatewayWithout('acute', 700);
    });
    afterAll(() => gateway?.stop());

    it("the combined section still arrives from the GP's items, naming the hospital as not read (never as no allergies)", async () => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${userToken(findDemoUser('ae-doctor'))}` },
        body: JSON.stringify({ query: COMBINED, variables: { n: NHS_NUMBER } }),
      });
      const body = (await response.json()) as { data: any; errors?: Array<{ extensions?: { code?: string; serviceName?: string } }> };
      expect((body.errors ?? []).map((e) => `${e.extensions?.code} ${e.extensions?.serviceName}`)).toContain('SOURCE_UNAVAILABLE acute');
      const section = body.data.patient.combinedAllergies;
      expect(section.items.map((i: { sources: Array<{ provenance: { odsCode: string } }> }) => i.sources.map((s) => s.provenance.odsCode))).toEqual([['P83005']]);
      expect(section.notRead).toEqual([
        { source: 'Hospital trust', field: 'hospitalAllergies' },
        { source: 'Hospital trust', field: 'hospitalNoKnownAllergies' },
      ]);
      expect(body.data.patient.combinedVitalSigns.notRead).toEqual([{ field: 'testResults' }]);
    });
  });
});
