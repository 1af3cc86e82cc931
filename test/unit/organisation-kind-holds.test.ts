/// <reference types="fhir" />
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { ORGANISATION_KINDS_PATH, parseOrganisationKinds, typesHeld } from '@shareforyou/schema';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { META, NHS } from '../support/feedMapping';

/**
 * Which FHIR types a kind of organisation's slice holds is data (schema/organisation-kinds.yaml,
 * `holds`; issue #18.1): by default every type its subgraph's feed maps; a kind that lists fewer has
 * the rest answered "not stored", a warning naming the type. Adding a type to a kind is one line.
 */

const SNOMED = 'http://snomed.info/sct';
const PRACTICE: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };

const kindsWith = (holds?: string[]) => {
  const table = parse(readFileSync(ORGANISATION_KINDS_PATH, 'utf8'));
  if (holds) table['gp-practice'].holds = holds;
  return parseOrganisationKinds(stringify(table));
};

const condition: fhir4.Condition = { resourceType: 'Condition', id: 'c1', meta: META, subject: NHS, code: { coding: [{ system: SNOMED, code: '38341003', display: 'Hypertension' }] } };
const procedure: fhir4.Procedure = { resourceType: 'Procedure', id: 'p1', meta: META, subject: NHS, status: 'completed', code: { coding: [{ system: SNOMED, code: '80146002', display: 'Appendicectomy' }] } };
const bundle = { resourceType: 'Bundle', type: 'batch', entry: [{ resource: condition }, { resource: procedure }] };

function feedAs(holds?: string[]) {
  const target = sliceFeedTarget('gp', gpFeed, null as never, kindsWith(holds));
  return prepareBundle(target, bundle, PRACTICE);
}

const stored = (prepared: ReturnType<typeof feedAs>) => [...prepared.byPatient.values()].flat().map((p) => p.entry.resourceType);

it('by default a kind holds every type its subgraph maps', () => {
  const prepared = feedAs();
  expect(stored(prepared)).toEqual(['Condition', 'Procedure']);
  expect(prepared.unstored).toEqual([]);
});

it('a kind that holds fewer has the rest answered not stored, with a warning naming the type', () => {
  const prepared = feedAs(['AllergyIntolerance', 'Condition', 'MedicationStatement']);
  expect(stored(prepared)).toEqual(['Condition']);
  expect(prepared.unstored).toEqual([{ index: 1, resourceType: 'Procedure', supporting: false }]);
  expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', diagnostics: expect.stringMatching(/^Procedure not stored/) })]);
});

it('adding a type to a kind is one line of data', () => {
  const prepared = feedAs(['AllergyIntolerance', 'Condition', 'MedicationStatement', 'Procedure']);
  expect(stored(prepared)).toEqual(['Condition', 'Procedure']);
});

it('a kind holding a type its subgraph does not map stops the subgraph at start, naming the fix', () => {
  expect(() => sliceFeedTarget('gp', gpFeed, null as never, kindsWith(['Condition', 'Claim']))).toThrow(
    /gp-practice holds Claim, which the gp feed does not map: map it in the kit's catalogue and subgraphs\/gp\/src\/feed.ts, or remove it from holds/,
  );
});

it('holds is checked when the table is read', () => {
  const table = parse(readFileSync(ORGANISATION_KINDS_PATH, 'utf8'));
  table['gp-practice'].holds = ['condition'];
  expect(() => parseOrganisationKinds(stringify(table))).toThrow(/gp-practice: holds must be a list of FHIR resource type names/);
  table['gp-practice'].holds = ['Condition'];
  table['record-host'].holds = ['Condition'];
  expect(() => parseOrganisationKinds(stringify(table))).toThrow(/record-host: holds is for a kind whose slice a subgraph keeps/);
  expect(typesHeld({ label: 'x', subgraph: 'gp', relationships: [], holds: ['Condition', 'Claim'] }, new Set(['Condition', 'Procedure']))).toEqual(new Set(['Condition']));
});
