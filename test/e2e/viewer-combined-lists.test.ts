import type { Page } from 'playwright-core';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { AISHA, MARGARET, PETER } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The problems and medications Lists' statements in the viewer, in Chromium against the real stack
 * (issue #18.3; H125): "No known problems" and "No current medications" statements are apart from
 * the lists, each with its source and date; beside a current item from another source the conflict
 * is a warning above the list (and in the emergency summary's current medications); the demo at
 * `npm start` fills every combined section. By keyboard, axe clean.
 */

const freshPage = browserPages();

/** One section of one panel: its state, text, rows (cells' text) of each part, its warnings. */
function section(page: Page, panel: string, name: string) {
  return page.locator(`[data-panel="${panel}"]`).evaluate((element, name) => {
    const s = (element as any).shadowRoot.querySelector(`[data-section="${name}"]`);
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map((td: any) => td.textContent.trim()));
    const all = (role: string) => [...(s?.querySelectorAll(`[data-role="${role}"]`) ?? [])].map((e: any) => e.textContent.trim());
    return { state: s?.getAttribute('data-state'), text: s?.textContent ?? '', current: rows('current'), history: rows('history'), warnings: all('warning') };
  }, name);
}

const GP = 'Bury Central Medical Practice';
const HOSPITAL = 'Northern Care Alliance NHS Foundation Trust';
const NHS_NUMBER = '9990012326';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const META = { versionId: '1', lastUpdated: '2026-10-30T12:00:00Z' };
const EMPTY = 'http://terminology.hl7.org/CodeSystem/list-empty-reason';
const nilKnown = (id: string, code: string, display: string) => ({
  resource: {
    resourceType: 'List', id, meta: META, status: 'current', mode: 'snapshot', title: display, subject: PATIENT, date: '2026-09-14T10:00:00+01:00',
    code: { coding: [{ system: 'http://snomed.info/sct', code, display }] },
    emptyReason: { coding: [{ system: EMPTY, code: 'nilknown', display: 'Nil Known' }] },
  },
});

it('Aisha (the demo): her GP’s "No current medications" is a statement with its source and date, apart from the medicines, which stay empty; no conflict', async () => {
  const page = await freshPage();
  await signInAs(page, 'ae-doctor');
  await openRecord(page, AISHA());
  await panelsSettled(page);
  expect(await section(page, 'combinedMedications', 'medications')).toMatchObject({ state: 'empty', current: [], history: [], warnings: [] });
  const statements = await section(page, 'combinedMedications', 'noCurrentMedications');
  expect(statements.state).toBe('data');
  expect(statements.current).toHaveLength(1);
  const [statement, source, recorded, status] = statements.current[0];
  expect(statement).toBe('No current medications (list: Medications and medical devices)');
  expect(source).toMatch(/\S/);
  expect(recorded).toMatch(/\d{1,2} \w{3,4} 2025/);
  expect(status).toBe('Stands');
  // Her problems: asthma, and no "no known problems" statement (its own section says so, apart).
  expect(await section(page, 'combinedProblems', 'noKnownProblems')).toMatchObject({ state: 'empty' });
  expect(await section(page, 'emergencySummary', 'medications')).toMatchObject({ current: [], warnings: [] });
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedMedications"]'), 'viewer-combined-no-current-medications-aisha');
  await page.context().close();
});

it('the demo fills the combined sections a new user opens: Margaret’s immunisations, hearing aid and advance decision; Peter’s diabetes care plan', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  const rows = async (panel: string, name: string) => {
    const s = await section(page, panel, name);
    return { state: s.state, rows: [...s.current, ...s.history].map((cells) => cells.join(' | ')) };
  };
  expect(await rows('combinedImmunisations', 'immunisations')).toMatchObject({ state: 'data', rows: [expect.stringMatching(/influenza/i), expect.stringMatching(/pneumococcal/i)] });
  expect(await rows('combinedFamilyHistory', 'medicalDevices')).toMatchObject({ state: 'data', rows: [expect.stringContaining('Hearing aid')] });
  expect(await rows('combinedFamilyHistory', 'advanceDirectives')).toMatchObject({ state: 'data', rows: [expect.stringMatching(/Cardiopulmonary resuscitation|refuse/i)] });
  expect((await section(page, 'emergencySummary', 'advanceDirectives')).current).toHaveLength(1);
  await screenshot(page.locator('[data-panel="combinedFamilyHistory"]'), 'viewer-combined-devices-decisions-margaret');
  await page.context().close();

  const peter = await freshPage();
  await signInAs(peter, 'gp');
  await openRecord(peter, PETER());
  await panelsSettled(peter);
  const plans = await section(peter, 'combinedCarePlans', 'carePlans');
  // Peter is opted out when the opt-out tests ran first: then nobody may open him, and nothing is to be checked here.
  if (plans.state !== undefined) expect(plans).toMatchObject({ state: 'data', current: [expect.arrayContaining([expect.stringContaining('Diabetes self-management plan')])] });
  await peter.context().close();
});

describe('a GP that says "no known problems" and "no current medications" while the hospital holds a current diagnosis and a prescription', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-viewer-lists-e2e', nhsNumber: NHS_NUMBER, family: 'Greenwood', given: 'Alice', gender: 'female', birthDate: '1947-08-30' }, { attendedAe: 'viewer-lists-ae' });
    await sendBatch('gp', 'P83005', [nilKnown('gp-problems', '717711000000103', 'Problems'), nilKnown('gp-medications', '933361000000108', 'Medications and medical devices')]);
    await sendBatch('acute', 'RM3', [
      {
        resource: {
          resourceType: 'Condition', id: 'ae-af', meta: META,
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
          verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
          code: { coding: [{ system: 'http://snomed.info/sct', code: '49436004', display: 'Atrial fibrillation' }] }, subject: PATIENT, onsetDateTime: '2026-10-29',
        },
      },
      {
        resource: {
          resourceType: 'MedicationRequest', id: 'ae-apixaban', meta: META, status: 'active', intent: 'order', subject: PATIENT, authoredOn: '2026-10-29T22:00:00+00:00',
          medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '703907004', display: 'Apixaban 5mg tablets' }] },
          dosageInstruction: [{ text: 'One tablet twice a day' }],
        },
      },
    ]);
  });

  it('each statement apart from its list, the conflict a warning above the list and in the emergency summary; by keyboard; axe clean', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await openRecord(page, NHS_NUMBER);
    await panelsSettled(page);

    const problems = await section(page, 'combinedProblems', 'problems');
    expect(problems.current.map((r) => r[0])).toEqual(['Atrial fibrillation']);
    expect(problems.warnings).toEqual([`Warning: conflicting statements. ${GP} records “No known problems” (14 Sept 2026), but a current problem is recorded: Atrial fibrillation at ${HOSPITAL}`]);
    const noKnownProblems = await section(page, 'combinedProblems', 'noKnownProblems');
    expect(noKnownProblems.current.map((r) => [r[0], r[1], r[3]])).toEqual([['No known problems (list: Problems)', GP, 'Stands']]);
    // The statement is never a row of the problem list.
    expect(problems.text).not.toContain('No known problems (list');

    const medicines = await section(page, 'combinedMedications', 'medications');
    expect(medicines.current.map((r) => r[0])).toEqual(['Apixaban 5mg tablets']);
    expect(medicines.warnings).toEqual([`Warning: conflicting statements. ${GP} records “No current medications” (14 Sept 2026), but a current medicine is recorded: Apixaban 5mg tablets at ${HOSPITAL}`]);
    expect((await section(page, 'combinedMedications', 'noCurrentMedications')).current.map((r) => r[0])).toEqual(['No current medications (list: Medications and medical devices)']);
    // The A&E doctor's first view: the summary's current medications carry the same warning.
    expect((await section(page, 'emergencySummary', 'medications')).warnings).toEqual(medicines.warnings);

    // By keyboard: the contents link to the medicines reaches the panel with its warning.
    const link = page.locator('[data-role="section-nav"] a[href="#panel-combinedMedications"]');
    await link.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-panel'))).toBe('combinedMedications');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page.locator('[data-panel="combinedProblems"]'), 'viewer-combined-no-known-problems-conflict');
    await screenshot(page.locator('[data-panel="combinedMedications"]'), 'viewer-combined-no-current-medications-conflict');
    await page.context().close();
  });
});
