/// <reference types="fhir" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORGANISATION_KINDS_PATH, loadOrganisationKinds, typesHeld } from '@shareforyou/schema';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import type { SliceFeed } from '../../subgraphs/kit/src/ingest/sliceFeed';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { META, NHS } from '../support/feedMapping';

/**
 * Issue #18 point 1: "the default is all of them". Every kind of organisation that keeps a slice holds
 * every FHIR type of the kit's clinical catalogue (one module per type in subgraphs/kit/src/catalogue,
 * MedicationStatement.ts mapping MedicationRequest too), unless its `holds` in
 * schema/organisation-kinds.yaml leaves the type out AND a comment of that kind names the type (why:
 * not that kind's record, or not mapped yet). A mapping taken away, or a type added to the catalogue
 * that a slice does not map, fails here naming the kind and the type; a type left out is answered
 * to the sender as a warning naming it.
 */

const CATALOGUE_DIR = join(__dirname, '..', '..', 'subgraphs', 'kit', 'src', 'catalogue');
const CATALOGUE_TYPES = [
  ...readdirSync(CATALOGUE_DIR)
    .filter((file) => /^[A-Z][A-Za-z]+\.ts$/.test(file))
    .map((file) => file.slice(0, -3)),
  'MedicationRequest',
].sort();

const FEEDS: Record<string, SliceFeed> = { gp: gpFeed, acute: acuteFeed, 'mental-health': mentalHealthFeed, community: communityFeed, 'social-care': socialCareFeed };
const kinds = loadOrganisationKinds();
const slicesKept = Object.entries(kinds).filter(([, kind]) => kind.subgraph !== null);

/** The comment lines of one kind's block in the yaml, as written (the reasons beside its holds). */
function commentsOf(kindName: string): string {
  const lines = readFileSync(ORGANISATION_KINDS_PATH, 'utf8').split('\n');
  const start = lines.findIndex((l) => l === `${kindName}:`);
  const end = lines.findIndex((l, i) => i > start && /^[a-z][a-z-]*:\s*$/.test(l));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((l) => /^\s+#/.test(l))
    .join('\n');
}

it('the catalogue is the 23 FHIR R4 clinical types of issue #18 point 1', () => {
  expect(CATALOGUE_TYPES).toEqual([
    'AllergyIntolerance', 'Appointment', 'CarePlan', 'Composition', 'Condition', 'Consent', 'DeviceUseStatement', 'DiagnosticReport', 'DocumentReference',
    'Encounter', 'EpisodeOfCare', 'FamilyMemberHistory', 'Flag', 'Immunization', 'List', 'MedicationAdministration', 'MedicationDispense',
    'MedicationRequest', 'MedicationStatement', 'Observation', 'Procedure', 'RelatedPerson', 'ServiceRequest',
  ]);
});

describe.each(slicesKept)('%s', (kindName, kind) => {
  const feed = FEEDS[kind.subgraph!];
  const held = typesHeld(kind, new Set(Object.keys(feed.resources)));
  const leftOut = CATALOGUE_TYPES.filter((type) => !held.has(type));

  it('holds every catalogue type, but those its holds leaves out with the reason named beside it', () => {
    const comments = commentsOf(kindName);
    const unexplained = leftOut.filter((type) => !kind.holds || !new RegExp(`\\b${type}\\b`).test(comments));
    expect(unexplained).toEqual([]);
  });

  it('every type its holds names is mapped by its subgraph (else the subgraph stops at start)', () => {
    for (const type of kind.holds ?? []) expect(Object.keys(feed.resources)).toContain(type);
  });
});

describe('social care holds what a council record holds (issue #18: conditions, allergies, medicines and doses given, observations, contacts, appointments, documents, Lists, advance decisions)', () => {
  it('the council holds each of them, and its own (cases, care packages, assessments, carers, alerts) as before', () => {
    const held = typesHeld(kinds['local-authority'], new Set(Object.keys(socialCareFeed.resources)));
    for (const type of [
      'Condition', 'AllergyIntolerance', 'MedicationStatement', 'MedicationRequest', 'MedicationAdministration', 'Observation', 'Encounter', 'Appointment',
      'DocumentReference', 'Composition', 'List', 'Consent', 'Immunization', 'DeviceUseStatement',
      'EpisodeOfCare', 'ServiceRequest', 'CarePlan', 'Procedure', 'RelatedPerson', 'Flag',
    ]) expect(held).toContain(type);
  });

  it('the trust holds Lists and documents; community services Lists and medicines given', () => {
    for (const type of ['List', 'DocumentReference', 'Composition']) expect(typesHeld(kinds['mental-health-trust'], new Set(Object.keys(mentalHealthFeed.resources))).has(type)).toBe(true);
    for (const type of ['List', 'MedicationAdministration']) expect(typesHeld(kinds['community-provider'], new Set(Object.keys(communityFeed.resources))).has(type)).toBe(true);
  });

  it('a type a council does not hold (a relative’s health) is answered not stored, a warning naming the type; the rest of the bundle is stored', () => {
    const COUNCIL: FeedingOrganisation = { odsCode: '00BM', name: 'Bury Council', kind: 'local-authority', sharingStatus: 'active', sourceSystem: 'Liquidlogic' };
    const familyHistory: fhir4.FamilyMemberHistory = {
      resourceType: 'FamilyMemberHistory', id: 'fmh1', meta: META, status: 'completed', patient: NHS,
      relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH', display: 'mother' }] },
    };
    const condition: fhir4.Condition = { resourceType: 'Condition', id: 'c1', meta: META, subject: NHS, code: { coding: [{ system: 'http://snomed.info/sct', code: '52448006', display: 'Dementia' }] } };
    const prepared = prepareBundle(sliceFeedTarget('social-care', socialCareFeed, null as never, kinds), { resourceType: 'Bundle', type: 'batch', entry: [{ resource: condition }, { resource: familyHistory }] }, COUNCIL);
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.resourceType)).toEqual(['Condition']);
    expect(prepared.unstored).toEqual([{ index: 1, resourceType: 'FamilyMemberHistory', supporting: false }]);
    expect(prepared.notes).toEqual([expect.objectContaining({ severity: 'warning', diagnostics: expect.stringMatching(/^FamilyMemberHistory not stored/) })]);
  });
});
