/// <reference types="fhir" />
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';
import { feedMapping, META, NHS, organisationReference } from '../support/feedMapping';

const COUNCIL = organisationReference('LA351', 'Bury Council');

const { map, problemOf } = feedMapping(socialCareFeed);

const socialCareCase: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'case-1',
  meta: META,
  status: 'active',
  type: [{ text: 'Adult social care' }],
  patient: NHS,
  managingOrganization: COUNCIL,
  period: { start: '2024-11-05' },
  careManager: { display: 'Priya Desai, Social Worker' },
  team: [{ display: 'Bury Older People’s Team' }],
};

const carePackage: fhir4.ServiceRequest = {
  resourceType: 'ServiceRequest',
  id: 'pkg-1',
  meta: META,
  status: 'active',
  intent: 'order',
  category: [{ text: 'Care package' }],
  code: { text: 'Home care: two visits a day' },
  subject: NHS,
  quantityQuantity: { value: 7, unit: 'hours per week', system: 'http://unitsofmeasure.org', code: 'h/wk' },
  occurrencePeriod: { start: '2024-12-01' },
  note: [{ text: 'Home care: two visits a day (7 hours per week)' }],
};

const safeguardingFlag: fhir4.Flag = {
  resourceType: 'Flag',
  id: 'flag-1',
  meta: { ...META, security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
  status: 'active',
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety', display: 'Safety' }], text: 'Safeguarding' }],
  code: { text: 'Section 42 enquiry open: financial abuse concern' },
  subject: NHS,
  period: { start: '2025-02-14T12:00:00Z' },
  author: COUNCIL,
};

describe('social care feed mapping', () => {
  it('maps an EpisodeOfCare to the case, with the allocated worker from careManager', () => {
    const mapped = map(socialCareCase)!;
    expect(mapped.panel).toBe('socialCareCases');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      start: '2024-11-05',
      caseType: 'Adult social care',
      team: 'Bury Older People’s Team',
      worker: 'Priya Desai',
      workerRole: 'Social Worker',
    });
  });

  it('maps a ServiceRequest to a care package with hours per week', () => {
    const mapped = map(carePackage)!;
    expect(mapped.panel).toBe('carePackages');
    expect(mapped.fields).toMatchObject({
      service: 'Home care: two visits a day',
      category: 'Care package',
      hoursPerWeek: 7,
      status: 'active',
      start: '2024-12-01',
      end: null,
    });
  });

  it('maps a CarePlan to a care package', () => {
    const mapped = map({
      resourceType: 'CarePlan',
      id: 'plan-1',
      meta: META,
      status: 'active',
      intent: 'plan',
      title: 'Day centre',
      subject: NHS,
      period: { start: '2025-01-06' },
      activity: [{ detail: { status: 'scheduled', description: 'Day centre on Tuesdays and Thursdays' } }],
    })!;
    expect(mapped.panel).toBe('carePackages');
    expect(mapped.fields).toMatchObject({ service: 'Day centre', description: 'Day centre on Tuesdays and Thursdays', hoursPerWeek: null, start: '2025-01-06' });
  });

  it('maps a Procedure to a social care assessment', () => {
    const mapped = map({
      resourceType: 'Procedure',
      id: 'ass-1',
      meta: META,
      status: 'completed',
      code: { text: 'Care Act assessment' },
      subject: NHS,
      performedDateTime: '2024-11-20',
      performer: [{ actor: { display: 'Priya Desai, Social Worker' }, onBehalfOf: COUNCIL }],
      outcome: { text: 'Eligible needs: personal care, meals.' },
    })!;
    expect(mapped.panel).toBe('socialCareAssessments');
    expect(mapped.fields).toMatchObject({
      type: 'Care Act assessment',
      status: 'completed',
      date: '2024-11-20',
      outcome: 'Eligible needs: personal care, meals.',
      assessor: 'Priya Desai, Social Worker',
    });
  });

  it('maps a RelatedPerson to a carer', () => {
    const mapped = map({
      resourceType: 'RelatedPerson',
      id: 'carer-1',
      meta: META,
      active: true,
      patient: NHS,
      relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU', display: 'natural daughter' }] }, { text: 'Main carer' }],
      name: [{ use: 'official', family: 'Hughes', given: ['Claire'] }],
      telecom: [{ system: 'phone', value: '07700 900123', use: 'mobile' }],
    })!;
    expect(mapped.panel).toBe('carers');
    expect(mapped.fields).toMatchObject({
      name: 'Claire Hughes',
      relationship: { code: 'DAU', display: 'natural daughter' },
      carerRole: 'Main carer',
      phone: '07700 900123',
      active: true,
    });
  });

  it('maps a Flag to a safeguarding alert', () => {
    const mapped = map(safeguardingFlag)!;
    expect(mapped.panel).toBe('safeguardingAlerts');
    expect(mapped.fields).toMatchObject({
      description: 'Section 42 enquiry open: financial abuse concern',
      category: 'Safeguarding',
      status: 'active',
      raised: '2025-02-14T12:00:00Z',
      raisedBy: null,
    });
  });

  it('refuses resources missing a required element, naming the element', () => {
    expect(problemOf({ ...socialCareCase, period: { end: '2025-01-01' } }).path).toBe('EpisodeOfCare.period.start');
    expect(problemOf({ ...carePackage, code: undefined }).path).toBe('ServiceRequest.code');
    expect(problemOf({ ...carePackage, occurrencePeriod: undefined }).path).toBe('ServiceRequest.occurrence[x]');
    expect(problemOf({ resourceType: 'Procedure', id: 'p', status: 'completed', subject: NHS, code: { text: 'Care Act assessment' } }).path).toBe('Procedure.performed[x]');
    expect(problemOf({ resourceType: 'RelatedPerson', id: 'c', patient: NHS }).path).toBe('RelatedPerson.name');
    expect(problemOf({ ...safeguardingFlag, code: undefined as unknown as fhir4.CodeableConcept }).path).toBe('Flag.code');
  });
});
