/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's Procedure mapping (FHIR R4 Procedure, UKCore-Procedure): a hip fracture repair as
 * a hospital sends it, with OPCS-4 beside SNOMED CT, its reason as a reference to the diagnosis in
 * the same bundle, and a procedure not done that must never read as done.
 */

const SNOMED = 'http://snomed.info/sct';
const condition: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'fracture',
  meta: META,
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '5913000', display: 'Fracture of neck of femur' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
};
const repair: fhir4.Procedure = {
  resourceType: 'Procedure',
  id: 'hip-repair',
  meta: META,
  status: 'completed',
  subject: NHS,
  category: { coding: [{ system: SNOMED, code: '387713003', display: 'Surgical procedure' }] },
  code: {
    coding: [
      { system: SNOMED, code: '265132005', display: 'Primary open reduction of fracture of neck of femur and open fixation using pin and plate' },
      { system: 'http://digital.nhs.uk/opcs-4', code: 'W191', display: 'Primary open reduction of fracture of neck of femur and open fixation using pin and plate' },
    ],
  },
  performedPeriod: { start: '2026-10-30T09:15:00+00:00', end: '2026-10-30T11:05:00+00:00' },
  performer: [{ actor: { display: 'Mr J Okafor, Consultant Orthopaedic Surgeon' } }],
  location: { display: 'Theatre 3, Fairfield General Hospital' },
  reasonReference: [{ reference: 'urn:uuid:6f1c2a8e-5b9d-4c1e-9a7f-2d3b4c5d6e7f' }],
  bodySite: [{ coding: [{ system: SNOMED, code: '287679003', display: 'Left hip region structure' }] }],
  outcome: { coding: [{ system: SNOMED, code: '385669000', display: 'Successful' }] },
  followUp: [{ text: 'Removal of sutures at 14 days' }],
  note: [{ text: 'Uneventful' }],
};
const bundle = [{ fullUrl: 'urn:uuid:6f1c2a8e-5b9d-4c1e-9a7f-2d3b4c5d6e7f', resource: condition as fhir4.FhirResource }];

describe.each([
  ['acute', feedMapping(acuteFeed), 'hospitalProcedures'],
  ['gp', feedMapping(gpFeed), 'procedures'],
])('%s feed: Procedure through the catalogue', (_name, { map, problemOf }, panel) => {
  it('keeps every coding, when, who, where, why (the referenced diagnosis, resolved), body site, outcome and follow-up', () => {
    const mapped = map(repair, bundle)!;
    expect(mapped.panel).toBe(panel);
    expect(mapped.fields).toMatchObject({
      code: { code: '265132005', coding: [{ code: '265132005' }, { system: 'http://digital.nhs.uk/opcs-4', code: 'W191' }] },
      status: 'completed',
      current: false,
      category: { code: '387713003' },
      performed: { start: '2026-10-30T09:15:00+00:00', end: '2026-10-30T11:05:00+00:00' },
      performedDate: '2026-10-30T09:15:00+00:00',
      performers: ['Mr J Okafor, Consultant Orthopaedic Surgeon'],
      location: 'Theatre 3, Fairfield General Hospital',
      reasons: [{ code: '5913000', display: 'Fracture of neck of femur' }],
      bodySite: [{ code: '287679003' }],
      outcome: { code: '385669000' },
      followUp: [{ text: 'Removal of sutures at 14 days' }],
      notes: ['Uneventful'],
    });
  });

  it('not done is never current and keeps why', () => {
    const notDone = { ...repair, status: 'not-done' as const, statusReason: { text: 'Patient declined' }, performedPeriod: undefined };
    expect(map(notDone, bundle)!.fields).toMatchObject({ status: 'not-done', current: false, statusReason: { text: 'Patient declined' }, performed: null });
  });

  it.each([['in-progress', true], ['preparation', true], ['on-hold', true], ['stopped', false], ['unknown', false]])('status %s: current %s', (status, current) => {
    expect(map({ ...repair, status: status as fhir4.Procedure['status'] }, bundle)!.fields.current).toBe(current);
  });

  it('refuses a status outside event-status and a procedure with no code, naming the path', () => {
    expect(problemOf({ ...repair, status: 'done' as never }, bundle).path).toBe('Procedure.status');
    expect(problemOf({ ...repair, code: undefined }, bundle).path).toBe('Procedure.code');
  });
});
