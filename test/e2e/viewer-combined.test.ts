import type { Page } from 'playwright-core';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { AISHA, MARGARET } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * The combined record in the viewer (issue #18.3), in Chromium against the real stack: one item per
 * fact naming every source, "No known allergies" statements apart from the allergy list, the
 * emergency summary's allergies from the combined section, each source's panels one click away, all
 * by keyboard, axe clean (docs/clinical-safety.md H83-H86).
 */

const freshPage = browserPages();

/** One section of one panel: its state, text, rows (cells' text) of each part, the warnings and the disagreements. */
function section(page: Page, panel: string, name: string) {
  return page.locator(`[data-panel="${panel}"]`).evaluate((element, name) => {
    const s = (element as any).shadowRoot.querySelector(`[data-section="${name}"]`);
    // A cell's words as read before opening anything: a code behind its "Code" disclosure is not part of the name.
    const cellText = (td: any) => { const copy = td.cloneNode(true); copy.querySelectorAll('details').forEach((d: any) => d.remove()); return copy.textContent.trim(); };
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map(cellText));
    const all = (role: string) => [...(s?.querySelectorAll(`[data-role="${role}"]`) ?? [])].map((e: any) => e.textContent.trim());
    return { state: s?.getAttribute('data-state'), text: s?.textContent ?? '', current: rows('current'), history: rows('history'), warnings: all('warning'), notRead: all('not-read'), sources: all('sources'), source: all('source')[0] ?? '' };
  }, name);
}

const GP = 'Bury Central Medical Practice';
const HOSPITAL = 'Northern Care Alliance NHS Foundation Trust';

it('the GP opens Margaret: the combined record is the first view, penicillin once with both sources, the hip replacement from the hospital, her blood pressure; by source one click away; by keyboard; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);

  // The emergency summary's allergies are the combined section's: penicillin once, from the GP and A&E.
  const summary = await section(page, 'emergencySummary', 'allergies');
  expect(summary.current).toHaveLength(1);
  expect(summary.current[0].slice(0, 2)).toEqual(['Allergy to penicillin', 'Confirmed']);
  expect(summary.sources[0]).toContain(GP);
  expect(summary.sources[0]).toContain(HOSPITAL);

  const allergies = await section(page, 'combinedAllergies', 'allergies');
  expect(allergies.state).toBe('data');
  expect(allergies.current.map((r) => r[0])).toEqual(['Allergy to penicillin']);
  // Each source by name with its own status and as-of.
  expect(allergies.sources[0]).toMatch(new RegExp(`${GP}: Confirmed, as of \\d{1,2} \\w{3,4} \\d{4}`));
  expect(allergies.sources[0]).toMatch(new RegExp(`${HOSPITAL}: Confirmed, as of \\d{1,2} \\w{3,4} \\d{4}`));
  expect(allergies.notRead).toEqual([]);
  // She has no "no known allergies" statement: its own section says so, apart from the list.
  expect(await section(page, 'combinedAllergies', 'noKnownAllergies')).toMatchObject({ state: 'empty' });

  const procedures = await section(page, 'combinedProcedures', 'procedures');
  // A completed operation is history, saying its status in words, with the hospital named.
  expect(procedures.history.map((r) => r.slice(0, 2))).toEqual([['Total hip replacement', 'Completed']]);
  expect(procedures.sources).toEqual([expect.stringMatching(new RegExp(`^${HOSPITAL}: Completed, as of`))]);

  const vitals = await section(page, 'combinedVitalSigns', 'vitalSigns');
  const bloodPressures = vitals.current.filter((r) => r[0] === 'Blood pressure');
  expect(bloodPressures.length).toBeGreaterThanOrEqual(2);
  expect(bloodPressures.map((r) => r[1])).toContain('Systolic blood pressure 138 mmHg; Diastolic blood pressure 78 mmHg');
  expect(vitals.current.find((r) => r[0] === 'Body weight')?.[1]).toMatch(/^\d+(\.\d+)? kg$/);
  expect((await section(page, 'combinedProblems', 'problems')).current.map((r) => r[0])).toEqual(expect.arrayContaining(['Fracture of neck of femur', 'Hypertension']));
  expect((await section(page, 'combinedSocialHistory', 'socialHistory')).current.map((r) => r[0])).toContain('Smoking status'); // the GP's own words, not LOINC's "Tobacco smoking status"
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'viewer-combined-margaret');
  await screenshot(page.locator('[data-panel="combinedAllergies"]'), 'viewer-combined-allergies-margaret');
  await screenshot(page.locator('[data-panel="combinedVitalSigns"]'), 'viewer-combined-vital-signs-margaret');

  // Keyboard alone: from the record's heading, Tab reaches the views and the section contents.
  await page.locator('#record-heading').focus();
  const reached: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => { const a = (globalThis as any).document.activeElement; return `${a.localName}:${a.textContent.trim()}`; }));
  }
  expect(reached.slice(0, 2)).toEqual(['button:Combined record', 'button:View by source']);
  expect(reached).toContain('a:Allergies');
  expect(reached).toContain('a:Vital signs');
  // A contents link moves focus to its section.
  await page.getByRole('link', { name: 'Operations and procedures' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute('data-panel'))).toBe('combinedProcedures');

  // By source, by keyboard: each organisation's own panels, the new fields in them.
  await page.getByRole('button', { name: 'View by source' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-panel="procedures"]').waitFor();
  await panelsSettled(page);
  expect(await page.getByRole('button', { name: 'View by source' }).getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('[data-panel^="combined"]').count()).toBe(0);
  expect((await section(page, 'allergies', 'hospitalAllergies')).current.map((r) => r.slice(0, 2))).toEqual([['Allergy to penicillin', 'Confirmed']]);
  expect((await section(page, 'procedures', 'hospitalProcedures')).history.map((r) => r[0])).toEqual(['Total hip replacement']);
  expect((await section(page, 'problems', 'hospitalDiagnoses')).current.map((r) => r[0])).toContain('Fracture of neck of femur');
  expect((await section(page, 'results', 'observations')).current.map((r) => r[0])).toContain('Blood pressure');
  // What the combined view shows of referrals, care plans, family history and devices is there by source too, under each organisation.
  expect((await section(page, 'encounters', 'referrals')).current.join(' ')).toContain('Bury Falls Prevention Service');
  expect((await section(page, 'problems', 'familyHistory')).state).toBe('data');
  expect((await section(page, 'problems', 'familyHistory')).current.join(' ')).toMatch(/Osteoporosis/);
  for (const name of ['hospitalReferrals', 'carePlans', 'hospitalCarePlans']) expect({ name, state: (await section(page, 'encounters', name)).state }).toEqual({ name, state: expect.stringMatching(/^(data|empty)$/) });
  // The emergency summary (both views) holds her alert in force: she lives alone.
  expect((await section(page, 'emergencySummary', 'alerts')).current.join(' ')).toContain('Lives alone');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'viewer-by-source-margaret');
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'viewer-emergency-summary-margaret');
  await screenshot(page.locator('[data-panel="encounters"]'), 'viewer-by-source-encounters-margaret');
  await screenshot(page.locator('[data-panel="problems"]'), 'viewer-by-source-problems-margaret');
  await page.context().close();
});

/** The element with focus, inside the panels' shadow roots too. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a = (globalThis as any).document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.localName as string, text: (a?.textContent ?? '').trim() as string, open: !!a?.parentElement?.open, expanded: a?.closest?.('details') ? String(a.closest('details').open) : '' };
  });

it('combined results and vital signs: each test in the words its source gave, its code one key press away, and every row its own status; by keyboard; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  const results = await section(page, 'combinedResults', 'results');
  const names = [...results.current, ...results.history].map((r) => r[0]);
  // The laboratory's names (Observation.code.text), never LOINC's own display in their place.
  expect(names).toEqual(expect.arrayContaining(['Haemoglobin', 'White cell count', 'Platelet count', 'Full blood count']));
  expect(names.filter((n) => /Hemoglobin|\[.*\/.*\]|by Automated count/.test(n))).toEqual([]);
  // Every row says its status in its own column (the sources' words, e.g. "Final"), not only inside the list of sources.
  const headers = await page.locator('[data-panel="combinedResults"] [data-section="results"] table[data-part="current"] th').allTextContents();
  const statusColumn = headers.indexOf('Status');
  expect(statusColumn).toBeGreaterThan(0);
  for (const row of [...results.current, ...results.history]) expect({ test: row[0], status: row[statusColumn] }).toEqual({ test: row[0], status: expect.stringMatching(/^(Final|Preliminary|Amended|Corrected|Registered|Cancelled)/) });
  const vitals = await section(page, 'combinedVitalSigns', 'vitalSigns');
  const vitalsHeaders = await page.locator('[data-panel="combinedVitalSigns"] [data-section="vitalSigns"] table[data-part="current"] th').allTextContents();
  expect(vitals.current.every((r) => r[vitalsHeaders.indexOf('Status')].length > 0)).toBe(true);

  // Keyboard alone: the contents link to Test results, then Tab to the first test's "Code", Enter opens it.
  await page.getByRole('link', { name: 'Test results' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute('data-panel'))).toBe('combinedResults');
  let reached = await focused(page);
  for (let i = 0; i < 5 && reached.tag !== 'summary'; i += 1) {
    await page.keyboard.press('Tab');
    reached = await focused(page);
  }
  expect(reached).toMatchObject({ tag: 'summary', expanded: 'false' });
  expect(reached.text).toMatch(/^Code of /);
  const firstCodes = page.locator('[data-panel="combinedResults"] [data-section="results"] tbody tr').first().locator('[data-role="code"]');
  expect(await firstCodes.first().isVisible()).toBe(false);
  await page.keyboard.press('Enter');
  expect(await focused(page)).toMatchObject({ tag: 'summary', expanded: 'true' });
  expect(await firstCodes.first().isVisible()).toBe(true);
  expect(await firstCodes.first().textContent()).toMatch(/^(LOINC|SNOMED CT) \S+/);
  // The haemoglobin's own code, by name of its system.
  const haemoglobin = page.locator('[data-panel="combinedResults"] [data-section="results"] tbody tr', { has: page.locator('[data-role="source-name"]', { hasText: /^Haemoglobin$/ }) }).first();
  await haemoglobin.locator('summary').focus();
  await page.keyboard.press('Space');
  expect(await haemoglobin.locator('[data-role="code"]').allTextContents()).toEqual(['LOINC 718-7 (Hemoglobin [Mass/volume] in Blood)']);
  // Blood pressure: the GP's name, and both codes it sent.
  const bloodPressure = page.locator('[data-panel="combinedVitalSigns"] tbody tr', { has: page.locator('[data-role="source-name"]', { hasText: /^Blood pressure$/ }) }).first();
  await bloodPressure.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await bloodPressure.locator('[data-role="code"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^LOINC 85354-9/), expect.stringMatching(/^SNOMED CT 75367002/)]));
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedResults"]'), 'viewer-combined-results-codes-margaret');
  await page.context().close();
});

it("the combined view's test reports: the practice's INR report and the hospital's blood count, each with its results in words, its conclusion and its source, never only by source; by keyboard; axe clean", async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  const reports = await section(page, 'combinedTestReports', 'testReports');
  expect(reports.state).toBe('data');
  expect(reports.notRead).toEqual([]);
  const headers = await page.locator('[data-panel="combinedTestReports"] [data-section="testReports"] table[data-part="current"] th').allTextContents();
  const column = (row: string[], label: string) => row[headers.indexOf(label)];
  const inr = reports.current.find((r) => r[0] === 'INR (anticoagulation clinic)');
  expect(inr && column(inr, 'Results in it')).toMatch(/^INR 2\.4/);
  expect(inr && column(inr, 'Conclusion')).toBe('INR 2.4, within her target range: warfarin dose unchanged, next INR in four weeks.');
  expect(inr && column(inr, 'Status')).toBe('Final');
  expect(inr && column(inr, 'Sources')).toMatch(new RegExp(`^${GP}: Final, as of`));
  const bloodCount = reports.current.find((r) => r[0] === 'Full blood count');
  // The results issued in it with their flags in letters and words, as the per-source panel says them.
  expect(bloodCount && column(bloodCount, 'Results in it')).toBe('Haemoglobin 112 g/L L (Low); White cell count 11.8 × 10⁹/L H (High); Platelet count 238 × 10⁹/L');
  expect(bloodCount && column(bloodCount, 'Sources')).toMatch(new RegExp(`^${HOSPITAL}: Final, as of`));
  // The section's line names both of its sources with their own "as of".
  expect(reports.source).toContain(GP);
  expect(reports.source).toContain(HOSPITAL);

  // Keyboard alone: the contents link moves focus to the section.
  await page.getByRole('link', { name: 'Test reports' }).focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute('data-panel'))).toBe('combinedTestReports');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedTestReports"]'), 'viewer-combined-test-reports-margaret');
  await page.context().close();
});

it('Aisha’s "No known allergy" is a statement with its source and date, apart from the allergy list, which stays empty', async () => {
  const page = await freshPage();
  // The hospital cares for her (an outpatient appointment); the GP's statement reaches its doctor too.
  await signInAs(page, 'ae-doctor');
  await openRecord(page, AISHA());
  await panelsSettled(page);
  const allergies = await section(page, 'combinedAllergies', 'allergies');
  expect(allergies).toMatchObject({ state: 'empty', current: [], history: [], warnings: [] });
  const statements = await section(page, 'combinedAllergies', 'noKnownAllergies');
  expect(statements.state).toBe('data');
  expect(statements.current).toHaveLength(1);
  const [statement, covers, source, recorded, status] = statements.current[0];
  expect(statement).toMatch(/^No known allerg/);
  expect({ covers, source, status }).toEqual({ covers: 'All allergies', source: expect.stringMatching(/\S/), status: 'Stands' });
  expect(recorded).toMatch(/\d{1,2} \w{3,4} 2025/);
  // Not in the emergency summary's allergy list either.
  expect(await section(page, 'emergencySummary', 'allergies')).toMatchObject({ current: [] });
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedAllergies"]'), 'viewer-combined-no-known-allergies-aisha');
  await page.context().close();
});

it('the GP opens Margaret: immunisations, alerts (safeguarding apart), referrals, care plans, family history, devices and advance decisions each settle under a heading; an empty one says "Nothing recorded" only when every source answered; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  const sections: Array<[string, string, string]> = [
    ['combinedImmunisations', 'immunisations', 'Immunisations'],
    ['combinedAlerts', 'alerts', 'Alerts'],
    ['combinedAlerts', 'safeguardingAlerts', 'Safeguarding alerts'],
    ['combinedEncounters', 'encounters', 'Encounters'],
    ['combinedReferrals', 'referrals', 'Referrals and requests'],
    ['combinedCarePlans', 'carePlans', 'Care plans'],
    ['combinedFamilyHistory', 'familyHistory', 'Family history'],
    ['combinedFamilyHistory', 'medicalDevices', 'Medical devices'],
    ['combinedFamilyHistory', 'advanceDirectives', 'Advance decisions'],
  ];
  const nav = await page.locator('[data-role="section-nav"]').textContent();
  for (const [panel, name, title] of sections) {
    // Each panel in the contents, with its own heading; each section of a several-section panel with its own.
    expect(nav).toContain(await page.locator(`[data-panel="${panel}"]`).evaluate((e) => (e as any).shadowRoot.querySelector('h2').textContent.trim()));
    const s = await section(page, panel, name);
    expect({ name, state: s.state }).toEqual({ name, state: expect.stringMatching(/^(data|empty|partial)$/) });
    expect(s.text).not.toMatch(/could not (be )?load/i);
    if (panel === 'combinedFamilyHistory' || panel === 'combinedAlerts') expect(s.text).toContain(title);
    // "Nothing recorded" only when every source answered; a source not read is named instead.
    if (s.state === 'empty') expect({ name, notRead: s.notRead, text: s.text }).toEqual({ name, notRead: [], text: expect.stringContaining('Nothing recorded') });
    if (s.notRead.length) {
      expect(s.text).not.toContain('Nothing recorded');
      for (const line of s.notRead) expect(line).toMatch(/^Not available from /);
    }
    // Every item names its sources, each with a status.
    for (const sources of s.sources) expect(sources).toMatch(/: [^,]+/);
  }
  expect(await section(page, 'combinedAlerts', 'safeguardingAlerts')).not.toMatchObject({ state: 'restricted' });
  // Her practice's referral to the falls service, its alert that she lives alone, her mother's osteoporosis: rows, each from the GP; the council's key safe beside the GP's alert.
  const rowsOf = async (panel: string, name: string) => {
    const s = await section(page, panel, name);
    return { state: s.state, rows: [...s.current, ...s.history].map((cells) => cells.join(' | ')), sources: s.sources };
  };
  const referrals = await rowsOf('combinedReferrals', 'referrals');
  expect(referrals).toMatchObject({ state: 'data', rows: [expect.stringContaining('Bury Falls Prevention Service')], sources: [expect.stringContaining(GP)] });
  // Her A&E attendance and admission at the hospital and her GP's consultations, one list, each naming its organisation.
  const encounters = await rowsOf('combinedEncounters', 'encounters');
  expect(encounters.state).toBe('data');
  expect(encounters.rows).toEqual(expect.arrayContaining([expect.stringContaining('A&E attendance'), expect.stringContaining('GP consultation')]));
  expect(encounters.rows.join('\n')).toContain('Northern Care Alliance');
  const alerts = await rowsOf('combinedAlerts', 'alerts');
  // The council's key safe is an alert of the combined section too (the catalogue's Alert), its source named; newest first.
  expect(alerts).toMatchObject({
    state: 'data',
    rows: [expect.stringContaining('Key safe by the front door'), expect.stringContaining('Lives alone')],
    sources: [expect.stringContaining('Bury Council'), expect.stringContaining(GP)],
  });
  const family = await rowsOf('combinedFamilyHistory', 'familyHistory');
  expect(family).toMatchObject({ state: 'data', rows: [expect.stringMatching(/mother.*Osteoporosis|Osteoporosis.*mother/i)] });
  // Immunisations are now combined: the GP's own immunisations panel only by source.
  expect(await page.locator('[data-panel="immunisations"]').count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedFamilyHistory"]'), 'viewer-combined-family-history-margaret');
  await screenshot(page.locator('[data-panel="combinedImmunisations"]'), 'viewer-combined-immunisations-margaret');
  await screenshot(page.locator('[data-panel="combinedAlerts"]'), 'viewer-combined-alerts-margaret');
  await screenshot(page.locator('[data-panel="combinedEncounters"]'), 'viewer-combined-encounters-margaret');
  await page.context().close();
});

it("the emergency summary's safeguarding section holds every source's alert in force, the GP's and the hospital's CP-IS flags too, and leaves out an ended one", async () => {
  const nhsNumber = '9990004048';
  const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } };
  const meta = { versionId: '1', lastUpdated: '2026-11-20T09:00:00Z' };
  const cpis = { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] };
  const flag = (id: string, text: string, extra: object = {}) => ({
    resource: { resourceType: 'Flag', id, meta, subject: patient, status: 'active', category: [cpis], code: { coding: [{ system: 'http://snomed.info/sct', code: '224353004', display: 'Child protection finding' }], text }, period: { start: '2026-09-01' }, ...extra },
  });
  await registerTestPatient({ id: 'sg-summary', nhsNumber, family: 'Ashworth', given: 'Paula', gender: 'female', birthDate: '1961-05-14' }, { attendedAe: 'sg-summary-ae' });
  await sendBatch('gp', 'P83005', [flag('sg-gp-open', 'Grandson on a child protection plan'), flag('sg-gp-ended', 'Former child protection plan (closed)', { status: 'inactive', period: { start: '2024-01-01', end: '2025-01-01' } })]);
  await sendBatch('acute', 'RM3', [flag('sg-hospital-open', 'Child protection plan: see the safeguarding team before discharge')]);

  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, nhsNumber);
  await panelsSettled(page);
  const summary = await section(page, 'emergencySummary', 'safeguardingAlerts');
  expect(summary.state).toBe('data');
  const rows = summary.current.map((cells) => cells.join(' | '));
  // The same finding (224353004) over overlapping time is one item, each source's words and status in it.
  expect(rows).toHaveLength(1);
  expect(rows.join('\n')).toContain('Grandson on a child protection plan');
  expect(rows.join('\n')).toContain('see the safeguarding team before discharge');
  // The ended one is history: a summary leaves it out.
  expect(summary.text).not.toContain('Former child protection plan');
  expect(summary.history).toEqual([]);
  expect(summary.sources.join('\n')).toContain(GP);
  expect(summary.sources.join('\n')).toContain(HOSPITAL);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'viewer-emergency-summary-safeguarding');
  await page.context().close();
});

it('a depot given at the mental health trust is in "Medicines given", naming the trust; a dose declined says "Not given"; appointments upcoming first with their status in words; every source’s letters; by keyboard; by source the same, each in its organisation\'s section; axe clean', async () => {
  const nhsNumber = '9990012407';
  const TRUST = 'Pennine Care NHS Foundation Trust';
  const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } };
  const meta = { versionId: '1', lastUpdated: '2026-11-03T12:00:00Z' };
  const sct = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }] });
  const paliperidone = { coding: [{ system: 'https://dmd.nhs.uk', code: '21010811000001108', display: 'Paliperidone 150mg/1.5ml prolonged-release suspension for injection pre-filled syringes' }] };
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await registerTestPatient({ id: 'depot-viewer', nhsNumber, family: 'Brennan', given: 'Liam', gender: 'male', birthDate: '1984-06-02' });
  // Through the trust's real feed: the depot its nurse gave, an earlier one the patient declined, his next depot clinic, a clinic letter.
  await sendBatch('mental-health', 'RT2', [
    { resource: {
      resourceType: 'MedicationAdministration', id: 'depot-given', meta, status: 'completed', subject: patient, effectiveDateTime: '2026-11-02T10:30:00Z', medicationCodeableConcept: paliperidone,
      performer: [{ actor: { display: 'Community psychiatric nurse, depot clinic' } }],
      dosage: { text: '150 mg by deep intramuscular injection into the deltoid', route: sct('78421000', 'Intramuscular route'), dose: { value: 150, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
    } },
    { resource: {
      resourceType: 'MedicationAdministration', id: 'depot-declined', meta, status: 'not-done', subject: patient, effectiveDateTime: '2026-10-05T10:30:00Z', medicationCodeableConcept: paliperidone,
      statusReason: [{ coding: [{ system: 'http://snomed.info/sct', code: '182895007', display: 'Drug declined by patient' }] }],
    } },
    { resource: {
      resourceType: 'Appointment', id: 'depot-clinic-next', meta, status: 'booked', start: `${inTwoWeeks}T10:30:00Z`, end: `${inTwoWeeks}T10:45:00Z`,
      serviceType: [{ text: 'Depot clinic' }], participant: [{ actor: patient, status: 'accepted' }],
    } },
    { resource: {
      resourceType: 'DocumentReference', id: 'cpa-review-letter', meta, status: 'current', subject: patient, date: '2026-10-20T15:00:00Z',
      type: sct('371531000', 'Report of clinical encounter'), author: [{ display: 'Dr Ola Adeyemi' }],
      content: [{ attachment: { contentType: 'application/pdf', title: 'Care programme review letter', url: 'https://paris.example.nhs.uk/documents/cpa-review-letter' } }],
    } },
  ]);
  // The GP's missed appointment, past.
  await sendBatch('gp', 'P83005', [
    { resource: { resourceType: 'Appointment', id: 'gp-missed-review', meta, status: 'noshow', start: '2026-09-15T09:10:00Z', end: '2026-09-15T09:20:00Z', description: 'Medication review', participant: [{ actor: patient, status: 'accepted' }] } },
  ]);

  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, nhsNumber);
  await panelsSettled(page);
  const given = await section(page, 'combinedMedicationAdministrations', 'medicationAdministrations');
  expect(given.state).toBe('data');
  expect(given.notRead).toEqual([]);
  const headers = await page.locator('[data-panel="combinedMedicationAdministrations"] table[data-part="current"] th').allTextContents();
  expect(headers).toEqual(['Medicine', 'Dose and route', 'When', 'Status', 'Who', 'Sources']);
  // Newest first: the depot given last week, then the one declined, which says so and never reads as given.
  expect(given.current.map((r) => [r[0], r[2], r[3]])).toEqual([
    [expect.stringMatching(/^Paliperidone 150mg/), '2 Nov 2026, 10:30', 'Given'],
    [expect.stringMatching(/^Paliperidone 150mg/), '5 Oct 2026, 11:30', 'Not given: Drug declined by patient'],
  ]);
  expect(given.current[0][1]).toBe('150 mg by deep intramuscular injection into the deltoid, Intramuscular route');
  expect(given.sources).toEqual([expect.stringMatching(new RegExp(`^${TRUST}: Given, as of`)), expect.stringMatching(new RegExp(`^${TRUST}: Not given`))]);
  // A combined section names every source it is computed from with its own "as of": the trust's too,
  // where these lines used to name the GP (and the hospital) alone.
  for (const [panel, name] of [['combinedAllergies', 'allergies'], ['combinedImmunisations', 'immunisations'], ['combinedFamilyHistory', 'familyHistory']]) {
    const line = (await section(page, panel, name)).source;
    expect({ name, line }).toEqual({ name, line: expect.stringMatching(new RegExp(`^From ${GP} · as of .+; ${TRUST} · as of \\d{1,2} \\w{3,4} \\d{4}`)) });
  }

  const appointments = await section(page, 'combinedAppointments', 'appointments');
  expect(appointments.state).toBe('data');
  // Still to come first (the depot clinic at the trust); then past (the GP's, not attended).
  expect(appointments.current.map((r) => [r[1], r[3]])).toEqual([['Depot clinic', 'Booked']]);
  expect(appointments.sources[0]).toMatch(new RegExp(`^${TRUST}: Booked`));
  expect(appointments.history.map((r) => [r[0], r[1], r[3]])).toEqual([[expect.stringMatching(/^15 Sept? 2026, 10:10$/), 'Medication review', 'Did not attend']]);
  expect(appointments.sources[1]).toMatch(new RegExp(`^${GP}: Did not attend`));

  const documents = await section(page, 'combinedDocuments', 'documents');
  expect(documents.state).toBe('data');
  expect(documents.current).toHaveLength(1);
  expect(documents.current[0].slice(0, 4)).toEqual([
    '20 Oct 2026',
    'Care programme review letter (Report of clinical encounter)',
    'Care programme review letter (application/pdf) held at the source: https://paris.example.nhs.uk/documents/cpa-review-letter',
    'Dr Ola Adeyemi',
  ]);
  expect(documents.sources).toEqual([expect.stringMatching(new RegExp(`^${TRUST}: Current, as of`))]);

  // Keyboard alone: the contents link "Medicines given" moves focus to its section.
  await page.locator('#record-heading').focus();
  let reached = '';
  for (let i = 0; i < 40 && reached !== 'a:Medicines given'; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => { const a = (globalThis as any).document.activeElement; return `${a.localName}:${a.textContent.trim()}`; });
  }
  expect(reached).toBe('a:Medicines given');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute('data-panel'))).toBe('combinedMedicationAdministrations');
  const nav = await page.locator('[data-role="section-nav"]').textContent();
  for (const label of ['Medicines given', 'Appointments', 'Documents and letters']) expect(nav).toContain(label);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedMedicationAdministrations"]'), 'viewer-combined-medicines-given');
  await screenshot(page.locator('[data-panel="combinedAppointments"]'), 'viewer-combined-appointments');
  await screenshot(page.locator('[data-panel="combinedDocuments"]'), 'viewer-combined-documents');

  // View by source, one click away: the same appointments, letter and doses, each in its organisation's own section, naming it (issue #18.3).
  await page.getByRole('button', { name: 'View by source' }).click();
  await page.locator('[data-panel="documents"]').waitFor();
  await panelsSettled(page);
  const asOf = (organisation: string) => new RegExp(`^From ${organisation} · as of \\d{1,2} \\w{3,4} \\d{4}`);
  const gpAppointments = await section(page, 'encounters', 'gpAppointments');
  expect(gpAppointments).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(gpAppointments.current).toEqual([[expect.stringMatching(/^15 Sept? 2026$/), 'Medication review', '', 'Did not attend']]);
  const trustAppointments = await section(page, 'encounters', 'mentalHealthAppointments');
  expect(trustAppointments).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(TRUST)) });
  expect(trustAppointments.current.map((r) => [r[1], r[3]])).toEqual([['Depot clinic', 'Booked']]);
  const trustDocuments = await section(page, 'documents', 'mentalHealthDocuments');
  expect(trustDocuments).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(TRUST)) });
  expect(trustDocuments.current).toEqual([[
    '20 Oct 2026',
    'Care programme review letter',
    'Care programme review letter (application/pdf) held at the source: https://paris.example.nhs.uk/documents/cpa-review-letter',
    '',
    'Dr Ola Adeyemi',
  ]]);
  const trustDoses = await section(page, 'medications', 'mentalHealthMedicationAdministrations');
  expect(trustDoses).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(TRUST)) });
  // Each dose its own row: the one given "Given", the one declined "Not given" with why, never read as given; never among the medicines.
  expect(trustDoses.current.map((r) => [r[0].slice(0, 14), r[2], r[3]])).toEqual(expect.arrayContaining([
    ['Paliperidone 1', 'Given', '2 Nov 2026'],
    ['Paliperidone 1', 'Not given: Drug declined by patient', '5 Oct 2026'],
  ]));
  expect(trustDoses.current).toHaveLength(2);
  expect((await section(page, 'medications', 'mentalHealthMedications')).state).toBe('empty');
  // The other sources' sections of the same kinds are there, each naming its organisation or saying nothing is recorded.
  for (const [panel, name] of [['documents', 'gpDocuments'], ['documents', 'communityDocuments'], ['documents', 'socialCareDocuments'], ['encounters', 'communityAppointments'], ['medications', 'gpMedicationAdministrations']]) {
    expect({ name, state: (await section(page, panel, name)).state }).toEqual({ name, state: expect.stringMatching(/^(data|empty)$/) });
  }
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="medications"]'), 'viewer-by-source-medicines-given');
  await screenshot(page.locator('[data-panel="encounters"]'), 'viewer-by-source-appointments');
  await screenshot(page.locator('[data-panel="documents"]'), 'viewer-by-source-documents');
  await page.context().close();
});
