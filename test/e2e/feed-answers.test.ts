/// <reference types="fhir" />
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { feedUrl, sendBundle } from '../../tools/src/feeds/feedClient';
import { closeDatabases, database } from '../support/clients';
import { medicationEntry } from '../support/feedBundles';
import { stackInfo } from '../support/stackInfo';

/**
 * What a feed answers its source system, through the real feeds (real HTTP, real database): FHIR
 * R4's batch-response / transaction-response with one entry.response per entry in order (http.html#transaction),
 * a type not stored answered with a warning (H70), the OperationOutcome of before on
 * Prefer: return=OperationOutcome, and GET /fhir/metadata.
 */

afterAll(closeDatabases);

const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
// Patients of these tests only (valid Modulus 11), so the order of test files does not matter.
const BATCH_PATIENT = '9990007004';
const TRANSACTION_PATIENT = '9990007012';
const REFUSED_PATIENT = '9990007020';
const LEGACY_PATIENT = '9990007039';

const bundle = (type: string, entry: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type, entry });
const practitioner = { resource: { resourceType: 'Practitioner', id: 'pr-answer-1', name: [{ family: 'Rahman', given: ['Aisha'] }] } };
const claim = (nhsNumber: string) => ({
  resource: {
    resourceType: 'Claim', id: 'claim-answer-1', meta: { versionId: '1', lastUpdated: '2024-02-05T10:00:00Z' }, status: 'active', use: 'claim', created: '2024-02-05',
    type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
    patient: { identifier: { system: NHS, value: nhsNumber } }, provider: { display: 'Bury Central Medical Practice' }, priority: { coding: [{ code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: { display: 'NHS' } }],
  },
});
const badMedication = (nhsNumber: string, id: string) => {
  const entry = medicationEntry(nhsNumber, id);
  return { ...entry, resource: { ...entry.resource, status: 'taking-it-sometimes' } };
};
const conditionalDelete = (nhsNumber: string, id: string) => ({ request: { method: 'DELETE', url: `MedicationStatement?_id=${id}&patient.identifier=${NHS}|${nhsNumber}` } });

const storedIds = async (nhsNumber: string): Promise<string[]> => {
  const slice = await (await database('gp')).collection('patientSlices').findOne({ _id: nhsNumber as never });
  return (slice?.tombstones ?? []).map((t: { id: string }) => `tombstone ${t.id}`).concat(slice ? ['slice'] : []);
};
const outcome = (entry: fhir4.BundleEntry | undefined) => ((entry?.response?.outcome as fhir4.OperationOutcome | undefined)?.issue ?? []).map((i) => `${i.severity} ${i.code}: ${i.diagnostics}`);

describe('a batch is answered entry by entry (batch-response)', () => {
  it('a supporting resource, a new medicine, a refused one, a Claim and a delete of nothing held: statuses, locations, etags and outcomes in order', async () => {
    const sent = [practitioner, medicationEntry(BATCH_PATIENT, 'ms-answer-good'), badMedication(BATCH_PATIENT, 'ms-answer-bad'), claim(BATCH_PATIENT), conditionalDelete(BATCH_PATIENT, 'ms-answer-never')];
    const response = await sendBundle('gp', 'P83005', bundle('batch', sent), env());
    expect(response.status).toBe(200);
    const answer = response.answer as fhir4.Bundle;
    expect(answer.type).toBe('batch-response');
    expect(answer.entry).toHaveLength(sent.length);
    expect(answer.entry!.map((e) => e.response?.status)).toEqual(['200 OK', '201 Created', '422 Unprocessable Entity', '200 OK', '200 OK']);
    expect(outcome(answer.entry![0])).toEqual(['information informational: Practitioner read to resolve references; not stored on its own']);
    expect(answer.entry![1].response).toEqual({ status: '201 Created', location: 'MedicationStatement/ms-answer-good/_history/1', etag: 'W/"1"' });
    expect(outcome(answer.entry![2])).toEqual([expect.stringMatching(/^error \w+: .*MedicationStatement|^error \w+: FHIR R4/)]);
    expect((answer.entry![2].response?.outcome as fhir4.OperationOutcome).issue[0].expression?.[0]).toMatch(/^Bundle\.entry\[2\]\.resource \(MedicationStatement\.status\)/);
    expect(outcome(answer.entry![3])).toEqual([expect.stringMatching(/^warning not-supported: Claim not stored: this feed does not store Claim/)]);
    expect(outcome(answer.entry![4])).toEqual([expect.stringMatching(/^information not-found: nothing held to delete/)]);
    for (const index of [0, 2, 3, 4]) expect(answer.entry![index].response).not.toHaveProperty('location');
    expect(response.summary).toBe('Accepted: supporting 1, created 1, refused-invalid 1, not-stored 1, not-held 1. 1 entry not stored: this feed does not store Claim.');
    expect(await storedIds(BATCH_PATIENT)).toEqual(['tombstone P83005/MedicationStatement/ms-answer-never', 'slice']);

    const again = await sendBundle('gp', 'P83005', bundle('batch', [medicationEntry(BATCH_PATIENT, 'ms-answer-good')]), env());
    expect((again.answer as fhir4.Bundle).entry).toEqual([
      { response: { status: '200 OK', location: 'MedicationStatement/ms-answer-good/_history/1', etag: 'W/"1"', outcome: expect.objectContaining({ issue: [expect.objectContaining({ diagnostics: 'unchanged: this version is already held' })] }) } },
    ]);
  });
});

describe('a transaction is answered whole (transaction-response), or refused whole', () => {
  it('a valid transaction with a Claim: transaction-response, the medicine created, the Claim a warning', async () => {
    const response = await sendBundle('gp', 'P83005', bundle('transaction', [medicationEntry(TRANSACTION_PATIENT, 'ms-answer-tx'), claim(TRANSACTION_PATIENT)]), env());
    expect(response.status).toBe(200);
    const answer = response.answer as fhir4.Bundle;
    expect(answer.type).toBe('transaction-response');
    expect(answer.entry!.map((e) => e.response?.status)).toEqual(['201 Created', '200 OK']);
    expect(answer.entry![0].response).toMatchObject({ location: 'MedicationStatement/ms-answer-tx/_history/1', etag: 'W/"1"' });
    expect(outcome(answer.entry![1])).toEqual([expect.stringMatching(/^warning not-supported: Claim not stored/)]);
    expect(response.summary).toMatch(/^Accepted: created 1, not-stored 1\. 1 entry not stored: this feed does not store Claim\.$/);
  });

  it('a transaction with failing entries: 422, an OperationOutcome naming every failing entry, and nothing written', async () => {
    const sent = [medicationEntry(REFUSED_PATIENT, 'ms-answer-ok'), badMedication(REFUSED_PATIENT, 'ms-answer-bad-1'), claim(REFUSED_PATIENT), badMedication(REFUSED_PATIENT, 'ms-answer-bad-2')];
    const response = await sendBundle('gp', 'P83005', bundle('transaction', sent), env());
    expect(response.status).toBe(422);
    expect(response.answer.resourceType).toBe('OperationOutcome');
    const failing = response.issues.filter((i) => i.severity === 'error' && i.expression).map((i) => i.expression![0].slice(0, 'Bundle.entry[1]'.length));
    expect([...new Set(failing)]).toEqual(['Bundle.entry[1]', 'Bundle.entry[3]']);
    expect(await storedIds(REFUSED_PATIENT)).toEqual([]);
  });
});

describe('Prefer: return=OperationOutcome keeps the answer clients were built on', () => {
  it('the same kind of batch answered as one OperationOutcome: the summary, then each entry in order', async () => {
    const sent = [practitioner, medicationEntry(LEGACY_PATIENT, 'ms-answer-legacy'), claim(LEGACY_PATIENT)];
    const response = await sendBundle('gp', 'P83005', bundle('batch', sent), env(), { prefer: 'return=OperationOutcome' });
    expect(response.status).toBe(200);
    expect(response.answer.resourceType).toBe('OperationOutcome');
    expect(response.issues.map((i) => [i.severity, i.expression?.[0] ?? null, i.diagnostics])).toEqual([
      ['information', null, 'Accepted: supporting 1, created 1, not-stored 1. 1 entry not stored: this feed does not store Claim.'],
      ['information', 'Bundle.entry[0].resource', 'Practitioner read to resolve references; not stored on its own'],
      ['information', 'Bundle.entry[1]', 'created'],
      ['warning', 'Bundle.entry[2].resource', expect.stringMatching(/^Claim not stored: this feed does not store Claim/)],
    ]);
  });
});

describe('GET /fhir/metadata: what each feed stores', () => {
  const metadata = async (feed: string) => {
    const response = await fetch(`${feedUrl(feed, env())}/metadata`);
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/^application\/fhir\+json/) });
    return (await response.json()) as fhir4.CapabilityStatement;
  };

  it('the GP feed, without a token: a CapabilityStatement listing the types its mapping table stores', async () => {
    const statement = await metadata('gp');
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'] });
    expect(statement.rest![0].resource!.map((r) => r.type)).toEqual(Object.keys(gpFeed.resources).sort());
    expect(statement.rest![0].interaction!.map((i) => i.code)).toEqual(['batch', 'transaction']);
  });

  it('the registry feed lists its own types', async () => {
    expect((await metadata('registry')).rest![0].resource!.map((r) => r.type)).toEqual(['Appointment', 'Encounter', 'EpisodeOfCare', 'Patient']);
  });
});

describe('ambiguity in a bundle is refused, never resolved to either (issue #21.4)', () => {
  const AMBIGUOUS_PATIENT = '9990007047';
  const medicine = (display: string, code: string) => ({ fullUrl: 'urn:uuid:4b1c0e7e-1111-4c3a-9f00-000000000001', resource: { resourceType: 'Medication', id: `med-${code}`, code: { coding: [{ system: 'https://dmd.nhs.uk', code, display }] } } });
  const statement = (id: string) => {
    const entry = medicationEntry(AMBIGUOUS_PATIENT, id);
    const { medicationCodeableConcept: _code, ...resource } = entry.resource as Record<string, unknown>;
    return { ...entry, resource: { ...resource, medicationReference: { reference: 'urn:uuid:4b1c0e7e-1111-4c3a-9f00-000000000001' } } };
  };

  it('batch: warfarin and paracetamol sharing one fullUrl are both refused naming each other and bdl-7; the statement naming that fullUrl is refused; the rest is taken', async () => {
    const sent = [medicine('Warfarin 1mg tablets', '42270811000001108'), medicine('Paracetamol 500mg tablets', '42109611000001109'), statement('ms-ambiguous'), medicationEntry(AMBIGUOUS_PATIENT, 'ms-unambiguous')];
    const response = await sendBundle('gp', 'P83005', bundle('batch', sent), env());
    const answer = response.answer as fhir4.Bundle;
    expect(answer.entry!.map((e) => e.response?.status.slice(0, 3))).toEqual(['422', '422', '422', '201']);
    expect(outcome(answer.entry![0])).toEqual([expect.stringMatching(/Bundle\.entry\[1\].*bdl-7/)]);
    expect(outcome(answer.entry![1])).toEqual([expect.stringMatching(/Bundle\.entry\[0\].*bdl-7/)]);
    expect(outcome(answer.entry![2])).toEqual([expect.stringMatching(/could name 2 resources of this bundle.*never resolved to either/)]);
    expect(answer.entry![3].response?.location).toBe('MedicationStatement/ms-unambiguous/_history/1');
    expect(response.summary).toBe('Accepted: refused-invalid 3, created 1.');
  });

  it('transaction: refused whole (4xx), nothing written', async () => {
    const TX_PATIENT = '9990007055';
    const txStatement = { ...statement('ms-ambiguous-tx'), resource: { ...statement('ms-ambiguous-tx').resource, subject: { identifier: { system: NHS, value: TX_PATIENT } } } };
    const response = await sendBundle('gp', 'P83005', bundle('transaction', [medicine('Warfarin 1mg tablets', '42270811000001108'), medicine('Paracetamol 500mg tablets', '42109611000001109'), txStatement, medicationEntry(TX_PATIENT, 'ms-tx-ok')]), env());
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.issues.map((i) => i.diagnostics).join('\n')).toMatch(/bdl-7/);
    expect(await storedIds(TX_PATIENT)).toEqual([]);
  });
});
