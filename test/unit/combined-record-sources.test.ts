import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type StringValueNode, type TypeNode } from 'graphql';
import { classifyField, loadPolicy, loadSubgraphSdl, SCHEMA_DIR, subgraphServices } from '@shareforyou/schema';
import { combinedResolvers } from '../../subgraphs/combined/src/resolvers';
import {
  ADMINISTRATION_FIELDS,
  ADVANCE_DIRECTIVE_FIELDS,
  ALERT_FIELDS,
  ALLERGY_FIELDS,
  APPOINTMENT_FIELDS,
  CARE_PLAN_FIELDS,
  DEVICE_FIELDS,
  DOCUMENT_FIELDS,
  ENCOUNTER_FIELDS,
  FAMILY_HISTORY_FIELDS,
  IMMUNISATION_FIELDS,
  MEDICATION_FIELDS,
  NO_CURRENT_MEDICATION_FIELDS,
  NO_KNOWN_ALLERGY_FIELDS,
  NO_KNOWN_PROBLEM_FIELDS,
  OBSERVATION_FIELDS,
  TEST_REPORT_FIELDS,
  PROBLEM_FIELDS,
  PROCEDURE_FIELDS,
  REFERRAL_FIELDS,
  RISK_ALERT_FIELDS,
  SAFEGUARDING_ALERT_FIELDS,
} from '../../subgraphs/combined/src/sections';

/**
 * Every source reaches the combined record (issue #18: one catalogue, one combined view per section
 * including every source; H97). Each combined section takes every organisation's Patient field of
 * its catalogue type, read from the SDL: a field added to a slice (the mental health trust's
 * referrals, a council's alerts) that no section takes fails here, naming it. Alerts are split by
 * the policy: safeguarding-classified lists to the safeguarding section (sensitive), risk-classified
 * ones to the risk alerts section (sensitive; H170), every other to the alerts section.
 */

const policy = loadPolicy();
const category = (field: string) => {
  const c = classifyField(policy, 'Patient', field);
  return c.kind === 'category' ? c.category : c.kind;
};

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isList = (type: TypeNode): boolean => type.kind === Kind.LIST_TYPE || (type.kind === Kind.NON_NULL_TYPE && isList(type.type));

/** Every organisation's Patient list fields, by item type: { Referral: ['referrals', 'hospitalReferrals', ...] }. */
function organisationFieldsByType(): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const { name } of subgraphServices.filter((s) => !['combined', 'registry', 'audit'].includes(s.name))) {
    const patient = parse(loadSubgraphSdl(name)).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient');
    // Lists only: a single item (the social care safeguardingAlert, the current crisis plan) is one of its list's items.
    for (const field of (patient?.fields ?? []).filter((f) => isList(f.type))) {
      const type = namedType(field.type);
      const fieldName = field.name.value;
      byType.set(type, [...(byType.get(type) ?? []), fieldName]);
    }
  }
  return byType;
}

/** The top-level fields each combined section @requires, from schema/combined.graphql as written. */
function requiredFieldsBySection(): Map<string, string[]> {
  const sdl = readFileSync(join(SCHEMA_DIR, 'combined.graphql'), 'utf8');
  const patient = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')!;
  const topLevel = (fields: string) => {
    const names: string[] = [];
    let depth = 0;
    for (const token of fields.match(/\.\.\.\w+|[{}]|\w+/g) ?? []) {
      if (token === '{') depth++;
      else if (token === '}') depth--;
      else if (depth === 0) names.push(token);
    }
    return names;
  };
  const requires = (f: FieldDefinitionNode) => f.directives?.find((d) => d.name.value === 'requires');
  return new Map(
    (patient.fields ?? []).filter(requires).map((f) => [f.name.value, topLevel((requires(f)!.arguments![0].value as StringValueNode).value)]),
  );
}

const byType = organisationFieldsByType();
const of = (type: string, keep: (field: string) => boolean = () => true) => (byType.get(type) ?? []).filter(keep).sort();
const sorted = (fields: readonly string[]) => [...fields].sort();
const SENSITIVE_ALERTS = ['safeguarding', 'mentalHealthRisk'];

const SECTIONS: Array<[section: string, fields: readonly string[], expected: () => string[]]> = [
  ['combinedAllergies', [...ALLERGY_FIELDS, ...NO_KNOWN_ALLERGY_FIELDS], () => [...of('Allergy'), ...of('NoKnownAllergies')].sort()],
  ['combinedProblems', [...PROBLEM_FIELDS, ...NO_KNOWN_PROBLEM_FIELDS], () => [...of('Problem'), ...of('NoKnownProblems')].sort()],
  ['combinedMedications', [...MEDICATION_FIELDS, ...NO_CURRENT_MEDICATION_FIELDS], () => [...of('Medication'), ...of('NoCurrentMedications')].sort()],
  ['combinedProcedures', PROCEDURE_FIELDS, () => of('Procedure')],
  ['combinedImmunisations', IMMUNISATION_FIELDS, () => of('Immunisation')],
  ['combinedReferrals', REFERRAL_FIELDS, () => of('Referral')],
  ['combinedCarePlans', CARE_PLAN_FIELDS, () => of('CarePlan')],
  ['combinedAlerts', ALERT_FIELDS, () => of('Alert', (f) => !SENSITIVE_ALERTS.includes(category(f)))],
  ['combinedSafeguardingAlerts', SAFEGUARDING_ALERT_FIELDS, () => of('Alert', (f) => category(f) === 'safeguarding')],
  ['combinedRiskAlerts', RISK_ALERT_FIELDS, () => of('Alert', (f) => category(f) === 'mentalHealthRisk')],
  ['combinedFamilyHistory', FAMILY_HISTORY_FIELDS, () => of('FamilyHistory')],
  ['combinedMedicalDevices', DEVICE_FIELDS, () => of('MedicalDevice')],
  ['combinedAdvanceDirectives', ADVANCE_DIRECTIVE_FIELDS, () => of('AdvanceDecision')],
  ['combinedMedicationAdministrations', ADMINISTRATION_FIELDS, () => of('MedicationAdministration')],
  ['combinedResults', OBSERVATION_FIELDS, () => of('TestResult')],
  ['combinedTestReports', TEST_REPORT_FIELDS, () => of('TestReport')],
  ['combinedVitalSigns', OBSERVATION_FIELDS, () => of('TestResult')],
  ['combinedSocialHistory', OBSERVATION_FIELDS, () => of('TestResult')],
  ['combinedDocuments', DOCUMENT_FIELDS, () => of('DischargeSummary')],
  ['combinedAppointments', APPOINTMENT_FIELDS, () => of('OutpatientAppointment')],
  ['combinedEncounters', ENCOUNTER_FIELDS, () => ['Consultation', 'Admission', 'AeAttendance', 'HospitalEncounter', 'CommunityVisit'].flatMap((type) => of(type)).sort()],
];

describe('every source of a catalogue type reaches its combined section', () => {
  const requires = requiredFieldsBySection();

  it('every combined section the schema has is checked here (a new section cannot go unchecked)', () => {
    const sdl = readFileSync(join(SCHEMA_DIR, 'combined.graphql'), 'utf8');
    const patient = parse(sdl).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')!;
    const sections = (patient.fields ?? []).filter((f) => !f.directives?.some((d) => d.name.value === 'external') && f.name.value !== 'nhsNumber').map((f) => f.name.value);
    expect(sections.length).toBeGreaterThan(15);
    expect(sections.sort()).toEqual(SECTIONS.map(([section]) => section).sort());
    // and every section @requires what it computes from
    expect([...requires.keys()].sort()).toEqual(sections.sort());
  });

  it.each(SECTIONS)('%s takes every organisation field of its type, and @requires exactly those', (section, fields, expected) => {
    expect(sorted(fields)).toEqual(expected());
    expect(sorted(requires.get(section) ?? [])).toEqual(sorted(fields));
  });

  it('the mental health trust is a source of the referrals, alerts, safeguarding alerts and care plans sections; the council of the alerts and safeguarding alerts; community services of the care plans', () => {
    expect(CARE_PLAN_FIELDS).toEqual(expect.arrayContaining(['mentalHealthCarePlans', 'communityCarePlans']));
    expect(CARE_PLAN_FIELDS).not.toContain('crisisPlans');
    expect(REFERRAL_FIELDS).toContain('mentalHealthReferrals');
    expect(ALERT_FIELDS).toEqual(expect.arrayContaining(['mentalHealthAlerts', 'socialCareAlerts']));
    expect(SAFEGUARDING_ALERT_FIELDS).toEqual(expect.arrayContaining(['mentalHealthSafeguardingAlerts', 'safeguardingAlerts']));
  });

  it('risk-coded alerts are in the risk alerts section alone, never among the general or safeguarding alerts (H170, H173, H174)', () => {
    const risk = of('Alert', (f) => category(f) === 'mentalHealthRisk');
    // The mental health trust's risk-coded flags (H173) and the council's (H174) too: every source's.
    expect(risk).toEqual(['communityRiskAlerts', 'gpRiskAlerts', 'hospitalRiskAlerts', 'mentalHealthRiskAlerts', 'socialCareRiskAlerts']);
    expect(sorted(RISK_ALERT_FIELDS)).toEqual(risk);
    for (const field of risk) expect([...ALERT_FIELDS, ...SAFEGUARDING_ALERT_FIELDS]).not.toContain(field);
  });

  it('a section is classified as the per-organisation fields it takes; safeguarding stays safeguarding, mental-health risk stays mental-health risk', () => {
    expect(category('combinedSafeguardingAlerts')).toBe('safeguarding');
    for (const field of SAFEGUARDING_ALERT_FIELDS) expect(category(field)).toBe('safeguarding');
    expect(category('combinedRiskAlerts')).toBe('mentalHealthRisk');
    for (const field of RISK_ALERT_FIELDS) expect(category(field)).toBe('mentalHealthRisk');
  });
});

const GP = { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', lastUpdated: '2026-01-01T00:00:00Z' };
const MH = { odsCode: 'RT2', organisationName: 'Pennine Care NHS Foundation Trust', lastUpdated: '2026-02-01T00:00:00Z' };
const SNOMED = 'http://snomed.info/sct';
const sct = (code: string, display: string) => ({ system: SNOMED, code, display, coding: [{ system: SNOMED, code, display }], text: null });
/** A patient whose community services' referrals and alerts came back empty (each test names the sources it is about). */
const patient = (fields: Record<string, unknown>) => ({ nhsNumber: '9990000468', communityReferrals: [], communityAlerts: [], communitySafeguardingAlerts: [], ...fields });
const sourcesOf = (section: { items: Array<{ sources: Array<{ provenance: { odsCode: string } }> }> }) => section.items.map((i) => i.sources.map((s) => s.provenance.odsCode));

describe("the combined sections serve the mental health trust's and the council's items, naming them", () => {
  const resolve = combinedResolvers.Patient;
  const referral = { id: 'RT2/ServiceRequest/r', code: sct('306206005', 'Referral to service'), status: 'active', current: true, authoredOn: '2026-11-02T09:00:00Z', provenance: MH };
  const alert = { id: 'RT2/Flag/a', code: sct('225915006', 'At risk of falls'), status: 'active', current: true, start: '2026-10-01', end: null, provenance: MH };

  it("a mental health referral is an item of combinedReferrals, the GP's copy written the same day merged with it", () => {
    const section = resolve.combinedReferrals(patient({ referrals: [{ ...referral, id: 'P83005/ServiceRequest/r', provenance: GP }], hospitalReferrals: [], mentalHealthReferrals: [referral] }));
    expect(sourcesOf(section)).toEqual([['P83005', 'RT2']]);
    expect(section.notRead).toEqual([]);
  });

  it('a mental health alert is an item of combinedAlerts; its safeguarding alert of combinedSafeguardingAlerts', () => {
    expect(sourcesOf(resolve.combinedAlerts(patient({ alerts: [], hospitalAlerts: [], mentalHealthAlerts: [alert], socialCareAlerts: [] })))).toEqual([['RT2']]);
    expect(sourcesOf(resolve.combinedSafeguardingAlerts(patient({ gpSafeguardingAlerts: [], hospitalSafeguardingAlerts: [], mentalHealthSafeguardingAlerts: [alert], safeguardingAlerts: [] })))).toEqual([['RT2']]);
  });

  it("the council's alert and safeguarding alert (the catalogue's Alert now) are items of combinedAlerts and combinedSafeguardingAlerts; withheld, the council is named", () => {
    const council = { ...alert, id: 'LA351/Flag/s', code: sct('417430008', 'Vulnerable adult'), provenance: { odsCode: 'LA351', organisationName: 'Bury Council', lastUpdated: '2026-03-01T00:00:00Z' } };
    expect(sourcesOf(resolve.combinedSafeguardingAlerts(patient({ gpSafeguardingAlerts: [], hospitalSafeguardingAlerts: [], mentalHealthSafeguardingAlerts: [], safeguardingAlerts: [council] })))).toEqual([['LA351']]);
    expect(sourcesOf(resolve.combinedAlerts(patient({ alerts: [], hospitalAlerts: [], mentalHealthAlerts: [], socialCareAlerts: [council] })))).toEqual([['LA351']]);
    const withheld = resolve.combinedAlerts(patient({ alerts: [], hospitalAlerts: [], mentalHealthAlerts: [], socialCareAlerts: null }));
    expect(withheld.notRead.map((n) => [n.source, n.field])).toEqual([['Council social care', 'socialCareAlerts']]);
  });

  it("the trust's and community services' care plans are items of combinedCarePlans, each its own; a source withheld is named", () => {
    const plan = { id: 'RT2/CarePlan/p', title: 'CPA care plan', status: 'active', current: true, start: '2026-01-01', provenance: MH };
    const community = { ...plan, id: 'NR5/CarePlan/c', title: 'Leg ulcer care', provenance: { odsCode: 'NR5', organisationName: 'Bury Community Services', lastUpdated: '2026-01-01T00:00:00Z' } };
    const section = resolve.combinedCarePlans(patient({ carePlans: [], hospitalCarePlans: [], mentalHealthCarePlans: [plan], communityCarePlans: [community] }));
    expect(sourcesOf(section).sort()).toEqual([['NR5'], ['RT2']]);
    const withheld = resolve.combinedCarePlans(patient({ carePlans: [], hospitalCarePlans: [], mentalHealthCarePlans: null, communityCarePlans: [] }));
    expect(withheld.notRead.map((n) => [n.source, n.field])).toEqual([['Mental health trust', 'mentalHealthCarePlans']]);
  });

  it('mental health items withheld (the field came back null: not this role’s, or the trust did not answer) are named in notRead, never read as nothing recorded', () => {
    const section = resolve.combinedSafeguardingAlerts(patient({ gpSafeguardingAlerts: [], hospitalSafeguardingAlerts: [], mentalHealthSafeguardingAlerts: null, safeguardingAlerts: [] }));
    expect(section.items).toEqual([]);
    expect(section.notRead.map((n) => [n.source, n.field])).toEqual([['Mental health trust', 'mentalHealthSafeguardingAlerts']]);
    expect(resolve.combinedReferrals(patient({ referrals: [], hospitalReferrals: [], mentalHealthReferrals: null })).notRead.map((n) => n.field)).toEqual(['mentalHealthReferrals']);
  });
});
