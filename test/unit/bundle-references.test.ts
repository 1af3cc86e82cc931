/// <reference types="fhir" />
import { bundleReferences } from '../../subgraphs/kit/src/ingest/bundleReferences';
import { FeedProblem } from '../../subgraphs/kit/src/ingest/feedProblem';

/** A reference resolves to exactly one resource of the bundle, or is refused: never one of two (issue #21.4). */

const medication = (id: string, display: string) => ({ resourceType: 'Medication', id, code: { coding: [{ system: 'https://dmd.nhs.uk', code: id, display }] }, identifier: [{ system: 'https://trust.example/med', value: 'M1' }] });
const warfarin = medication('1', 'Warfarin 1mg tablets');
const paracetamol = medication('1', 'Paracetamol 500mg tablets');
const statement = { resourceType: 'MedicationStatement', id: 'ms-1' };

it('one resource under a fullUrl, a Type/id or an identifier: resolved', () => {
  const references = bundleReferences([{ fullUrl: 'urn:uuid:w', resource: warfarin }]);
  expect(references.resolve({ reference: 'urn:uuid:w' }, statement)).toBe(warfarin);
  expect(references.resolve({ reference: 'Medication/1' }, statement)).toBe(warfarin);
  expect(references.resolve({ identifier: { system: 'https://trust.example/med', value: 'M1' } }, statement)).toBe(warfarin);
});

it.each([
  ['one fullUrl', [{ fullUrl: 'urn:uuid:m', resource: warfarin }, { fullUrl: 'urn:uuid:m', resource: paracetamol }], { reference: 'urn:uuid:m' }],
  ['one Type/id', [{ fullUrl: 'urn:uuid:w', resource: warfarin }, { fullUrl: 'urn:uuid:p', resource: paracetamol }], { reference: 'Medication/1' }],
  ['one identifier', [{ fullUrl: 'urn:uuid:w', resource: warfarin }, { fullUrl: 'urn:uuid:p', resource: { ...paracetamol, id: '2' } }], { identifier: { system: 'https://trust.example/med', value: 'M1' } }],
])('two resources under %s: refused, naming both, never resolved to either', (_case, entries, reference) => {
  const references = bundleReferences(entries);
  let refused: unknown;
  try {
    references.resolve(reference as fhir4.Reference, statement);
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(FeedProblem);
  expect((refused as FeedProblem).message).toMatch(/could name 2 resources of this bundle \(Medication\/1, Medication\/[12]\)/);
});
