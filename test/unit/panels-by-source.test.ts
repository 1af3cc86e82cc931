import { Kind, Lexer, Source, TokenKind, getNamedType, getNullableType, isListType, parse, validate, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { classifyField, loadPolicy } from '@shareforyou/schema';
import { supergraphApiSchema } from '@shareforyou/schema/src/compose';
import { MAX_TOKENS, requestLimits } from '../../gateway/src/requestLimits';
import * as documents from '../../web/src/generated/graphql';
import * as combined from '../../subgraphs/combined/src/sections';
import { listStatementSections } from '../../web/src/panels/listStatements';
import { appointmentWhat, appointmentWithWhom } from '../../web/src/panels/appointmentText';

/**
 * "View by source" stays one click away from the combined record (issue #18 point 3): every
 * organisation's field a combined section is computed from is listed by one of the per-source panels
 * (each section naming its organisation), so switching views never leaves a source's items out in
 * silence. A field added to a combined section and to no panel fails here, naming it.
 */

const policy = loadPolicy();
const upperFirst = (name: string) => name[0].toUpperCase() + name.slice(1);
/** The panels "View by source" shows: every policy panel (web/src/viewer/recordViews.ts), each its own document. */
const PANELS = Object.keys(policy.panels).filter((name) => name !== 'accessHistory');
const documentOf = (panel: string) => String((documents as Record<string, unknown>)[`${upperFirst(panel)}Document`]);

/** The Patient fields a document selects directly under `patient`. */
function patientFields(query: string): string[] {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const patient = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'patient');
  return (patient?.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD).map((s) => s.name.value);
}

const COMBINED_SECTIONS: Record<string, readonly string[]> = {
  allergies: combined.ALLERGY_FIELDS,
  noKnownAllergies: combined.NO_KNOWN_ALLERGY_FIELDS,
  problems: combined.PROBLEM_FIELDS,
  noKnownProblems: combined.NO_KNOWN_PROBLEM_FIELDS,
  medications: combined.MEDICATION_FIELDS,
  noCurrentMedications: combined.NO_CURRENT_MEDICATION_FIELDS,
  medicinesGiven: combined.ADMINISTRATION_FIELDS,
  procedures: combined.PROCEDURE_FIELDS,
  immunisations: combined.IMMUNISATION_FIELDS,
  results: combined.OBSERVATION_FIELDS,
  encounters: combined.ENCOUNTER_FIELDS,
  appointments: combined.APPOINTMENT_FIELDS,
  referrals: combined.REFERRAL_FIELDS,
  carePlans: combined.CARE_PLAN_FIELDS,
  alerts: combined.ALERT_FIELDS,
  safeguardingAlerts: combined.SAFEGUARDING_ALERT_FIELDS,
  riskAlerts: combined.RISK_ALERT_FIELDS,
  familyHistory: combined.FAMILY_HISTORY_FIELDS,
  devices: combined.DEVICE_FIELDS,
  advanceDirectives: combined.ADVANCE_DIRECTIVE_FIELDS,
  documents: combined.DOCUMENT_FIELDS,
};

it.each(Object.entries(COMBINED_SECTIONS))('the combined %s: every source of it is listed by a panel of "View by source"', (_section, fields) => {
  const bySource = new Set(PANELS.flatMap((panel) => patientFields(documentOf(panel))));
  const missing = fields.filter((field) => !bySource.has(field));
  expect(missing).toEqual([]);
});

/**
 * What no combined section takes, or takes only in part, is listed by source all the same (issue #18
 * residual, docs/clinical-safety.md H160-H163): every organisation's next of kin (RelatedPerson, served
 * as Carer), dispenses (MedicationDispense), reports (DiagnosticReport, served as TestReport), alerts of
 * every kind (Flag: general, safeguarding and mental health risk) and advance decisions (Consent). Read
 * from the supergraph by type, so a source's field of these types added to the schema and to no panel
 * fails here, naming it.
 */
const LISTED_BY_SOURCE = ['Carer', 'MedicationDispense', 'TestReport', 'Alert', 'AdvanceDecision'];

it.each(LISTED_BY_SOURCE)('every source\'s %s field is listed by a panel of "View by source"', (type) => {
  const patient = supergraphApiSchema().getType('Patient') as GraphQLObjectType;
  const fields = Object.values(patient.getFields()).filter((f) => getNamedType(f.type).name === type && isListType(getNullableType(f.type))).map((f) => f.name);
  expect(fields.length).toBeGreaterThan(1);
  const bySource = new Set(PANELS.flatMap((panel) => patientFields(documentOf(panel))));
  expect(fields.filter((field) => !bySource.has(field))).toEqual([]);
});

/** And each once: "View by source" lists an alert in one panel only, never the same alert in two (the trust's risk alerts were in the alerts panel and the mental health panel). */
it.each(LISTED_BY_SOURCE)('every source\'s %s field is listed by one panel of "View by source" only', (type) => {
  const patient = supergraphApiSchema().getType('Patient') as GraphQLObjectType;
  const fields = new Set(Object.values(patient.getFields()).filter((f) => getNamedType(f.type).name === type && isListType(getNullableType(f.type))).map((f) => f.name));
  const listings = PANELS.flatMap((panel) => patientFields(documentOf(panel)).filter((field) => fields.has(field)).map((field) => ({ field, panel })));
  const twice = listings.filter((listing) => listings.some((other) => other.field === listing.field && other.panel !== listing.panel));
  expect(twice).toEqual([]);
});

/** Each per-source field is in the panel whose policy categories hold it, so a role shown the panel is refused only that section (FORBIDDEN_FIELD, "Restricted for your role"), never the panel. */
it.each(PANELS.filter((p) => !['emergencySummary', 'demographics'].includes(p)))("the %s panel's fields are of its own categories", (panel) => {
  // Besides who the patient is, emergency access and "as of": the named worker of a team (careTeam), shown with that team's panel.
  const categories = new Set([...policy.panels[panel].categories, 'identity', 'breakGlassStatus', 'sourceStatus', 'careTeam']);
  const outside = patientFields(documentOf(panel)).filter((field) => {
    const c = classifyField(policy, 'Patient', field);
    return c.kind !== 'category' || !categories.has(c.category);
  });
  expect(outside).toEqual([]);
});

const tokens = (query: string) => {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
};

it.each(PANELS)("the %s panel's query is valid against the supergraph, within the gateway's depth and cost, and within 80 %% of its token limit", (panel) => {
  const query = documentOf(panel);
  expect(tokens(query)).toBeLessThan(MAX_TOKENS * 0.8);
  const errors = validate(supergraphApiSchema(), parse(query), requestLimits().validationRules as never);
  expect(errors.map((e) => e.message)).toEqual([]);
});

describe('each source\'s "No known problems" / "No current medications" statements, by source', () => {
  const sections = listStatementSections('No current medications', 'noCurrentMedications');

  it('one section per organisation, each reading its own field and naming its own source', () => {
    expect(sections.map((s) => [s.path.join('.'), s.source])).toEqual([
      ['patient.noCurrentMedications', 'gpSource'],
      ['patient.hospitalNoCurrentMedications', 'acuteSource'],
      ['patient.mentalHealthNoCurrentMedications', 'mentalHealthSource'],
      ['patient.communityNoCurrentMedications', 'communitySource'],
      ['patient.socialCareNoCurrentMedications', 'socialCareSource'],
    ]);
    expect(sections.map((s) => s.title)).toEqual(['GP', 'hospital', 'mental health', 'community', 'social care'].map((who) => `“No current medications” statements (${who})`));
    // Only a statement that stands is current; a withdrawn one is in the history part, saying so.
    expect(sections.every((s) => s.current?.history.startsWith('Withdrawn statements'))).toBe(true);
  });

  it('a statement reads as a statement with its list and date, standing or withdrawn; never as an item', () => {
    const row = (s: object) => sections[2].columns.map((c) => c.value(s));
    expect(sections[2].columns.map((c) => c.label)).toEqual(['Statement', 'Recorded', 'Status']);
    expect(row({ title: 'Medications and medical devices', current: true, recordedDate: '2026-10-01' })).toEqual(['No current medications (list: Medications and medical devices)', '1 Oct 2026', 'Stands']);
    expect(row({ list: { display: 'Medication list' }, current: false, recordedDate: null })).toEqual(['No current medications (list: Medication list)', '', 'Withdrawn (list retired)']);
  });

  it('the problems statements read their own fields (noKnownProblems, hospitalNoKnownProblems, ...)', () => {
    expect(listStatementSections('No known problems', 'noKnownProblems').map((s) => s.path.at(-1))).toEqual([...combined.NO_KNOWN_PROBLEM_FIELDS]);
  });
});

describe('an appointment in words, the same by source as combined', () => {
  it('what it is for: the service, else the clinic, the specialty, the description; its kind beside it when not already said', () => {
    expect(appointmentWhat({ serviceTypes: [{ text: 'Depot clinic' }], description: 'Paliperidone depot' })).toBe('Depot clinic');
    expect(appointmentWhat({ serviceTypes: [], description: 'Medication review' })).toBe('Medication review');
    expect(appointmentWhat({ specialty: { display: 'Trauma and orthopaedics' }, appointmentType: { display: 'Follow-up' } })).toBe('Trauma and orthopaedics (Follow-up)');
    expect(appointmentWhat({ serviceTypes: [{ display: 'Follow-up clinic' }], appointmentType: { display: 'Follow-up' } })).toBe('Follow-up clinic');
    expect(appointmentWhat({})).toBe('Appointment');
  });

  it('with whom and where: the clinician and the site, or the clinic when it is not already what it is for', () => {
    expect(appointmentWithWhom({ clinician: 'Dr Ola Adeyemi', site: 'Stepping Hill' })).toBe('Dr Ola Adeyemi, Stepping Hill');
    expect(appointmentWithWhom({ clinic: 'Fracture clinic' })).toBe('');
    expect(appointmentWithWhom({ clinic: 'Fracture clinic', serviceTypes: [{ text: 'Orthopaedic follow-up' }], clinician: 'Mr Shah' })).toBe('Mr Shah, Fracture clinic');
  });
});
