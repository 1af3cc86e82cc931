/// <reference types="fhir" />
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode, type SelectionSetNode, type StringValueNode } from 'graphql';
import { devUserIssuer } from '@shareforyou/kit';
import { fhirFaults } from '../../subgraphs/kit/src/ingest/fhirValidation';
import { searchOperation, sourceFreshnessFields, summaryOperation } from '../../gateway/src/fhir/operation';
import { statusOf } from '../../gateway/src/fhir/operationOutcome';
import { SEARCH_TYPES } from '../../gateway/src/fhir/search';
import { IPS_SECTIONS, type CombinedFieldName } from '../../gateway/src/fhir/sections';
import { patientToken, userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { REPO_ROOT } from '../../tools/src/paths';
import { AISHA, asUser, closeDatabases, DANIEL, gatewayPost, LEAH, MARGARET, PETER, type GraphQLResponse } from '../support/clients';
import { gatewayWithout } from '../support/gatewayWithout';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';
import { patientReference, registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The FHIR API end to end (issue #22.1), through the real gateway and every subgraph: what GraphQL
 * refuses, FHIR refuses with the same reason code (and the HTTP status of its kind); what a role may
 * not see is present in the summary as a section withheld, never silently absent; a source that did
 * not answer is unavailable, never nothing recorded; statuses are carried through; an opted-out
 * patient is 404 like an unknown one; the audit trail holds exactly the fields the FHIR answer was
 * made from, under the FHIR operation's name; every answer about the demo patients is valid FHIR R4.
 */

afterAll(closeDatabases);

const SUMMARY_FIELDS = IPS_SECTIONS.flatMap((s) => s.parts.map((p) => p.field));
const fhirBase = () => stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir');

interface FhirResponse {
  status: number;
  body: any;
  headers: Headers;
}

async function fhirAs(token: string | null, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<FhirResponse> {
  const url = path.startsWith('http') ? path : `${fhirBase()}${path}`;
  const response = await fetch(url, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
const fhir = (user: string, path: string, headers: Record<string, string> = {}) => fhirAs(userToken(findDemoUser(user)), path, headers);

const outcomeCode = (body: fhir4.OperationOutcome) => body.issue[0].details?.coding?.[0].code;
const sectionByCode = (bundle: fhir4.Bundle, code: string) => (bundle.entry![0].resource as fhir4.Composition).section!.find((s) => s.code?.coding?.[0].code === code)!;

/** The composition section (or sub-section) that shows a combined field. */
function partOf(bundle: fhir4.Bundle, field: CombinedFieldName): fhir4.CompositionSection[] {
  return IPS_SECTIONS.flatMap((ips) => {
    const index = ips.parts.findIndex((p) => p.field === field);
    if (index < 0) return [];
    const section = sectionByCode(bundle, ips.code);
    return [ips.parts.length === 1 ? section : section.section![index]];
  });
}

/** The reason the GraphQL API refused the patient (the error at patient, else the first). */
function patientRefusal(response: GraphQLResponse): string | null {
  if (response.data?.patient) return null;
  const error = (response.errors ?? []).find((e) => e.path?.length === 1) ?? response.errors?.[0];
  return error?.extensions?.code ?? 'NONE';
}

function validationFaults(bundle: fhir4.Bundle): string[] {
  return fhirFaults(bundle as never).map((f) => `${f.path}: ${f.message}`);
}

describe('what FHIR serves without a token', () => {
  it('GET /fhir/metadata: a valid CapabilityStatement naming $summary and every searchable type', async () => {
    const response = await fhirAs(null, '/metadata');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(fhirFaults(response.body)).toEqual([]);
    const resources = response.body.rest[0].resource as fhir4.CapabilityStatementRestResource[];
    expect(resources.map((r) => r.type)).toEqual(['Patient', ...Object.keys(SEARCH_TYPES)]);
    expect(resources[0].operation![0].name).toBe('summary');
  });

  it("/.well-known/smart-configuration gives the trusted issuer's own endpoints, S256 only", async () => {
    const discovery = (await (await fetch(`${devUserIssuer()}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    for (const path of [`${fhirBase()}/.well-known/smart-configuration`, fhirBase().replace(/\/fhir$/, '/.well-known/smart-configuration')]) {
      const response = await fetch(path);
      expect(response.status).toBe(200);
      const smart = (await response.json()) as Record<string, unknown>;
      expect(smart).toMatchObject({ issuer: discovery.issuer, authorization_endpoint: discovery.authorization_endpoint, token_endpoint: discovery.token_endpoint, code_challenge_methods_supported: ['S256'] });
      expect(smart.capabilities).toEqual(expect.arrayContaining(['sso-openid-connect', 'launch-ehr', 'context-ehr-patient']));
    }
  });
});

describe('refusals, as OperationOutcomes with the status of their kind', () => {
  it('no token: 401 UNAUTHENTICATED with WWW-Authenticate', async () => {
    const response = await fhirAs(null, `/Patient/${MARGARET()}/$summary`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(outcomeCode(response.body)).toBe('UNAUTHENTICATED');
  });

  it('a bad NHS number: 422 before anything is asked; an unknown parameter: 422, or ignored under Prefer: handling=lenient', async () => {
    expect((await fhir('gp', '/Patient/1234567890/$summary')).status).toBe(422);
    expect((await fhir('gp', '/AllergyIntolerance?patient=123')).status).toBe(422);
    const strict = await fhir('gp', `/AllergyIntolerance?patient=${MARGARET()}&_elements=code`);
    expect([strict.status, outcomeCode(strict.body), strict.body.issue[0].expression]).toEqual([422, 'BAD_USER_INPUT', ['_elements']]);
    const lenient = await fhir('gp', `/AllergyIntolerance?patient=${MARGARET()}&_elements=code`, { prefer: 'handling=lenient' });
    expect(lenient.status).toBe(200);
    expect(lenient.body.link[0].url).not.toContain('_elements');
  });

  it('read only: a write is 405; a type or path it does not serve is 404', async () => {
    expect((await fhirAs(userToken(findDemoUser('gp')), '/AllergyIntolerance', { 'content-type': 'application/fhir+json' }, 'POST')).status).toBe(405);
    expect((await fhir('gp', `/Claim?patient=${MARGARET()}`)).status).toBe(404);
    expect((await fhir('gp', `/Claim/${MARGARET()}.P83005.x`)).status).toBe(404);
  });
});

describe('every user kind of the access matrix: FHIR refuses what GraphQL refuses, with the same reason', () => {
  const users: Array<[string, () => string]> = [
    ...['gp', 'ae-doctor', 'receptionist', 'social-worker', 'community-nurse', 'mh-clinician', 'privacy-officer', 'non-party', 'other-gp'].map((key): [string, () => string] => [key, () => userToken(findDemoUser(key))]),
    ['student', () => userToken({ userId: 'e2e-fhir-student', name: 'Sam Student', odsCode: 'RM3', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' })],
    ['patient', () => patientToken(MARGARET())],
  ];

  it.each(users)('%s: $summary', async (_key, token) => {
    const graphql = await gatewayPost({ authorization: `Bearer ${token()}` }, summaryOperation(SUMMARY_FIELDS).query, { nhsNumber: MARGARET() });
    const response = await fhirAs(token(), `/Patient/${MARGARET()}/$summary`);
    const refused = patientRefusal(graphql);
    if (refused) {
      expect({ status: response.status, code: outcomeCode(response.body) }).toEqual({ status: statusOf(refused), code: refused });
      return;
    }
    expect(response.status).toBe(200);
    expect(validationFaults(response.body)).toEqual([]);
    const bundle = response.body as fhir4.Bundle;
    const inBundle = new Set(bundle.entry!.map((e) => `${e.resource!.resourceType}/${(e.resource as { id: string }).id}`));
    for (const field of new Set(SUMMARY_FIELDS)) {
      const section = graphql.data.patient[field];
      const error = (graphql.errors ?? []).find((e) => e.path?.[1] === field);
      for (const part of partOf(bundle, field)) {
        if (section === null) {
          // What the role may not see is present, empty, and withheld; what did not answer is unavailable.
          expect({ field, entries: part.entry ?? [], emptyReason: part.emptyReason?.coding?.[0].code }).toEqual({ field, entries: [], emptyReason: error?.extensions?.code === 'FORBIDDEN_FIELD' ? 'withheld' : 'unavailable' });
        }
        for (const entry of part.entry ?? []) expect(inBundle.has(entry.reference!)).toBe(true);
      }
      if (section === null) continue;
      // Every source item GraphQL gives is a resource of the document (problems are split between two sections).
      const sourceCount = section.items.reduce((n: number, item: { sources: unknown[] }) => n + item.sources.length, 0);
      expect({ field, resources: partOf(bundle, field).reduce((n, part) => n + (part.entry?.length ?? 0), 0) }).toEqual({ field, resources: sourceCount });
    }
  });

  it.each(users)('%s: every search', async (_key, token) => {
    for (const type of Object.keys(SEARCH_TYPES)) {
      const operation = searchOperation(type, SEARCH_TYPES[type].fields);
      const graphql = await gatewayPost({ authorization: `Bearer ${token()}` }, operation.query, { nhsNumber: MARGARET() });
      const response = await fhirAs(token(), `/${type}?patient=${MARGARET()}`);
      const refused = patientRefusal(graphql);
      const sections = SEARCH_TYPES[type].fields.map((f) => graphql.data?.patient?.[f]);
      if (refused) {
        expect({ type, status: response.status, code: outcomeCode(response.body) }).toEqual({ type, status: statusOf(refused), code: refused });
      } else if (sections.every((s) => s === null)) {
        const code = (graphql.errors ?? []).find((e) => e.path?.[1] === SEARCH_TYPES[type].fields[0])?.extensions?.code;
        expect({ type, status: response.status, code: outcomeCode(response.body) }).toEqual({ type, status: statusOf(code), code });
      } else {
        expect({ type, status: response.status }).toEqual({ type, status: 200 });
        expect({ type, faults: validationFaults(response.body) }).toEqual({ type, faults: [] });
        const withheld = SEARCH_TYPES[type].fields.filter((f) => graphql.data.patient[f] === null);
        const outcome = response.body.entry?.find((e: fhir4.BundleEntry) => e.search?.mode === 'outcome');
        // A part withheld from the role is said, never silently left out.
        if (withheld.length) expect(outcome?.resource.issue.map((i: fhir4.OperationOutcomeIssue) => i.code)).toContain('suppressed');
      }
    }
  });
});

describe('every answer about the demo patients is valid FHIR R4 (the feeds’ validator)', () => {
  const patients: Array<[string, () => string]> = [
    ['Margaret', MARGARET],
    ['Daniel', DANIEL],
    ['Leah', LEAH],
    ['Peter', PETER],
    ['Aisha', AISHA],
  ];
  it.each(patients)('%s: $summary and every search, as the first clinician who may open the record', async (_name, nhsNumber) => {
    let opener: string | null = null;
    for (const key of ['gp', 'ae-doctor', 'mh-clinician', 'community-nurse', 'social-worker']) {
      const opened = await asUser(key).query('query($n: String!) { patient(nhsNumber: $n) { nhsNumber } }', { n: nhsNumber() });
      if (opened.data?.patient) {
        opener = key;
        break;
      }
    }
    // Peter is opted out by the opt-out tests when they run first: then nobody may open him (tested below).
    if (!opener) return;
    const summary = await fhir(opener, `/Patient/${nhsNumber()}/$summary`);
    expect(summary.status).toBe(200);
    expect(validationFaults(summary.body)).toEqual([]);
    for (const type of Object.keys(SEARCH_TYPES)) {
      const search = await fhir(opener, `/${type}?patient=${nhsNumber()}&_revinclude=Provenance:target`);
      expect({ type, status: search.status, faults: validationFaults(search.body) }).toEqual({ type, status: 200, faults: [] });
    }
  });
});

/** Every top-level field a selection of the combined subgraph's SDL requires, per combined field. */
function requiredFields(): Map<string, string[]> {
  const sdl = readFileSync(join(REPO_ROOT, 'schema', 'combined.graphql'), 'utf8').replace(/\.\.\.(\w+)/g, 'id');
  const patient = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')!;
  const map = new Map<string, string[]>();
  for (const field of patient.fields ?? []) {
    const requires = field.directives?.find((d) => d.name.value === 'requires');
    if (!requires) continue;
    const fields = (requires.arguments![0].value as StringValueNode).value;
    const selection = (parse(`{ ${fields} }`).definitions[0] as { selectionSet: SelectionSetNode }).selectionSet;
    map.set(field.name.value, selection.selections.map((s) => (s as { name: { value: string } }).name.value));
  }
  return map;
}

describe('a FHIR read is a look, audited like any other', () => {
  async function looked(requestId: string, nhsNumber: string) {
    let events: Array<{ requestId: string; subgraph: string; client: { operationName: string | null }; fields: Array<{ coordinate: string; outcome: string }> }> = [];
    await pollUntil('the FHIR read in the access log', async () => {
      const log = await asUser('privacy-officer').query(
        'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 100) { events { requestId subgraph client { operationName } fields { coordinate outcome } } } }',
        { filter: { nhsNumber, from: new Date(Date.now() - 120_000).toISOString() } },
      );
      events = (log.data?.accessLog.events ?? []).filter((e: { requestId: string }) => e.requestId === requestId);
      return events.length > 0;
    });
    const patientFields = new Set(events.flatMap((e) => e.fields.filter((f) => f.outcome === 'allowed' && f.coordinate.startsWith('Patient.')).map((f) => f.coordinate.slice('Patient.'.length))));
    patientFields.delete('nhsNumber');
    return { events, patientFields: [...patientFields].sort() };
  }

  it('$summary: the trail holds exactly the fields the document is made from, under the operation FhirSummary', async () => {
    const requestId = `fhir-${randomUUID()}`;
    const response = await fhir('gp', `/Patient/${MARGARET()}/$summary`, { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const { events, patientFields } = await looked(requestId, MARGARET());
    // The client's operation (the gateway's per-source fetches are named FhirSummary__gp__3 and so on).
    expect(new Set(events.map((e) => e.client.operationName))).toEqual(new Set(['FhirSummary']));
    const requires = requiredFields();
    const combined = [...new Set(SUMMARY_FIELDS)];
    const expected = new Set(['name', 'birthDate', 'gender', 'restricted', ...combined, ...combined.flatMap((f) => requires.get(f) ?? []), ...sourceFreshnessFields()]);
    expect(patientFields).toEqual([...expected].sort());
  });

  it('a search: the trail holds exactly the allergy fields (nothing else of the record), under FhirSearchAllergyIntolerance', async () => {
    const requestId = `fhir-${randomUUID()}`;
    const response = await fhir('gp', `/AllergyIntolerance?patient=${MARGARET()}`, { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    const { events, patientFields } = await looked(requestId, MARGARET());
    expect(new Set(events.map((e) => e.client.operationName))).toEqual(new Set(['FhirSearchAllergyIntolerance']));
    expect(patientFields).toEqual(['combinedAllergies', ...requiredFields().get('combinedAllergies')!].sort());
  });
});

describe('encounters, documents and reads by id', () => {
  it("Margaret's encounters, every source's, as Encounters: as many as the combined record holds, each with its class and status", async () => {
    const graphql = await asUser('ae-doctor').query(searchOperation('Encounter', ['combinedEncounters']).query, { nhsNumber: MARGARET() });
    const held = graphql.data.patient.combinedEncounters.items.length;
    expect(held).toBeGreaterThan(1);
    const response = await fhir('ae-doctor', `/Encounter?patient=${MARGARET()}&_sort=-date`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(held);
    const encounters = response.body.entry.filter((e: fhir4.BundleEntry) => e.search?.mode === 'match').map((e: fhir4.BundleEntry) => e.resource as fhir4.Encounter);
    expect(encounters.map((e: fhir4.Encounter) => e.class.code)).toEqual(expect.arrayContaining(['IMP', 'EMER']));
    for (const e of encounters) expect(e.status).toBeTruthy();
    const inpatient = await fhir('ae-doctor', `/Encounter?patient=${MARGARET()}&class=IMP`);
    expect(inpatient.body.entry.every((e: fhir4.BundleEntry) => e.search?.mode !== 'match' || (e.resource as fhir4.Encounter).class.code === 'IMP')).toBe(true);
  });

  it('a search result read again by its id: the same resource, audited as FhirRead<Type>; an id not held is 404 not-found', async () => {
    const search = await fhir('gp', `/Condition?patient=${MARGARET()}`);
    const first = search.body.entry.find((e: fhir4.BundleEntry) => e.search?.mode === 'match');
    expect(first.fullUrl).toBe(`${fhirBase()}/Condition/${first.resource.id}`);
    const requestId = `fhir-${randomUUID()}`;
    const read = await fhirAs(userToken(findDemoUser('gp')), first.fullUrl, { 'x-request-id': requestId });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(first.resource);
    if (first.resource.meta.versionId) expect(read.headers.get('etag')).toBe(`W/"${first.resource.meta.versionId}"`);
    let operations: Array<string | null> = [];
    await pollUntil('the read in the access log', async () => {
      const log = await asUser('privacy-officer').query(
        'query($filter: AccessLogFilter) { accessLog(filter: $filter, first: 100) { events { requestId client { operationName } } } }',
        { filter: { nhsNumber: MARGARET(), from: new Date(Date.now() - 120_000).toISOString() } },
      );
      operations = (log.data?.accessLog.events ?? []).filter((e: { requestId: string }) => e.requestId === requestId).map((e: { client: { operationName: string | null } }) => e.client.operationName);
      return operations.length > 0;
    });
    expect(new Set(operations)).toEqual(new Set(['FhirReadCondition']));
    const missing = await fhir('gp', `/Condition/${MARGARET()}.P83005.not-there`);
    expect({ status: missing.status, issue: missing.body.issue[0].code }).toEqual({ status: 404, issue: 'not-found' });
    expect((await fhir('gp', '/Condition/not-an-id-of-ours')).status).toBe(404);
  });

  it('a read by id is refused as the patient is: another practice gets NO_CARE_RELATIONSHIP (403), not the resource', async () => {
    const search = await fhir('gp', `/AllergyIntolerance?patient=${MARGARET()}`);
    const id = search.body.entry.find((e: fhir4.BundleEntry) => e.search?.mode === 'match').resource.id;
    const refused = await fhir('other-gp', `/AllergyIntolerance/${id}`);
    expect({ status: refused.status, code: outcomeCode(refused.body) }).toEqual({ status: 403, code: 'NO_CARE_RELATIONSHIP' });
    expect(JSON.stringify(refused.body)).not.toContain('AllergyIntolerance"');
  });
});

describe('statuses carried, sections said: a test patient of our own', () => {
  const NHS_NUMBER = '9990002223';
  const PATIENT = patientReference(NHS_NUMBER);
  const META = { versionId: '1', lastUpdated: '2026-11-01T12:00:00Z' };
  const sct = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }] });
  const clinical = (system: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] });

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-fhir-e2e', nhsNumber: NHS_NUMBER, family: 'Fairbrother', given: 'Edith', gender: 'female', birthDate: '1941-05-09' }, { attendedAe: 'fhir-ae' });
    await sendBatch('gp', 'P83005', [
      { resource: { resourceType: 'AllergyIntolerance', id: 'fhir-pen', meta: META, patient: PATIENT, clinicalStatus: clinical('allergyintolerance-clinical', 'active'), verificationStatus: clinical('allergyintolerance-verification', 'confirmed'), code: sct('91936005', 'Allergy to penicillin'), recordedDate: '2026-10-01' } },
      { resource: { resourceType: 'AllergyIntolerance', id: 'fhir-latex', meta: META, patient: PATIENT, clinicalStatus: clinical('allergyintolerance-clinical', 'inactive'), verificationStatus: clinical('allergyintolerance-verification', 'refuted'), code: sct('300916003', 'Latex allergy'), recordedDate: '2026-10-02' } },
      { resource: { resourceType: 'Condition', id: 'fhir-asthma', meta: META, subject: PATIENT, clinicalStatus: clinical('condition-clinical', 'resolved'), verificationStatus: clinical('condition-ver-status', 'confirmed'), code: sct('195967001', 'Asthma'), abatementDateTime: '2010-01-01' } },
    ]);
    await sendBatch('acute', 'RM3', [
      { resource: { resourceType: 'Procedure', id: 'fhir-op', meta: META, subject: PATIENT, status: 'not-done', code: sct('52734007', 'Total hip replacement'), statusReason: sct('182890002', 'Patient requests alternative treatment') } },
    ]);
  });

  it('a refuted allergy stays refuted, a resolved problem is past illness, a procedure not done is not done; an empty section every source answered is nilknown', async () => {
    const response = await fhir('gp', `/Patient/${NHS_NUMBER}/$summary`);
    expect(response.status).toBe(200);
    expect(validationFaults(response.body)).toEqual([]);
    const resources = (response.body as fhir4.Bundle).entry!.map((e) => e.resource as any);
    const latex = resources.find((r) => r.id === `${NHS_NUMBER}.P83005.fhir-latex`);
    expect([latex.clinicalStatus.coding[0].code, latex.verificationStatus.coding[0].code]).toEqual(['inactive', 'refuted']);
    expect(resources.find((r) => r.id === `${NHS_NUMBER}.RM3.fhir-op`).status).toBe('not-done');
    expect(sectionByCode(response.body, '11348-0').entry).toEqual([{ reference: `Condition/${NHS_NUMBER}.P83005.fhir-asthma` }]);
    expect(resources.find((r) => r.id === `${NHS_NUMBER}.P83005.fhir-asthma`).clinicalStatus.coding[0].code).toBe('resolved');
    expect(sectionByCode(response.body, '11450-4').emptyReason?.coding?.[0].code).toBe('nilknown');
    expect(sectionByCode(response.body, '11369-6').emptyReason?.coding?.[0].code).toBe('nilknown');
    const active = await fhir('gp', `/AllergyIntolerance?patient=${NHS_NUMBER}&clinical-status=active`);
    expect(active.body.entry.map((e: fhir4.BundleEntry) => (e.resource as { id: string }).id)).toEqual([`${NHS_NUMBER}.P83005.fhir-pen`]);
  });

  it('a healthcare student: the safeguarding alerts are present, empty and withheld, never absent', async () => {
    const token = userToken({ userId: 'e2e-fhir-student-2', name: 'Sam Student', odsCode: 'RM3', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' });
    const response = await fhirAs(token, `/Patient/${NHS_NUMBER}/$summary`);
    expect(response.status).toBe(200);
    const safeguarding = sectionByCode(response.body, '104605-1').section![1];
    expect([safeguarding.title, safeguarding.entry, safeguarding.emptyReason?.coding?.[0].code]).toEqual(['Safeguarding alerts', undefined, 'withheld']);
    const flags = await fhirAs(token, `/Flag?patient=${NHS_NUMBER}`);
    expect(flags.status).toBe(200);
    expect(flags.body.entry.find((e: fhir4.BundleEntry) => e.search?.mode === 'outcome').resource.issue.map((i: fhir4.OperationOutcomeIssue) => i.code)).toContain('suppressed');
  });

  describe('with the hospital source down', () => {
    let gateway: Awaited<ReturnType<typeof gatewayWithout>>;
    beforeAll(async () => {
      gateway = await gatewayWithout('acute', 740);
    });
    afterAll(() => gateway?.stop());

    it('the procedures the hospital holds are unavailable, never nothing recorded; the hospital is named', async () => {
      const response = await fhirAs(userToken(findDemoUser('gp')), `${gateway.url.replace(/\/graphql$/, '/fhir')}/Patient/${NHS_NUMBER}/$summary`);
      expect(response.status).toBe(200);
      const procedures = sectionByCode(response.body, '47519-4');
      expect(procedures.emptyReason?.coding?.[0].code).toBe('unavailable');
      expect(procedures.text!.div).toContain('Not available: Hospital trust (hospitalProcedures) did not answer (SOURCE_UNAVAILABLE)');
      expect(validationFaults(response.body)).toEqual([]);
    });
  });
});

describe('opt-out', () => {
  const OPTED_OUT = '9990002207';
  const NEVER_KNOWN = '9990002215';

  it('an opted-out patient is 404 NO_SHARED_RECORD, word for word as a patient the record never knew', async () => {
    await registerTestPatient({ id: 'pat-fhir-optout', nhsNumber: OPTED_OUT, family: 'Lowe', given: 'Arthur', gender: 'male', birthDate: '1950-01-01' });
    expect((await fhir('gp', `/Patient/${OPTED_OUT}/$summary`)).status).toBe(200);
    const receipt = await asUser('receptionist').query(`mutation { recordOptOut(nhsNumber: "${OPTED_OUT}") { status } }`);
    expect(receipt.errors).toBeUndefined();
    await pollUntil('the opt-out to take effect', async () => (await fhir('gp', `/Patient/${OPTED_OUT}/$summary`)).status === 404);
    const unknown = await fhir('gp', `/Patient/${NEVER_KNOWN}/$summary`);
    for (const path of [`/Patient/${OPTED_OUT}/$summary`, `/Condition?patient=${OPTED_OUT}`]) {
      const response = await fhir('gp', path);
      expect({ status: response.status, code: outcomeCode(response.body), message: response.body.issue[0].diagnostics }).toEqual({ status: 404, code: 'NO_SHARED_RECORD', message: unknown.body.issue[0].diagnostics });
    }
  });
});
