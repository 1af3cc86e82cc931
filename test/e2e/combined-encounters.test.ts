/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { asUser, closeDatabases, gatewayPost } from '../support/clients';
import { patientReference, registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The combined record's encounters and documents end to end (issue #18.2): a GP consultation, a
 * hospital A&E attendance and admission, and a community visit, each sent through its organisation's
 * real feed as FHIR R4 Encounters, come back as one section in the same words (kind, when, where,
 * who), the admission under way first; the hospital's discharge summary is in the documents section.
 * The look is audited as a look at each source's encounter fields; a role that may not see
 * encounters gets FORBIDDEN_FIELD and no encounter.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000514';
const PATIENT = patientReference(NHS_NUMBER);
const SNOMED = 'http://snomed.info/sct';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const META = { versionId: '1', lastUpdated: '2026-11-01T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });

const encounter = (id: string, classCode: string, period: fhir4.Period, extra: Partial<fhir4.Encounter> = {}) => ({
  resource: { resourceType: 'Encounter', id, meta: META, status: period.end ? 'finished' : 'in-progress', class: { system: V3, code: classCode }, subject: PATIENT, period, ...extra },
});

const QUERY = `query($n: String!) { patient(nhsNumber: $n) {
  combinedEncounters { items { id kind description status current start end place clinician reasons { code } provenance { odsCode } } notRead { field } }
  combinedDocuments { items { title current sources { title date provenance { odsCode } } } notRead { field } }
} }`;

describe('combined encounters and documents through the real feeds and the gateway', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-combined-enc-e2e', nhsNumber: NHS_NUMBER, family: 'Haworth', given: 'Edith', gender: 'female', birthDate: '1941-03-12' }, { attendedAe: 'combined-enc-ae' });
    await sendBatch('gp', 'P83005', [
      { resource: { resourceType: 'Condition', id: 'gp-htn', meta: META, subject: PATIENT, code: sct('38341003', 'Hypertensive disorder') } },
      encounter('gp-consult', 'AMB', { start: '2026-10-20T09:10:00+01:00', end: '2026-10-20T09:25:00+01:00' }, {
        type: [sct('185389009', 'Follow-up visit')],
        reasonReference: [{ reference: 'Condition/gp-htn' }],
        participant: [{ individual: { display: 'Dr A Patel' } }],
        location: [{ location: { display: 'Consulting room 2' }, status: 'completed' }],
      } as Partial<fhir4.Encounter>),
    ]);
    await sendBatch('acute', 'RM3', [
      encounter('ae-1', 'EMER', { start: '2026-10-29T20:05:00Z', end: '2026-10-29T22:30:00Z' }, { location: [{ location: { display: 'Emergency department' }, status: 'completed' }], participant: [{ individual: { display: 'Dr K Ahmed' } }] } as Partial<fhir4.Encounter>),
      encounter('spell-1', 'IMP', { start: '2026-10-29T22:40:00Z' }, {
        reasonCode: [sct('5913000', 'Fracture of neck of femur')],
        location: [{ location: { display: 'Ward 7' }, status: 'active' }],
        participant: [{ individual: { display: 'Mr J Okafor' } }],
      } as Partial<fhir4.Encounter>),
      {
        resource: {
          resourceType: 'DocumentReference', id: 'dis-1', meta: META, status: 'current', subject: PATIENT, date: '2026-11-05T10:00:00Z',
          type: sct('373942005', 'Discharge summary'), description: 'Discharge summary: hip fracture',
          content: [{ attachment: { contentType: 'application/pdf', url: 'https://documents.nca.example/dis-1.pdf', title: 'Discharge summary: hip fracture' } }],
        },
      },
    ]);
    await sendBatch('community', 'NR5', [
      encounter('visit-1', 'HH', { start: '2026-11-10T14:00:00Z', end: '2026-11-10T14:40:00Z' }, { type: [sct('439708006', 'Home visit')], participant: [{ individual: { display: 'Nurse R Hill' } }], location: [{ location: { display: "Patient's home" } }] } as Partial<fhir4.Encounter>),
    ]);
  });

  it('every source\'s encounters in the same words, the admission under way first, then newest; the discharge summary among the documents', async () => {
    const requestId = `combined-enc-${randomUUID()}`;
    const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser('ae-doctor'))}`, 'x-request-id': requestId }, QUERY, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const { combinedEncounters, combinedDocuments } = response.data.patient;
    expect(combinedEncounters.notRead).toEqual([]);
    const mine = combinedEncounters.items.filter((e: { id: string }) => !e.id.endsWith('/combined-enc-ae'));
    expect(mine).toEqual([
      { id: 'RM3/Encounter/spell-1', kind: 'admission', description: 'Hospital admission', status: 'in_progress', current: true, start: '2026-10-29T22:40:00Z', end: null, place: 'Ward 7', clinician: 'Mr J Okafor', reasons: [{ code: '5913000' }], provenance: { odsCode: 'RM3' } },
      { id: 'NR5/Encounter/visit-1', kind: 'communityVisit', description: 'Home visit', status: 'finished', current: false, start: '2026-11-10T14:00:00Z', end: '2026-11-10T14:40:00Z', place: "Patient's home", clinician: 'Nurse R Hill', reasons: [], provenance: { odsCode: 'NR5' } },
      { id: 'RM3/Encounter/ae-1', kind: 'emergency', description: 'A&E attendance', status: 'finished', current: false, start: '2026-10-29T20:05:00Z', end: '2026-10-29T22:30:00Z', place: 'Emergency department', clinician: 'Dr K Ahmed', reasons: [], provenance: { odsCode: 'RM3' } },
      { id: 'P83005/Encounter/gp-consult', kind: 'consultation', description: 'Follow-up visit', status: 'finished', current: false, start: '2026-10-20T09:10:00+01:00', end: '2026-10-20T09:25:00+01:00', place: 'Consulting room 2', clinician: 'Dr A Patel', reasons: [{ code: '38341003' }], provenance: { odsCode: 'P83005' } },
    ]);
    expect(combinedDocuments.notRead).toEqual([]);
    expect(combinedDocuments.items).toEqual([{ title: 'Discharge summary: hip fracture', current: true, sources: [{ title: 'Discharge summary: hip fracture', date: '2026-11-05T10:00:00Z', provenance: { odsCode: 'RM3' } }] }]);

    // The look is in the trail as a look at each source's encounter fields.
    const log = await asUser('privacy-officer').query(
      'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 50) { events { requestId subgraph fields { coordinate outcome } } } }',
      { filter: { nhsNumber: NHS_NUMBER, from: new Date(Date.now() - 60_000).toISOString() } },
    );
    expect(log.errors).toBeUndefined();
    const events = (log.data.accessLog.events as Array<{ requestId: string; subgraph: string; fields: Array<{ coordinate: string; outcome: string }> }>).filter((e) => e.requestId === requestId);
    const looked = events.flatMap((e) => e.fields.filter((f) => f.outcome === 'allowed').map((f) => `${e.subgraph}:${f.coordinate}`));
    for (const expected of ['gp:Patient.consultations', 'acute:Patient.admissions', 'acute:Patient.aeAttendances', 'community:Patient.communityVisits', 'acute:Patient.dischargeSummaries', 'combined:Patient.combinedEncounters']) {
      expect(looked).toContain(expected);
    }
  });

  it('a receptionist, who may not see encounters, gets FORBIDDEN_FIELD and no encounter', async () => {
    const response = await gatewayPost({ authorization: `Bearer ${userToken(findDemoUser('receptionist'))}` }, 'query($n: String!) { patient(nhsNumber: $n) { combinedEncounters { items { id } } } }', { n: NHS_NUMBER });
    expect(response.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toContain('FORBIDDEN_FIELD');
    expect(response.data?.patient?.combinedEncounters ?? null).toBeNull();
  });
});
