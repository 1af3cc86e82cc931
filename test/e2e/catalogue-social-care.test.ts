/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Issue #18 point 1 end to end for the council's social care record, and the last gaps of the mental
 * health trust and community services: the council sends a condition it was told of, an allergy, a
 * dose its home care worker gave, a falls risk observation, a home visit and its care and support plan
 * document; the trust a "no known problems" List and a clinic letter; community services a dose of
 * enoxaparin a district nurse gave. Each is stored (no "not stored" warning), is served in its slice's
 * own field, and is an item of its combined section naming its source. A type a council does not hold
 * (FamilyMemberHistory) is answered with a warning naming it.
 *
 * Fixtures written from the FHIR R4 definitions (Condition, AllergyIntolerance, MedicationAdministration
 * with a dm+d medicationCodeableConcept, Observation of category survey, Encounter with a v3 ActCode
 * class, DocumentReference with a plain-text attachment, List with list-empty-reason nilknown,
 * Composition), SNOMED CT coded as UK Core prefers.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990012350';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const META = { versionId: '1', lastUpdated: '2026-11-03T12:00:00Z' };
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const COUNCIL = 'LA351';
const TRUST = 'RT2';
const COMMUNITY = 'NR5';

const councilEntries = [
  {
    resource: {
      resourceType: 'Condition', id: 'sc-dementia', meta: META, subject: PATIENT, recordedDate: '2026-10-02',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: sct('52448006', 'Dementia'),
    },
  },
  {
    resource: {
      resourceType: 'AllergyIntolerance', id: 'sc-allergy-plaster', meta: META, patient: PATIENT, recordedDate: '2026-10-05',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      code: sct('402306009', 'Allergy to adhesive plaster'),
    },
  },
  {
    resource: {
      resourceType: 'MedicationAdministration', id: 'sc-insulin-dose', meta: META, status: 'completed', subject: PATIENT, effectiveDateTime: '2026-11-03T08:15:00Z',
      medicationCodeableConcept: { coding: [{ system: DMD, code: '3549611000001102', display: 'Insulin glargine 100units/ml solution for injection 3ml pre-filled disposable devices' }] },
      performer: [{ actor: { display: 'Home care worker, reablement team' } }],
      dosage: { text: '18 units subcutaneously', dose: { value: 18, unit: 'unit' } },
    },
  },
  {
    resource: {
      resourceType: 'Observation', id: 'sc-falls-risk', meta: META, status: 'final', subject: PATIENT, effectiveDateTime: '2026-10-20T11:00:00Z',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }],
      code: sct('718705001', 'Falls risk assessment'), valueCodeableConcept: sct('723509005', 'High risk of falls'),
    },
  },
  {
    resource: {
      resourceType: 'Encounter', id: 'sc-home-visit', meta: META, status: 'finished', subject: PATIENT,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'HH', display: 'home health' },
      type: [sct('439708006', 'Home visit')], period: { start: '2026-10-20T10:30:00Z', end: '2026-10-20T11:30:00Z' },
    },
  },
  {
    resource: {
      resourceType: 'DocumentReference', id: 'sc-support-plan', meta: META, status: 'current', subject: PATIENT, date: '2026-10-21T09:00:00Z',
      type: sct('734163000', 'Care plan'),
      content: [{ attachment: { contentType: 'text/plain', title: 'Care and support plan', data: Buffer.from('Two calls a day: personal care, insulin at breakfast.').toString('base64') } }],
    },
  },
];

const trustEntries = [
  {
    resource: {
      resourceType: 'List', id: 'mh-problems-list', meta: META, status: 'current', mode: 'snapshot', subject: PATIENT, date: '2026-09-30',
      code: sct('717711000000103', 'Problems and issues record artifact'),
      emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'nilknown' }] },
    },
  },
  {
    resource: {
      resourceType: 'Composition', id: 'mh-clinic-letter', meta: META, status: 'final', subject: PATIENT, date: '2026-10-15T14:00:00Z', title: 'Memory clinic letter',
      type: { coding: [{ system: 'http://loinc.org', code: '11488-4', display: 'Consult note' }] }, author: [{ display: 'Dr P Psychiatrist' }],
      section: [{ title: 'Plan', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Review in the memory clinic in three months.</div>' } }],
    },
  },
];

const communityEntries = [
  {
    resource: {
      resourceType: 'MedicationAdministration', id: 'cs-enoxaparin-dose', meta: META, status: 'completed', subject: PATIENT, effectiveDateTime: '2026-11-02T09:30:00Z',
      medicationCodeableConcept: { coding: [{ system: DMD, code: '36042311000001106', display: 'Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes' }] },
      performer: [{ actor: { display: 'District nurse' } }],
    },
  },
];

const COMBINED = `query($n: String!) { patient(nhsNumber: $n) {
  combinedProblems { items { code { code } sources { provenance { odsCode organisationName } } } noKnownProblems { provenance { odsCode } } conflicts notRead { field } }
  combinedAllergies { items { code { code } sources { provenance { odsCode organisationName } } } notRead { field } }
  combinedMedicationAdministrations { items { medication { code } current sources { given provenance { odsCode organisationName } } } notRead { field } }
  combinedResults { items { code { code } sources { provenance { odsCode organisationName } } } notRead { field } }
  combinedEncounters { items { kind description provenance { odsCode sourceId } } notRead { field } }
  combinedDocuments { items { title sources { provenance { odsCode organisationName } } } notRead { field } }
} }`;

type Sourced = { sources: Array<{ provenance: { odsCode: string } }> };
const fromSource = (items: any[], odsCode: string): any[] => items.filter((i: Sourced) => i.sources.some((s) => s.provenance.odsCode === odsCode));
const COUNCIL_NAME = expect.stringMatching(/Bury Council/);

describe("the council's social care record holds the clinical catalogue's types, through the real feeds and the gateway", () => {
  let councilWarnings: string[] = [];
  let trustWarnings: string[] = [];
  let communityWarnings: string[] = [];

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-social-care-catalogue-e2e', nhsNumber: NHS_NUMBER, family: 'Ormerod', given: 'Edith', gender: 'female', birthDate: '1938-05-09' });
    councilWarnings = await sendBatch('social-care', COUNCIL, councilEntries, { notStoredAllowed: true });
    trustWarnings = await sendBatch('mental-health', TRUST, trustEntries, { notStoredAllowed: true });
    communityWarnings = await sendBatch('community', COMMUNITY, communityEntries, { notStoredAllowed: true });
  });

  it('every entry is stored: no warning from any of the three feeds', () => {
    expect(councilWarnings).toEqual([]);
    expect(trustWarnings).toEqual([]);
    expect(communityWarnings).toEqual([]);
  });

  it("each is served in its slice's own field", async () => {
    const response = await asUser('gp').query(
      `query($n: String!) { patient(nhsNumber: $n) {
        socialCareDiagnoses { code { code } current provenance { odsCode } }
        socialCareAllergies { code { code } current }
        socialCareMedicationAdministrations { medication { code } status given dosage { dose { value } } performers { actor } }
        socialCareObservations { code { code } }
        socialCareContacts { start end current class { code } }
        socialCareDocuments { title current summary }
        mentalHealthNoKnownProblems { current code { code } }
        mentalHealthDocuments { title }
        communityMedicationAdministrations { medication { code } given }
      } }`,
      { n: NHS_NUMBER },
    );
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    expect(p.socialCareDiagnoses).toEqual([{ code: { code: '52448006' }, current: true, provenance: { odsCode: COUNCIL } }]);
    expect(p.socialCareAllergies).toEqual([{ code: { code: '402306009' }, current: true }]);
    expect(p.socialCareMedicationAdministrations).toEqual([{ medication: { code: '3549611000001102' }, status: 'completed', given: true, dosage: { dose: { value: 18 } }, performers: [{ actor: 'Home care worker, reablement team' }] }]);
    expect(p.socialCareObservations).toEqual([{ code: { code: '718705001' } }]);
    expect(p.socialCareContacts).toEqual([{ start: '2026-10-20T10:30:00Z', end: '2026-10-20T11:30:00Z', current: false, class: { code: 'HH' } }]);
    expect(p.socialCareDocuments).toEqual([{ title: 'Care and support plan', current: true, summary: 'Two calls a day: personal care, insulin at breakfast.' }]);
    expect(p.mentalHealthNoKnownProblems).toEqual([{ current: true, code: { code: 'nilknown' } }]);
    expect(p.mentalHealthDocuments).toEqual([{ title: 'Memory clinic letter' }]);
    expect(p.communityMedicationAdministrations).toEqual([{ medication: { code: '36042311000001106' }, given: true }]);
  });

  it('each is an item of its combined section naming the council (or the trust, community services) as its source', async () => {
    const response = await asUser('gp').query(COMBINED, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const p = response.data.patient;
    for (const section of Object.values(p) as Array<{ notRead: unknown[] }>) expect(section.notRead).toEqual([]);
    expect(fromSource(p.combinedProblems.items, COUNCIL)).toEqual([{ code: { code: '52448006' }, sources: [{ provenance: { odsCode: COUNCIL, organisationName: COUNCIL_NAME } }] }]);
    expect(fromSource(p.combinedAllergies.items, COUNCIL)).toEqual([{ code: { code: '402306009' }, sources: [{ provenance: { odsCode: COUNCIL, organisationName: COUNCIL_NAME } }] }]);
    expect(fromSource(p.combinedMedicationAdministrations.items, COUNCIL)).toEqual([
      { medication: { code: '3549611000001102' }, current: false, sources: [{ given: true, provenance: { odsCode: COUNCIL, organisationName: COUNCIL_NAME } }] },
    ]);
    expect(fromSource(p.combinedMedicationAdministrations.items, COMMUNITY).map((i: { medication: { code: string } }) => i.medication.code)).toEqual(['36042311000001106']);
    expect(fromSource(p.combinedResults.items, COUNCIL)).toEqual([{ code: { code: '718705001' }, sources: [{ provenance: { odsCode: COUNCIL, organisationName: COUNCIL_NAME } }] }]);
    expect(fromSource(p.combinedDocuments.items, COUNCIL)).toEqual([{ title: 'Care and support plan', sources: [{ provenance: { odsCode: COUNCIL, organisationName: COUNCIL_NAME } }] }]);
    expect(fromSource(p.combinedDocuments.items, TRUST).map((d: { title: string }) => d.title)).toEqual(['Memory clinic letter']);
    expect(p.combinedEncounters.items.filter((e: { provenance: { odsCode: string } }) => e.provenance.odsCode === COUNCIL)).toEqual([
      { kind: 'socialCareContact', description: 'Home visit', provenance: { odsCode: COUNCIL, sourceId: 'sc-home-visit' } },
    ]);
    // The trust's "no known problems" statement stands apart, and the council's current dementia is said against it (H124).
    expect(p.combinedProblems.noKnownProblems).toEqual([{ provenance: { odsCode: TRUST } }]);
    expect(p.combinedProblems.conflicts).toEqual([expect.stringMatching(/No known problems.*but a current problem is recorded: Dementia at Bury Council/)]);
  });

  it('a type a council does not hold (a relative’s health: FamilyMemberHistory) is answered with a warning naming it, and nothing of it is stored', async () => {
    const warnings = await sendBatch(
      'social-care',
      COUNCIL,
      [{ resource: { resourceType: 'FamilyMemberHistory', id: 'sc-fmh', meta: META, status: 'completed', patient: PATIENT, relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }] } } }],
      { notStoredAllowed: true },
    );
    expect(warnings).toEqual([expect.stringMatching(/^FamilyMemberHistory not stored/)]);
  });
});
