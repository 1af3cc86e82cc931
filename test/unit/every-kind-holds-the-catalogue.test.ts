/// <reference types="fhir" />
import { Kind, parse, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { classifyField, loadOrganisationKinds, loadPolicy, loadSubgraphSdl, typesHeld } from '../../schema/src';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { combinedResolvers } from '../../subgraphs/combined/src/resolvers';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import type { SliceFeed } from '../../subgraphs/kit/src/ingest/sliceFeed';
import { feedMapping, META, NHS } from '../support/feedMapping';

/**
 * Issue #18 point 1, the types the GP, the hospital, the mental health trust and community services
 * did not map yet: each through the kit's one mapping into the slice's own panel, held by the kind
 * (schema/organisation-kinds.yaml), typed and classified as the same type's field elsewhere, and
 * taken by its combined section. Fixtures written from the FHIR R4 definitions and UK Core: dm+d and
 * SNOMED CT codings, v3 RoleCode relationships, consentscope `adr`, LOINC document codes,
 * medicationadmin-status and appointmentstatus codes.
 */

const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const gp = feedMapping(gpFeed);
const hospital = feedMapping(acuteFeed);
const trust = feedMapping(mentalHealthFeed);
const community = feedMapping(communityFeed);

// --- fixtures (FHIR R4 / UK Core)

const paliperidone = { coding: [{ system: DMD, code: '21010811000001108', display: 'Paliperidone 150mg/1.5ml prolonged-release suspension for injection pre-filled syringes' }] };
const depot = (id: string, status: fhir4.MedicationAdministration['status'], extra: Partial<fhir4.MedicationAdministration> = {}): fhir4.MedicationAdministration => ({
  resourceType: 'MedicationAdministration', id, meta: META, status, subject: NHS, medicationCodeableConcept: paliperidone,
  effectiveDateTime: '2026-06-10T10:30:00+01:00',
  performer: [{ actor: { display: 'Community psychiatric nurse, depot clinic' } }],
  dosage: { text: '150 mg by deep intramuscular injection into the deltoid', route: sct('78421000', 'Intramuscular route'), site: sct('16217701000119102', 'Structure of left deltoid muscle'), dose: { value: 150, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  ...extra,
});
const appointment = (id: string, description: string, clinician: string): fhir4.Appointment => ({
  resourceType: 'Appointment', id, meta: META, status: 'booked', start: '2026-07-01T09:10:00Z', end: '2026-07-01T09:20:00Z', description,
  participant: [{ actor: NHS as fhir4.Reference, status: 'accepted' }, { actor: { display: clinician, type: 'Practitioner' }, status: 'accepted' }],
});
const letter: fhir4.DocumentReference = {
  resourceType: 'DocumentReference', id: 'letter-1', meta: META, status: 'current', subject: NHS, date: '2026-06-03T10:00:00Z',
  type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] },
  content: [{ attachment: { contentType: 'text/plain', title: 'Cardiology clinic letter', data: Buffer.from('Continue bisoprolol.').toString('base64') } }],
};
const composition: fhir4.Composition = {
  resourceType: 'Composition', id: 'comp-1', meta: META, status: 'final', subject: NHS, date: '2026-06-04T09:00:00Z', title: 'Discharge from caseload',
  type: sct('371531000', 'Report of clinical encounter'), author: [{ display: 'District Nurse Team Leader' }],
  section: [{ title: 'Plan', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Wound healed; discharged to the practice nurse.</div>' } }],
};
const adrt = (id: string): fhir4.Consent => ({
  resourceType: 'Consent', id, meta: META, status: 'active', patient: NHS, dateTime: '2026-02-01',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd' }] }],
  policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
  provision: { type: 'deny', code: [sct('89666000', 'Cardiopulmonary resuscitation')] },
});
const DEVICE_URL = 'urn:uuid:0f9c2c3e-5d7a-4c55-9a5b-2d9a1f3b6e10';
const deviceUse = (id: string): fhir4.DeviceUseStatement => ({ resourceType: 'DeviceUseStatement', id, meta: META, status: 'active', subject: NHS, device: { reference: DEVICE_URL }, timingPeriod: { start: '2026-03-01' } });
const device = (code: string, display: string): Array<{ fullUrl: string; resource: fhir4.Device }> => [{ fullUrl: DEVICE_URL, resource: { resourceType: 'Device', id: 'dev', type: sct(code, display) } }];
const familyHistory = (id: string): fhir4.FamilyMemberHistory => ({
  resourceType: 'FamilyMemberHistory', id, meta: META, status: 'completed', patient: NHS, date: '2026-05-02',
  relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'FTH', display: 'father' }] },
  condition: [{ code: sct('22298006', 'Myocardial infarction'), onsetAge: { value: 52, unit: 'a', system: 'http://unitsofmeasure.org', code: 'a' } }],
});
const nextOfKin = (id: string): fhir4.RelatedPerson => ({
  resourceType: 'RelatedPerson', id, meta: META, patient: NHS, active: true, name: [{ use: 'official', given: ['Susan'], family: 'Jones' }],
  relationship: [
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'DAU', display: 'natural daughter' }] },
    { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] },
  ],
  telecom: [{ system: 'phone', value: '07700 900123', use: 'mobile' }],
});
const fluVaccine: fhir4.Immunization = {
  resourceType: 'Immunization', id: 'imm-tet', meta: META, status: 'completed', patient: NHS, occurrenceDateTime: '2026-06-05T14:00:00Z',
  vaccineCode: sct('871878002', 'Tetanus and diphtheria vaccine'), route: sct('78421000', 'Intramuscular route'),
};

describe('the GP practice: appointments, letters, reports, doses given and dispensed, next of kin', () => {
  it('a booked appointment is an appointment, still to come', () => {
    expect(gp.map(appointment('gp-appt', 'Asthma review', 'Nurse P Practice'))).toMatchObject({ panel: 'gpAppointments', fields: { status: 'booked', current: true, clinician: 'Nurse P Practice' } });
  });
  it('a DocumentReference and a Composition are documents', () => {
    expect(gp.map(letter)).toMatchObject({ panel: 'gpDocuments', fields: { title: 'Cardiology clinic letter', current: true } });
    expect(gp.map(composition)!.panel).toBe('gpDocuments');
  });
  it('a DiagnosticReport is a report naming the results issued in it', () => {
    const report: fhir4.DiagnosticReport = {
      resourceType: 'DiagnosticReport', id: 'fbc', meta: META, status: 'final', subject: NHS, effectiveDateTime: '2026-06-01T09:00:00Z', issued: '2026-06-01T15:00:00Z',
      code: { coding: [{ system: 'http://loinc.org', code: '58410-2', display: 'CBC panel - Blood by Automated count' }] },
      result: [{ reference: 'Observation/hb' }], conclusion: 'Normal',
    };
    expect(gp.map(report)).toMatchObject({ panel: 'gpTestReports', fields: { status: 'final', resultSourceIds: ['hb'], conclusion: 'Normal' } });
  });
  it('a B12 injection given is an administration, never a current medicine; a dispensing practice’s supply is a dispense', () => {
    const b12 = depot('b12', 'completed', { medicationCodeableConcept: { coding: [{ system: DMD, code: '4104111000001103', display: 'Hydroxocobalamin 1mg/1ml solution for injection ampoules' }] } });
    const given = gp.map(b12)!;
    expect(given).toMatchObject({ panel: 'gpMedicationAdministrations', fields: { given: true, medication: { code: '4104111000001103' } } });
    expect(given.fields).not.toHaveProperty('current');
    const dispense: fhir4.MedicationDispense = {
      resourceType: 'MedicationDispense', id: 'disp-1', meta: META, status: 'completed', subject: NHS, whenHandedOver: '2026-06-02T11:00:00Z',
      medicationCodeableConcept: { coding: [{ system: DMD, code: '39732311000001104', display: 'Amlodipine 5mg tablets' }] }, quantity: { value: 28, unit: 'tablet' },
    };
    expect(gp.map(dispense)).toMatchObject({ panel: 'gpMedicationDispenses', fields: { status: 'completed', supplied: true } });
  });
  it('a RelatedPerson is next of kin, every relationship kept', () => {
    expect(gp.map(nextOfKin('nok'))).toMatchObject({ panel: 'gpRelatedPeople', fields: { name: 'Susan Jones', relationship: { code: 'DAU' }, phone: '07700 900123', active: true } });
  });
});

describe('the hospital: immunisations, advance decisions, implants, family history, next of kin', () => {
  it('a tetanus vaccine given in A&E is an immunisation', () => {
    expect(hospital.map(fluVaccine)).toMatchObject({ panel: 'hospitalImmunisations', fields: { status: 'completed', vaccine: { code: '871878002' } } });
  });
  it('an ADRT (Consent, scope adr) is an advance decision in force; a pacemaker a device; a father’s heart attack family history; a daughter next of kin', () => {
    expect(hospital.map(adrt('h-adrt'))).toMatchObject({ panel: 'hospitalAdvanceDecisions', fields: { provisionType: 'deny', current: true } });
    expect(hospital.map(deviceUse('h-pm'), device('14106009', 'Cardiac pacemaker'))).toMatchObject({ panel: 'hospitalMedicalDevices', fields: { device: { code: '14106009' } } });
    expect(hospital.map(familyHistory('h-fmh'))).toMatchObject({ panel: 'hospitalFamilyHistory', fields: { relationship: { code: 'FTH' } } });
    expect(hospital.map(nextOfKin('h-nok'))!.panel).toBe('hospitalRelatedPeople');
  });
});

describe('the mental health trust: depot injections given, appointments, advance decisions, devices, family history, nearest relative', () => {
  it('a paliperidone palmitate 150 mg depot given IM is an administration, given, with its dose, route and site; never a current medicine', () => {
    const mapped = trust.map(depot('depot-1', 'completed'))!;
    expect(mapped).toMatchObject({
      panel: 'mentalHealthMedicationAdministrations',
      fields: { status: 'completed', given: true, notGiven: false, medication: { code: '21010811000001108' }, dosage: { dose: { value: 150, unit: 'mg' }, route: { code: '78421000' } } },
    });
    expect(mapped.fields).not.toHaveProperty('current');
  });
  it('a depot not given (patient declined) says so and why, never given', () => {
    const declined = trust.map(depot('depot-2', 'not-done', { statusReason: [sct('182890002', 'Patient refuses medication')] }))!;
    expect(declined.fields).toMatchObject({ given: false, notGiven: true, statusReasons: [{ code: '182890002' }] });
  });
  it('a depot clinic appointment, an advance decision, a device, family history and the nearest relative each land in the trust’s own panel', () => {
    expect(trust.map(appointment('mh-appt', 'Depot clinic', 'CPN A Nurse'))).toMatchObject({ panel: 'mentalHealthAppointments', fields: { current: true } });
    expect(trust.map(adrt('mh-adrt'))!.panel).toBe('mentalHealthAdvanceDecisions');
    expect(trust.map(deviceUse('mh-dev'), device('14106009', 'Cardiac pacemaker'))!.panel).toBe('mentalHealthMedicalDevices');
    expect(trust.map(familyHistory('mh-fmh'))!.panel).toBe('mentalHealthFamilyHistory');
    expect(trust.map(nextOfKin('mh-nr'))!.panel).toBe('mentalHealthRelatedPeople');
  });
});

describe('community services: documents, appointments, advance decisions, equipment, family history, next of kin', () => {
  it('each lands in community services’ own panel', () => {
    expect(community.map(letter)!.panel).toBe('communityDocuments');
    expect(community.map(composition)).toMatchObject({ panel: 'communityDocuments', fields: { title: 'Discharge from caseload' } });
    expect(community.map(appointment('cs-appt', 'Leg ulcer clinic', 'District nurse'))!.panel).toBe('communityAppointments');
    expect(community.map(adrt('cs-adrt'))).toMatchObject({ panel: 'communityAdvanceDecisions', fields: { provisionType: 'deny', current: true } });
    expect(community.map(deviceUse('cs-cath'), device('286858001', 'Urinary catheter'))!.panel).toBe('communityMedicalDevices');
    expect(community.map(familyHistory('cs-fmh'))!.panel).toBe('communityFamilyHistory');
    expect(community.map(nextOfKin('cs-nok'))!.panel).toBe('communityRelatedPeople');
  });
});

describe('each kind holds them (schema/organisation-kinds.yaml)', () => {
  const kinds = loadOrganisationKinds();
  const held = (kind: string, feed: SliceFeed) => typesHeld(kinds[kind], new Set(Object.keys(feed.resources)));
  it.each([
    ['gp-practice', gpFeed, ['Appointment', 'DocumentReference', 'Composition', 'DiagnosticReport', 'MedicationAdministration', 'MedicationDispense', 'RelatedPerson']],
    ['acute-trust', acuteFeed, ['Immunization', 'Consent', 'DeviceUseStatement', 'FamilyMemberHistory', 'RelatedPerson']],
    ['mental-health-trust', mentalHealthFeed, ['MedicationAdministration', 'Appointment', 'Consent', 'DeviceUseStatement', 'FamilyMemberHistory', 'RelatedPerson']],
    ['community-provider', communityFeed, ['DocumentReference', 'Composition', 'Appointment', 'Consent', 'DeviceUseStatement', 'FamilyMemberHistory', 'RelatedPerson']],
  ] as Array<[string, SliceFeed, string[]]>)('%s holds what it did not map before', (kind, feed, types) => {
    for (const type of types) expect([type, held(kind, feed).has(type)]).toEqual([type, true]);
  });
});

describe('each new field is typed and classified as the same type’s field elsewhere (default deny: unclassified is refused)', () => {
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
    ['gp', 'gpAppointments', 'acute', 'outpatientAppointments'],
    ['gp', 'gpDocuments', 'acute', 'dischargeSummaries'],
    ['gp', 'gpTestReports', 'acute', 'testReports'],
    ['gp', 'gpMedicationAdministrations', 'acute', 'medicationAdministrations'],
    ['gp', 'gpMedicationDispenses', 'acute', 'medicationDispenses'],
    ['acute', 'hospitalImmunisations', 'gp', 'immunisations'],
    ['acute', 'hospitalAdvanceDecisions', 'gp', 'advanceDecisions'],
    ['acute', 'hospitalMedicalDevices', 'gp', 'medicalDevices'],
    ['acute', 'hospitalFamilyHistory', 'gp', 'familyHistory'],
    ['mental-health', 'mentalHealthMedicationAdministrations', 'acute', 'medicationAdministrations'],
    ['mental-health', 'mentalHealthAppointments', 'acute', 'outpatientAppointments'],
    ['mental-health', 'mentalHealthAdvanceDecisions', 'gp', 'advanceDecisions'],
    ['mental-health', 'mentalHealthMedicalDevices', 'gp', 'medicalDevices'],
    ['mental-health', 'mentalHealthFamilyHistory', 'gp', 'familyHistory'],
    ['community', 'communityDocuments', 'acute', 'dischargeSummaries'],
    ['community', 'communityAppointments', 'acute', 'outpatientAppointments'],
    ['community', 'communityAdvanceDecisions', 'gp', 'advanceDecisions'],
    ['community', 'communityMedicalDevices', 'gp', 'medicalDevices'],
    ['community', 'communityFamilyHistory', 'gp', 'familyHistory'],
  ])('%s %s: the type and category of %s %s', (subgraph, field, likeSubgraph, likeField) => {
    expect(typeOf(subgraph, field)).toBe(typeOf(likeSubgraph, likeField));
    expect(category(field)).toBe(category(likeField));
  });
  it("a health organisation's next of kin are contact details, as the patient's own contacts are (a council's carers are its social care record)", () => {
    for (const field of ['gpRelatedPeople', 'hospitalRelatedPeople', 'mentalHealthRelatedPeople', 'communityRelatedPeople']) expect(category(field)).toBe(category('contacts'));
    expect(category('carers')).toBe('socialCare');
  });
  it('a depot injection given is classified medications, as every dose given is', () => {
    expect(category('mentalHealthMedicationAdministrations')).toBe('medications');
  });
});

describe('the combined sections take them, each item naming its source', () => {
  const resolve = combinedResolvers.Patient;
  const TRUST = { odsCode: 'RT2', organisationName: 'Pennine Care NHS Foundation Trust', lastUpdated: '2026-06-10T12:00:00Z' };
  const PRACTICE = { odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', lastUpdated: '2026-06-10T12:00:00Z' };
  const none = (fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, []]));

  it('medicines given: the trust’s depot and the GP’s B12 are two doses, each naming its source', () => {
    const dose = (id: string, effective: string, provenance: object) => ({ id, medication: { code: id }, status: 'completed', effective, provenance });
    const section = resolve.combinedMedicationAdministrations({
      nhsNumber: '9434765919',
      ...none(['medicationAdministrations', 'communityMedicationAdministrations', 'socialCareMedicationAdministrations']),
      mentalHealthMedicationAdministrations: [dose('RT2/MedicationAdministration/depot', '2026-06-10T10:30:00+01:00', TRUST)],
      gpMedicationAdministrations: [dose('P83005/MedicationAdministration/b12', '2026-05-01T10:00:00+01:00', PRACTICE)],
    });
    expect(section.items.map((i) => [i.id, i.sources[0].provenance.organisationName])).toEqual([
      ['RT2/MedicationAdministration/depot', 'Pennine Care NHS Foundation Trust'],
      ['P83005/MedicationAdministration/b12', 'Bury Central Medical Practice'],
    ]);
    expect(section.notRead).toEqual([]);
  });

  it('appointments: every source’s, still to come first, never merged; a source not read is named', () => {
    const appt = (id: string, start: string, current: boolean, provenance: object) => ({ id, status: current ? 'booked' : 'fulfilled', current, start, provenance });
    const section = resolve.combinedAppointments({
      nhsNumber: '9434765919',
      gpAppointments: [appt('P83005/Appointment/a', '2026-07-01T09:10:00Z', true, PRACTICE), appt('P83005/Appointment/b', '2026-05-01T09:10:00Z', false, PRACTICE)],
      mentalHealthAppointments: [appt('RT2/Appointment/c', '2026-07-01T09:10:00Z', true, TRUST)],
      outpatientAppointments: [],
      communityAppointments: [],
      socialCareAppointments: null,
    });
    expect(section.items.map((i) => [i.id, i.current])).toEqual([
      ['P83005/Appointment/a', true],
      ['RT2/Appointment/c', true],
      ['P83005/Appointment/b', false],
    ]);
    expect(section.notRead.map((n) => [n.source, n.field])).toEqual([['Council social care', 'socialCareAppointments']]);
  });
});
