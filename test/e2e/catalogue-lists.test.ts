/// <reference types="fhir" />
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { asUser, closeDatabases } from '../support/clients';
import { stackInfo } from '../support/stackInfo';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * Issue #18 point 1 end to end: the problems and medications Lists go through the real GP and
 * hospital feeds and come back through the gateway's combined sections. A List empty because
 * nothing is known is a statement apart from the items ("no known problems", "no current
 * medications"); empty because nobody asked it is never one, and a later version of the List
 * answered otherwise withdraws the statement (H123). A List with entries is warned, its entries
 * taken one by one from their own resources in the bundle. A statement beside a current item from
 * another source is a conflict said in words (H124).
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990012318';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const META = { versionId: '1', lastUpdated: '2026-10-30T12:00:00Z' };
const LATER = { versionId: '2', lastUpdated: '2026-11-01T10:00:00Z' };
const EMPTY = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const PROBLEMS = sct('717711000000103', 'Problems');
const MEDICATIONS = sct('933361000000108', 'Medications and medical devices');
const GP = 'Bury Central Medical Practice';
const HOSPITAL = 'Northern Care Alliance NHS Foundation Trust';

const send = (target: string, odsCode: string, entry: unknown[]) => sendBatch(target, odsCode, entry, { notStoredAllowed: true });

/** A List as GP Connect sends a heading (UK Core List: status, mode, code, subject, date; emptyReason when empty). */
const list = (id: string, code: fhir4.CodeableConcept, title: string, content: { emptyReason?: string; entry?: fhir4.ListEntry[] }, meta = META) => ({
  resourceType: 'List', id, meta, status: 'current', mode: 'snapshot', title, code, subject: PATIENT, date: '2026-10-02T09:30:00+01:00',
  ...(content.emptyReason ? { emptyReason: { coding: [{ system: EMPTY, code: content.emptyReason }] } } : {}),
  ...(content.entry ? { entry: content.entry } : {}),
});
const asthma = (id: string) => ({
  resourceType: 'Condition', id, meta: META,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
  code: sct('195967001', 'Asthma'), subject: PATIENT, onsetDateTime: '2026-10-29',
});
const salbutamol = {
  resourceType: 'MedicationRequest', id: 'ae-salbutamol', meta: META, status: 'active', intent: 'order',
  medicationCodeableConcept: { coding: [{ system: DMD, code: '39113611000001102', display: 'Salbutamol 100micrograms/dose inhaler CFC free' }] },
  subject: PATIENT, authoredOn: '2026-10-29T22:10:00+00:00', dosageInstruction: [{ text: 'Two puffs up to four times a day when required' }],
};

const COMBINED = `query($n: String!) { patient(nhsNumber: $n) {
  combinedProblems { items { code { code } current sources { id } } noKnownProblems { id code { code } list { code } title current recordedDate provenance { organisationName } } conflicts notRead { field } }
  combinedMedications { items { medication { code } current sources { id } } noCurrentMedications { id code { code } list { code } current provenance { organisationName } } conflicts notRead { field } }
} }`;

describe('problems and medications Lists through the real feeds and the gateway', () => {
  let gpWarnings: string[] = [];
  let acuteWarnings: string[] = [];
  const combined = async () => {
    const response = await asUser('gp').query(COMBINED, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    return response.data.patient;
  };

  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-catalogue-lists-e2e', nhsNumber: NHS_NUMBER, family: 'Whittaker', given: 'Joan', gender: 'female', birthDate: '1951-02-17' }, { attendedAe: 'lists-ae' });
    // The practice: nothing known on either heading.
    gpWarnings = await send('gp', 'P83005', [
      { resource: list('gp-problems', PROBLEMS, 'Problems', { emptyReason: 'nilknown' }) },
      { resource: list('gp-medications', MEDICATIONS, 'Medications and medical devices', { emptyReason: 'nilknown' }) },
    ]);
    // The hospital: a medications heading nobody asked about, an inhaler prescribed, and a problems List naming its diagnosis, sent beside it.
    acuteWarnings = await send('acute', 'RM3', [
      { resource: list('ae-medications', MEDICATIONS, 'Medications', { emptyReason: 'notasked' }) },
      { resource: salbutamol },
      { resource: list('ae-problems', PROBLEMS, 'Problems', { entry: [{ item: { reference: 'Condition/ae-asthma' } }] }) },
      { resource: asthma('ae-asthma') },
    ]);
  });

  it("the GP's nil-known Lists are stored without a warning; the hospital's notasked list and its List with entries are warned, saying why", () => {
    expect(gpWarnings).toEqual([]);
    expect(acuteWarnings).toEqual([
      expect.stringMatching(/^List not stored: an empty medications List whose emptyReason is notasked, not nilknown, is never a "no current medications" statement/),
      'List not stored: a problems List with entries is not stored as a list: its entries are taken individually, each from its own Condition resource (1 entry of 1 in this bundle, each answered in its own entry); any "no known problems" this List stated before is withdrawn',
    ]);
  });

  it("the combined sections: each statement apart from the items, the hospital's diagnosis and prescription stored as themselves, each conflict said (H123, H124)", async () => {
    const patient = await combined();
    expect(patient.combinedProblems).toEqual({
      items: [{ code: { code: '195967001' }, current: true, sources: [{ id: 'RM3/Condition/ae-asthma' }] }],
      noKnownProblems: [{ id: 'P83005/List/gp-problems', code: { code: 'nilknown' }, list: { code: '717711000000103' }, title: 'Problems', current: true, recordedDate: '2026-10-02T09:30:00+01:00', provenance: { organisationName: GP } }],
      conflicts: [`${GP} records “No known problems” (2 Oct 2026), but a current problem is recorded: Asthma at ${HOSPITAL}`],
      notRead: [],
    });
    expect(patient.combinedMedications).toEqual({
      items: [{ medication: { code: '39113611000001102' }, current: true, sources: [{ id: 'RM3/MedicationRequest/ae-salbutamol' }] }],
      // The hospital's notasked list is no statement: only the GP's.
      noCurrentMedications: [{ id: 'P83005/List/gp-medications', code: { code: 'nilknown' }, list: { code: '933361000000108' }, current: true, provenance: { organisationName: GP } }],
      conflicts: [`${GP} records “No current medications” (2 Oct 2026), but a current medicine is recorded: Salbutamol 100micrograms/dose inhaler CFC free at ${HOSPITAL}`],
      notRead: [],
    });
  });

  it('H123: the GP sends its medications List again, notasked: the statement is withdrawn, and with it the conflict', async () => {
    const warnings = await send('gp', 'P83005', [{ resource: list('gp-medications', MEDICATIONS, 'Medications and medical devices', { emptyReason: 'notasked' }, LATER) }]);
    expect(warnings).toEqual([expect.stringMatching(/never a "no current medications" statement .*; any this List stated before is withdrawn$/)]);
    const { combinedMedications } = await combined();
    expect(combinedMedications.noCurrentMedications).toEqual([]);
    expect(combinedMedications.conflicts).toEqual([]);
    expect(combinedMedications.items).toHaveLength(1);
  });

  it('H123: the GP sends its problems List again with an entry and the Condition it names: the Condition is a problem, the statement withdrawn', async () => {
    const warnings = await send('gp', 'P83005', [
      { resource: list('gp-problems', PROBLEMS, 'Problems', { entry: [{ item: { reference: 'Condition/gp-asthma' } }] }, LATER) },
      { resource: { ...asthma('gp-asthma'), category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }] } },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^List not stored: a problems List with entries .*taken individually/)]);
    const { combinedProblems } = await combined();
    expect(combinedProblems.noKnownProblems).toEqual([]);
    expect(combinedProblems.conflicts).toEqual([]);
    // The same asthma, begun the same day, from the GP and the hospital: one problem naming both.
    expect(combinedProblems.items).toEqual([{ code: { code: '195967001' }, current: true, sources: expect.arrayContaining([{ id: 'P83005/Condition/gp-asthma' }, { id: 'RM3/Condition/ae-asthma' }]) }]);
  });

  it('bad input is a clear error and changes nothing: a List whose status is not a list-status code is refused', async () => {
    const bad = { ...list('gp-medications', MEDICATIONS, 'Medications and medical devices', { emptyReason: 'nilknown' }, { versionId: '3', lastUpdated: '2026-11-02T10:00:00Z' }), status: 'finished' };
    const response = await sendBundle('gp', 'P83005', JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: bad }] }), { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
    expect(response.issues.filter((i) => i.severity === 'error').map((i) => i.diagnostics)).toEqual([
      'No entry of the bundle was accepted; nothing was written. Fix the entries below and send them again.',
      'List.status must be one of current, retired, entered-in-error; got "finished"',
    ]);
    const { combinedMedications } = await combined();
    expect(combinedMedications.noCurrentMedications).toEqual([]);
  });
});
