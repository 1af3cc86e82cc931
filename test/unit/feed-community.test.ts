/// <reference types="fhir" />
import { communityFeed } from '../../subgraphs/community/src/feed';
import { feedMapping, META, NHS } from '../support/feedMapping';


const { map, problemOf } = feedMapping(communityFeed);

const episode: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'ep-1',
  meta: META,
  status: 'active',
  type: [{ text: 'District nursing' }],
  patient: NHS,
  period: { start: '2025-03-01' },
  careManager: { display: 'Nurse K Byrne' },
  team: [{ display: 'Bury East District Nursing Team' }],
};

const visit: fhir4.Encounter = {
  resourceType: 'Encounter',
  id: 'visit-1',
  meta: META,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH', display: 'home health' },
  type: [{ coding: [{ system: 'http://snomed.info/sct', code: '439708006', display: 'Home visit' }], text: 'District nursing home visit' }],
  subject: NHS,
  participant: [{ individual: { display: 'Nurse K Byrne' } }],
  period: { start: '2025-04-02T09:00:00Z', end: '2025-04-02T09:40:00Z' },
  reasonCode: [{ text: 'Leg ulcer dressing' }],
};

const carePlan: fhir4.CarePlan = {
  resourceType: 'CarePlan',
  id: 'cp-1',
  meta: META,
  status: 'active',
  intent: 'plan',
  category: [{ text: 'District nursing care plan' }],
  title: 'Leg ulcer care',
  description: 'Heal the left leg ulcer.',
  subject: NHS,
  period: { start: '2025-03-02' },
  activity: [{ detail: { status: 'in-progress', description: 'Compression bandaging twice a week' } }],
};

describe('community feed mapping', () => {
  it('maps an EpisodeOfCare to a community episode', () => {
    const mapped = map(episode)!;
    expect(mapped.panel).toBe('communityEpisodes');
    expect(mapped.fields).toMatchObject({
      service: 'District nursing',
      status: 'active',
      start: '2025-03-01',
      end: null,
      team: 'Bury East District Nursing Team',
      leadClinician: 'Nurse K Byrne',
    });
  });

  it('maps a home visit Encounter (class HH) to a community visit', () => {
    const mapped = map(visit)!;
    expect(mapped.panel).toBe('communityVisits');
    expect(mapped.fields).toMatchObject({
      date: '2025-04-02T09:00:00Z',
      setting: 'home health',
      visitType: { system: 'http://snomed.info/sct', code: '439708006' },
      description: 'District nursing home visit',
      reason: { display: 'Leg ulcer dressing' },
      clinician: 'Nurse K Byrne',
    });
  });

  it('maps a CarePlan to a community care plan with its activities', () => {
    const mapped = map(carePlan)!;
    expect(mapped.panel).toBe('communityCarePlans');
    expect(mapped.fields).toMatchObject({
      title: 'Leg ulcer care',
      category: 'District nursing care plan',
      status: 'active',
      activities: ['Compression bandaging twice a week'],
      start: '2025-03-02',
      end: null,
    });
  });

  it('refuses resources missing a required element, naming the element', () => {
    expect(problemOf({ ...episode, type: undefined }).path).toBe('EpisodeOfCare.type');
    expect(problemOf({ ...visit, period: undefined }).path).toBe('Encounter.period.start');
    expect(problemOf({ ...carePlan, period: undefined, created: undefined }).path).toBe('CarePlan.period.start');
    expect(problemOf({ ...carePlan, title: undefined, category: undefined }).path).toBe('CarePlan.title');
  });
});
