/// <reference types="fhir" />
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { feedMapping, META, NHS, organisationReference } from '../support/feedMapping';

const TRUST = organisationReference('RT2', 'Pennine Care');

const { map, problemOf } = feedMapping(mentalHealthFeed);

const episode: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'ep-1',
  meta: META,
  status: 'active',
  type: [{ text: 'CPA' }, { text: 'Bury North Community Mental Health Team' }],
  patient: NHS,
  managingOrganization: TRUST,
  period: { start: '2024-02-01' },
  careManager: { display: 'Sam Okafor, Care Coordinator, Bury North Community Mental Health Team' },
  team: [{ display: 'Bury North Community Mental Health Team' }],
};

const crisisPlan: fhir4.CarePlan = {
  resourceType: 'CarePlan',
  id: 'cp-1',
  meta: META,
  status: 'active',
  intent: 'plan',
  category: [{ text: 'Crisis plan' }],
  title: 'Crisis plan',
  description: 'Triggers: anniversaries. Early warning signs: poor sleep.',
  subject: NHS,
  created: '2025-01-15T11:00:00Z',
  author: TRUST,
  note: [
    { text: 'Triggers: anniversaries of bereavement' },
    { text: 'Early warning signs: poor sleep, withdrawing from family' },
    { text: 'What helps: talking to her sister; walking the dog' },
    { text: 'Contacts: Crisis team 0161 000 0000' },
  ],
};

describe('mental health feed mapping', () => {
  it('maps an EpisodeOfCare to an episode carrying the care coordinator and CPA status', () => {
    const mapped = map(episode)!;
    expect(mapped.panel).toBe('mentalHealthEpisodes');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      start: '2024-02-01',
      end: null,
      team: 'Bury North Community Mental Health Team',
      careCoordinator: 'Sam Okafor',
      cpaStatus: 'CPA',
    });
    expect(map({ ...episode, type: [{ text: 'non-CPA' }] })!.fields.cpaStatus).toBe('non-CPA');
  });

  it('maps a crisis CarePlan to the crisis plan, one field per heading', () => {
    const mapped = map(crisisPlan)!;
    expect(mapped.panel).toBe('crisisPlans');
    expect(mapped.fields).toMatchObject({
      title: 'Crisis plan',
      status: 'active',
      created: '2025-01-15T11:00:00Z',
      triggers: 'anniversaries of bereavement',
      earlyWarningSigns: 'poor sleep, withdrawing from family',
      whatHelps: 'talking to her sister; walking the dog',
      contacts: 'Crisis team 0161 000 0000',
    });
  });

  it('maps a RiskAssessment to the risk summary', () => {
    const mapped = map({
      resourceType: 'RiskAssessment',
      id: 'risk-1',
      meta: { ...META, security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      status: 'final',
      subject: NHS,
      occurrenceDateTime: '2025-03-02T10:00:00Z',
      performer: { display: 'Dr R Shah' },
      prediction: [
        {
          outcome: { text: 'Self-harm' },
          qualitativeRisk: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: 'moderate', display: 'Moderate likelihood' }] },
          rationale: 'History of overdose when low in mood.',
        },
      ],
      mitigation: 'Weekly contact; crisis plan shared.',
      note: [{ text: 'Moderate risk of self-harm at times of low mood.' }],
    })!;
    expect(mapped.panel).toBe('riskSummaries');
    expect(mapped.fields).toMatchObject({
      date: '2025-03-02T10:00:00Z',
      summary: 'Moderate risk of self-harm at times of low mood.',
      level: 'moderate',
      riskOf: 'Self-harm',
      mitigation: 'Weekly contact; crisis plan shared.',
      assessedBy: 'Dr R Shah',
    });
  });

  it('maps a Flag to the risk summary', () => {
    const mapped = map({
      resourceType: 'Flag',
      id: 'flag-1',
      meta: META,
      status: 'active',
      code: { text: 'Risk to others when intoxicated' },
      subject: NHS,
      period: { start: '2025-02-01' },
    })!;
    expect(mapped.panel).toBe('riskSummaries');
    expect(mapped.fields).toMatchObject({ status: 'active', date: '2025-02-01', summary: 'Risk to others when intoxicated', level: null });
  });

  it('carries nothing for a care plan that is not a crisis plan', () => {
    expect(map({ ...crisisPlan, title: 'Medication plan', category: [{ text: 'Medication' }] })).toBeNull();
  });

  it('refuses resources missing a required element, naming the element', () => {
    expect(problemOf({ ...episode, period: undefined }).path).toBe('EpisodeOfCare.period.start');
    expect(problemOf({ ...episode, status: undefined as unknown as 'active' }).path).toBe('EpisodeOfCare.status');
    expect(problemOf({ ...crisisPlan, created: undefined }).path).toBe('CarePlan.created');
    expect(problemOf({ resourceType: 'RiskAssessment', id: 'r', status: 'final', subject: NHS, occurrenceDateTime: '2025-03-02' }).path).toBe('RiskAssessment.note');
    expect(problemOf({ resourceType: 'Flag', id: 'f', status: 'active', code: { text: 'x' }, subject: NHS }).path).toBe('Flag.period.start');
  });
});
