/// <reference types="fhir" />
import { userToken } from '../../tools/src/demo/tokens';
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Issue #18 point 1 end to end for the mental health trust and community services: an organisation's
 * slice holds the clinical catalogue's types, not a hand-picked few. The trust sends an allergy, an
 * immunisation, a procedure (ECT) and a stay on its ward with a clinic contact; community services
 * send an allergy, a medicine a district nurse gives, a wound debridement, a safeguarding alert and a
 * referral. Each is stored (no "not stored" warning), is served in its slice's own field, and is an
 * item of its combined section naming its source. The safeguarding alert is withheld from a role
 * without the safeguarding category (a healthcare student), per source and combined.
 *
 * Fixtures written from the FHIR R4 definitions (AllergyIntolerance, Immunization: status,
 * vaccineCode, patient, occurrence[x]; Procedure; Encounter with a v3 ActCode class; MedicationStatement
 * with a dm+d medicationCodeableConcept as UK Core prefers; Flag; ServiceRequest), SNOMED CT coded.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990012334';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const META = { versionId: '1', lastUpdated: '2026-11-02T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const TRUST = 'RT2';
const COMMUNITY = 'NR5';

const allergy = (id: string, code: ReturnType<typeof sct>, recordedDate: string) => ({
  resource: {
    resourceType: 'AllergyIntolerance', id, meta: META, patient: PATIENT, recordedDate, code,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
    category: ['medication'], criticality: 'high',
    reaction: [{ manifestation: [sct('39579001', 'Anaphylaxis')], severity: 'severe' }],
  },
});

const trustEntries = [
  allergy('mh-allergy-penicillin', sct('91936005', 'Allergy to penicillin'), '2026-09-12'),
  {
    resource: {
      resourceType: 'Immunization', id: 'mh-flu', meta: META, status: 'completed', patient: PATIENT, occurrenceDateTime: '2026-10-14T11:00:00+01:00', primarySource: true,
      vaccineCode: sct('1181000221105', 'Influenza vaccine'), lotNumber: 'FL2026A',
    },
  },
  {
    resource: {
      resourceType: 'Procedure', id: 'mh-ect', meta: META, status: 'completed', subject: PATIENT, performedDateTime: '2026-10-20T09:30:00+01:00',
      code: sct('23835007', 'Electroconvulsive therapy'),
    },
  },
  {
    resource: {
      resourceType: 'Encounter', id: 'mh-stay', meta: META, status: 'in-progress', subject: PATIENT,
      class: { system: ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
      type: [sct('183452005', 'Emergency hospital admission')],
      period: { start: '2026-10-10T16:00:00+01:00' },
      location: [{ location: { display: 'Irwell Unit, Fairfield' }, status: 'active' }],
    },
  },
  {
    resource: {
      resourceType: 'Encounter', id: 'mh-clinic', meta: META, status: 'finished', subject: PATIENT,
      class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
      type: [sct('185389009', 'Follow-up visit')],
      period: { start: '2026-09-01T10:00:00+01:00', end: '2026-09-01T10:45:00+01:00' },
    },
  },
];

const communityEntries = [
  allergy('cs-allergy-latex', sct('300916003', 'Latex allergy'), '2026-08-03'),
  {
    resource: {
      resourceType: 'MedicationStatement', id: 'cs-enoxaparin', meta: META, status: 'active', subject: PATIENT, effectivePeriod: { start: '2026-10-30' }, dateAsserted: '2026-10-30',
      medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '36042311000001106', display: 'Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes' }] },
      dosage: [{ text: '40mg once daily, given by the district nurse' }],
    },
  },
  {
    resource: {
      resourceType: 'Procedure', id: 'cs-debridement', meta: META, status: 'completed', subject: PATIENT, performedDateTime: '2026-10-28T14:00:00Z',
      code: sct('36777000', 'Debridement'), bodySite: [sct('48979004', 'Structure of left lower leg')],
    },
  },
  {
    resource: {
      resourceType: 'Flag', id: 'cs-vulnerable', meta: META, status: 'active', subject: PATIENT, period: { start: '2026-10-01' },
      code: sct('417430008', 'Vulnerable adult'),
    },
  },
  {
    resource: {
      resourceType: 'ServiceRequest', id: 'cs-referral-tvn', meta: META, status: 'active', intent: 'order', subject: PATIENT, authoredOn: '2026-10-29T09:00:00Z',
      code: sct('306206005', 'Referral to service'), performer: [{ display: 'Tissue viability service' }],
    },
  },
];

/** A healthcare student at the hospital (R8004): allergies, medicines, procedures, referrals and alerts, but not safeguarding. */
const STUDENT = { userId: 'e2e-student-mh-community', name: 'Sam Student', odsCode: 'RM3', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' };

const SLICES = `query($n: String!) { patient(nhsNumber: $n) {
  mentalHealthAllergies { code { code } criticality current provenance { odsCode sourceId } }
  mentalHealthImmunisations { vaccine { code } status provenance { odsCode } }
  mentalHealthProcedures { code { code } status provenance { odsCode } }
  mentalHealthAdmissions { admitted discharged ward current provenance { sourceId } }
  mentalHealthContacts { start end current provenance { sourceId } }
  communityAllergies { code { code } current provenance { odsCode } }
  communityMedications { medication { code } current provenance { odsCode } }
  communityProcedures { code { code } status provenance { odsCode } }
  communitySafeguardingAlerts { code { code } current provenance { odsCode } }
  communityAlerts { code { code } }
  communityReferrals { code { code } current provenance { odsCode } }
} }`;

const COMBINED = `query($n: String!) { patient(nhsNumber: $n) {
  combinedAllergies { items { code { code } sources { provenance { odsCode organisationName } } } notRead { field } }
  combinedImmunisations { items { vaccine { code } current sources { provenance { odsCode } } } notRead { field } }
  combinedProcedures { items { code { code } sources { provenance { odsCode } } } notRead { field } }
  combinedMedications { items { medication { code } sources { provenance { odsCode } } } notRead { field } }
  combinedEncounters { items { kind description current provenance { odsCode sourceId } } notRead { field } }
  combinedReferrals { items { code { code } sources { provenance { odsCode } } } notRead { field } }
  combinedSafeguardingAlerts { items { code { code } sources { provenance { odsCode organisationName } } } notRead { field } }
} }`;

type Sourced = { sources: Array<{ provenance: { odsCode: string } }> };
/** The items of a combined section that name this source (the answer is untyped JSON: each section's own item shape). */
const fromSource = (items: any[], odsCode: string): any[] => items.filter((i: Sourced) => i.sources.some((s) => s.provenance.odsCode === odsCode));

describe("the mental health trust's and community services' catalogue types through the real feeds and the gateway", () => {
  let trustWarnings: string[] = [];
  let communityWarnings: string[] = [];

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-mh-community-e2e', nhsNumber: NHS_NUMBER, family: 'Kershaw', given: 'Dennis', gender: 'male', birthDate: '1961-02-17' }, { attendedAe: 'mh-community-ae' });
    trustWarnings = await sendBatch('mental-health', TRUST, trustEntries, { notStoredAllowed: true });
    communityWarnings = await sendBatch('community', COMMUNITY, communityEntries, { notStoredAllowed: true });
  });

  it('every entry is stored: no "not stored" warning from either feed', () => {
    expect(trustWarnings).toEqual([]);
    expect(communityWarnings).toEqual([]);
  });

  it("each item is served in its slice's own field, as the source sent it", async () => {
    const response = await asUser('gp').query(SLICES, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    expect(p.mentalHealthAllergies).toEqual([{ code: { code: '91936005' }, criticality: 'high', current: true, provenance: { odsCode: TRUST, sourceId: 'mh-allergy-penicillin' } }]);
    expect(p.mentalHealthImmunisations).toEqual([{ vaccine: { code: '1181000221105' }, status: 'completed', provenance: { odsCode: TRUST } }]);
    expect(p.mentalHealthProcedures).toEqual([{ code: { code: '23835007' }, status: 'completed', provenance: { odsCode: TRUST } }]);
    expect(p.mentalHealthAdmissions).toEqual([{ admitted: '2026-10-10T16:00:00+01:00', discharged: null, ward: 'Irwell Unit, Fairfield', current: true, provenance: { sourceId: 'mh-stay' } }]);
    expect(p.mentalHealthContacts).toEqual([{ start: '2026-09-01T10:00:00+01:00', end: '2026-09-01T10:45:00+01:00', current: false, provenance: { sourceId: 'mh-clinic' } }]);
    expect(p.communityAllergies).toEqual([{ code: { code: '300916003' }, current: true, provenance: { odsCode: COMMUNITY } }]);
    expect(p.communityMedications).toEqual([{ medication: { code: '36042311000001106' }, current: true, provenance: { odsCode: COMMUNITY } }]);
    expect(p.communityProcedures).toEqual([{ code: { code: '36777000' }, status: 'completed', provenance: { odsCode: COMMUNITY } }]);
    // Filed by its code (schema/clinical-codes.yaml): a safeguarding alert, never a general one.
    expect(p.communitySafeguardingAlerts).toEqual([{ code: { code: '417430008' }, current: true, provenance: { odsCode: COMMUNITY } }]);
    expect(p.communityAlerts).toEqual([]);
    expect(p.communityReferrals).toEqual([{ code: { code: '306206005' }, current: true, provenance: { odsCode: COMMUNITY } }]);
  });

  it('each is an item of its combined section naming its source; the stay is an admission, the clinic a mental health contact', async () => {
    const response = await asUser('gp').query(COMBINED, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    for (const section of Object.values(p) as Array<{ notRead: unknown[] }>) expect(section.notRead).toEqual([]);
    expect(fromSource(p.combinedAllergies.items, TRUST)).toEqual([
      { code: { code: '91936005' }, sources: [{ provenance: { odsCode: TRUST, organisationName: expect.any(String) } }] },
    ]);
    expect(fromSource(p.combinedAllergies.items, COMMUNITY)).toEqual([
      { code: { code: '300916003' }, sources: [{ provenance: { odsCode: COMMUNITY, organisationName: expect.any(String) } }] },
    ]);
    expect(fromSource(p.combinedImmunisations.items, TRUST)).toEqual([{ vaccine: { code: '1181000221105' }, current: true, sources: [{ provenance: { odsCode: TRUST } }] }]);
    expect(fromSource(p.combinedProcedures.items, TRUST).map((i: { code: { code: string } }) => i.code.code)).toEqual(['23835007']);
    expect(fromSource(p.combinedProcedures.items, COMMUNITY).map((i: { code: { code: string } }) => i.code.code)).toEqual(['36777000']);
    expect(fromSource(p.combinedMedications.items, COMMUNITY).map((i: { medication: { code: string } }) => i.medication.code)).toEqual(['36042311000001106']);
    expect(fromSource(p.combinedReferrals.items, COMMUNITY).map((i: { code: { code: string } }) => i.code.code)).toEqual(['306206005']);
    expect(fromSource(p.combinedSafeguardingAlerts.items, COMMUNITY)).toEqual([
      { code: { code: '417430008' }, sources: [{ provenance: { odsCode: COMMUNITY, organisationName: expect.any(String) } }] },
    ]);
    const trustEncounters = p.combinedEncounters.items.filter((e: { provenance: { odsCode: string } }) => e.provenance.odsCode === TRUST);
    expect(trustEncounters).toEqual([
      { kind: 'admission', description: 'Emergency hospital admission', current: true, provenance: { odsCode: TRUST, sourceId: 'mh-stay' } },
      { kind: 'mentalHealthContact', description: 'Follow-up visit', current: false, provenance: { odsCode: TRUST, sourceId: 'mh-clinic' } },
    ]);
  });

  it('a healthcare student (no safeguarding category) is refused the community safeguarding alert per source and combined, and still gets the rest', async () => {
    const student = asUser('gp', { token: userToken(STUDENT) });
    const response = await student.query(
      `query($n: String!) { patient(nhsNumber: $n) {
        communityAllergies { code { code } }
        communityReferrals { code { code } }
        communitySafeguardingAlerts { code { code } }
        combinedSafeguardingAlerts { items { code { code } } }
        combinedAllergies { items { code { code } sources { provenance { odsCode } } } }
      } }`,
      { n: NHS_NUMBER },
    );
    const refused = (response.errors ?? []).map((e: { path?: Array<string | number>; extensions?: { code?: string } }) => `${e.path?.join('.')} ${e.extensions?.code}`).sort();
    expect(refused).toEqual(expect.arrayContaining(['patient.combinedSafeguardingAlerts FORBIDDEN_FIELD', 'patient.communitySafeguardingAlerts FORBIDDEN_FIELD']));
    // The rest are the per-organisation safeguarding lists the combined section requires, each refused under its own rule: nothing else.
    for (const line of refused) expect(line).toMatch(/^patient\.\w*[sS]afeguardingAlerts FORBIDDEN_FIELD$/);
    const p = response.data!.patient;
    expect(p.communitySafeguardingAlerts).toBeNull();
    expect(p.combinedSafeguardingAlerts).toBeNull();
    expect(JSON.stringify(p)).not.toContain('417430008');
    expect(p.communityAllergies).toEqual([{ code: { code: '300916003' } }]);
    expect(p.communityReferrals).toEqual([{ code: { code: '306206005' } }]);
    expect(fromSource(p.combinedAllergies.items, COMMUNITY)).toHaveLength(1);
  });
});
