/// <reference types="fhir" />
import { feedCapabilityStatement } from '../../subgraphs/kit/src/ingest/capabilityStatement';
import { ENTRY_RESPONSES } from '../../subgraphs/kit/src/ingest/entryResponse';
import { FEED_SUMMARY_EXTENSION, feedOutcome, feedResponseBundle, feedSummary, summaryCounts, type EntryAnswer } from '../../subgraphs/kit/src/ingest/feedAnswer';
import { SUPPORTING_TYPES } from '../../subgraphs/kit/src/ingest/feedBundle';
import { fhirFaults } from '../../subgraphs/kit/src/ingest/fhirValidation';
import { preferredAnswer } from '../../subgraphs/kit/src/ingest/preferredAnswer';
import { gpFeed } from '../../subgraphs/gp/src/feed';

/**
 * The answer to a source system (kit ingest/feedAnswer, entryResponse, preferredAnswer,
 * capabilityStatement): pure, no database. FHIR R4 http.html#transaction: one entry.response per
 * request entry, in order, with status, location and etag where written, outcome where it warns or fails.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const refusal = (index: number, diagnostics: string) => ({ severity: 'error' as const, code: 'invalid' as const, diagnostics, expression: [`Bundle.entry[${index}].resource (MedicationStatement.status)`] });

/** A batch as the feed answers it: a supporting Practitioner, a new medicine, a bad one, a Claim. */
const mixed: EntryAnswer[] = [
  { index: 0, result: 'supporting', resourceType: 'Practitioner', issues: [{ severity: 'information', code: 'informational', diagnostics: 'Practitioner read to resolve references; not stored on its own', expression: ['Bundle.entry[0].resource'] }] },
  { index: 1, result: 'created', resourceType: 'MedicationStatement', written: { sourceId: 'ms-1', version: '3' }, issues: [] },
  { index: 2, result: 'refused-invalid', resourceType: 'MedicationStatement', issues: [refusal(2, 'status is required')] },
  { index: 3, result: 'not-stored', resourceType: 'Claim', issues: [{ severity: 'warning', code: 'not-supported', diagnostics: 'Claim not stored: this feed does not store Claim', expression: ['Bundle.entry[3].resource'] }] },
];

const outcomeOf = (entry: fhir4.BundleEntry | undefined) => entry?.response?.outcome as fhir4.OperationOutcome | undefined;

describe('the response Bundle (batch-response, transaction-response)', () => {
  it('one entry.response per request entry, in order: status, location and etag where written, the outcome where it informs, warns or fails', () => {
    const answer = feedResponseBundle('batch', mixed, 4, NOW);
    expect(answer).toMatchObject({ resourceType: 'Bundle', type: 'batch-response', timestamp: '2026-11-20T09:00:00.000Z' });
    expect(answer.entry?.map((e) => e.response?.status)).toEqual(['200 OK', '201 Created', '422 Unprocessable Entity', '200 OK']);
    expect(answer.entry?.[1].response).toEqual({ status: '201 Created', location: 'MedicationStatement/ms-1/_history/3', etag: 'W/"3"' });
    expect(outcomeOf(answer.entry?.[0])?.issue).toEqual([expect.objectContaining({ severity: 'information', diagnostics: 'Practitioner read to resolve references; not stored on its own' })]);
    expect(outcomeOf(answer.entry?.[2])?.issue).toEqual([refusal(2, 'status is required')]);
    expect(outcomeOf(answer.entry?.[3])?.issue).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-supported', diagnostics: expect.stringContaining('Claim') })]);
    for (const refused of [answer.entry?.[0], answer.entry?.[2], answer.entry?.[3]]) expect(refused?.response).not.toHaveProperty('location');
  });

  it('a transaction is answered with a transaction-response; a collection, read as a batch, with a batch-response', () => {
    expect(feedResponseBundle('transaction', mixed, 4, NOW).type).toBe('transaction-response');
    expect(feedResponseBundle('collection', mixed, 4, NOW).type).toBe('batch-response');
  });

  it('the summary counts every result and says how many entries were not stored and of which types (H70)', () => {
    const summary = 'Accepted: supporting 1, created 1, refused-invalid 1, not-stored 1. 1 entry not stored: this feed does not store Claim.';
    expect(feedSummary(mixed)).toBe(summary);
    expect(feedResponseBundle('batch', mixed, 4, NOW).meta?.extension).toEqual([{ url: FEED_SUMMARY_EXTENSION, valueString: summary }]);
    expect([...summaryCounts(summary)]).toEqual([['supporting', 1], ['created', 1], ['refused-invalid', 1], ['not-stored', 1]]);
    const twoClaimsAndAGoal: EntryAnswer[] = [3, 4, 5].map((index) => ({ index, result: 'not-stored', resourceType: index === 5 ? 'Goal' : 'Claim', issues: [] }));
    expect(feedSummary(twoClaimsAndAGoal)).toBe('Accepted: not-stored 3. 3 entries not stored: this feed does not store Claim, Goal.');
  });

  it('each result answers by FHIR\'s rules: unchanged and stale are 200 OK, a delete of nothing held 200 OK (not 404), withheld 200 OK with a warning', () => {
    const one = (answer: Omit<EntryAnswer, 'index' | 'issues'>) => feedResponseBundle('batch', [{ ...answer, index: 0, issues: [] }], 1, NOW).entry![0].response!;
    const allergy = { resourceType: 'AllergyIntolerance', written: { sourceId: 'al-1', version: '2' } };
    expect(one({ ...allergy, result: 'updated' })).toEqual({ status: '200 OK', location: 'AllergyIntolerance/al-1/_history/2', etag: 'W/"2"' });
    expect(one({ ...allergy, result: 'unchanged' })).toMatchObject({ status: '200 OK', location: 'AllergyIntolerance/al-1/_history/2', etag: 'W/"2"' });
    expect(one({ ...allergy, result: 'stale' })).toEqual({ status: '200 OK', outcome: expect.objectContaining({ issue: [expect.objectContaining({ severity: 'information', diagnostics: expect.stringMatching(/^stale: a newer version is already held/) })] }) });
    expect(one({ ...allergy, result: 'deleted' }).status).toBe('200 OK');
    expect((one({ ...allergy, result: 'not-held' }).outcome as fhir4.OperationOutcome).issue[0]).toMatchObject({ severity: 'information', code: 'not-found' });
    const withheld = one({ ...allergy, result: 'withheld' });
    expect(withheld).not.toHaveProperty('location');
    expect((withheld.outcome as fhir4.OperationOutcome).issue[0]).toMatchObject({ severity: 'warning', code: 'suppressed', diagnostics: expect.stringMatching(/not stored/) });
    expect(one({ ...allergy, result: 'refused-opted-out' }).status).toBe('403 Forbidden');
    for (const rule of Object.values(ENTRY_RESPONSES)) expect(rule.status).toMatch(/^[2-5]\d\d [A-Z][A-Za-z ]+$/);
  });

  it('an entry without an answer is this code\'s fault, never an answer missing a response', () => {
    expect(() => feedResponseBundle('batch', mixed.slice(0, 3), 4, NOW)).toThrow(/3 answers for 4 entries/);
    expect(() => feedResponseBundle('batch', [mixed[1], mixed[0], mixed[2], mixed[3]], 4, NOW)).toThrow();
  });
});

describe('Prefer: return=OperationOutcome keeps the answer clients were built on', () => {
  it('the header chooses the answer; anything else (minimal, representation, none) is the response Bundle', () => {
    expect(preferredAnswer('return=OperationOutcome')).toBe('operation-outcome');
    expect(preferredAnswer('handling=strict; return=operationoutcome')).toBe('operation-outcome');
    expect(preferredAnswer('return=minimal')).toBe('response-bundle');
    expect(preferredAnswer('return=representation')).toBe('response-bundle');
    expect(preferredAnswer(undefined)).toBe('response-bundle');
  });

  it('the OperationOutcome: the summary first, then every entry\'s outcome in entry order (an entry with nothing more to say named by its result)', () => {
    const outcome = feedOutcome(mixed, 4);
    expect(outcome.issue.map((i) => [i.severity, i.expression?.[0] ?? null, i.diagnostics])).toEqual([
      ['information', null, feedSummary(mixed)],
      ['information', 'Bundle.entry[0].resource', 'Practitioner read to resolve references; not stored on its own'],
      ['information', 'Bundle.entry[1]', 'created'],
      ['error', 'Bundle.entry[2].resource (MedicationStatement.status)', 'status is required'],
      ['warning', 'Bundle.entry[3].resource', 'Claim not stored: this feed does not store Claim'],
    ]);
  });
});

describe('GET /fhir/metadata: the CapabilityStatement', () => {
  it('lists one resource per type the feed stores, with create, update and delete; batch and transaction', () => {
    const statement = feedCapabilityStatement('gp', Object.keys(gpFeed.resources), NOW);
    expect(statement).toMatchObject({ resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'], date: '2026-11-20T09:00:00.000Z' });
    expect(statement.rest?.[0].mode).toBe('server');
    expect(statement.rest?.[0].interaction?.map((i) => i.code)).toEqual(['batch', 'transaction']);
    expect(statement.rest?.[0].resource?.map((r) => r.type)).toEqual(Object.keys(gpFeed.resources).sort());
    for (const resource of statement.rest?.[0].resource ?? []) expect(resource.interaction?.map((i) => i.code)).toEqual(['create', 'update', 'delete']);
    const supportingOnly = [...SUPPORTING_TYPES].filter((t) => !(t in gpFeed.resources)).sort();
    expect(statement.rest?.[0].documentation).toContain(`Read to resolve references, not stored: ${supportingOnly.join(', ')}.`);
  });
});

describe('the answers are valid FHIR R4 (the validator the feeds use)', () => {
  it('a batch-response, a transaction-response and the CapabilityStatement have no faults', () => {
    expect(fhirFaults(feedResponseBundle('batch', mixed, 4, NOW))).toEqual([]);
    expect(fhirFaults(feedResponseBundle('transaction', mixed, 4, NOW))).toEqual([]);
    expect(fhirFaults(feedCapabilityStatement('registry', ['Patient', 'Encounter', 'Appointment', 'EpisodeOfCare'], NOW))).toEqual([]);
    expect(fhirFaults(feedOutcome(mixed, 4))).toEqual([]);
  });

  it('control: the validator does find a fault in an answer that breaks R4 (an entry.response without its status)', () => {
    const broken = feedResponseBundle('batch', mixed, 4, NOW);
    delete (broken.entry![1].response as Partial<fhir4.BundleEntryResponse>).status;
    expect(fhirFaults(broken).length).toBeGreaterThan(0);
  });
});
