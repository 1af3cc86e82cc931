/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * The catalogue's CarePlan mapping (FHIR R4 CarePlan, UKCore-CarePlan): a heart failure care plan
 * as a GP system or a hospital sends it, addressing a Condition in the same bundle. An activity
 * the source marked entered-in-error was never planned and is left out (H94); a completed or
 * revoked plan is not in force.
 */

const SNOMED = 'http://snomed.info/sct';
const heartFailure: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'hf',
  meta: META,
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '84114007', display: 'Heart failure' }] },
};
const plan: fhir4.CarePlan = {
  resourceType: 'CarePlan',
  id: 'hf-plan',
  meta: META,
  status: 'active',
  intent: 'plan',
  subject: NHS,
  title: 'Heart failure care plan',
  description: 'Daily weights; fluid restriction 1.5 litres; heart failure nurse review monthly',
  category: [{ coding: [{ system: SNOMED, code: '736353004', display: 'Inpatient care plan' }] }],
  period: { start: '2026-10-05', end: '2099-04-05' },
  created: '2026-10-04T16:00:00+01:00',
  author: { display: 'Dr K Mensah, Cardiology' },
  careTeam: [{ display: 'Heart failure nursing team' }],
  addresses: [{ reference: 'urn:uuid:0b6f0c8e-3c3a-4c1b-9a44-8a9a5c9e1d11' }],
  note: [{ text: 'Agreed with the patient and his wife' }],
  activity: [
    {
      detail: {
        status: 'in-progress',
        code: { coding: [{ system: SNOMED, code: '363808001', display: 'Measurement of body weight' }] },
        description: 'Weigh daily before breakfast; call if up 2 kg in 3 days',
        scheduledString: 'Daily',
        performer: [{ display: 'Patient' }],
      },
    },
    { detail: { status: 'scheduled', description: 'Heart failure nurse review', scheduledPeriod: { start: '2026-11-05' }, location: { display: 'Fairfield community clinic' }, performer: [{ display: 'Heart failure nurse' }] } },
    { detail: { status: 'entered-in-error', description: 'Warfarin clinic (wrong patient)' } },
    { detail: { status: 'not-started', description: 'No NSAIDs', doNotPerform: true } },
  ],
};
const bundle = [{ fullUrl: 'urn:uuid:0b6f0c8e-3c3a-4c1b-9a44-8a9a5c9e1d11', resource: heartFailure as fhir4.FhirResource }];

describe.each([
  ['acute', feedMapping(acuteFeed), 'hospitalCarePlans'],
  ['gp', feedMapping(gpFeed), 'carePlans'],
])('%s feed: CarePlan through the catalogue', (_name, { map, problemOf }, panel) => {
  it('keeps title, description, status, intent, period, author, care team, the condition it addresses (resolved) and notes', () => {
    const mapped = map(plan, bundle)!;
    expect(mapped.panel).toBe(panel);
    expect(mapped.fields).toMatchObject({
      title: 'Heart failure care plan',
      description: 'Daily weights; fluid restriction 1.5 litres; heart failure nurse review monthly',
      categories: [{ code: '736353004' }],
      status: 'active',
      current: true,
      intent: 'plan',
      start: '2026-10-05',
      end: '2099-04-05',
      created: '2026-10-04T16:00:00+01:00',
      author: 'Dr K Mensah, Cardiology',
      careTeams: ['Heart failure nursing team'],
      addresses: [{ code: '84114007', display: 'Heart failure' }],
      notes: ['Agreed with the patient and his wife'],
    });
  });

  it('every activity with its status, schedule, who and where; an activity entered in error is left out (H94)', () => {
    const activities = map(plan, bundle)!.fields.activities as Array<Record<string, unknown>>;
    expect(activities.map((a) => a.description)).toEqual(['Weigh daily before breakfast; call if up 2 kg in 3 days', 'Heart failure nurse review', 'No NSAIDs']);
    expect(activities.map((a) => a.status)).not.toContain('entered-in-error');
    expect(activities[0]).toMatchObject({ status: 'in-progress', code: { code: '363808001' }, scheduled: 'Daily', performers: ['Patient'], doNotPerform: null });
    expect(activities[1]).toMatchObject({ status: 'scheduled', scheduled: '2026-11-05', location: 'Fairfield community clinic', performers: ['Heart failure nurse'] });
    expect(activities[2]).toMatchObject({ doNotPerform: true });
  });

  it.each([['completed', false], ['revoked', false], ['draft', false], ['on-hold', true]])('status %s: in force %s', (status, current) => {
    expect(map({ ...plan, status: status as fhir4.CarePlan['status'] }, bundle)!.fields.current).toBe(current);
  });

  it('an active plan whose period has ended is not in force; with no title its category names it', () => {
    expect(map({ ...plan, period: { start: '2020-01-01', end: '2020-06-01' } }, bundle)!.fields.current).toBe(false);
    expect(map({ ...plan, title: undefined }, bundle)!.fields.title).toBe('Inpatient care plan');
  });

  it('refuses a status, intent or activity status outside its value set, naming the path', () => {
    expect(problemOf({ ...plan, status: 'open' as never }, bundle).path).toBe('CarePlan.status');
    expect(problemOf({ ...plan, intent: 'directive' as never }, bundle).path).toBe('CarePlan.intent');
    expect(problemOf({ ...plan, activity: [{ detail: { status: 'done' as never } }] }, bundle).path).toBe('CarePlan.activity[0].detail.status');
  });
});
