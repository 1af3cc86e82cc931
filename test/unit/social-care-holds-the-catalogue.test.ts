/// <reference types="fhir" />
import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { classifyField, loadPolicy, loadSubgraphSdl } from '../../schema/src';
import { combinedResolvers } from '../../subgraphs/combined/src/resolvers';
import { ADMINISTRATION_FIELDS } from '../../subgraphs/combined/src/sections';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { NotStored } from '../../subgraphs/kit/src/ingest/feedProblem';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { socialCareFeed } from '../../subgraphs/social-care/src/feed';
import { feedMapping, META, NHS } from '../support/feedMapping';

/**
 * Issue #18 point 1 for the council's social care record, and the gaps the mental health trust and
 * community services still had: each FHIR type through the kit's one mapping, into the slice's own
 * panel, typed and classified as the GP's or the hospital's field of that type. Fixtures written from
 * the FHIR R4 definitions and UK Core: SNOMED CT and dm+d codings, list-empty-reason, v3 ActCode
 * encounter classes, consentscope `adr`, LOINC document and list codes.
 */

const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const council = feedMapping(socialCareFeed);
const trust = feedMapping(mentalHealthFeed);
const community = feedMapping(communityFeed);

const condition: fhir4.Condition = {
  resourceType: 'Condition', id: 'sc-dementia', meta: META, subject: NHS,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
  code: sct('52448006', 'Dementia'), onsetDateTime: '2025-03', recordedDate: '2026-04-11',
};
const allergy = (code: string, display: string): fhir4.AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance', id: `sc-al-${code}`, meta: META, patient: NHS, code: sct(code, display), recordedDate: '2026-05-01',
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
});
const EMPTY_REASON = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const list = (code: fhir4.CodeableConcept, emptyReason: string): fhir4.List => ({
  resourceType: 'List', id: `list-${emptyReason}-${code.coding![0].code}`, meta: META, status: 'current', mode: 'snapshot', subject: NHS, date: '2026-06-01', code,
  emptyReason: { coding: [{ system: EMPTY_REASON, code: emptyReason }] },
});
const PROBLEMS_LIST = sct('717711000000103', 'Problems and issues record artifact');
const MEDICATIONS_LIST = sct('933361000000108', 'Medications and medical devices record artifact');
const ALLERGIES_LIST = sct('886921000000105', 'Allergies and adverse reactions record artifact');

const insulin = { coding: [{ system: DMD, code: '3549611000001102', display: 'Insulin glargine 100units/ml solution for injection 3ml pre-filled disposable devices' }] };
const administration = (id: string, status: fhir4.MedicationAdministration['status'], extra: Partial<fhir4.MedicationAdministration> = {}): fhir4.MedicationAdministration => ({
  resourceType: 'MedicationAdministration', id, meta: META, status, subject: NHS, medicationCodeableConcept: insulin,
  effectiveDateTime: '2026-06-02T08:15:00+01:00',
  performer: [{ actor: { display: 'Home care worker, Bury Council reablement team' } }],
  dosage: { text: '18 units subcutaneously', route: sct('34206005', 'Subcutaneous route'), dose: { value: 18, unit: 'unit', system: 'http://unitsofmeasure.org', code: '[iU]' } },
  ...extra,
});

const documentReference: fhir4.DocumentReference = {
  resourceType: 'DocumentReference', id: 'doc-1', meta: META, status: 'current', subject: NHS, date: '2026-06-03T10:00:00Z',
  type: sct('734163000', 'Care plan'),
  content: [{ attachment: { contentType: 'text/plain', title: 'Care and support plan', data: Buffer.from('Two calls a day for personal care and medicines.').toString('base64') } }],
};
const composition: fhir4.Composition = {
  resourceType: 'Composition', id: 'comp-1', meta: META, status: 'final', subject: NHS, date: '2026-06-04T09:00:00Z', title: 'Clinic letter',
  type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] }, author: [{ display: 'Dr A Consultant' }],
  section: [{ title: 'Plan', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Continue sertraline; review in 6 weeks.</div>' } }],
};

describe("the council's social care feed holds the clinical catalogue's types, each in its own panel", () => {
  it('a condition it is told of is a diagnosis; an allergy an allergy; a coded "no known allergy" a statement, never an allergy', () => {
    expect(council.map(condition)).toMatchObject({ panel: 'socialCareDiagnoses', fields: { code: { code: '52448006' }, clinicalStatus: 'active' } });
    expect(council.map(allergy('91936005', 'Allergy to penicillin'))!.panel).toBe('socialCareAllergies');
    expect(council.map(allergy('716186003', 'No known allergy'))).toMatchObject({ panel: 'socialCareNoKnownAllergies', fields: { scope: 'all' } });
  });

  it('an allergies, problems or medications List empty because nothing is known is a statement; empty because nobody asked it is not stored, said why', () => {
    expect(council.map(list(ALLERGIES_LIST, 'nilknown'))!.panel).toBe('socialCareNoKnownAllergies');
    expect(council.map(list(PROBLEMS_LIST, 'nilknown'))).toMatchObject({ panel: 'socialCareNoKnownProblems', fields: { current: true, code: { code: 'nilknown' } } });
    expect(council.map(list(MEDICATIONS_LIST, 'nilknown'))!.panel).toBe('socialCareNoCurrentMedications');
    expect(() => council.map(list(MEDICATIONS_LIST, 'notasked'))).toThrow(NotStored);
  });

  it('a medicine home care supports is a medicine; a dose a carer gave is an administration, given; one not given says so and why, never given', () => {
    const statement: fhir4.MedicationStatement = { resourceType: 'MedicationStatement', id: 'ms-1', meta: META, status: 'active', subject: NHS, medicationCodeableConcept: insulin, effectivePeriod: { start: '2026-01-10' }, dosage: [{ text: '18 units each morning' }] };
    expect(council.map(statement)).toMatchObject({ panel: 'socialCareMedications', fields: { medication: { code: '3549611000001102' }, current: true } });
    expect(council.map(administration('ma-given', 'completed'))).toMatchObject({
      panel: 'socialCareMedicationAdministrations',
      fields: { status: 'completed', given: true, notGiven: false, effective: '2026-06-02T08:15:00+01:00', dosage: { dose: { value: 18 }, route: { code: '34206005' } }, performers: [{ actor: 'Home care worker, Bury Council reablement team' }] },
    });
    const refused = council.map(administration('ma-refused', 'not-done', { statusReason: [sct('182890002', 'Patient refuses medication')] }))!;
    expect(refused.fields).toMatchObject({ given: false, notGiven: true, statusReasons: [{ code: '182890002' }] });
  });

  it('an observation (a falls risk assessment score, survey category) is an observation with its value', () => {
    const score: fhir4.Observation = {
      resourceType: 'Observation', id: 'obs-falls', meta: META, status: 'final', subject: NHS, effectiveDateTime: '2026-06-01T11:00:00Z',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
      code: sct('718705001', 'Falls risk assessment'), valueCodeableConcept: sct('723509005', 'High risk of falls'),
    };
    expect(council.map(score)).toMatchObject({ panel: 'socialCareObservations', fields: { code: { code: '718705001' } } });
  });

  it('a home visit (class HH) and a telephone review (VR) are contacts, whatever their class; a booked review an appointment', () => {
    const visit = (classCode: string): fhir4.Encounter => ({
      resourceType: 'Encounter', id: `enc-${classCode}`, meta: META, status: 'finished', subject: NHS, class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: classCode },
      type: [sct('439708006', 'Home visit')], period: { start: '2026-06-01T09:00:00Z', end: '2026-06-01T09:40:00Z' },
    });
    expect(council.map(visit('HH'))).toMatchObject({ panel: 'socialCareContacts', fields: { start: '2026-06-01T09:00:00Z', current: false } });
    expect(council.map(visit('VR'))!.panel).toBe('socialCareContacts');
    const review: fhir4.Appointment = {
      resourceType: 'Appointment', id: 'appt-1', meta: META, status: 'booked', start: '2026-07-01T10:00:00Z', end: '2026-07-01T11:00:00Z', description: 'Care Act review',
      participant: [{ actor: NHS as fhir4.Reference, status: 'accepted' }, { actor: { display: 'Jo Social Worker', type: 'Practitioner' }, status: 'accepted' }],
    };
    expect(council.map(review)).toMatchObject({ panel: 'socialCareAppointments', fields: { status: 'booked', current: true, clinician: 'Jo Social Worker' } });
  });

  it('documents (a DocumentReference, a Composition) are documents; an advance decision (Consent, scope adr) an advance decision; equipment (DeviceUseStatement) a device; an immunisation an immunisation', () => {
    expect(council.map(documentReference)).toMatchObject({ panel: 'socialCareDocuments', fields: { title: 'Care and support plan', current: true } });
    expect(council.map(composition)!.panel).toBe('socialCareDocuments');
    const adrt: fhir4.Consent = {
      resourceType: 'Consent', id: 'adrt', meta: META, status: 'active', patient: NHS, dateTime: '2026-02-01',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd' }] }],
      policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
      provision: { type: 'deny', code: [sct('89666000', 'Cardiopulmonary resuscitation')] },
    };
    expect(council.map(adrt)).toMatchObject({ panel: 'socialCareAdvanceDecisions', fields: { provisionType: 'deny', current: true } });
    const hoist: fhir4.DeviceUseStatement = { resourceType: 'DeviceUseStatement', id: 'dus-hoist', meta: META, status: 'active', subject: NHS, device: { reference: 'urn:uuid:7d0e6c1a-2b44-4c1e-8a61-3f2f0c9b1d22' }, timingPeriod: { start: '2026-03-01' } };
    const device: fhir4.Device = { resourceType: 'Device', id: 'hoist', type: sct('705417005', 'Patient lifting system') };
    expect(council.map(hoist, [{ fullUrl: 'urn:uuid:7d0e6c1a-2b44-4c1e-8a61-3f2f0c9b1d22', resource: device }])).toMatchObject({ panel: 'socialCareEquipment', fields: { device: { code: '705417005' } } });
    const flu: fhir4.Immunization = { resourceType: 'Immunization', id: 'imm-1', meta: META, status: 'completed', patient: NHS, occurrenceDateTime: '2025-10-14', vaccineCode: sct('1181000221105', 'Influenza vaccine') };
    expect(council.map(flu)!.panel).toBe('socialCareImmunisations');
  });

  it("the council's own stay as they were: a Procedure is an assessment, a ServiceRequest a care package", () => {
    const assessment: fhir4.Procedure = { resourceType: 'Procedure', id: 'pr-1', meta: META, status: 'completed', subject: NHS, code: sct('1254781000000106', 'Care Act assessment'), performedDateTime: '2026-04-01' };
    expect(council.map(assessment)!.panel).toBe('socialCareAssessments');
  });
});

describe('the mental health trust: Lists and documents; community services: Lists and the doses district nurses give', () => {
  it("the trust's nil-known Lists are statements in its own panels; its letters and care plan documents are documents", () => {
    expect(trust.map(list(PROBLEMS_LIST, 'nilknown'))!.panel).toBe('mentalHealthNoKnownProblems');
    expect(trust.map(list(MEDICATIONS_LIST, 'nilknown'))!.panel).toBe('mentalHealthNoCurrentMedications');
    expect(trust.map(list(ALLERGIES_LIST, 'nilknown'))!.panel).toBe('mentalHealthNoKnownAllergies');
    expect(() => trust.map(list(PROBLEMS_LIST, 'withheld'))).toThrow(NotStored);
    expect(trust.map(composition)).toMatchObject({ panel: 'mentalHealthDocuments', fields: { title: 'Clinic letter' } });
    expect(trust.map(documentReference)!.panel).toBe('mentalHealthDocuments');
  });

  it("community services' nil-known Lists are statements; an enoxaparin injection given is an administration, never a current medicine", () => {
    expect(community.map(list(PROBLEMS_LIST, 'nilknown'))!.panel).toBe('communityNoKnownProblems');
    expect(community.map(list(MEDICATIONS_LIST, 'nilknown'))!.panel).toBe('communityNoCurrentMedications');
    const enoxaparin = administration('cs-enox-dose', 'completed', {
      medicationCodeableConcept: { coding: [{ system: DMD, code: '36042311000001106', display: 'Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes' }] },
      performer: [{ actor: { display: 'District nurse' } }],
    });
    const mapped = community.map(enoxaparin)!;
    expect(mapped).toMatchObject({ panel: 'communityMedicationAdministrations', fields: { given: true, medication: { code: '36042311000001106' } } });
    expect(mapped.fields).not.toHaveProperty('current');
  });
});

describe('each new field is typed and classified as the GP’s or the hospital’s field of that type (default deny: unclassified is refused)', () => {
  const policy = loadPolicy();
  const category = (field: string) => {
    const c = classifyField(policy, 'Patient', field);
    return c.kind === 'category' ? c.category : c.kind;
  };
  const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
  const typeOf = (subgraph: string, field: string) =>
    namedType(
      parse(loadSubgraphSdl(subgraph))
        .definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Patient')!
        .fields!.find((f) => f.name.value === field)!.type,
    );

  it.each([
    ['social-care', 'socialCareDiagnoses', 'gp', 'problems'],
    ['social-care', 'socialCareAllergies', 'gp', 'allergies'],
    ['social-care', 'socialCareNoKnownAllergies', 'gp', 'noKnownAllergies'],
    ['social-care', 'socialCareNoKnownProblems', 'gp', 'noKnownProblems'],
    ['social-care', 'socialCareNoCurrentMedications', 'gp', 'noCurrentMedications'],
    ['social-care', 'socialCareMedications', 'gp', 'medications'],
    ['social-care', 'socialCareMedicationAdministrations', 'acute', 'medicationAdministrations'],
    ['social-care', 'socialCareObservations', 'gp', 'observations'],
    ['social-care', 'socialCareImmunisations', 'gp', 'immunisations'],
    ['social-care', 'socialCareContacts', 'acute', 'otherEncounters'],
    ['social-care', 'socialCareAppointments', 'acute', 'outpatientAppointments'],
    ['social-care', 'socialCareDocuments', 'acute', 'dischargeSummaries'],
    ['social-care', 'socialCareAdvanceDecisions', 'gp', 'advanceDecisions'],
    ['social-care', 'socialCareEquipment', 'gp', 'medicalDevices'],
    ['mental-health', 'mentalHealthNoKnownProblems', 'gp', 'noKnownProblems'],
    ['mental-health', 'mentalHealthNoCurrentMedications', 'gp', 'noCurrentMedications'],
    ['mental-health', 'mentalHealthDocuments', 'acute', 'dischargeSummaries'],
    ['community', 'communityNoKnownProblems', 'gp', 'noKnownProblems'],
    ['community', 'communityNoCurrentMedications', 'gp', 'noCurrentMedications'],
    ['community', 'communityMedicationAdministrations', 'acute', 'medicationAdministrations'],
  ])('%s %s: the type and category of %s %s', (subgraph, field, likeSubgraph, likeField) => {
    expect(typeOf(subgraph, field)).toBe(typeOf(likeSubgraph, likeField));
    expect(category(field)).toBe(category(likeField));
  });
});

describe('medicines given, combined: every source’s doses, each its own item, never merged', () => {
  const COUNCIL = { odsCode: '00BM', organisationName: 'Bury Council', lastUpdated: '2026-06-02T09:00:00Z' };
  const NURSES = { odsCode: 'NR5', organisationName: 'Bury Community Services', lastUpdated: '2026-06-02T09:00:00Z' };
  const dose = (id: string, status: string, effective: string, provenance: object) => ({ id, medication: { system: DMD, code: '3549611000001102', coding: [{ system: DMD, code: '3549611000001102' }] }, status, effective, provenance });
  const resolve = combinedResolvers.Patient.combinedMedicationAdministrations;

  it('the same insulin given by a carer and by a district nurse on the same morning is two doses, each naming its source; one being given is first', () => {
    const section = resolve({
      nhsNumber: '9434765919',
      gpMedicationAdministrations: [],
      mentalHealthMedicationAdministrations: [],
      medicationAdministrations: [dose('RM3/MedicationAdministration/drip', 'in_progress', '2026-05-01T10:00:00Z', { ...NURSES, odsCode: 'RM3', organisationName: 'Northern Care Alliance' })],
      communityMedicationAdministrations: [dose('NR5/MedicationAdministration/a', 'completed', '2026-06-02T08:15:00+01:00', NURSES)],
      socialCareMedicationAdministrations: [dose('00BM/MedicationAdministration/b', 'completed', '2026-06-02T08:20:00+01:00', COUNCIL)],
    });
    expect(section.items.map((i) => [i.id, i.current, i.sources.map((s) => s.provenance.odsCode)])).toEqual([
      ['RM3/MedicationAdministration/drip', true, ['RM3']],
      ['00BM/MedicationAdministration/b', false, ['00BM']],
      ['NR5/MedicationAdministration/a', false, ['NR5']],
    ]);
    expect(section.items.every((i) => i.disagreement === null)).toBe(true);
    expect(section.notRead).toEqual([]);
  });

  it('a source not read is named, never read as no doses given', () => {
    const section = resolve({ nhsNumber: '9434765919', gpMedicationAdministrations: [], mentalHealthMedicationAdministrations: [], medicationAdministrations: [], communityMedicationAdministrations: [], socialCareMedicationAdministrations: null });
    expect(section.notRead.map((n) => [n.source, n.field])).toEqual([['Council social care', 'socialCareMedicationAdministrations']]);
    expect(ADMINISTRATION_FIELDS).toEqual(['gpMedicationAdministrations', 'medicationAdministrations', 'mentalHealthMedicationAdministrations', 'communityMedicationAdministrations', 'socialCareMedicationAdministrations']);
  });
});
