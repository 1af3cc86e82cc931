import { slicesHolding } from '../support/slicesHolding';
/// <reference types="fhir" />
import { buildSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { commonResolvers } from '../../subgraphs/kit/src/slice/commonResolvers';
import { faultOf } from '../../subgraphs/kit/src/slice/unreadableItems';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { communityResolvers } from '../../subgraphs/community/src/resolvers';
import { loadSubgraphSdl } from '../../schema/src/sdl';
import { feedMapping, NHS } from '../support/feedMapping';
import { ACT_CODE, communityResources, ODS, SNOMED } from '../fixtures/community/fhirR4';

/**
 * The community slice (issue 11.3, 11.4, 11.6): EpisodeOfCare, Encounter and CarePlan kept whole
 * and read rightly. Fixtures (test/fixtures/community/fhirR4.ts) written from the FHIR R4 resource
 * definitions and UK Core, not from our generator.
 */

const { map, problemOf } = feedMapping(communityFeed);
const { supporting: SUPPORTING, episode, visit, carePlan } = communityResources(NHS);

describe('community: FHIR R4 resources are accepted as the definitions allow', () => {
  const COMMUNITY: FeedingOrganisation = { odsCode: 'NR5', name: 'Bury Community Services', kind: 'community-provider', sharingStatus: 'active', sourceSystem: 'SystmOne' };
  const target = sliceFeedTarget('community', communityFeed, null as never);

  it('the fixtures pass the FHIR R4 validator; supporting resources (Practitioner, CareTeam, Location) are information, not errors; the Condition is kept as a diagnosis, the ServiceRequest as a referral', () => {
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...SUPPORTING, { resource: episode }, { resource: visit }, { resource: carePlan }] }, COMMUNITY);
    expect(prepared.issues).toEqual([]);
    // The Condition the episode names is a community diagnosis in its own right, kept (the clinical catalogue, issue #18).
    // So is the referral the episode names: community services' referrals are held since they are catalogue types of the slice.
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.resourceType)).toEqual(['Condition', 'ServiceRequest', 'EpisodeOfCare', 'Encounter', 'CarePlan']);
  });

  it('entered-in-error is a delete: an episode, a visit or a care plan retracted by the source is removed, not shown', () => {
    const retracted = [
      { ...episode, status: 'entered-in-error' as const },
      { ...visit, status: 'entered-in-error' as const },
      { ...carePlan, status: 'entered-in-error' as const },
    ];
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: retracted.map((resource) => ({ resource })) }, COMMUNITY);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.method)).toEqual(['delete', 'delete', 'delete']);
  });

  it('an episode without type or period, a visit not yet timed and a plan without title, period or category are valid FHIR R4 and are kept', () => {
    expect(map({ ...episode, type: undefined, period: undefined })!.fields).toMatchObject({ service: null, type: [], start: null, current: true });
    expect(map({ ...visit, status: 'planned', period: undefined })!.fields).toMatchObject({ date: null, status: 'planned', current: false });
    expect(map({ ...carePlan, title: undefined, category: undefined, period: undefined, created: undefined })!.fields).toMatchObject({ title: null, start: null, categories: [] });
  });

  it('refuses what breaks a required binding, naming the FHIR path', () => {
    expect(problemOf({ ...episode, status: 'closed' as never }).path).toBe('EpisodeOfCare.status');
    expect(problemOf({ ...visit, status: 'done' as never }).path).toBe('Encounter.status');
    expect(problemOf({ ...carePlan, intent: 'wish' as never }).path).toBe('CarePlan.intent');
    expect(problemOf({ ...carePlan, activity: [{ detail: { status: 'maybe' as never } }] }).path).toBe('CarePlan.activity[0].detail.status');
    expect(problemOf({ ...episode, period: { start: '01/03/2025' } }).path).toBe('EpisodeOfCare.period.start');
  });
});

describe('community: an EpisodeOfCare kept whole', () => {
  it('every service type, diagnosis (the Condition resolved), referral (the ServiceRequest resolved), team and the care manager by name', () => {
    const mapped = map(episode, SUPPORTING)!;
    expect(mapped.panel).toBe('communityEpisodes');
    expect(mapped.fields).toMatchObject({
      service: 'District nursing',
      type: [{ system: SNOMED, code: '310428009', text: 'District nursing' }, { system: 'text', display: 'Tissue viability' }],
      status: 'active',
      current: true,
      start: '2025-03-01',
      end: null,
      team: 'Bury East District Nursing Team',
      teams: ['Bury East District Nursing Team', 'Bury Tissue Viability Service'],
      leadClinician: 'Nurse Kath Byrne',
      managingOrganisation: 'Bury Community Services',
      diagnoses: [
        { condition: { system: SNOMED, code: '95344007', text: 'Venous leg ulcer, left' }, role: { code: 'CC', display: 'Chief complaint' }, rank: 1 },
        { condition: { system: 'text', display: 'Type 2 diabetes mellitus' }, role: null, rank: 2 },
      ],
      referrals: [{ code: { code: '310428009' }, reasons: [{ code: '95344007', display: 'Venous ulcer of leg' }], requester: 'Dr R Shah', authoredOn: '2025-02-27T16:20:00+00:00', priority: 'urgent' }],
      referralReason: 'Venous leg ulcer, left',
    });
  });

  it('a referral the feed does not include keeps what its reference says', () => {
    const mapped = map({ ...episode, diagnosis: undefined, referralRequest: [{ display: 'GP referral: wound care' }] })!;
    expect(mapped.fields).toMatchObject({ referrals: [{ description: 'GP referral: wound care', code: null, reasons: [], requester: null }], referralReason: 'GP referral: wound care' });
  });

  it.each([
    ['active', true],
    ['onhold', true],
    ['waitlist', false],
    ['planned', false],
    ['finished', false],
    ['cancelled', false],
  ] as const)('status %s: current %s (a closed episode is never current; one not yet started is not current either, as in every slice)', (status, current) => {
    expect(map({ ...episode, status, period: status === 'finished' ? { start: '2025-03-01', end: '2025-06-30' } : episode.period })!.fields).toMatchObject({ status, current });
  });
});

describe('community: a visit (Encounter) kept whole', () => {
  it('class, every type, service type, every reason (reasonReference resolved), every participant with its role and the location resolved', () => {
    const mapped = map(visit, SUPPORTING)!;
    expect(mapped.panel).toBe('communityVisits');
    expect(mapped.fields).toMatchObject({
      status: 'finished',
      current: false,
      date: '2025-04-02T09:00:00+01:00',
      end: '2025-04-02T09:40:00+01:00',
      class: { system: ACT_CODE, code: 'HH', display: 'home health' },
      setting: 'home health',
      type: [{ code: '439708006', text: 'District nursing home visit' }],
      visitType: { system: SNOMED, code: '439708006' },
      description: 'District nursing home visit',
      serviceType: { code: '310428009' },
      reason: { system: 'text', display: 'Leg ulcer dressing' },
      reasons: [{ display: 'Leg ulcer dressing' }, { code: '95344007', text: 'Venous leg ulcer, left' }],
      clinician: 'Nurse Kath Byrne, HCA J Lees',
      participants: [
        { type: [{ code: 'PPRF' }], individual: 'Nurse Kath Byrne', start: null },
        { type: [{ code: 'SPRF' }], individual: 'HCA J Lees', start: '2025-04-02T09:10:00+01:00', end: '2025-04-02T09:30:00+01:00' },
      ],
      location: "Patient's home",
      locations: [{ location: "Patient's home", status: 'completed' }],
      episodeSourceIds: ['ep-1'],
    });
    expect(communityResolvers.CommunityVisit.episodeIds({ ...mapped.fields, provenance: { odsCode: 'NR5' } } as never)).toEqual(['NR5/EpisodeOfCare/ep-1']);
  });

  it.each([
    ['in-progress', true],
    ['arrived', true],
    ['onleave', true],
    ['planned', false],
    ['finished', false],
    ['cancelled', false],
    ['unknown', false],
  ] as const)('status %s: current %s', (status, current) => {
    expect(map({ ...visit, status })!.fields).toMatchObject({ status, current });
  });

  it('the organisation a participant reference names is never shown as the clinician', () => {
    const mapped = map({ ...visit, participant: [{ individual: { identifier: { system: ODS, value: 'NR5' }, display: 'Bury Community Services' } }, { individual: { display: 'Nurse K Byrne' } }] })!;
    expect(mapped.fields.clinician).toBe('Nurse K Byrne');
  });
});

describe('community: a CarePlan kept whole', () => {
  it('every category, the intent, every activity with its status, schedule, performers and place; author, care team and the conditions it addresses', () => {
    const mapped = map(carePlan, SUPPORTING)!;
    expect(mapped.panel).toBe('communityCarePlans');
    expect(mapped.fields).toMatchObject({
      title: 'Leg ulcer care',
      categories: [{ code: '736353004', text: 'District nursing care plan' }],
      status: 'active',
      current: true,
      intent: 'plan',
      activities: [
        { description: 'Compression bandaging twice a week', code: { code: '445196002' }, status: 'in-progress', scheduled: 'Mondays and Thursdays', performers: ['Bury East District Nursing Team'], location: "Patient's home" },
        { description: 'Doppler assessment', status: 'not-started', performers: [] },
      ],
      start: '2025-03-02',
      created: '2025-03-02T11:00:00+00:00',
      author: 'Nurse Kath Byrne',
      careTeams: ['Bury East District Nursing Team'],
      addresses: [{ code: '95344007', text: 'Venous leg ulcer, left' }],
    });
  });

  it('an activity the source marked entered-in-error is left out of the plan', () => {
    const { activities } = map(carePlan)!.fields as { activities: { description: string }[] };
    expect(activities.map((a) => a.description)).not.toContain('Insulin administration');
  });

  it.each([
    ['active', true],
    ['on-hold', true],
    ['draft', false],
    ['completed', false],
    ['revoked', false],
    ['unknown', false],
  ] as const)('status %s: current %s', (status, current) => {
    expect(map({ ...carePlan, status })!.fields).toMatchObject({ status, current });
  });
});

// Served as the subgraph serves it: the SDL's types (federation directives are the gateway's) and the kit's common resolvers.
const schema: GraphQLSchema = buildSchema(`type Query { _unused: String }\n${loadSubgraphSdl('community').replace(/^extend schema.*$/m, '').replace(/@key\([^)]*\)|@shareable/g, '')}`);
const common = commonResolvers(parse(loadSubgraphSdl('community'))) as Record<string, Record<string, unknown>>;
for (const [name, resolve] of Object.entries(common.CodeableConcept)) (schema.getType('CodeableConcept') as any).getFields()[name].resolve = resolve;
// Fields the subgraph resolves (a visit's episode ids), as the subgraph does.
for (const [name, resolve] of Object.entries(communityResolvers.CommunityVisit)) (schema.getType('CommunityVisit') as any).getFields()[name].resolve = resolve;
// FHIR codes as the subgraph maps them (on_hold is FHIR's on-hold).
for (const name of ['CarePlanStatus', 'CarePlanActivityStatus', 'EncounterStatus']) {
  for (const value of (schema.getType(name) as any).getValues()) value.value = (common[name] as Record<string, string>)[value.name];
}

const provenance = { odsCode: 'NR5', organisationName: 'Bury Community Services', system: 'SystmOne', sourceId: 'x', version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' };
const withId = (panel: string, i: number, fields: Record<string, unknown>) => ({ id: `NR5/${panel}/${i}`, ...fields, provenance });
const contextWith = (panels: Record<string, unknown[]>) => ({ slices: slicesHolding(panels) }) as unknown as SubgraphContext;
const parent = { nhsNumber: '9434765919' };
const resolve = (field: keyof typeof communityResolvers.Patient, context: SubgraphContext) => communityResolvers.Patient[field](parent, {}, context);
const mapped = (resource: fhir4.FhirResource, id: number) => withId(resource.resourceType, id, map(resource)!.fields);

describe('community: lists put current items first, then order by instant', () => {
  it('an open episode comes before a closed one that started later; within each, newest start first (by instant, not text)', async () => {
    const items = [
      mapped({ ...episode, status: 'finished', period: { start: '2025-06-01', end: '2025-07-01' } }, 1),
      mapped({ ...episode, status: 'active', period: { start: '2024-01-10' } }, 2),
      mapped({ ...episode, status: 'onhold', period: { start: '2024-01-10T23:30:00-05:00' } }, 3),
      mapped({ ...episode, status: 'cancelled', period: { start: '2025-08' } }, 4),
    ];
    const episodes = await resolve('communityEpisodes', contextWith({ communityEpisodes: items }));
    expect(episodes.map((e) => [e.id, e.current])).toEqual([['NR5/EpisodeOfCare/3', true], ['NR5/EpisodeOfCare/2', true], ['NR5/EpisodeOfCare/4', false], ['NR5/EpisodeOfCare/1', false]]);
  });

  it('a visit under way comes first; the rest newest first across offsets', async () => {
    const items = [
      mapped({ ...visit, period: { start: '2025-04-03T01:00:00Z' } }, 1),
      mapped({ ...visit, period: { start: '2025-04-02T23:30:00-05:00' } }, 2),
      mapped({ ...visit, status: 'in-progress', period: { start: '2025-04-01T09:00:00Z' } }, 3),
    ];
    const visits = await resolve('communityVisits', contextWith({ communityVisits: items }));
    expect(visits.map((v) => v.id)).toEqual(['NR5/Encounter/3', 'NR5/Encounter/2', 'NR5/Encounter/1']);
  });

  it('a plan in force comes before a completed one written later', async () => {
    const items = [mapped({ ...carePlan, status: 'completed', period: { start: '2025-05-01' } }, 1), mapped({ ...carePlan, status: 'on-hold', period: { start: '2025-01-01' } }, 2)];
    const plans = await resolve('communityCarePlans', contextWith({ communityCarePlans: items }));
    expect(plans.map((p) => p.id)).toEqual(['NR5/CarePlan/2', 'NR5/CarePlan/1']);
  });

  it('what the mapping writes is readable under the served schema', async () => {
    const context = contextWith({ communityEpisodes: [withId('EpisodeOfCare', 1, map(episode, SUPPORTING)!.fields)], communityVisits: [withId('Encounter', 1, map(visit, SUPPORTING)!.fields)], communityCarePlans: [withId('CarePlan', 1, map(carePlan, SUPPORTING)!.fields)] });
    for (const [field, typeName] of Object.entries(TYPES)) {
      const items = await resolve(field as keyof typeof communityResolvers.Patient, context);
      expect(items.map((item) => faultOf(item, schema.getType(typeName) as never, typeName))).toEqual([null]);
    }
  });
});

// The shapes the community mapping wrote before this one kept every element (one item per panel).
const before = {
  communityEpisodes: [{ id: 'NR5/EpisodeOfCare/e', service: 'District nursing', status: 'finished', start: '2024-03-01', end: '2024-09-30', team: 'Bury East District Nursing Team', leadClinician: 'Nurse K Byrne', referralReason: null, provenance }],
  communityVisits: [{ id: 'NR5/Encounter/v', date: '2024-04-02T09:00:00Z', end: '2024-04-02T09:40:00Z', status: 'finished', setting: 'home health', visitType: { system: SNOMED, code: '439708006', display: 'Home visit' }, description: 'District nursing home visit', reason: { system: 'text', code: '', display: 'Leg ulcer dressing' }, clinician: 'Nurse K Byrne', provenance }],
  communityCarePlans: [{ id: 'NR5/CarePlan/c', title: 'Leg ulcer care', category: 'District nursing care plan', status: 'on-hold', description: null, activities: ['Compression bandaging'], start: '2024-03-02', end: null, provenance }],
};
const TYPES: Record<string, string> = { communityEpisodes: 'CommunityEpisode', communityVisits: 'CommunityVisit', communityCarePlans: 'CarePlan' };

describe('community: items stored under the earlier mapping stay readable (safe fill, as acute H29)', () => {
  it.each(Object.entries(TYPES))('%s', async (field, typeName) => {
    const items = await resolve(field as keyof typeof communityResolvers.Patient, contextWith(before));
    expect(items).toHaveLength(1);
    expect(items.map((item) => faultOf(item, schema.getType(typeName) as never, typeName))).toEqual([null]);
  });

  it('the older items say the safe thing: a finished episode is not current, a plan on hold still is, a finished visit is not', async () => {
    const context = contextWith(before);
    const [[e], [v], [c]] = await Promise.all([resolve('communityEpisodes', context), resolve('communityVisits', context), resolve('communityCarePlans', context)]);
    expect({ episode: e.current, visit: v.current, plan: c.current, activities: c.activities }).toEqual({ episode: false, visit: false, plan: true, activities: [expect.objectContaining({ description: 'Compression bandaging' })] });
    // Its first category's text, kept as `category` then, is the catalogue's categories[0] now.
    expect(c.categories).toEqual([expect.objectContaining({ text: 'District nursing care plan' })]);
  });

  it('a plan stored with its activities twice (one line each, and in full as activityDetails) is served with the full activities, once', async () => {
    const detail = { description: 'Compression bandaging', code: null, status: 'in-progress', doNotPerform: null, scheduled: 'Mondays', performers: ['Bury East District Nursing Team'], location: null };
    const [plan] = await resolve('communityCarePlans', contextWith({ communityCarePlans: [{ ...before.communityCarePlans[0], activityDetails: [detail] }] }));
    expect(plan.activities).toEqual([detail]);
    expect(plan).not.toHaveProperty('activityDetails');
  });
});

it('the schema exposes every status as an enum (isObjectType guards the shape)', () => {
  const episodeType = schema.getType('CommunityEpisode');
  expect(isObjectType(episodeType) && String(episodeType.getFields().status.type)).toBe('EpisodeOfCareStatus!');
  const visitType = schema.getType('CommunityVisit');
  expect(isObjectType(visitType) && String(visitType.getFields().status.type)).toBe('EncounterStatus!');
  const planType = schema.getType('CarePlan');
  expect(isObjectType(planType) && String(planType.getFields().status.type)).toBe('CarePlanStatus!');
});

it('a referral priority outside request-priority is refused naming the path', () => {
  const supporting = SUPPORTING.map((e) => (e.resource.resourceType === 'ServiceRequest' ? { ...e, resource: { ...e.resource, priority: 'whenever' } } : e));
  expect(problemOf(episode, supporting as never).path).toMatch(/ServiceRequest\.priority$/);
});
