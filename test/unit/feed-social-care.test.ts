import { slicesHolding } from '../support/slicesHolding';
/// <reference types="fhir" />
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { faultOf } from '../../subgraphs/kit/src/slice/unreadableItems';
import type { SubgraphContext } from '../../subgraphs/kit/src/context';
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';
import { socialCareResolvers } from '../../subgraphs/social-care/src/resolvers';
import { loadSubgraphSdl } from '../../schema/src/sdl';
import { feedMapping, META, NHS, organisationReference } from '../support/feedMapping';
import { generateFeeds } from '../../tools/src/synthetic';

/**
 * The council's social care feed mapping, pure. Fixtures written from the FHIR R4 definitions of
 * EpisodeOfCare, ServiceRequest, CarePlan, Procedure, RelatedPerson and Flag, the NHS England
 * Patient Flag IG (CP-IS) and UK Core references, not from our generator.
 */

const SNOMED = 'http://snomed.info/sct';
const COUNCIL = organisationReference('LA351', 'Bury Council');
const { map, problemOf } = feedMapping(socialCareFeed);

const worker: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'sw-desai', name: [{ use: 'official', family: 'Desai', given: ['Priya'] }] };
const supporting = [{ fullUrl: 'urn:uuid:0f1c6a9e-2b3d-4c5e-8f70-1a2b3c4d5e6f', resource: worker }];

const socialCareCase: fhir4.EpisodeOfCare = {
  resourceType: 'EpisodeOfCare',
  id: 'case-1',
  meta: META,
  status: 'active',
  statusHistory: [{ status: 'planned', period: { start: '2024-10-20', end: '2024-11-05' } }],
  type: [{ coding: [{ system: 'https://fhir.bury.example/CodeSystem/case-type', code: 'ASC', display: 'Adult social care' }] }],
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
  code: { coding: [{ system: 'https://fhir.bury.example/CodeSystem/services', code: 'HC2', display: 'Home care' }], text: 'Home care: two visits a day' },
  subject: NHS,
  quantityQuantity: { value: 7, unit: 'hours per week', system: 'http://unitsofmeasure.org', code: 'h/wk' },
  occurrencePeriod: { start: '2024-12' },
  requester: { reference: 'urn:uuid:0f1c6a9e-2b3d-4c5e-8f70-1a2b3c4d5e6f' },
  performer: [{ display: 'Caring Hands Home Care Ltd' }],
  note: [{ text: 'Home care: two visits a day (7 hours per week)' }],
};

const CPIS_CATEGORY = { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] };

const flag = (id: string, code: fhir4.CodeableConcept, more: Partial<fhir4.Flag> = {}): fhir4.Flag => ({
  resourceType: 'Flag',
  id,
  meta: { ...META, security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
  status: 'active',
  code,
  subject: NHS,
  period: { start: '2025-02-14T12:00:00Z' },
  author: COUNCIL,
  ...more,
});

describe('social care: the fixtures are valid FHIR R4 and every one is accepted', () => {
  it('a batch of the case, package and flags with the worker they reference: no issue, every clinical entry prepared', () => {
    const resources = [socialCareCase, carePackage, flag('f-cp', { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }] }, { category: [CPIS_CATEGORY] }), flag('f-text', { text: 'Key safe' })];
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...supporting, ...resources.map((resource) => ({ resource }))] }, COUNCIL_ORG);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat()).toHaveLength(resources.length);
  });
});

describe('social care: EpisodeOfCare (the case)', () => {
  it('keeps the case whole: coded type, status history, the allocated worker from careManager', () => {
    const mapped = map(socialCareCase)!;
    expect(mapped.panel).toBe('socialCareCases');
    expect(mapped.fields).toMatchObject({
      status: 'active',
      current: true,
      start: '2024-11-05',
      end: null,
      statusHistory: [{ status: 'planned', start: '2024-10-20', end: '2024-11-05' }],
      caseType: 'Adult social care',
      types: [expect.objectContaining({ code: 'ASC', coding: [{ system: 'https://fhir.bury.example/CodeSystem/case-type', code: 'ASC', display: 'Adult social care' }] })],
      team: 'Bury Older People’s Team',
      worker: 'Priya Desai',
      workerRole: 'Social Worker',
    });
  });

  it('the worker resolved from a Practitioner reference in the bundle', () => {
    expect(map({ ...socialCareCase, careManager: { reference: 'urn:uuid:0f1c6a9e-2b3d-4c5e-8f70-1a2b3c4d5e6f' } }, supporting)!.fields).toMatchObject({ worker: 'Priya Desai', workerRole: null });
  });

  it.each([
    ['active', undefined, true],
    ['onhold', undefined, true],
    ['finished', '2025-03', false],
    ['planned', undefined, false],
    ['waitlist', undefined, false],
    ['cancelled', undefined, false],
    ['active', '2021-01-31', false],
  ] as const)('status %s (ended %s): current %s', (status, end, current) => {
    expect(map({ ...socialCareCase, status, period: { start: '2020-06', end } })!.fields).toMatchObject({ status, current, start: '2020-06', end: end ?? null });
  });

  it('entered-in-error is a delete', () => {
    expect(retracts({ ...socialCareCase, status: 'entered-in-error' })).toBe('delete');
  });
});

describe('social care: care packages (ServiceRequest, CarePlan)', () => {
  it('a ServiceRequest: every coding of the service, hours per week and the quantity, who asked and who provides, the start at its precision', () => {
    const mapped = map(carePackage, supporting)!;
    expect(mapped.panel).toBe('carePackages');
    expect(mapped.fields).toMatchObject({
      kind: 'serviceRequest',
      service: 'Home care: two visits a day',
      code: { system: 'https://fhir.bury.example/CodeSystem/services', code: 'HC2', display: 'Home care', text: 'Home care: two visits a day' },
      category: 'Care package',
      hoursPerWeek: 7,
      quantity: { value: 7, unit: 'hours per week', code: 'h/wk' },
      status: 'active',
      current: true,
      intent: 'order',
      start: '2024-12',
      end: null,
      requester: 'Priya Desai',
      performers: ['Caring Hands Home Care Ltd'],
    });
  });

  it('a CarePlan: its activities with their codes and statuses', () => {
    const mapped = map({
      resourceType: 'CarePlan',
      id: 'plan-1',
      meta: META,
      status: 'on-hold',
      intent: 'plan',
      title: 'Day centre',
      category: [{ coding: [{ system: SNOMED, code: '734163000', display: 'Care plan' }] }],
      subject: NHS,
      period: { start: '2025-01-06' },
      activity: [
        { detail: { status: 'scheduled', description: 'Day centre on Tuesdays and Thursdays' } },
        { detail: { status: 'not-started', code: { text: 'Transport to day centre' } } },
      ],
    })!;
    expect(mapped.panel).toBe('carePackages');
    expect(mapped.fields).toMatchObject({
      kind: 'carePlan',
      service: 'Day centre',
      description: 'Day centre on Tuesdays and Thursdays; Transport to day centre',
      status: 'on-hold',
      current: true,
      start: '2025-01-06',
      activities: [
        { description: 'Day centre on Tuesdays and Thursdays', code: null, status: 'scheduled' },
        { description: null, code: expect.objectContaining({ text: 'Transport to day centre' }), status: 'not-started' },
      ],
    });
    expect((mapped.fields.categories as any[])[0]).toMatchObject({ code: '734163000' });
  });

  it.each([
    ['active', undefined, true],
    ['on-hold', undefined, true],
    ['completed', undefined, false],
    ['revoked', undefined, false],
    ['draft', undefined, false],
    ['active', '2020-01-01', false],
  ] as const)('status %s (ended %s): current %s', (status, end, current) => {
    expect(map({ ...carePackage, status, occurrencePeriod: { start: '2019', end } })!.fields).toMatchObject({ status, current });
  });

  it('entered-in-error is a delete', () => {
    expect(retracts({ ...carePackage, status: 'entered-in-error' })).toBe('delete');
  });
});

describe('social care: assessments (Procedure) and carers', () => {
  const assessment: fhir4.Procedure = {
    resourceType: 'Procedure',
    id: 'ass-1',
    meta: META,
    status: 'completed',
    category: { text: 'Social care assessment' },
    code: { coding: [{ system: 'https://fhir.bury.example/CodeSystem/assessments', code: 'CAA', display: 'Care Act assessment' }] },
    subject: NHS,
    performedPeriod: { start: '2024-11-20T09:00:00+00:00', end: '2024-11-27' },
    performer: [{ actor: { reference: 'urn:uuid:0f1c6a9e-2b3d-4c5e-8f70-1a2b3c4d5e6f' }, onBehalfOf: COUNCIL }],
    outcome: { text: 'Eligible needs: personal care, meals.' },
    note: [{ text: 'Daughter present.' }, { text: 'Review in 6 months.' }],
  };

  it('keeps the assessment whole: its code, category, period, outcome, every note, the assessor resolved', () => {
    const mapped = map(assessment, supporting)!;
    expect(mapped.panel).toBe('socialCareAssessments');
    expect(mapped.fields).toMatchObject({
      type: 'Care Act assessment',
      code: expect.objectContaining({ code: 'CAA' }),
      category: expect.objectContaining({ text: 'Social care assessment' }),
      status: 'completed',
      date: '2024-11-20T09:00:00+00:00',
      end: '2024-11-27',
      outcome: 'Eligible needs: personal care, meals.',
      notes: ['Daughter present.', 'Review in 6 months.'],
      assessor: 'Priya Desai',
    });
  });

  it('a not-done assessment without a performed date is kept (performed[x] is optional in R4)', () => {
    expect(map({ ...assessment, status: 'not-done', performedPeriod: undefined })!.fields).toMatchObject({ status: 'not-done', date: null });
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
    expect(mapped.fields).toMatchObject({ name: 'Claire Hughes', relationship: { code: 'DAU', display: 'natural daughter' }, carerRole: 'Main carer', phone: '07700 900123', active: true });
  });
});

describe('social care: a Flag lands by its codes', () => {
  it('coded as child protection (CP-IS category, 224353004) it is a safeguarding alert, every coding kept', () => {
    const code = { coding: [{ system: SNOMED, code: '224353004', display: 'Child protection finding' }, { system: 'https://fhir.bury.example/CodeSystem/alerts', code: 'CPP', display: 'Child protection plan' }], text: 'Child protection plan: neglect' };
    const mapped = map(flag('f-cp', code, { category: [CPIS_CATEGORY] }))!;
    expect(mapped.panel).toBe('safeguardingAlerts');
    expect(mapped.fields).toMatchObject({ description: 'Child protection plan: neglect', status: 'active', current: true, start: '2025-02-14T12:00:00Z', end: null, author: 'Bury Council' });
    expect((mapped.fields.code as any).coding).toEqual(code.coding);
    expect((mapped.fields.categories as any[])[0]).toMatchObject({ code: 'CP-IS', coding: CPIS_CATEGORY.coding });
  });

  it('coded 761571000000106 |At risk of financial abuse| (SNOMED CT alone) it is a safeguarding alert', () => {
    expect(map(flag('f-fin', { coding: [{ system: SNOMED, code: '761571000000106', display: 'At risk of financial abuse' }] }))!.panel).toBe('safeguardingAlerts');
  });

  it('a flag category of "safety" or the word safeguarding in its text does not make it safeguarding: it is a general alert, never dropped', () => {
    const mapped = map(
      flag('f-text', { text: 'Safeguarding: Section 42 enquiry' }, { category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety', display: 'Safety' }], text: 'Safeguarding' }] }),
    )!;
    expect(mapped.panel).toBe('socialCareAlerts');
    expect(mapped.fields).toMatchObject({ description: 'Safeguarding: Section 42 enquiry', categories: [expect.objectContaining({ text: 'Safeguarding' })], status: 'active', current: true });
  });

  it('a risk-coded flag is a mental-health risk alert (sensitive), no longer a general alert (H174)', () => {
    const mapped = map(flag('f-risk', { coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }] }))!;
    expect(mapped.panel).toBe('socialCareRiskAlerts');
    expect(mapped.fields).toMatchObject({ description: 'At risk for suicide', status: 'active', current: true, start: '2025-02-14T12:00:00Z', author: 'Bury Council' });
  });

  it('a locally coded flag is a general alert in the council panel', () => {
    expect(map(flag('f-key', { coding: [{ system: 'https://fhir.bury.example/CodeSystem/alerts', code: 'KEYSAFE', display: 'Key safe: 1234 held by the office' }] }))!.panel).toBe('socialCareAlerts');
  });

  it('inactive, or active with an ended period, is not current; a flag without a period is kept', () => {
    expect(map(flag('f1', { text: 'x' }, { status: 'inactive' }))!.fields.current).toBe(false);
    expect(map(flag('f2', { text: 'x' }, { period: { start: '2024-01', end: '2024' } }))!.fields).toMatchObject({ current: false, start: '2024-01', end: '2024' });
    expect(map(flag('f3', { text: 'x' }, { period: undefined }))!.fields).toMatchObject({ start: null, current: true });
  });

  it('entered-in-error is a delete, safeguarding or not', () => {
    expect(retracts(flag('f4', { coding: [{ system: SNOMED, code: '224353004' }] }, { status: 'entered-in-error', category: [CPIS_CATEGORY] }))).toBe('delete');
  });
});

describe('social care: refusals name the element', () => {
  it('refuses resources missing a required element', () => {
    expect(problemOf({ ...socialCareCase, period: { end: '2025-01-01' } }).path).toBe('EpisodeOfCare.period.start');
    expect(problemOf({ ...carePackage, code: undefined }).path).toBe('ServiceRequest.code');
    expect(problemOf({ resourceType: 'Procedure', id: 'p', status: 'completed', subject: NHS }).path).toBe('Procedure.code');
    expect(problemOf({ resourceType: 'RelatedPerson', id: 'c', patient: NHS }).path).toBe('RelatedPerson.name');
    expect(problemOf(flag('f', undefined as never)).path).toBe('Flag.code');
    expect(problemOf(flag('f', { text: 'x' }, { period: { start: '14/02/2025' } })).path).toBe('Flag.period.start');
  });
});

describe('social care: what the resolvers serve', () => {
  const schema: GraphQLSchema = buildSchema(`type Query { _unused: String }\n${loadSubgraphSdl('social-care').replace(/^extend schema.*$/m, '').replace(/@key\([^)]*\)|@shareable/g, '')}`);
  const provenance = { odsCode: 'LA351', organisationName: 'Bury Council', system: 'Liquidlogic', sourceId: 'x', version: '1', lastUpdated: '2025-05-03T10:00:00.000Z' };
  const parent = { nhsNumber: '9434765919' };
  const contextWith = (panels: Record<string, unknown[]>) => ({ slices: slicesHolding(panels) }) as unknown as SubgraphContext;
  const P = socialCareResolvers.Patient as Record<string, (...args: any[]) => Promise<any>>;

  // The shapes the earlier mapping wrote: statuses as text, no `current`, no codings.
  const before = {
    socialCareCases: [
      { id: 'LA351/EpisodeOfCare/old', status: 'finished', start: '2020-01-01', end: '2021-01-01', caseType: 'Adult social care', team: 'Team A', worker: 'A Old', workerRole: null, provenance },
      { id: 'LA351/EpisodeOfCare/now', status: 'active', start: '2024-11-05', end: null, caseType: 'Adult social care', team: 'Team B', worker: 'Priya Desai', workerRole: 'Social Worker', provenance },
    ],
    carePackages: [{ id: 'LA351/ServiceRequest/p', service: 'Home care', category: 'Care package', description: 'Home care', hoursPerWeek: 7, status: 'active', start: '2024-12-01', end: null, provenance }],
    socialCareAssessments: [{ id: 'LA351/Procedure/a', type: 'Care Act assessment', status: 'completed', date: '2024-11-20', outcome: 'Eligible', assessor: 'Priya Desai', provenance }],
    safeguardingAlerts: [
      { id: 'LA351/Flag/closed', description: 'Closed concern', category: 'Safeguarding', status: 'inactive', raised: '2025-04-01T00:00:00Z', ended: '2025-04-20', raisedBy: null, provenance },
      { id: 'LA351/Flag/open', description: 'Section 42 enquiry', category: 'Safeguarding', status: 'active', raised: '2025-02-14T12:00:00Z', ended: null, raisedBy: null, provenance },
    ],
    socialCareAlerts: [{ id: 'LA351/Flag/key', description: 'Key safe by the front door', category: 'Safety', status: 'active', raised: '2025-03-17T10:00:00Z', ended: null, raisedBy: 'Bury Council', provenance }],
  };

  it.each([
    ['socialCareCases', 'SocialCareCase'],
    ['carePackages', 'CarePackage'],
    ['socialCareAssessments', 'SocialCareAssessment'],
    ['safeguardingAlerts', 'Alert'],
    ['socialCareAlerts', 'Alert'],
  ])('%s stored under the earlier mapping stay readable', async (field, typeName) => {
    const items = await P[field](parent, {}, contextWith(before));
    const type = schema.getType(typeName);
    expect(isObjectType(type)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((item: any) => faultOf(item, type as never, typeName))).toEqual(items.map(() => null));
  });

  it("alerts stored under the council's earlier names (raised, ended, raisedBy, category) are served as the catalogue's Alert, nothing lost", async () => {
    const context = contextWith(before);
    expect((await P.safeguardingAlerts(parent, {}, context)).find((a: any) => a.id === 'LA351/Flag/closed')).toMatchObject({ start: '2025-04-01T00:00:00Z', end: '2025-04-20', author: null, categories: [{ text: 'Safeguarding' }], code: { text: 'Closed concern' } });
    const [key] = await P.socialCareAlerts(parent, {}, context);
    expect(key).toMatchObject({ start: '2025-03-17T10:00:00Z', end: null, author: 'Bury Council', categories: [{ text: 'Safety' }], current: true });
    expect(key).not.toHaveProperty('raised');
  });

  it('older items say the safe thing: the open alert first and current though a closed one is newer; the allocated worker from the open case', async () => {
    const context = contextWith(before);
    expect((await P.safeguardingAlerts(parent, {}, context)).map((a: any) => [a.id, a.current])).toEqual([['LA351/Flag/open', true], ['LA351/Flag/closed', false]]);
    expect((await P.safeguardingAlert(parent, {}, context)).id).toBe('LA351/Flag/open');
    expect((await P.allocatedWorker(parent, {}, context)).name).toBe('Priya Desai');
    expect((await P.socialCareCases(parent, {}, context)).map((c: any) => c.current)).toEqual([true, false]);
  });

  it('a risk-coded flag stored among the general alerts before H174 is served as a risk alert, never as a general alert, never dropped', async () => {
    const storedRisk = { id: 'LA351/Flag/risk-before', code: { system: SNOMED, code: '225444004', display: 'At risk for suicide', coding: [{ system: SNOMED, code: '225444004', display: 'At risk for suicide' }], text: null }, description: 'At risk for suicide', categories: [], status: 'active', start: '2025-01-10', end: null, author: 'Bury Council', provenance };
    const filedRisk = { ...storedRisk, id: 'LA351/Flag/risk-now', start: '2025-04-01', status: 'inactive' };
    const context = contextWith({ ...before, socialCareAlerts: [...before.socialCareAlerts, storedRisk], socialCareRiskAlerts: [filedRisk] });
    expect((await P.socialCareAlerts(parent, {}, context)).map((a: any) => a.id)).toEqual(['LA351/Flag/key']);
    const risks = await P.socialCareRiskAlerts(parent, {}, context);
    expect(risks.map((a: any) => [a.id, a.current])).toEqual([['LA351/Flag/risk-before', true], ['LA351/Flag/risk-now', false]]);
    const type = schema.getType('Alert');
    expect(risks.map((item: any) => faultOf(item, type as never, 'Alert'))).toEqual([null, null]);
  });

  it('no allocated worker when the only case with a worker is closed, or still "active" past its end', async () => {
    expect(await P.allocatedWorker(parent, {}, contextWith({ socialCareCases: [before.socialCareCases[0]] }))).toBeNull();
    expect(await P.allocatedWorker(parent, {}, contextWith({ socialCareCases: [{ ...before.socialCareCases[1], end: '2025-01-31' }] }))).toBeNull();
  });
});

const COUNCIL_ORG: FeedingOrganisation = { odsCode: 'LA351', name: 'Bury Council', kind: 'local-authority', sharingStatus: 'active', sourceSystem: 'Liquidlogic' };
const target = sliceFeedTarget('social-care', socialCareFeed, null as never);

/** How the kit takes the resource in a batch: 'delete' for a retraction. */
function retracts(resource: fhir4.FhirResource): string | undefined {
  const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [{ resource }] }, COUNCIL_ORG);
  expect(prepared.issues).toEqual([]);
  return [...prepared.byPatient.values()].flat()[0]?.entry.method;
}

describe('social care: the synthetic generator writes what the mapping accepts', () => {
  it('every social care feed of 120 synthetic patients is accepted whole; the demo child-protection flag is safeguarding, the key safe a general alert', () => {
    const feeds = [...generateFeeds({ patients: 120 })].filter((f) => f.target === 'social-care');
    expect(feeds.length).toBeGreaterThan(5);
    const landed = new Map<string, number>();
    for (const feed of feeds) {
      const prepared = prepareBundle(target, feed.bundle, { ...COUNCIL_ORG, odsCode: feed.odsCode });
      expect(prepared.issues).toEqual([]);
      for (const { prepared: p } of [...prepared.byPatient.values()].flat()) if ('item' in p) landed.set(p.panel, (landed.get(p.panel) ?? 0) + 1);
    }
    expect(landed.get('safeguardingAlerts')).toBeGreaterThan(0);
    expect(landed.get('socialCareAlerts')).toBeGreaterThan(0);
  });
});
