import { readFeedBundle } from '../../subgraphs/kit/src/ingest/feedBundle';

/** Reading a FHIR R4 Bundle into feed entries, before anything is written (kit ingest/feedBundle.ts). */

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const accepted = new Set(['AllergyIntolerance']);
const allergy = (overrides: Record<string, unknown> = {}) => ({
  resourceType: 'AllergyIntolerance',
  id: 'al-1',
  meta: { versionId: '3', lastUpdated: '2026-11-01T09:00:00+01:00' },
  patient: { identifier: { system: NHS, value: '999 313 3701' } },
  // FHIR R4 ait-1: clinicalStatus is required unless the allergy is entered in error.
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  ...overrides,
});
const bundle = (...entry: unknown[]) => ({ resourceType: 'Bundle', type: 'batch', entry });
const expressions = (body: unknown) => readFeedBundle(body, accepted).issues.flatMap((i) => i.expression ?? []);

describe('reading a feed bundle', () => {
  it('reads an entry with its patient, source id, version and lastUpdated as an instant', () => {
    const { entries, issues } = readFeedBundle(bundle({ resource: allergy() }), accepted);
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      expect.objectContaining({ index: 0, method: 'upsert', resourceType: 'AllergyIntolerance', sourceId: 'al-1', nhsNumber: '9993133701', version: '3', lastUpdated: '2026-11-01T08:00:00.000Z' }),
    ]);
  });

  it('treats entered-in-error as a delete of the item', () => {
    expect(readFeedBundle(bundle({ resource: allergy({ status: 'entered-in-error' }) }), accepted).entries[0].method).toBe('delete');
  });

  it('reads a conditional DELETE by source id and NHS number, and refuses one without them', () => {
    const url = `AllergyIntolerance?_id=al-1&patient.identifier=${NHS}|9993133701`;
    expect(readFeedBundle(bundle({ request: { method: 'DELETE', url } }), accepted).entries[0]).toMatchObject({ method: 'delete', sourceId: 'al-1', nhsNumber: '9993133701' });
    expect(expressions(bundle({ request: { method: 'DELETE', url: 'AllergyIntolerance/al-1' } }))).toEqual(['Bundle.entry[0].request.url']);
    expect(expressions(bundle({ request: { method: 'DELETE', url: `AllergyIntolerance?_id=al-1&patient.identifier=${NHS}|9993133702` } }))).toEqual(['Bundle.entry[0].request.url']);
  });

  it('names the entry and the path of every fault', () => {
    const body = bundle(
      { resource: allergy({ id: undefined }) },
      { resource: allergy({ meta: { versionId: '1' } }) },
      { resource: allergy({ patient: { identifier: { system: NHS, value: '9993133702' } } }) },
      { resource: allergy({ patient: { reference: 'Patient/123' } }) },
    );
    expect(expressions(body)).toEqual(['Bundle.entry[0].resource.id', 'Bundle.entry[1].resource.meta.lastUpdated', 'Bundle.entry[2].resource', 'Bundle.entry[3].resource']);
  });

  it('refuses what is not a bundle, an unknown bundle type, and an empty or oversized bundle', () => {
    expect(expressions({ resourceType: 'Patient' })).toEqual(['Bundle']);
    expect(expressions({ ...bundle({ resource: allergy() }), type: 'document' })).toEqual(['Bundle.type']);
    expect(expressions(bundle())).toEqual(['Bundle.entry']);
    expect(expressions(bundle(...Array.from({ length: 2001 }, () => ({ resource: allergy() }))))).toEqual(['Bundle.entry']);
  });
});

describe('ambiguity is refused, never guessed (issue #21.4)', () => {
  it('two entries with one fullUrl are both refused, each naming the other and bdl-7', () => {
    const read = readFeedBundle(bundle({ fullUrl: 'urn:uuid:a', resource: allergy({ id: 'al-1' }) }, { fullUrl: 'urn:uuid:a', resource: allergy({ id: 'al-2' }) }, { fullUrl: 'urn:uuid:b', resource: allergy({ id: 'al-3' }) }), accepted);
    expect(read.entries.map((e) => e.sourceId)).toEqual(['al-3']);
    expect(read.issues.map((i) => i.expression?.[0])).toEqual(['Bundle.entry[0].fullUrl', 'Bundle.entry[1].fullUrl']);
    expect(read.issues[0].diagnostics).toMatch(/Bundle\.entry\[1\].*bdl-7/);
    expect(read.issues[1].diagnostics).toMatch(/Bundle\.entry\[0\].*bdl-7/);
  });

  it('versions of one resource may share a fullUrl (each its own meta.versionId)', () => {
    const version = (v: string) => allergy({ meta: { versionId: v, lastUpdated: '2026-11-01T09:00:00Z' } });
    expect(readFeedBundle(bundle({ fullUrl: 'urn:uuid:a', resource: version('1') }, { fullUrl: 'urn:uuid:a', resource: version('2') }), accepted).issues).toEqual([]);
    // The same version twice is not two versions.
    expect(expressions(bundle({ fullUrl: 'urn:uuid:a', resource: version('1') }, { fullUrl: 'urn:uuid:a', resource: version('1') }))).toHaveLength(2);
  });
});

describe('a concept is never stored without words (found by the feed fuzz)', () => {
  it('a coding whose code is not a string is not a coding; an empty display falls back to the text or the code', async () => {
    const { optionalCodingOf } = await import('../../subgraphs/kit/src/ingest/fhirValues');
    expect(optionalCodingOf({ coding: [{ system: 'http://snomed.info/sct', code: true as never, display: 'x' }], text: 'Blood pressure' }, 'c')).toMatchObject({ system: 'text', display: 'Blood pressure' });
    expect(optionalCodingOf({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs', display: '' }] }, 'c')).toMatchObject({ code: 'vital-signs', display: 'vital-signs' });
    expect(() => optionalCodingOf({ coding: [{ system: 'http://snomed.info/sct', code: 5 as never }] }, 'c.path')).toThrow(/c\.path has neither a coding nor text/);
  });
});
