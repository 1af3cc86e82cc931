/// <reference types="fhir" />
import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { INPATIENT_ENCOUNTER_CLASSES } from '../../subgraphs/kit/src/catalogue/Encounter';
import { FeedProblem } from '../../subgraphs/kit/src/ingest/feedProblem';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { classifyField, encounterClassesOf, loadPolicy, loadSubgraphSdl, relationshipRuleFor } from '../../schema/src';
import { feedMapping, META, NHS } from '../support/feedMapping';

/**
 * The mental health trust's and community services' slices hold the clinical catalogue's types the
 * GP's and the hospital's do (issue #18: an organisation kind holds every catalogue type by default),
 * each through the kit's one mapping. Fixtures written from the FHIR R4 definitions of
 * AllergyIntolerance, Encounter and Flag (UK Core: SNOMED CT codings, v3 ActCode classes).
 */

const SNOMED = 'http://snomed.info/sct';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const mh = feedMapping(mentalHealthFeed);
const community = feedMapping(communityFeed);

const encounter = (classCode: string, display: string, start?: string): fhir4.Encounter => ({
  resourceType: 'Encounter',
  id: `enc-${classCode}`,
  meta: META,
  status: 'in-progress',
  class: { system: ACT_CODE, code: classCode, display },
  type: [{ coding: [{ system: SNOMED, code: '185389009', display: 'Follow-up visit' }] }],
  subject: NHS,
  ...(start ? { period: { start } } : {}),
});

describe("the mental health trust's encounters: a stay on its wards apart from its other contacts", () => {
  it('an encounter of an inpatient class (IMP, ACUTE, NONAC) is an admission, named as the hospital names its own', () => {
    for (const classCode of INPATIENT_ENCOUNTER_CLASSES) {
      const mapped = mh.map(encounter(classCode, 'inpatient', '2026-10-01T14:00:00Z'))!;
      expect(mapped.panel).toBe('mentalHealthAdmissions');
      expect(mapped.fields).toMatchObject({ admitted: '2026-10-01T14:00:00Z', discharged: null, current: true });
    }
  });

  it('any other class (a clinic, home or virtual contact) is a contact, kept whether or not it has a start', () => {
    expect(mh.map(encounter('AMB', 'ambulatory', '2026-10-02T10:00:00Z'))!.panel).toBe('mentalHealthContacts');
    expect(mh.map(encounter('HH', 'home health'))!.panel).toBe('mentalHealthContacts');
    expect(mh.map(encounter('VR', 'virtual'))!.fields).toMatchObject({ start: null, class: { code: 'VR' } });
  });

  it('a stay that does not say when it began is refused, naming the element', () => {
    const problem = mh.problemOf(encounter('IMP', 'inpatient encounter'));
    expect(problem).toBeInstanceOf(FeedProblem);
    expect(problem.path).toBe('Encounter.period.start');
  });

  it("the inpatient classes are the ones the kinds table names for a hospital admission (one meaning, kept equal)", () => {
    expect([...INPATIENT_ENCOUNTER_CLASSES].sort()).toEqual([...encounterClassesOf('acute-trust', 'admission')].sort());
  });

  it('holding encounters changes no care relationship: for the trust only an open EpisodeOfCare forms one', () => {
    for (const classCode of [...INPATIENT_ENCOUNTER_CLASSES, 'AMB', 'EMER']) expect(relationshipRuleFor('mental-health-trust', 'Encounter', classCode)).toBeNull();
    expect(relationshipRuleFor('mental-health-trust', 'EpisodeOfCare')).toMatchObject({ relationship: 'referral' });
    for (const classCode of [...INPATIENT_ENCOUNTER_CLASSES, 'AMB', 'HH']) expect(relationshipRuleFor('community-provider', 'Encounter', classCode)).toBeNull();
  });
});

describe('allergies: a coded "no known allergy" is a statement in its own panel, never an allergy, at the trust and in community services alike', () => {
  const allergy = (code: string, display: string): fhir4.AllergyIntolerance => ({
    resourceType: 'AllergyIntolerance',
    id: `al-${code}`,
    meta: META,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    code: { coding: [{ system: SNOMED, code, display }] },
    patient: NHS,
    recordedDate: '2026-09-01',
  });

  it.each([
    ['mental health trust', mh, 'mentalHealthAllergies', 'mentalHealthNoKnownAllergies'],
    ['community services', community, 'communityAllergies', 'communityNoKnownAllergies'],
  ])('%s', (_source, feed, allergies, statements) => {
    expect(feed.map(allergy('91936005', 'Allergy to penicillin'))!.panel).toBe(allergies);
    const nkda = feed.map(allergy('409137002', 'No known drug allergy'))!;
    expect(nkda.panel).toBe(statements);
    expect(nkda.fields).toMatchObject({ scope: 'medication' });
  });
});

describe("community services' alerts are filed by their codes (schema/clinical-codes.yaml), as the GP's are", () => {
  const flag = (coding: fhir4.Coding, text?: string): fhir4.Flag => ({
    resourceType: 'Flag',
    id: `fl-${coding.code}`,
    meta: META,
    status: 'active',
    code: { coding: [coding], ...(text ? { text } : {}) },
    subject: NHS,
    period: { start: '2026-08-01' },
  });

  it('a safeguarding code is a safeguarding alert, a mental-health risk code a risk alert, anything else a general alert; words never decide', () => {
    expect(community.map(flag({ system: SNOMED, code: '417430008', display: 'Vulnerable adult' }))!.panel).toBe('communitySafeguardingAlerts');
    expect(community.map(flag({ system: SNOMED, code: '225444004', display: 'At risk for suicide' }))!.panel).toBe('communityRiskAlerts');
    expect(community.map(flag({ system: SNOMED, code: '225915006', display: 'At risk of falls' }, 'Safeguarding: key safe at the back door'))!.panel).toBe('communityAlerts');
  });
});

describe('each field the two slices now hold is classified as the GP’s or the hospital’s field of that type (default deny: unclassified is refused)', () => {
  const policy = loadPolicy();
  const category = (field: string) => {
    const c = classifyField(policy, 'Patient', field);
    return c.kind === 'category' ? c.category : c.kind;
  };
  const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
  const patientFields = (subgraph: string) =>
    new Map(
      (parse(loadSubgraphSdl(subgraph)).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')!.fields ?? []).map((f) => [
        f.name.value,
        namedType(f.type),
      ]),
    );

  it.each([
    ['mental-health', 'mentalHealthAllergies', 'gp', 'allergies'],
    ['mental-health', 'mentalHealthNoKnownAllergies', 'gp', 'noKnownAllergies'],
    ['mental-health', 'mentalHealthImmunisations', 'gp', 'immunisations'],
    ['mental-health', 'mentalHealthProcedures', 'gp', 'procedures'],
    ['mental-health', 'mentalHealthAdmissions', 'acute', 'admissions'],
    ['mental-health', 'mentalHealthContacts', 'acute', 'otherEncounters'],
    ['community', 'communityAllergies', 'gp', 'allergies'],
    ['community', 'communityNoKnownAllergies', 'gp', 'noKnownAllergies'],
    ['community', 'communityMedications', 'gp', 'medications'],
    ['community', 'communityProcedures', 'gp', 'procedures'],
    ['community', 'communityImmunisations', 'gp', 'immunisations'],
    ['community', 'communityReferrals', 'gp', 'referrals'],
    ['community', 'communityAlerts', 'gp', 'alerts'],
    ['community', 'communitySafeguardingAlerts', 'gp', 'gpSafeguardingAlerts'],
    ['community', 'communityRiskAlerts', 'gp', 'gpRiskAlerts'],
  ])('%s %s: the type and category of %s %s', (subgraph, field, likeSubgraph, likeField) => {
    expect(patientFields(subgraph).get(field)).toBe(patientFields(likeSubgraph).get(likeField));
    expect(category(field)).toBe(category(likeField));
  });

  it('the community safeguarding alerts are safeguarding (sensitive), the risk alerts mental-health risk (sensitive)', () => {
    expect(category('communitySafeguardingAlerts')).toBe('safeguarding');
    expect(category('communityRiskAlerts')).toBe('mentalHealthRisk');
  });
});
