import { slicesHolding } from '../support/slicesHolding';
/// <reference types="fhir" />
import { buildSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { periodEnded } from '../../subgraphs/kit/src/ingest/fhirStatuses';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { commonResolvers } from '../../subgraphs/kit/src/slice/commonResolvers';
import { faultOf } from '../../subgraphs/kit/src/slice/unreadableItems';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { mentalHealthResolvers } from '../../subgraphs/mental-health/src/resolvers';
import { loadSubgraphSdl } from '../../schema/src/sdl';
import { feedMapping, META, NHS, organisationReference } from '../support/feedMapping';
import { generateFeeds } from '../../tools/src/synthetic';

/**
 * The mental health trust's feed mapping, pure. Fixtures written from the FHIR R4 definitions of
 * EpisodeOfCare, CarePlan, RiskAssessment and Flag, and the UK Core profiles (SNOMED CT codings,
 * references to Practitioner and CareTeam sent in the same bundle), not from our generator.
 */

const SNOMED = 'http://snomed.info/sct';
/** A trust's own code system (FHIR allows any beside SNOMED CT). */
const LOCAL_SERVICES = 'https://fhir.penninecare.example/CodeSystem/services';
const LEGACY_SERVICES = 'https://fhir.penninecare.example/CodeSystem/legacy-services';
const TRUST = organisationReference('RT2', 'Pennine Care NHS Foundation Trust');
const CRISIS_PLAN = { system: SNOMED, code: '736253002', display: 'Mental health crisis plan' };
const { map, problemOf } = feedMapping(mentalHealthFeed);

const coordinator: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'pr-okafor', name: [{ use: 'official', family: 'Okafor', given: ['Sam'] }] };
const careTeam: fhir4.CareTeam = { resourceType: 'CareTeam', id: 'ct-bury-north', name: 'Bury North Community Mental Health Team' };
const supporting = [
  { fullUrl: 'urn:uuid:4b1c3c52-1f9e-4b0e-9d36-9f1a8e2c6a01', resource: coordinator },
  { resource: careTeam },
];

const episode: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'ep-1',
  meta: META,
  status: 'active',
  statusHistory: [
    { status: 'waitlist', period: { start: '2024-01-10', end: '2024-02-01' } },
    { status: 'active', period: { start: '2024-02-01' } },
  ],
  type: [
    { coding: [{ system: LOCAL_SERVICES, code: 'CMHT', display: 'Community mental health team service' }, { system: LEGACY_SERVICES, code: 'C1', display: 'CMHT (old system)' }], text: 'Community mental health team' },
    { text: 'CPA' },
  ],
  patient: NHS,
  managingOrganization: TRUST,
  period: { start: '2024-02' },
  careManager: { reference: 'urn:uuid:4b1c3c52-1f9e-4b0e-9d36-9f1a8e2c6a01' },
  team: [{ reference: 'CareTeam/ct-bury-north' }],
};

const crisisPlan: fhir4.CarePlan = {
  resourceType: 'CarePlan',
  id: 'cp-1',
  meta: META,
  status: 'active',
  intent: 'plan',
  category: [{ coding: [{ system: SNOMED, code: '736253002', display: 'Mental health crisis plan' }], text: 'Staying well plan' }],
  title: 'Staying well plan',
  subject: NHS,
  created: '2025-01-15T11:00:00+00:00',
  period: { start: '2025-01-15' },
  author: { reference: 'urn:uuid:4b1c3c52-1f9e-4b0e-9d36-9f1a8e2c6a01' },
  activity: [{ detail: { status: 'in-progress', code: { coding: [{ system: LOCAL_SERVICES, code: 'PHONE-WEEKLY', display: 'Weekly phone contact' }] }, description: 'Weekly phone call from care coordinator' } }],
  note: [
    { text: 'Triggers: anniversaries of bereavement' },
    { text: 'Early warning signs: poor sleep, withdrawing from family' },
    { text: 'What helps: talking to her sister; walking the dog' },
    { text: 'Contacts: Crisis team 0161 000 0000' },
  ],
};

const flag = (id: string, code: fhir4.CodeableConcept, more: Partial<fhir4.Flag> = {}): fhir4.Flag => ({
  resourceType: 'Flag',
  id,
  meta: META,
  status: 'active',
  code,
  subject: NHS,
  period: { start: '2025-02-01' },
  author: TRUST,
  ...more,
});

describe('mental health: the fixtures are valid FHIR R4 and every one is accepted', () => {
  it('a batch of the episode, crisis plan and flags with their supporting resources: no issue, every clinical entry prepared', () => {
    const resources = [episode, crisisPlan, flag('f-ok', { coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }] }), flag('f-text', { text: 'Dog at property' })];
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...supporting, ...resources.map((resource) => ({ resource }))] }, MH_TRUST);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat()).toHaveLength(resources.length);
  });
});

describe('mental health: EpisodeOfCare', () => {
  it('keeps the episode whole: every type coding, status history, the coordinator and team resolved from their references, CPA', () => {
    const mapped = map(episode, supporting)!;
    expect(mapped.panel).toBe('mentalHealthEpisodes');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      current: true,
      start: '2024-02',
      end: null,
      statusHistory: [
        { status: 'waitlist', start: '2024-01-10', end: '2024-02-01' },
        { status: 'active', start: '2024-02-01', end: null },
      ],
      team: 'Bury North Community Mental Health Team',
      teams: ['Bury North Community Mental Health Team'],
      service: 'Community mental health team',
      careCoordinator: 'Sam Okafor',
      cpaStatus: 'CPA',
      managingOrganisation: 'Pennine Care NHS Foundation Trust',
    });
    expect((mapped.fields.types as any[])[0]).toEqual({
      system: LOCAL_SERVICES,
      code: 'CMHT',
      display: 'Community mental health team service',
      coding: [
        { system: LOCAL_SERVICES, code: 'CMHT', display: 'Community mental health team service' },
        { system: LEGACY_SERVICES, code: 'C1', display: 'CMHT (old system)' },
      ],
      text: 'Community mental health team',
    });
    expect((mapped.fields.types as any[]).map((t) => t.text ?? t.display)).toEqual(['Community mental health team', 'CPA']);
    expect(map({ ...episode, type: [{ text: 'non-CPA' }] })!.fields.cpaStatus).toBe('non-CPA');
  });

  it.each([
    ['active', undefined, true],
    ['onhold', undefined, true],
    ['finished', '2025-01-31', false],
    ['planned', undefined, false],
    ['waitlist', undefined, false],
    ['cancelled', undefined, false],
    ['active', '2020-03-01', false],
  ] as const)('status %s (ended %s): current %s', (status, end, current) => {
    expect(map({ ...episode, status, period: { start: '2019', end } })!.fields).toMatchObject({ status, current, start: '2019', end: end ?? null });
  });

  it('entered-in-error is a delete (the kit), never stored as another version', () => {
    expect(retracts({ ...episode, status: 'entered-in-error' })).toBe('delete');
  });

  it('refuses an episode without its start or with a status outside the value set, naming the element', () => {
    expect(problemOf({ ...episode, period: undefined }).path).toBe('EpisodeOfCare.period.start');
    expect(problemOf({ ...episode, status: 'open' as never }).path).toBe('EpisodeOfCare.status');
    expect(problemOf({ ...episode, period: { start: '2024-13-45' } }).path).toBe('EpisodeOfCare.period.start');
  });
});

describe('mental health: ServiceRequest (a referral)', () => {
  const referral: fhir4.ServiceRequest = {
    resourceType: 'ServiceRequest',
    id: 'ref-1',
    meta: META,
    status: 'active',
    intent: 'order',
    priority: 'urgent',
    category: [{ coding: [{ system: SNOMED, code: '3457005', display: 'Patient referral' }] }],
    code: { coding: [{ system: LOCAL_SERVICES, code: 'HTT', display: 'Home treatment team' }], text: 'Home treatment team assessment' },
    reasonCode: [{ coding: [{ system: SNOMED, code: '35489007', display: 'Depressive disorder' }], text: 'Low mood with thoughts of self-harm' }],
    subject: NHS,
    authoredOn: '2025-03-01T16:45:00+00:00',
    requester: { display: 'Dr N Iqbal' },
    performer: [{ reference: 'CareTeam/ct-bury-north' }],
    note: [{ text: 'Please see within 72 hours.' }],
  };

  it('keeps the referral whole: priority, every coding of its code, category and reason, who referred and to whom', () => {
    const mapped = map(referral, supporting)!;
    expect(mapped.panel).toBe('mentalHealthReferrals');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      current: true,
      intent: 'order',
      priority: 'urgent',
      code: expect.objectContaining({ code: 'HTT', text: 'Home treatment team assessment' }),
      categories: [expect.objectContaining({ code: '3457005' })],
      reasons: [expect.objectContaining({ code: '35489007', text: 'Low mood with thoughts of self-harm' })],
      authoredOn: '2025-03-01T16:45:00+00:00',
      requester: 'Dr N Iqbal',
      performers: ['Bury North Community Mental Health Team'],
      notes: ['Please see within 72 hours.'],
    });
  });

  it.each([
    ['active', true],
    ['on-hold', true],
    ['completed', false],
    ['revoked', false],
    ['draft', false],
  ] as const)('status %s: current %s', (status, current) => {
    expect(map({ ...referral, status })!.fields).toMatchObject({ status, current });
  });

  it('entered-in-error is a delete; a referral that says nothing of what it is for is refused', () => {
    expect(retracts({ ...referral, status: 'entered-in-error' })).toBe('delete');
    expect(problemOf({ ...referral, code: undefined, category: undefined, reasonCode: undefined }).path).toBe('ServiceRequest.code');
    expect(problemOf({ ...referral, priority: 'soon' as never }).path).toBe('ServiceRequest.priority');
  });
});

describe('mental health: CarePlan lands by its code', () => {
  it('a CarePlan coded 736253002 |Mental health crisis plan| is the crisis plan, though its title never says "crisis"', () => {
    const mapped = map(crisisPlan, supporting)!;
    expect(mapped.panel).toBe('crisisPlans');
    expect(mapped.fields).toMatchObject({
      title: 'Staying well plan',
      status: 'active',
      current: true,
      created: '2025-01-15T11:00:00+00:00',
      start: '2025-01-15',
      end: null,
      triggers: 'anniversaries of bereavement',
      earlyWarningSigns: 'poor sleep, withdrawing from family',
      whatHelps: 'talking to her sister; walking the dog',
      contacts: 'Crisis team 0161 000 0000',
      author: 'Sam Okafor',
      categories: [{ ...CRISIS_PLAN, coding: [CRISIS_PLAN], text: 'Staying well plan' }],
      activities: [{ description: 'Weekly phone call from care coordinator', status: 'in-progress', code: expect.objectContaining({ code: 'PHONE-WEEKLY' }) }],
    });
  });

  it('a plan titled "Crisis plan" without the code is a care plan: kept and shown, not taken for the crisis plan', () => {
    const mapped = map({ ...crisisPlan, title: 'Crisis plan', category: [{ text: 'Crisis plan' }] })!;
    expect(mapped.panel).toBe('mentalHealthCarePlans');
    expect(mapped.fields).toMatchObject({ title: 'Crisis plan', status: 'active', current: true, notes: expect.arrayContaining(['Triggers: anniversaries of bereavement']) });
  });

  it("a crisis plan's activity the source marked entered in error is left out (H94, as the catalogue's care plans)", () => {
    const mapped = map({ ...crisisPlan, activity: [...crisisPlan.activity!, { detail: { status: 'entered-in-error', description: 'Depot injection (wrong patient)' } }] })!;
    expect((mapped.fields.activities as Array<{ description: string }>).map((a) => a.description)).toEqual(['Weekly phone call from care coordinator']);
  });

  it("any other care plan is the catalogue's care plan (the kit's mapping): its description, intent, care teams and notes", () => {
    const mapped = map({ ...crisisPlan, description: 'Weekly contact with the care coordinator', category: [{ coding: [{ system: SNOMED, code: '734163000', display: 'Care plan' }] }] })!;
    expect(mapped.panel).toBe('mentalHealthCarePlans');
    expect(mapped.fields).toMatchObject({ title: 'Staying well plan', description: 'Weekly contact with the care coordinator', intent: 'plan', careTeams: [], start: '2025-01-15', created: '2025-01-15T11:00:00+00:00' });
    expect(mapped.fields).not.toHaveProperty('summary');
  });

  it('any other care plan is kept in the care plans panel, never refused', () => {
    const mapped = map({ ...crisisPlan, title: undefined, category: [{ coding: [{ system: SNOMED, code: '734163000', display: 'Care plan' }] }] })!;
    expect(mapped.panel).toBe('mentalHealthCarePlans');
    expect(mapped.fields.title).toBe('Care plan');
  });

  it.each([
    ['active', true],
    ['on-hold', true],
    ['completed', false],
    ['revoked', false],
    ['draft', false],
    ['unknown', false],
  ] as const)('status %s: current %s', (status, current) => {
    expect(map({ ...crisisPlan, status })!.fields).toMatchObject({ status, current });
  });

  it('an active plan whose period has ended is not current', () => {
    expect(map({ ...crisisPlan, period: { start: '2023-01', end: '2023-06' } })!.fields).toMatchObject({ current: false, start: '2023-01', end: '2023-06' });
  });

  it('entered-in-error is a delete', () => {
    expect(retracts({ ...crisisPlan, status: 'entered-in-error' })).toBe('delete');
  });

  it('refuses a plan with neither created nor a period start', () => {
    expect(problemOf({ ...crisisPlan, created: undefined, period: undefined }).path).toBe('CarePlan.created');
  });
});

describe('mental health: RiskAssessment', () => {
  const assessment: fhir4.RiskAssessment = {
    resourceType: 'RiskAssessment',
    id: 'risk-1',
    meta: { ...META, security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
    status: 'final',
    subject: NHS,
    occurrenceDateTime: '2025-03-02T10:00:00-05:00',
    code: { coding: [{ system: SNOMED, code: '225338004', display: 'Risk assessment' }] },
    performer: { reference: 'Practitioner/pr-okafor' },
    prediction: [
      {
        outcome: { coding: [{ system: SNOMED, code: '248062006', display: 'Self-injurious behaviour' }], text: 'Self-harm' },
        qualitativeRisk: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: 'moderate', display: 'Moderate likelihood' }] },
        rationale: 'History of overdose when low in mood.',
      },
      { outcome: { text: 'Harm to others' }, probabilityDecimal: 0.05 },
    ],
    mitigation: 'Weekly contact; crisis plan shared.',
    note: [{ text: 'Moderate risk of self-harm at times of low mood.' }],
  };

  it('keeps every prediction with its coded outcome, grade and probability; the date with its offset', () => {
    const mapped = map(assessment, [{ resource: coordinator }])!;
    expect(mapped.panel).toBe('riskSummaries');
    expect(mapped.fields).toMatchObject({
      kind: 'assessment',
      status: 'final',
      current: true,
      date: '2025-03-02T10:00:00-05:00',
      summary: 'Moderate risk of self-harm at times of low mood.',
      level: 'moderate',
      riskOf: 'Self-injurious behaviour',
      mitigation: 'Weekly contact; crisis plan shared.',
      assessedBy: 'Sam Okafor',
      code: expect.objectContaining({ code: '225338004' }),
    });
    expect(mapped.fields.predictions).toEqual([
      expect.objectContaining({ outcome: expect.objectContaining({ code: '248062006', text: 'Self-harm' }), qualitativeRisk: expect.objectContaining({ code: 'moderate' }), probability: null }),
      expect.objectContaining({ outcome: expect.objectContaining({ system: 'text', text: 'Harm to others' }), qualitativeRisk: null, probability: 0.05 }),
    ]);
  });

  it.each([
    ['final', true],
    ['amended', true],
    ['preliminary', true],
    ['cancelled', false],
    ['unknown', false],
  ] as const)('status %s: current %s', (status, current) => {
    expect(map({ ...assessment, status })!.fields).toMatchObject({ status, current });
  });

  it('an assessment without an occurrence is kept (occurrence[x] is optional in R4)', () => {
    expect(map({ ...assessment, occurrenceDateTime: undefined })!.fields.date).toBeNull();
  });

  it('refuses an assessment with nothing to show', () => {
    expect(problemOf({ resourceType: 'RiskAssessment', id: 'r', status: 'final', subject: NHS }).path).toBe('RiskAssessment.prediction');
  });
});

describe('mental health: a Flag lands by its codes', () => {
  it('coded 225444004 |At risk for suicide| it is a mental-health risk alert, not a risk summary (H173), every coding kept', () => {
    const code = { coding: [{ system: 'https://example.org/local-flags', code: 'SR1', display: 'Suicide risk' }, { system: SNOMED, code: '225444004', display: 'At risk for suicide' }], text: 'Suicide risk: see crisis plan' };
    const mapped = map(flag('f-risk', code))!;
    expect(mapped.panel).toBe('mentalHealthRiskAlerts');
    expect(mapped.fields).toMatchObject({ status: 'active', current: true, start: '2025-02-01', end: null, description: 'Suicide risk: see crisis plan', code: expect.objectContaining({ system: SNOMED, code: '225444004' }) });
    expect(mapped.fields).not.toHaveProperty('kind');
    expect((mapped.fields.code as any).coding).toEqual([
      { system: 'https://example.org/local-flags', code: 'SR1', display: 'Suicide risk' },
      { system: SNOMED, code: '225444004', display: 'At risk for suicide' },
    ]);
  });

  it('coded as child protection (CP-IS category, 224353004) it is a safeguarding alert', () => {
    const mapped = map(
      flag('f-cp', { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }] }, {
        category: [{ coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] }],
      }),
    )!;
    expect(mapped.panel).toBe('mentalHealthSafeguardingAlerts');
    expect(mapped.fields).toMatchObject({ status: 'active', current: true, description: 'Child protection finding', author: 'Pennine Care NHS Foundation Trust' });
    expect((mapped.fields.categories as any[])[0].code).toBe('CP-IS');
  });

  it('a CP-IS category alone makes it safeguarding, whatever the code', () => {
    const mapped = map(flag('f-cp2', { text: 'Child protection plan' }, { category: [{ coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS' }] }] }))!;
    expect(mapped.panel).toBe('mentalHealthSafeguardingAlerts');
  });

  it('uncoded, it is a general alert, even when its text says safeguarding or risk: never dropped, never filed by its words', () => {
    expect(map(flag('f-dog', { text: 'Dog at property: visit in pairs' }))!.panel).toBe('mentalHealthAlerts');
    expect(map(flag('f-words', { text: 'Safeguarding concern: suicide risk' }))!.panel).toBe('mentalHealthAlerts');
    const mapped = map(flag('f-local', { coding: [{ system: 'https://example.org/local-flags', code: 'KEYSAFE', display: 'Key safe' }] }))!;
    expect(mapped.panel).toBe('mentalHealthAlerts');
    expect(mapped.fields).toMatchObject({ description: 'Key safe', status: 'active', current: true, start: '2025-02-01' });
  });

  it('inactive, or active with an ended period, is not current', () => {
    expect(map(flag('f1', { text: 'x' }, { status: 'inactive' }))!.fields.current).toBe(false);
    expect(map(flag('f2', { text: 'x' }, { period: { start: '2024', end: '2024-06' } }))!.fields).toMatchObject({ current: false, start: '2024', end: '2024-06' });
  });

  it('a flag without a period is kept (Flag.period is optional in R4)', () => {
    expect(map(flag('f3', { text: 'x' }, { period: undefined }))!.fields).toMatchObject({ start: null, end: null, current: true });
  });

  it('entered-in-error is a delete, whatever its code', () => {
    expect(retracts(flag('f4', { coding: [{ system: SNOMED, code: '225444004' }] }, { status: 'entered-in-error' }))).toBe('delete');
  });

  it('refuses a flag without a code, naming Flag.code', () => {
    expect(problemOf(flag('f5', undefined as never)).path).toBe('Flag.code');
    expect(problemOf(flag('f6', { text: 'x' }, { status: 'open' as never })).path).toBe('Flag.status');
  });
});

describe('a period has ended (read at the time of asking, partial dates to their end)', () => {
  const at = Date.parse('2026-06-15T12:00:00Z');
  it.each([
    ['2026', false],
    ['2025', true],
    ['2026-06', false],
    ['2026-05', true],
    ['2026-06-15', false],
    ['2026-06-14', true],
    ['2026-06-15T11:00:00Z', true],
    ['2026-06-15T08:00:00-05:00', false],
    [null, false],
  ])('%s: %s', (end, ended) => expect(periodEnded(end, at)).toBe(ended));
});

describe('mental health: what the resolvers serve', () => {
  const schema: GraphQLSchema = buildSchema(`type Query { _unused: String }\n${loadSubgraphSdl('mental-health').replace(/^extend schema.*$/m, '').replace(/@key\([^)]*\)|@shareable/g, '')}`);
  const common = commonResolvers(parse(loadSubgraphSdl('mental-health'))) as Record<string, any>;
  for (const [name, resolve] of Object.entries(common.CodeableConcept)) (schema.getType('CodeableConcept') as any).getFields()[name].resolve = resolve;
  // FHIR codes as the subgraph maps them (in_progress is FHIR's in-progress).
  for (const name of ['CarePlanStatus', 'CarePlanActivityStatus']) {
    for (const value of (schema.getType(name) as any).getValues()) value.value = common[name][value.name];
  }
  const provenance = { odsCode: 'RT2', organisationName: 'Pennine Care', system: 'RiO', sourceId: 'x', version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' };
  const parent = { nhsNumber: '9434765919' };
  const contextWith = (panels: Record<string, unknown[]>) => ({ slices: slicesHolding(panels) }) as unknown as SubgraphContext;
  const P = mentalHealthResolvers.Patient as Record<string, (...args: any[]) => Promise<any>>;

  // The shapes the earlier mapping wrote: statuses as text, no `current`, no codings.
  const before = {
    mentalHealthEpisodes: [
      { id: 'RT2/EpisodeOfCare/old', status: 'finished', start: '2019-05-01', end: '2020-01-01', team: 'Older adults team', service: null, careCoordinator: 'A Jones', cpaStatus: 'CPA', provenance },
      { id: 'RT2/EpisodeOfCare/now', status: 'active', start: '2024-02-01', end: null, team: 'Bury North CMHT', service: null, careCoordinator: 'Sam Okafor', cpaStatus: 'non-CPA', provenance },
    ],
    crisisPlans: [
      { id: 'RT2/CarePlan/cp', title: 'Crisis plan', status: 'active', created: '2025-01-15T11:00:00Z', summary: null, triggers: 'x', earlyWarningSigns: null, whatHelps: null, contacts: null, author: null, activities: [{ description: 'Weekly phone call', code: null, status: 'in-progress' }], provenance },
    ],
    // Before the trust's other plans went through the catalogue's mapping: `summary`, no intent, activities without performers.
    mentalHealthCarePlans: [
      { id: 'RT2/CarePlan/p', title: 'CPA care plan', status: 'active', categories: [], created: '2024-06-01', start: null, end: null, summary: 'Weekly contact', notes: [], author: null, activities: [{ description: 'Weekly phone call', code: null, status: 'in-progress' }], provenance },
    ],
    riskSummaries: [
      { id: 'RT2/Flag/f', status: 'inactive', date: '2025-04-01', summary: 'Risk to others', level: null, riskOf: null, mitigation: null, assessedBy: null, provenance },
      { id: 'RT2/RiskAssessment/r', status: 'final', date: '2025-03-02T10:00:00Z', summary: 'Moderate risk', level: 'moderate', riskOf: 'Self-harm', mitigation: null, assessedBy: 'Dr R Shah', provenance },
    ],
  };

  it.each([
    ['mentalHealthEpisodes', 'MentalHealthEpisode'],
    ['crisisPlans', 'CrisisPlan'],
    ['mentalHealthCarePlans', 'CarePlan'],
    ['riskSummaries', 'RiskSummary'],
    ['mentalHealthRiskAlerts', 'Alert'],
  ])('%s stored under the earlier mapping stay readable', async (field, typeName) => {
    const items = await P[field](parent, {}, contextWith(before));
    const type = schema.getType(typeName);
    expect(isObjectType(type)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((item: any) => faultOf(item, type as never, typeName))).toEqual(items.map(() => null));
  });

  it("a care plan stored before is served as the catalogue's CarePlan: its summary as the description, begun when written, intent not known", async () => {
    const [plan] = await P.mentalHealthCarePlans(parent, {}, contextWith(before));
    expect(plan).toMatchObject({ description: 'Weekly contact', start: '2024-06-01', intent: null, current: true, activities: [expect.objectContaining({ description: 'Weekly phone call', performers: [] })] });
  });

  it('older items say the safe thing: a finished episode is history, the open one current and first; an inactive flag is not current', async () => {
    const context = contextWith(before);
    const episodes = await P.mentalHealthEpisodes(parent, {}, context);
    expect(episodes.map((e: any) => [e.id, e.current])).toEqual([['RT2/EpisodeOfCare/now', true], ['RT2/EpisodeOfCare/old', false]]);
    // A flag stored as a risk summary before H173 is a risk alert now: never listed twice, never dropped.
    const risks = await P.riskSummaries(parent, {}, context);
    expect(risks.map((r: any) => [r.id, r.kind, r.current])).toEqual([['RT2/RiskAssessment/r', 'assessment', true]]);
    const riskAlerts = await P.mentalHealthRiskAlerts(parent, {}, context);
    expect(riskAlerts.map((r: any) => [r.id, r.description, r.start, r.current])).toEqual([['RT2/Flag/f', 'Risk to others', '2025-04-01', false]]);
    expect((await P.careCoordinator(parent, {}, context)).name).toBe('Sam Okafor');
    expect((await P.riskSummary(parent, {}, context)).id).toBe('RT2/RiskAssessment/r');
  });

  it('a risk flag stored as a risk summary (kind flag, with its code) and one filed as a risk alert are both risk alerts, in force first; the risk summary is the assessment', async () => {
    const stored = { id: 'RT2/Flag/stored', kind: 'flag', status: 'active', date: '2024-06-01', end: null, code: { system: SNOMED, code: '225444004', display: 'At risk for suicide', coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }], text: 'Suicide risk' }, method: null, summary: 'Suicide risk', level: null, riskOf: 'At risk for suicide', predictions: [], mitigation: null, assessedBy: 'Sam Okafor', provenance };
    const filed = { id: 'RT2/Flag/filed', code: { system: SNOMED, code: '129709009', display: 'At risk of violence', coding: [], text: null }, description: 'At risk of violence', categories: [], status: 'inactive', start: '2025-05-01', end: '2025-06-01', author: null, provenance };
    const context = contextWith({ riskSummaries: [stored, before.riskSummaries[1]], mentalHealthRiskAlerts: [filed] });
    expect((await P.mentalHealthRiskAlerts(parent, {}, context)).map((a: any) => [a.id, a.current, a.author, a.code.code])).toEqual([
      ['RT2/Flag/stored', true, 'Sam Okafor', '225444004'],
      ['RT2/Flag/filed', false, null, '129709009'],
    ]);
    expect((await P.riskSummaries(parent, {}, context)).map((r: any) => r.id)).toEqual(['RT2/RiskAssessment/r']);
    expect((await P.riskSummary(parent, {}, context)).id).toBe('RT2/RiskAssessment/r');
  });

  it('no care coordinator or CPA status from a closed episode', async () => {
    const context = contextWith({ mentalHealthEpisodes: [before.mentalHealthEpisodes[0], { ...before.mentalHealthEpisodes[1], end: '2025-01-31' }] });
    expect(await P.careCoordinator(parent, {}, context)).toBeNull();
    expect(await P.careProgrammeStatus(parent, {}, context)).toBeNull();
  });

  it('current first, then by instant: 23:30-05:00 is after 01:00Z the next day; an episode still "active" past its end is history', async () => {
    const context = contextWith({
      mentalHealthEpisodes: [
        { ...before.mentalHealthEpisodes[1], id: 'a', start: '2024-03-01T01:00:00Z', current: true },
        { ...before.mentalHealthEpisodes[1], id: 'b', start: '2024-02-29T23:30:00-05:00', current: true },
        { ...before.mentalHealthEpisodes[1], id: 'c', start: '2025-01-01', end: '2025-06-30', current: true },
      ],
    });
    const episodes = await P.mentalHealthEpisodes(parent, {}, context);
    expect(episodes.map((e: any) => [e.id, e.current])).toEqual([['b', true], ['a', true], ['c', false]]);
  });
});

const MH_TRUST: FeedingOrganisation = { odsCode: 'RT2', name: 'Pennine Care NHS Foundation Trust', kind: 'mental-health-trust', sharingStatus: 'active', sourceSystem: 'RiO' };
const target = sliceFeedTarget('mental-health', mentalHealthFeed, null as never);

/** How the kit takes the resource in a batch: 'delete' for a retraction. */
function retracts(resource: fhir4.FhirResource): string | undefined {
  const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [{ resource }] }, MH_TRUST);
  expect(prepared.issues).toEqual([]);
  return [...prepared.byPatient.values()].flat()[0]?.entry.method;
}

describe('mental health: the synthetic generator writes what the mapping accepts', () => {
  it('every mental health feed of 120 synthetic patients is accepted whole; crisis plans land by their code, high risks as risk alerts beside the assessments', () => {
    const feeds = [...generateFeeds({ patients: 120 })].filter((f) => f.target === 'mental-health');
    expect(feeds.length).toBeGreaterThan(5);
    const landed = new Map<string, number>();
    for (const feed of feeds) {
      const prepared = prepareBundle(target, feed.bundle, { ...MH_TRUST, odsCode: feed.odsCode });
      expect(prepared.issues).toEqual([]);
      for (const { prepared: p } of [...prepared.byPatient.values()].flat()) if ('item' in p) landed.set(p.panel, (landed.get(p.panel) ?? 0) + 1);
    }
    expect(landed.get('crisisPlans')).toBeGreaterThan(0);
    expect(landed.get('mentalHealthCarePlans')).toBeUndefined();
    expect(landed.get('riskSummaries')).toBeGreaterThan(0);
    expect(landed.get('mentalHealthRiskAlerts')).toBeGreaterThan(0);
  });
});
