/// <reference types="fhir" />
import { episodeOfCareMapping } from '../../../subgraphs/kit/src/catalogue';
import { prepareBundle, type FeedingOrganisation } from '../../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { communityFeed } from '../../../subgraphs/community/src/feed';
import { mentalHealthFeed } from '../../../subgraphs/mental-health/src/feed';
import { socialCareFeed } from '../../../subgraphs/social-care/src/feed';
import { feedMapping, META, NHS, organisationReference } from '../../support/feedMapping';

/**
 * The catalogue's EpisodeOfCare mapping (FHIR R4 EpisodeOfCare, UKCore-EpisodeOfCare), used by the
 * mental health, community and social care feeds alike. Fixtures written from the R4 definition:
 * status (episode-of-care-status, required), statusHistory (status and period both 1..1), type,
 * diagnosis (condition 1..1, role from diagnosis-role, rank a positiveInt), managingOrganization,
 * period, referralRequest (Reference(ServiceRequest)), careManager (Reference(Practitioner |
 * PractitionerRole)), team (Reference(CareTeam)); references to a Practitioner, CareTeam,
 * Condition and ServiceRequest sent in the same bundle, as UK Core systems send them.
 */

const SNOMED = 'http://snomed.info/sct';
const DIAGNOSIS_ROLE = 'http://terminology.hl7.org/CodeSystem/diagnosis-role';
const TEAM_TYPES = 'https://fhir.bury.example/CodeSystem/team-types';

const worker: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'pr-ahmed', name: [{ use: 'official', family: 'Ahmed', given: ['Yusuf'], prefix: ['Mr'] }] };
const careTeam: fhir4.CareTeam = { resourceType: 'CareTeam', id: 'ct-ipsw', status: 'active', name: 'Integrated Physical and Social Wellbeing Team' };
const copd: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'cond-copd',
  meta: META,
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '13645005', display: 'Chronic obstructive lung disease' }], text: 'COPD' },
};
const frailty: fhir4.Condition = {
  resourceType: 'Condition',
  id: 'cond-frailty',
  meta: META,
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '248279007', display: 'Frailty' }] },
};
const referral: fhir4.ServiceRequest = {
  resourceType: 'ServiceRequest',
  id: 'sr-1',
  // Versioned as the source sends it: a community slice stores referrals in their own right.
  meta: META,
  status: 'completed',
  intent: 'order',
  priority: 'asap',
  subject: NHS,
  code: { coding: [{ system: SNOMED, code: '306206005', display: 'Referral to service' }], text: 'Referral to the wellbeing team' },
  reasonReference: [{ reference: 'Condition/cond-frailty' }],
  authoredOn: '2026-09-28',
  requester: { display: 'Dr H Patel, Fairfield Surgery' },
};
const BUNDLE = [
  { fullUrl: 'urn:uuid:7d6a9d1e-5b62-4d2b-9a1e-2f0c3b4d5e61', resource: worker as fhir4.FhirResource },
  { resource: careTeam as fhir4.FhirResource },
  { fullUrl: 'https://trust.example/fhir/Condition/cond-copd', resource: copd as fhir4.FhirResource },
  { resource: frailty as fhir4.FhirResource },
  { fullUrl: 'urn:uuid:1f3b6f0a-42a7-4c55-9d1c-8b2a0e6c7d19', resource: referral as fhir4.FhirResource },
];

const episode: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'eoc-1',
  meta: META,
  status: 'active',
  statusHistory: [
    { status: 'waitlist', period: { start: '2026-09-28', end: '2026-10-05' } },
    { status: 'active', period: { start: '2026-10-05' } },
  ],
  type: [
    { coding: [{ system: TEAM_TYPES, code: 'IPSW', display: 'Integrated wellbeing service' }, { system: SNOMED, code: '310000008', display: 'Community service' }], text: 'Integrated wellbeing' },
    { text: 'Respiratory' },
  ],
  // In the source's order, not rank order: frailty is the secondary diagnosis, COPD the main one.
  diagnosis: [
    { condition: { reference: 'Condition/cond-frailty' }, role: { coding: [{ system: DIAGNOSIS_ROLE, code: 'CM', display: 'Comorbidity diagnosis' }] }, rank: 2 },
    { condition: { display: 'Lives alone, struggling with stairs' } },
    { condition: { reference: 'https://trust.example/fhir/Condition/cond-copd' }, role: { coding: [{ system: DIAGNOSIS_ROLE, code: 'CC', display: 'Chief complaint' }] }, rank: 1 },
  ],
  patient: NHS,
  managingOrganization: organisationReference('RT2', 'Pennine Care NHS Foundation Trust'),
  period: { start: '2026-10-05' },
  referralRequest: [{ reference: 'urn:uuid:1f3b6f0a-42a7-4c55-9d1c-8b2a0e6c7d19' }, { display: 'Self-referral by telephone' }],
  careManager: { reference: 'urn:uuid:7d6a9d1e-5b62-4d2b-9a1e-2f0c3b4d5e61' },
  team: [{ reference: 'CareTeam/ct-ipsw' }, { display: 'Bury Respiratory Team' }],
};

const feeds = {
  'mental-health': { ...feedMapping(mentalHealthFeed), panel: 'mentalHealthEpisodes' },
  community: { ...feedMapping(communityFeed), panel: 'communityEpisodes' },
  'social-care': { ...feedMapping(socialCareFeed), panel: 'socialCareCases' },
};
const { map } = feeds.community;

describe('EpisodeOfCare: the fixtures are valid FHIR R4', () => {
  it('a batch of the episode and what it references passes the validator; the supporting resources are not errors', () => {
    const org: FeedingOrganisation = { odsCode: 'NR5', name: 'Bury Community Services', kind: 'community-provider', sharingStatus: 'active', sourceSystem: 'SystmOne' };
    const prepared = prepareBundle(sliceFeedTarget('community', communityFeed, null as never), { resourceType: 'Bundle', type: 'batch', entry: [...BUNDLE, { resource: episode }] }, org);
    expect(prepared.issues).toEqual([]);
    // The Conditions and the referral are the slice's own items; the episode is kept beside them.
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.resourceType).sort()).toEqual(['Condition', 'Condition', 'EpisodeOfCare', 'ServiceRequest']);
  });
});

describe.each(Object.entries(feeds))('%s feed: EpisodeOfCare through the catalogue', (_name, feed) => {
  it('keeps the episode whole: status history, every type coding, teams and the care manager resolved, the managing organisation', () => {
    const mapped = feed.map(episode, BUNDLE)!;
    expect(mapped.panel).toBe(feed.panel);
    expect(mapped.fields).toMatchObject({
      status: 'active',
      current: true,
      start: '2026-10-05',
      end: null,
      statusHistory: [
        { status: 'waitlist', start: '2026-09-28', end: '2026-10-05' },
        { status: 'active', start: '2026-10-05', end: null },
      ],
      team: 'Integrated Physical and Social Wellbeing Team',
      teams: ['Integrated Physical and Social Wellbeing Team', 'Bury Respiratory Team'],
      service: 'Integrated wellbeing',
      caseType: 'Integrated wellbeing',
      careCoordinator: 'Mr Yusuf Ahmed',
      leadClinician: 'Mr Yusuf Ahmed',
      worker: 'Mr Yusuf Ahmed',
      workerRole: null,
      managingOrganisation: 'Pennine Care NHS Foundation Trust',
      cpaStatus: null,
    });
    expect(mapped.fields.types).toEqual([
      {
        system: SNOMED,
        code: '310000008',
        display: 'Community service',
        coding: [
          { system: TEAM_TYPES, code: 'IPSW', display: 'Integrated wellbeing service' },
          { system: SNOMED, code: '310000008', display: 'Community service' },
        ],
        text: 'Integrated wellbeing',
      },
      { system: 'text', code: '', display: 'Respiratory', coding: [], text: 'Respiratory' },
    ]);
    expect(mapped.fields.type).toEqual(mapped.fields.types);
  });

  it('diagnoses in rank order (main first, unranked last), each condition resolved from the bundle or read from its display, with its role', () => {
    expect(feed.map(episode, BUNDLE)!.fields.diagnoses).toEqual([
      {
        condition: { system: SNOMED, code: '13645005', display: 'Chronic obstructive lung disease', coding: [{ system: SNOMED, code: '13645005', display: 'Chronic obstructive lung disease' }], text: 'COPD' },
        role: expect.objectContaining({ system: DIAGNOSIS_ROLE, code: 'CC', display: 'Chief complaint' }),
        rank: 1,
      },
      { condition: expect.objectContaining({ code: '248279007', display: 'Frailty' }), role: expect.objectContaining({ code: 'CM' }), rank: 2 },
      { condition: { system: 'text', code: '', display: 'Lives alone, struggling with stairs', coding: [], text: 'Lives alone, struggling with stairs' }, role: null, rank: null },
    ]);
  });

  it('the referral resolved to the ServiceRequest in the bundle (code, reasons resolved, requester, when, priority); one not in the bundle by what its reference says', () => {
    const fields = feed.map(episode, BUNDLE)!.fields;
    expect(fields.referrals).toEqual([
      {
        description: 'Referral to the wellbeing team',
        code: expect.objectContaining({ code: '306206005', text: 'Referral to the wellbeing team' }),
        reasons: [expect.objectContaining({ code: '248279007', display: 'Frailty' })],
        requester: 'Dr H Patel, Fairfield Surgery',
        authoredOn: '2026-09-28',
        priority: 'asap',
      },
      { description: 'Self-referral by telephone', code: null, reasons: [], requester: null, authoredOn: null, priority: null },
    ]);
    // Why referred: the main diagnosis by rank, not the first one listed.
    expect(fields.referralReason).toBe('COPD');
    // Without diagnoses, the first referral's reason.
    expect(feed.map({ ...episode, diagnosis: undefined }, BUNDLE)!.fields.referralReason).toBe('Frailty');
  });

  it.each([
    ['active', undefined, true],
    ['onhold', undefined, true],
    ['planned', undefined, false],
    ['waitlist', undefined, false],
    ['finished', '2026-11-01', false],
    ['cancelled', '2026-10-06', false],
    ['active', '2026-10-31', false],
    ['onhold', '2026-11', false],
    ['active', '2999-01-01', true],
  ] as const)('status %s, period ending %s: current %s', (status, end, current) => {
    expect(feed.map({ ...episode, status, period: { start: '2026-10-05', end } }, BUNDLE)!.fields).toMatchObject({ status, current, end: end ?? null });
  });

  it('refuses a status outside episode-of-care-status, a statusHistory status outside it, a date that is not a FHIR date and a referral priority outside request-priority, naming the element', () => {
    expect(feed.problemOf({ ...episode, status: 'open' as never }, BUNDLE).path).toBe('EpisodeOfCare.status');
    expect(feed.problemOf({ ...episode, status: undefined as never }, BUNDLE).path).toBe('EpisodeOfCare.status');
    expect(feed.problemOf({ ...episode, statusHistory: [{ status: 'closed' as never, period: { start: '2026-01-01' } }] }, BUNDLE).path).toBe('EpisodeOfCare.statusHistory[0].status');
    expect(feed.problemOf({ ...episode, period: { start: '05/10/2026' } }, BUNDLE).path).toBe('EpisodeOfCare.period.start');
    const urgentish = [{ ...BUNDLE[4], resource: { ...referral, priority: 'soon' as never } }];
    expect(feed.problemOf(episode, urgentish).path).toBe('EpisodeOfCare.referralRequest[0] -> ServiceRequest.priority');
  });
});

describe('EpisodeOfCare: the care manager, from the reference or the resource it names', () => {
  it('a display "<name>, <role>" is split: the role is kept apart (social care reads it as workerRole); the lead clinician is the display as sent', () => {
    const fields = map({ ...episode, careManager: { display: 'Priya Desai, Senior Social Worker' } }, BUNDLE)!.fields;
    expect(fields).toMatchObject({ worker: 'Priya Desai', workerRole: 'Senior Social Worker', careCoordinator: 'Priya Desai', leadClinician: 'Priya Desai, Senior Social Worker' });
  });

  it('a trailing team name is not taken for part of the name', () => {
    const fields = map({ ...episode, careManager: { display: 'Sam Okafor, Care Co-ordinator, Integrated Physical and Social Wellbeing Team' } }, BUNDLE)!.fields;
    expect(fields).toMatchObject({ careCoordinator: 'Sam Okafor', workerRole: 'Care Co-ordinator' });
  });

  it('a contained PractitionerRole names the practitioner and the role; a reference that resolves to nothing and has no display names no one', () => {
    const role: fhir4.PractitionerRole = { resourceType: 'PractitionerRole', id: 'role', practitioner: { display: 'Nurse Kath Byrne' }, code: [{ text: 'District nurse' }] };
    expect(map({ ...episode, contained: [role], careManager: { reference: '#role' } })!.fields.leadClinician).toBe('Nurse Kath Byrne (District nurse)');
    expect(map({ ...episode, careManager: { reference: 'Practitioner/not-sent' } })!.fields).toMatchObject({ leadClinician: null, careCoordinator: null, worker: null, workerRole: null });
  });
});

describe('EpisodeOfCare: CPA status and the service, from the types', () => {
  it('a type that says CPA (its text, code or display) gives the CPA status, never the service; non-CPA is told apart', () => {
    const cpaFirst = map({ ...episode, type: [{ coding: [{ system: TEAM_TYPES, code: 'CPA', display: 'Care Programme Approach' }] }, ...episode.type!] }, BUNDLE)!.fields;
    expect(cpaFirst).toMatchObject({ cpaStatus: 'CPA', service: 'Integrated wellbeing' });
    expect(map({ ...episode, type: [{ text: 'Non-CPA' }] })!.fields).toMatchObject({ cpaStatus: 'non-CPA', service: null });
    expect(map({ ...episode, type: [{ text: 'CPA review clinic' }] })!.fields.cpaStatus).toBeNull();
  });

  it('a type named as the team is not the service', () => {
    expect(map({ ...episode, type: [{ text: 'Integrated Physical and Social Wellbeing Team' }, { text: 'Respiratory' }] }, BUNDLE)!.fields.service).toBe('Respiratory');
  });
});

describe('EpisodeOfCare: period.start, required only where a slice says why', () => {
  const bare: fhir4.EpisodeOfCare = { resourceType: 'EpisodeOfCare', id: 'bare', meta: META, status: 'planned', patient: NHS };

  it('the catalogue keeps an episode without a period (optional in FHIR R4), as community does', () => {
    expect(map(bare)!.fields).toMatchObject({ start: null, end: null, current: false, types: [], teams: [], diagnoses: [], referrals: [], service: null, team: null });
  });

  it('mental health and social care refuse it, naming EpisodeOfCare.period.start and saying why', () => {
    expect(feeds['mental-health'].problemOf(bare)).toMatchObject({ path: 'EpisodeOfCare.period.start', message: expect.stringContaining('since when the patient is in this care') });
    expect(feeds['social-care'].problemOf({ ...bare, period: { end: '2026-01-01' } })).toMatchObject({ path: 'EpisodeOfCare.period.start', message: expect.stringContaining('since when the case is open') });
    const mapping = episodeOfCareMapping('episodes', { startRequiredBecause: 'it says since when' });
    expect(() => mapping(bare, { resolve: () => null })).toThrow('EpisodeOfCare.period.start is required: it says since when');
  });

  it('mental health names its service as the team when no team is named (its own addition); the catalogue leaves the team empty', () => {
    const noTeam = { ...episode, team: undefined };
    expect(feeds['mental-health'].map(noTeam, BUNDLE)!.fields.team).toBe('Integrated wellbeing');
    expect(feeds.community.map(noTeam, BUNDLE)!.fields.team).toBeNull();
  });
});
