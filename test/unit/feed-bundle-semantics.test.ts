/// <reference types="fhir" />
import { bundleReferences, referenceDisplay } from '../../subgraphs/kit/src/ingest/bundleReferences';
import { bundleRefusal, prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { META, NHS } from '../support/feedMapping';

/**
 * The kit's bundle semantics (FHIR R4 Bundle, http.html#transaction): pure, no database. Fixtures
 * written from the R4 resource definitions and the UK Core profiles.
 */

const GP: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
const gpTarget = sliceFeedTarget('gp', gpFeed, null as never);

const SNOMED = 'http://snomed.info/sct';
const allergy = (id: string): fhir4.AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance',
  id,
  meta: META,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
  code: { coding: [{ system: SNOMED, code: '372687004', display: 'Amoxicillin' }] },
  patient: NHS,
  recordedDate: '2019-12-10T13:00:00+00:00',
});
const bundle = (type: string, resources: Array<fhir4.FhirResource | { fullUrl: string; resource: fhir4.FhirResource }>) => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((r) => ('fullUrl' in r ? r : { resource: r })),
});
const entries = (prepared: ReturnType<typeof prepareBundle>) => [...prepared.byPatient.values()].flat().map((p) => p.entry.index);
const where = (issues: fhir4.OperationOutcomeIssue[]) => issues.flatMap((i) => i.expression ?? []);

describe('feed bundles: batch, collection and transaction', () => {
  const bad = { ...allergy('ai-bad'), code: undefined } as unknown as fhir4.AllergyIntolerance;

  it('a batch writes its good entries and reports the bad one by entry and FHIR path', () => {
    const prepared = prepareBundle(gpTarget, bundle('batch', [allergy('ai-1'), bad, allergy('ai-3')]), GP);
    expect(entries(prepared)).toEqual([0, 2]);
    expect(where(prepared.issues)).toEqual(['Bundle.entry[1].resource (AllergyIntolerance.code)']);
    expect(bundleRefusal(prepared)).toBeNull();
  });

  it('a collection: each entry stands alone, as in a batch', () => {
    const prepared = prepareBundle(gpTarget, bundle('collection', [bad, allergy('ai-2')]), GP);
    expect(entries(prepared)).toEqual([1]);
    expect(bundleRefusal(prepared)).toBeNull();
  });

  it('a transaction with one bad entry is refused whole', () => {
    const prepared = prepareBundle(gpTarget, bundle('transaction', [allergy('ai-1'), bad]), GP);
    expect(bundleRefusal(prepared)).toMatch(/nothing was written/);
  });

  it('a batch whose every entry fails is refused, saying nothing was written', () => {
    expect(bundleRefusal(prepareBundle(gpTarget, bundle('batch', [bad]), GP))).toMatch(/nothing was written/);
  });

  it('a type this feed does not store is a warning naming the type (H70), not an error: a transaction carrying it is not refused', () => {
    const claim: fhir4.Claim = {
      resourceType: 'Claim', id: 'cl-1', meta: META, status: 'active', use: 'claim', created: '2024-02-01',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }] },
      patient: NHS, provider: { display: 'Bury Central Medical Practice' }, priority: { coding: [{ code: 'normal' }] },
      insurance: [{ sequence: 1, focal: true, coverage: { display: 'NHS' } }],
    };
    const prepared = prepareBundle(gpTarget, bundle('transaction', [allergy('ai-1'), claim]), GP);
    expect(prepared.issues).toEqual([]);
    expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-supported', expression: ['Bundle.entry[1].resource'], diagnostics: expect.stringMatching(/^Claim not stored: this feed does not store Claim/) })]);
    expect(prepared.unstored).toEqual([{ index: 1, resourceType: 'Claim', supporting: false }]);
    expect(bundleRefusal(prepared)).toBeNull();
  });

  it('supporting resources (Practitioner, Organization, Location, Medication) are read, not stored and not errors', () => {
    const supporting: fhir4.FhirResource[] = [
      { resourceType: 'Practitioner', id: 'pr-1', name: [{ family: 'Gose', given: ['Sandra'], prefix: ['Dr'] }] },
      { resourceType: 'Organization', id: 'org-1', name: 'Bury Central Medical Practice' },
      { resourceType: 'Location', id: 'loc-1', name: 'Ward 7' },
      { resourceType: 'Medication', id: 'med-1', code: { coding: [{ system: 'https://dmd.nhs.uk', code: '39720311000001101', display: 'Metformin 500mg tablets' }] } },
    ];
    const prepared = prepareBundle(gpTarget, bundle('batch', [...supporting, allergy('ai-1')]), GP);
    expect(prepared.issues).toEqual([]);
    expect(entries(prepared)).toEqual([4]);
    expect(prepared.notes.map((n) => `${n.severity}: ${n.diagnostics}`)).toEqual(supporting.map((r) => `information: ${r.resourceType} read to resolve references; not stored on its own`));
    expect(prepared.unstored.map((u) => u.supporting)).toEqual([true, true, true, true]);
  });

  it('FHIR R4 structure is checked by the validator: a wrong value type is refused naming its path', () => {
    const wrong = { ...allergy('ai-1'), criticality: 7 } as unknown as fhir4.AllergyIntolerance;
    const prepared = prepareBundle(gpTarget, bundle('batch', [wrong]), GP);
    expect(prepared.issues).toEqual([expect.objectContaining({ expression: ['Bundle.entry[0].resource (AllergyIntolerance.criticality)'], diagnostics: expect.stringMatching(/^FHIR R4: /) })]);
  });

  it('an empty JSON object or array is refused (FHIR ele-1): the validator alone reads it as absent, and it would be stored', () => {
    const empty = { ...allergy('ai-1'), criticality: {}, category: [] } as unknown as fhir4.AllergyIntolerance;
    expect(where(prepareBundle(gpTarget, bundle('batch', [empty]), GP).issues)).toEqual([
      'Bundle.entry[0].resource (AllergyIntolerance.criticality)',
      'Bundle.entry[0].resource (AllergyIntolerance.category)',
    ]);
  });

  it('a value of a JSON type nothing expected is a refused entry, never an exception (any JSON may arrive)', () => {
    const odd = { ...allergy('ai-1'), verificationStatus: { coding: 1e308 } } as unknown as fhir4.AllergyIntolerance;
    const prepared = prepareBundle(gpTarget, bundle('transaction', [odd, { ...allergy('ai-2'), code: { text: {} } } as never]), GP);
    expect(where(prepared.issues)).toEqual(['Bundle.entry[0].resource (AllergyIntolerance.verificationStatus.coding)', 'Bundle.entry[1].resource (AllergyIntolerance.code.text)']);
    expect(prepared.byPatient.size).toBe(0);
  });

  it('a mapping that meets a shape it cannot read refuses the entry, without its error text', () => {
    const fragile = { ...gpTarget, prepare: () => { throw new TypeError('value.slice is not a function'); } };
    const prepared = prepareBundle(fragile, bundle('batch', [allergy('ai-1')]), GP);
    expect(prepared.issues).toEqual([expect.objectContaining({ expression: ['Bundle.entry[0].resource (AllergyIntolerance)'], diagnostics: expect.not.stringMatching(/TypeError|slice/) })]);
    expect(bundleRefusal(prepared)).not.toBeNull();
  });

  it('an element FHIR R4 does not define is refused', () => {
    const extra = { ...allergy('ai-1'), severity: 'high' } as unknown as fhir4.AllergyIntolerance;
    expect(where(prepareBundle(gpTarget, bundle('batch', [extra]), GP).issues)).toEqual(['Bundle.entry[0].resource (AllergyIntolerance.severity)']);
  });

  it('an unknown modifierExtension is refused: the resource must not be read as if it were absent', () => {
    const modified = { ...allergy('ai-1'), modifierExtension: [{ url: 'https://example.org/fhir/StructureDefinition/not-really', valueBoolean: true }] };
    const prepared = prepareBundle(gpTarget, bundle('batch', [modified]), GP);
    expect(prepared.issues).toEqual([expect.objectContaining({ code: 'not-supported', expression: ['Bundle.entry[0].resource (AllergyIntolerance.modifierExtension[0] (https://example.org/fhir/StructureDefinition/not-really))'] })]);
  });

  it('verificationStatus entered-in-error is a delete (as a DELETE would be), even when the source left clinicalStatus set (con-5)', () => {
    const retracted: fhir4.Condition = {
      resourceType: 'Condition',
      id: 'cond-1',
      meta: META,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' }] },
      code: { coding: [{ system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' }] },
      subject: NHS,
    };
    const prepared = prepareBundle(gpTarget, bundle('batch', [retracted]), GP);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat()[0].entry.method).toBe('delete');
    expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', diagnostics: expect.stringMatching(/con-5/) })]);
  });
});

describe('feed bundles: references resolve within the bundle', () => {
  const practitioner: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'pr-1', identifier: [{ system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: 'C1234567' }], name: [{ family: 'Gose', given: ['Sandra'], prefix: ['Dr'] }] };
  const from = { resourceType: 'Observation', contained: [{ resourceType: 'Location', id: 'w7', name: 'Ward 7' }] } as never;

  it('by Type/id, by urn:uuid fullUrl, by #contained and by identifier', () => {
    const refs = bundleReferences([
      { fullUrl: 'urn:uuid:7f7a1d2c-4e59-4a1f-9a51-0f2b7c9d2e11', resource: practitioner },
      { resource: { resourceType: 'Organization', id: 'org-1', name: 'Northern Care Alliance' } },
    ]);
    expect(referenceDisplay({ reference: 'Practitioner/pr-1' }, from, refs)).toBe('Dr Sandra Gose');
    expect(referenceDisplay({ reference: 'urn:uuid:7f7a1d2c-4e59-4a1f-9a51-0f2b7c9d2e11' }, from, refs)).toBe('Dr Sandra Gose');
    expect(referenceDisplay({ reference: '#w7' }, from, refs)).toBe('Ward 7');
    expect(referenceDisplay({ type: 'Practitioner', identifier: { system: 'https://fhir.hl7.org.uk/Id/gmc-number', value: 'C1234567' } }, from, refs)).toBe('Dr Sandra Gose');
    expect(referenceDisplay({ reference: 'https://example.org/fhir/Organization/org-1' }, from, refs)).toBe('Northern Care Alliance');
    expect(referenceDisplay({ reference: 'Practitioner/absent' }, from, refs)).toBeNull();
  });
});
