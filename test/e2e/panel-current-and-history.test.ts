import type { Page } from 'playwright-core';
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { stackInfo } from '../support/stackInfo';

/**
 * What the record says is current, the panels list as current (docs/clinical-safety.md H62-H65):
 * a patient fed by her practice with a refuted, a resolved and an inactive allergy beside a current
 * and an unconfirmed one; a refuted, a resolved and a remission problem beside a current and a
 * provisional one; a stopped and a completed medicine beside a current one. The GP opens her record
 * in the viewer, in Chromium.
 */

const freshPage = browserPages();
const NHS_NUMBER = '9990000719';
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const meta = { versionId: '1', lastUpdated: '2024-03-01T10:00:00Z' };
const put = (resource: { resourceType: string; id: string }) => ({ resource: { ...resource, meta }, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } });
const snomed = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }] });
const coded = (system: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] });

const allergy = (id: string, substance: ReturnType<typeof snomed>, clinical: string | null, verification: string) => put({
  resourceType: 'AllergyIntolerance',
  id,
  ...(clinical ? { clinicalStatus: coded('allergyintolerance-clinical', clinical) } : {}),
  verificationStatus: coded('allergyintolerance-verification', verification),
  code: substance,
  patient,
  recordedDate: '2020-01-15',
  reaction: [{ manifestation: [snomed('247472004', 'Weal')] }],
} as never);
const condition = (id: string, concept: ReturnType<typeof snomed>, clinical: string, verification: string, extra: object = {}) => put({
  resourceType: 'Condition',
  id,
  clinicalStatus: coded('condition-clinical', clinical),
  verificationStatus: coded('condition-ver-status', verification),
  code: concept,
  subject: patient,
  onsetDateTime: '2021-06-01',
  ...extra,
} as never);
const medicine = (id: string, display: string, status: string) => put({
  resourceType: 'MedicationStatement',
  id,
  status,
  medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: id.replace(/\D/g, '') || '1', display }] },
  subject: patient,
  dosage: [{ text: 'One a day' }],
} as never);

const REGISTRATION = {
  resourceType: 'Bundle',
  type: 'batch',
  entry: [put({
    resourceType: 'Patient',
    id: 'pat-current-history',
    identifier: [patient.identifier],
    name: [{ use: 'official', family: 'Statusfield', given: ['Hilda'] }],
    gender: 'female',
    birthDate: '1951-02-03',
    address: [{ line: ['2 Test Street'], city: 'Bury', postalCode: 'BL9 0AA' }],
    generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
  } as never)],
};

const GP_RECORD = {
  resourceType: 'Bundle',
  type: 'batch',
  entry: [
    allergy('ai-penicillin', snomed('91936005', 'Allergy to penicillin'), 'active', 'confirmed'),
    allergy('ai-latex', snomed('300916003', 'Latex allergy'), 'active', 'unconfirmed'),
    // Ruled out, but the source left the clinical status active: the panel read it as an ordinary allergy.
    allergy('ai-codeine', snomed('294954006', 'Allergy to codeine'), 'active', 'refuted'),
    allergy('ai-egg', snomed('91930004', 'Allergy to eggs'), 'resolved', 'confirmed'),
    allergy('ai-plaster', snomed('402306009', 'Allergy to adhesive plaster'), 'inactive', 'confirmed'),
    condition('cond-asthma', snomed('195967001', 'Asthma'), 'active', 'confirmed'),
    condition('cond-diabetes', snomed('44054006', 'Type 2 diabetes mellitus'), 'active', 'provisional'),
    // Ruled out, clinical status still active: the panel said "active".
    condition('cond-pe', snomed('59282003', 'Pulmonary embolism'), 'active', 'refuted'),
    condition('cond-pneumonia', snomed('233604007', 'Pneumonia'), 'resolved', 'confirmed', { abatementDateTime: '2021-07-01' }),
    condition('cond-depression', snomed('35489007', 'Depressive disorder'), 'remission', 'confirmed'),
    medicine('ms-42206511000001102', 'Atorvastatin 20mg tablets', 'active'),
    medicine('ms-39695211000001102', 'Simvastatin 40mg tablets', 'stopped'),
    medicine('ms-39732311000001104', 'Amoxicillin 500mg capsules', 'completed'),
  ],
};

// The hospital's prescriptions: one in force, one stopped. The emergency summary lists every source's current medicines.
const HOSPITAL_RECORD = {
  resourceType: 'Bundle',
  type: 'batch',
  entry: [
    put({ resourceType: 'MedicationRequest', id: 'mr-enoxaparin', status: 'active', intent: 'order', medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '36042311000001106', display: 'Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes' }] }, subject: patient, authoredOn: '2026-10-30', dosageInstruction: [{ text: '40mg once daily' }] } as never),
    put({ resourceType: 'MedicationRequest', id: 'mr-morphine', status: 'stopped', intent: 'order', medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '36128711000001100', display: 'Morphine 10mg/5ml oral solution' }] }, subject: patient, authoredOn: '2026-10-30', dosageInstruction: [{ text: '5ml when required' }] } as never),
  ],
};

/** One section's parts: the current rows, the history heading and rows (first two cells each). */
function sectionParts(page: Page, panel: string, section: string) {
  return page.locator(`[data-panel="${panel}"]`).evaluate((element, name) => {
    const root = (element as any).shadowRoot;
    const s = root.querySelector(`[data-section="${name}"]`);
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map((td: any) => td.textContent.trim()));
    return { state: s?.getAttribute('data-state'), text: s?.textContent ?? '', current: rows('current'), historyHeading: s?.querySelector('[data-role="history-heading"]')?.textContent ?? null, history: rows('history') };
  }, section);
}

beforeAll(async () => {
  for (const [target, bundle] of [['registry', REGISTRATION], ['gp', GP_RECORD]] as const) {
    const response = await sendBundle(target, 'P83005', JSON.stringify(bundle), env());
    expect({ target, status: response.status, issue: response.summary }).toEqual({ target, status: 200, issue: expect.stringMatching(/^Accepted/) });
  }
  const hospital = await sendBundle('acute', 'RM3', JSON.stringify(HOSPITAL_RECORD), env());
  expect({ status: hospital.status, issue: hospital.summary }).toEqual({ status: 200, issue: expect.stringMatching(/^Accepted/) });
});

it('allergies, problems, medications and the emergency summary list only current items as current; the rest in history saying why, in words', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, NHS_NUMBER);
  await panelsSettled(page);
  // The emergency summary's allergies come from the combined section; the same rule holds there.
  const combined = await sectionParts(page, 'combinedAllergies', 'allergies');
  expect(combined.current.map((r) => r.slice(0, 2)).sort()).toEqual([['Allergy to penicillin', 'Confirmed'], ['Latex allergy', 'Unconfirmed']]);
  expect(combined.history.map((r) => r.slice(0, 2)).sort()).toEqual([['Allergy to adhesive plaster', 'Inactive'], ['Allergy to codeine', 'Refuted (ruled out)'], ['Allergy to eggs', 'Resolved']]);
  const combinedSummary = await sectionParts(page, 'emergencySummary', 'allergies');
  // Each source's panel, one click away.
  await page.getByRole('button', { name: 'View by source' }).click();
  await page.locator('[data-panel="allergies"]').waitFor();
  await panelsSettled(page);

  const allergies = await sectionParts(page, 'allergies', 'allergies');
  expect(allergies.current.map((r) => r.slice(0, 2))).toEqual(expect.arrayContaining([['Allergy to penicillin', 'Confirmed'], ['Latex allergy', 'Unconfirmed']]));
  expect(allergies.current).toHaveLength(2);
  expect(allergies.historyHeading).toBe('Past and ruled-out allergies');
  expect(allergies.history.map((r) => r.slice(0, 2)).sort()).toEqual([['Allergy to adhesive plaster', 'Inactive'], ['Allergy to codeine', 'Refuted (ruled out)'], ['Allergy to eggs', 'Resolved']]);

  const problems = await sectionParts(page, 'problems', 'problems');
  expect(problems.current.map((r) => r.slice(0, 2)).sort()).toEqual([['Asthma', 'Active'], ['Type 2 diabetes mellitus', 'Active, provisional (working diagnosis)']]);
  expect(problems.historyHeading).toBe('Past and ruled-out problems');
  expect(problems.history.map((r) => r.slice(0, 2)).sort()).toEqual([['Depressive disorder', 'In remission'], ['Pneumonia', 'Resolved'], ['Pulmonary embolism', 'Refuted (ruled out)']]);
  expect(problems.text).not.toMatch(/\bactive\b|refuted\b|resolved\b/); // no enum codes, only words

  const medications = await sectionParts(page, 'medications', 'medications');
  expect(medications.current.map((r) => [r[0], r[2]])).toEqual([['Atorvastatin 20mg tablets', 'Active']]);
  expect(medications.historyHeading).toBe('Stopped and past medications');
  expect(medications.history.map((r) => [r[0], r[2]]).sort()).toEqual([['Amoxicillin 500mg capsules', 'Completed'], ['Simvastatin 40mg tablets', 'Stopped']]);

  // The emergency summary: what applies now, nothing else.
  const summaryAllergies = combinedSummary;
  expect(summaryAllergies.current.map((r) => r.slice(0, 2)).sort()).toEqual([['Allergy to penicillin', 'Confirmed'], ['Latex allergy', 'Unconfirmed']]);
  expect(summaryAllergies.text).not.toMatch(/codeine|eggs|plaster/);
  const summaryMedicines = await sectionParts(page, 'emergencySummary', 'medications');
  expect(summaryMedicines.current.map((r) => r[0]).sort()).toEqual(['Atorvastatin 20mg tablets', 'Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes']);
  expect(summaryMedicines.text).not.toMatch(/Simvastatin|Amoxicillin|Morphine/);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="allergies"]'), 'panel-allergies-current-and-history');
  await screenshot(page.locator('[data-panel="problems"]'), 'panel-problems-current-and-history');
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'panel-emergency-summary-current-only');
  await screenshot(page.locator('[data-panel="medications"]'), 'panel-medications-current-and-history');
  await page.context().close();
});
