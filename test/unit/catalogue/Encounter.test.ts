/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { communityFeed } from '../../../subgraphs/community/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's Encounter mapping (FHIR R4 Encounter, UKCore-Encounter), read once for the GP,
 * the hospital and community services: a GP surgery consultation whose reason is a reference to the
 * patient's condition, kept whole whichever organisation sends it; each organisation names its
 * times and place its own way (a consultation's date, an admission's admitted, a visit's location).
 */

const SNOMED = 'http://snomed.info/sct';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const hypertension: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'htn',
  meta: META,
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '38341003', display: 'Hypertensive disorder' }] },
};
const consultation: fhir4.Encounter = {
  resourceType: 'Encounter',
  id: 'consult-1',
  meta: META,
  status: 'finished',
  class: { system: V3, code: 'AMB', display: 'ambulatory' },
  type: [
    { coding: [{ system: SNOMED, code: '185389009', display: 'Follow-up visit' }] },
    { text: 'Hypertension review' },
  ],
  serviceType: { coding: [{ system: SNOMED, code: '394814009', display: 'General practice' }] },
  priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActPriority', code: 'R', display: 'routine' }] },
  subject: NHS,
  participant: [
    { type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PPRF', display: 'primary performer' }] }], individual: { display: 'Dr A Patel' } },
    { type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'SPRF', display: 'secondary performer' }] }], individual: { display: 'Nurse B Jones' } },
  ],
  period: { start: '2026-11-02T09:10:00+00:00', end: '2026-11-02T09:25:00+00:00' },
  reasonCode: [{ coding: [{ system: SNOMED, code: '271649006', display: 'Systolic blood pressure' }] }],
  reasonReference: [{ reference: 'Condition/htn' }],
  location: [{ location: { display: 'Consulting room 2, Riverside Surgery' }, status: 'completed' }],
  episodeOfCare: [{ reference: 'EpisodeOfCare/ep-7' }],
};
const bundle = [{ fullUrl: 'https://gp.example/fhir/Condition/htn', resource: hypertension as fhir4.FhirResource }];

const everyOrganisation = [
  ['gp', feedMapping(gpFeed), 'consultations'],
  ['acute', feedMapping(acuteFeed), 'otherEncounters'],
  ['community', feedMapping(communityFeed), 'communityVisits'],
] as const;

describe.each(everyOrganisation)('%s feed: Encounter through the catalogue', (_name, { map, problemOf }, panel) => {
  it('keeps class, every type, service, priority, when, every reason (the referenced condition, resolved), every participant and place, and the episode', () => {
    const mapped = map(consultation, bundle)!;
    expect(mapped.panel).toBe(panel);
    expect(mapped.fields).toMatchObject({
      status: 'finished',
      current: false,
      class: { system: V3, code: 'AMB', display: 'ambulatory' },
      description: 'Follow-up visit',
      serviceType: { code: '394814009' },
      priority: { code: 'R' },
      start: '2026-11-02T09:10:00+00:00',
      end: '2026-11-02T09:25:00+00:00',
      reason: { code: '271649006' },
      reasons: [{ code: '271649006' }, { code: '38341003', display: 'Hypertensive disorder' }],
      otherReasons: [{ code: '38341003' }],
      clinician: 'Dr A Patel, Nurse B Jones',
      participants: [
        { type: [{ code: 'PPRF' }], individual: 'Dr A Patel' },
        { type: [{ code: 'SPRF' }], individual: 'Nurse B Jones' },
      ],
      place: 'Consulting room 2, Riverside Surgery',
      locations: [{ location: 'Consulting room 2, Riverside Surgery', status: 'completed' }],
      episodeSourceIds: ['ep-7'],
    });
    expect((mapped.fields.reasons as unknown[]).length).toBe(2);
    expect((mapped.fields.participants as unknown[]).length).toBe(2);
  });

  it.each([
    ['in-progress', true],
    ['arrived', true],
    ['onleave', true],
    ['planned', false],
    ['finished', false],
    ['cancelled', false],
  ])('status %s: current %s', (status, current) => {
    expect(map({ ...consultation, status: status as fhir4.Encounter['status'] }, bundle)!.fields.current).toBe(current);
  });

  it('refuses a status outside encounter-status, naming the path', () => {
    expect(problemOf({ ...consultation, status: 'done' as never }, bundle).path).toBe('Encounter.status');
  });
});

describe('each organisation names its times and place its own way', () => {
  it('GP: a consultation names its first type and its date, and needs both', () => {
    const { map, problemOf } = feedMapping(gpFeed);
    expect(map(consultation, bundle)!.fields).toMatchObject({ type: { code: '185389009' }, types: [{ code: '185389009' }, { text: 'Hypertension review' }], date: '2026-11-02T09:10:00+00:00' });
    expect(problemOf({ ...consultation, type: undefined }, bundle).path).toBe('Encounter.type');
    expect(problemOf({ ...consultation, period: undefined }, bundle).path).toBe('Encounter.period.start');
  });

  it('community: a visit names its date, location and setting', () => {
    const { map } = feedMapping(communityFeed);
    expect(map({ ...consultation, class: { system: V3, code: 'HH', display: 'home health' } }, bundle)!.fields).toMatchObject({
      date: '2026-11-02T09:10:00+00:00',
      location: 'Consulting room 2, Riverside Surgery',
      setting: 'home health',
      visitType: { code: '185389009' },
    });
  });

  it('hospital: an inpatient spell is an admission and an A&E attendance an attendance, each needing its start', () => {
    const { map, problemOf } = feedMapping(acuteFeed);
    const spell = { ...consultation, class: { system: V3, code: 'IMP' }, period: { start: '2026-10-29T22:40:00+00:00' }, hospitalization: { dischargeDisposition: { text: 'Usual place of residence' } } };
    expect(map(spell, bundle)).toMatchObject({ panel: 'admissions', fields: { admitted: '2026-10-29T22:40:00+00:00', discharged: null, ward: 'Consulting room 2, Riverside Surgery', consultant: 'Dr A Patel, Nurse B Jones', dischargeDestination: 'Usual place of residence' } });
    expect(map({ ...spell, class: { system: V3, code: 'EMER' } }, bundle)).toMatchObject({ panel: 'aeAttendances', fields: { arrival: '2026-10-29T22:40:00+00:00', department: 'Consulting room 2, Riverside Surgery', outcome: 'Usual place of residence' } });
    expect(problemOf({ ...spell, period: undefined }, bundle).path).toBe('Encounter.period.start');
    expect(problemOf({ ...spell, class: undefined as never }, bundle).path).toBe('Encounter.class.code');
  });
});
