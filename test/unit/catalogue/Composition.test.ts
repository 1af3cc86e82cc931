import { slicesHolding } from '../../support/slicesHolding';
/// <reference types="fhir" />
import { acuteFeed } from '../../../subgraphs/acute/src/feed';
import { acuteResolvers } from '../../../subgraphs/acute/src/resolvers';
import type { SubgraphContext } from '../../../subgraphs/kit/src/context';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * A Composition's section entries resolved to the items they name (issue #18.4): a discharge
 * summary's Diagnoses section listing the Condition and its Medications section the
 * MedicationStatement, both sent in the same document bundle (FHIR R4 Composition.section.entry).
 */

const SNOMED = 'http://snomed.info/sct';
const { map } = feedMapping(acuteFeed);
const CONDITION_URL = 'urn:uuid:8c1a6a0e-2f0a-4c55-9a9e-0d1f2e3a4b5c';
const fracture: fhir4.Condition = { resourceType: 'Condition', id: 'dx-1', meta: META, subject: NHS, code: { coding: [{ system: SNOMED, code: '5913000', display: 'Fracture of neck of femur' }] } };
const alendronate: fhir4.MedicationStatement = {
  resourceType: 'MedicationStatement', id: 'ms-1', meta: META, status: 'active', subject: NHS,
  medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39107811000001106', display: 'Alendronic acid 70mg tablets' }] },
};
const summary: fhir4.Composition = {
  resourceType: 'Composition', id: 'comp-1', meta: META, status: 'final', subject: NHS, date: '2026-11-05T10:00:00Z',
  type: { coding: [{ system: SNOMED, code: '373942005', display: 'Discharge summary' }] }, title: 'Discharge summary', author: [{ display: 'Dr A Patel' }],
  section: [
    { title: 'Diagnoses', entry: [{ reference: CONDITION_URL }] },
    { title: 'Medications and medical devices', entry: [{ reference: 'MedicationStatement/ms-1' }, { reference: 'MedicationStatement/elsewhere', display: 'Ramipril 2.5mg capsules' }] },
  ],
};
const bundle = [
  { fullUrl: CONDITION_URL, resource: fracture as fhir4.FhirResource },
  { fullUrl: 'https://trust.example/fhir/MedicationStatement/ms-1', resource: alendronate as fhir4.FhirResource },
];

it('each section lists the items it names: type, source id and name, resolved from the bundle or the reference', () => {
  const sections = map(summary, bundle)!.fields.sections as Array<{ title: string; entries: unknown[] }>;
  expect(sections.map((s) => [s.title, s.entries])).toEqual([
    ['Diagnoses', [{ resourceType: 'Condition', sourceId: 'dx-1', name: 'Fracture of neck of femur' }]],
    [
      'Medications and medical devices',
      [
        { resourceType: 'MedicationStatement', sourceId: 'ms-1', name: null },
        { resourceType: 'MedicationStatement', sourceId: 'elsewhere', name: 'Ramipril 2.5mg capsules' },
      ],
    ],
  ]);
});

it('the record serves each entry with its item id in this record; a document stored before entries were kept has none', async () => {
  const provenance = { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', system: 'x', sourceId: 'comp-1', version: '1', lastUpdated: '2026-11-05T10:00:00Z' };
  const stored = { id: 'RM3/Composition/comp-1', ...map(summary, bundle)!.fields, provenance };
  const older = { ...stored, id: 'RM3/Composition/old', sections: [{ title: 'Diagnoses', code: null, level: 1, text: 'x', tables: [] }] };
  const context = { slices: slicesHolding({ dischargeSummaries: [stored, older] }) } as unknown as SubgraphContext;
  const items = await acuteResolvers.Patient.dischargeSummaries({ nhsNumber: '9434765919' }, {}, context);
  const byId = Object.fromEntries(items.map((i) => [i.id, i.sections]));
  expect((byId['RM3/Composition/comp-1'] as Array<{ entries: Array<{ itemId: string }> }>)[0].entries[0].itemId).toBe('RM3/Condition/dx-1');
  expect((byId['RM3/Composition/old'] as Array<{ entries: unknown[] }>)[0].entries).toEqual([]);
});
