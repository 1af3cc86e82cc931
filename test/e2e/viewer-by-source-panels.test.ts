import type { Page } from 'playwright-core';
import { userToken } from '../../tools/src/demo/tokens';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * "View by source" lists what the combined view leaves out or merges (issue #18 residual,
 * docs/clinical-safety.md H160-H164): each health organisation's next of kin, the GP's dispenses
 * beside the hospital's, every source's reports with their status, and the GP's, hospital's and
 * community services' alerts and every source's advance decisions, each in a section naming its
 * organisation and "as of", current ones as current and the rest in a history part that says so. In
 * Chromium against the real stack, by keyboard, axe clean; a role without contact details (a
 * healthcare student) is told the next of kin are restricted, never shown them, never an error page.
 */

const freshPage = browserPages();

const GP = 'Bury Central Medical Practice';
const HOSPITAL = 'Northern Care Alliance NHS Foundation Trust';
const asOf = (organisation: string) => new RegExp(`^From ${organisation} · as of \\d{1,2} \\w{3,4} \\d{4}`);

/** One section of one panel: its state, words, source line, history heading and the rows (cells' text) of each part. */
function section(page: Page, panel: string, name: string) {
  return page.locator(`[data-panel="${panel}"], sfy-${panel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).first().evaluate((element, name) => {
    const s = (element as any).shadowRoot.querySelector(`[data-section="${name}"]`);
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map((td: any) => td.textContent.trim()));
    const one = (role: string) => s?.querySelector(`[data-role="${role}"]`)?.textContent.trim() ?? '';
    return { state: s?.getAttribute('data-state') as string, text: (s?.textContent ?? '') as string, source: one('source'), historyHeading: one('history-heading'), current: rows('current'), history: rows('history') };
  }, name);
}

/** The element with focus, inside the panels' shadow roots too. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a = (globalThis as any).document.activeElement;
    const panel = a?.getAttribute?.('data-panel') ?? '';
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { panel, tag: a?.localName as string, text: (a?.textContent ?? '').trim() as string };
  });

/** Tab (at most `limit` times) until the focused element reads `text`. */
async function tabTo(page: Page, text: string, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    const now = await focused(page);
    if (now.text === text) return now;
    await page.keyboard.press('Tab');
  }
  return focused(page);
}

it('the GP opens Margaret by source: her next of kin at the practice, the INR report and the warfarin the practice supplied, the hospital\'s blood count report, her alert and her advance decision, each naming its organisation; by keyboard; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  // The combined view shows the combined alerts and advance decisions in their stead.
  expect(await page.locator('[data-panel="alerts"], [data-panel="advanceDecisions"]').count()).toBe(0);

  // By keyboard: from the record's heading to "View by source", Enter.
  await page.locator('#record-heading').focus();
  expect(await tabTo(page, 'View by source', 5)).toMatchObject({ tag: 'button' });
  await page.keyboard.press('Enter');
  await page.locator('[data-panel="alerts"]').waitFor();
  await panelsSettled(page);
  const nav = await page.locator('[data-role="section-nav"]').textContent();
  for (const label of ['Alerts', 'Advance decisions']) expect(nav).toContain(label);

  // Her daughter, her next of kin at the practice (contact details: the GP may see them).
  const nextOfKin = await section(page, 'demographics', 'gpRelatedPeople');
  expect(nextOfKin).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(nextOfKin.current).toEqual([['Susan Kenyon', 'natural daughter, Next-of-Kin', '07700 900214', 'Recorded']]);
  for (const name of ['hospitalRelatedPeople', 'mentalHealthRelatedPeople', 'communityRelatedPeople']) {
    expect({ name, state: (await section(page, 'demographics', name)).state }).toEqual({ name, state: 'empty' });
  }

  // The warfarin the practice supplied, beside the hospital's discharge supply.
  const gpDispenses = await section(page, 'medications', 'gpMedicationDispenses');
  expect(gpDispenses).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(gpDispenses.current).toEqual([['Warfarin 1mg tablets', 'As directed by the anticoagulation clinic (INR target 2.5)', '112 tablet', 'Supplied', expect.stringMatching(/^13 Oct 2026/)]]);
  expect((await section(page, 'medications', 'medicationDispenses')).state).toMatch(/^(data|empty)$/);

  // The practice's INR report and the hospital's reports, each with its status in words and the results issued in it.
  const gpReports = await section(page, 'results', 'gpTestReports');
  expect(gpReports).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(gpReports.current).toEqual([['INR (anticoagulation clinic)', 'Final', expect.stringMatching(/^INR 2\.4/), 'INR 2.4, within her target range: warfarin dose unchanged, next INR in four weeks.', expect.stringMatching(/^13 Oct 2026/)]]);
  const hospitalReports = await section(page, 'results', 'testReports');
  expect(hospitalReports).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(HOSPITAL)) });
  const bloodCount = hospitalReports.current.find((r) => r[0] === 'Full blood count');
  expect(bloodCount?.[1]).toBe('Final');
  // Each result of the report with its flag in letters and words, as the results panel says it.
  expect(bloodCount?.[2]).toBe('Haemoglobin 112 g/L L (Low); White cell count 11.8 × 10⁹/L H (High); Platelet count 238 × 10⁹/L');

  // Her practice's alert that she lives alone, and her advance decision refusing resuscitation, in force.
  const alerts = await section(page, 'alerts', 'alerts');
  expect(alerts).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(alerts.current.map((r) => r.slice(0, 2))).toEqual([[expect.stringMatching(/lives alone/i), 'Active']]);
  for (const name of ['gpSafeguardingAlerts', 'hospitalAlerts', 'hospitalSafeguardingAlerts', 'communityAlerts', 'communitySafeguardingAlerts', 'gpRiskAlerts']) {
    expect({ name, state: (await section(page, 'alerts', name)).state }).toEqual({ name, state: 'empty' });
  }
  // The trust's and the council's risk alerts each in their own source's panel, and in no other (H183).
  for (const [panel, name] of [['mentalHealth', 'mentalHealthRiskAlerts'], ['socialCare', 'socialCareRiskAlerts']]) {
    expect({ panel, name, state: (await section(page, panel, name)).state }).toEqual({ panel, name, state: 'empty' });
    expect({ panel: 'alerts', name, state: (await section(page, 'alerts', name)).state }).toEqual({ panel: 'alerts', name, state: undefined });
  }
  const decisions = await section(page, 'advanceDecisions', 'advanceDecisions');
  expect(decisions).toMatchObject({ state: 'data', source: expect.stringMatching(asOf(GP)) });
  expect(decisions.current).toEqual([['Advance decision to refuse treatment (cardiopulmonary resuscitation)', 'Refuses: Cardiopulmonary resuscitation', 'In force', '4 Jul 2024', '']]);

  // A contents link moves focus to its panel, by keyboard.
  await page.locator('#record-heading').focus();
  expect(await tabTo(page, 'Advance decisions')).toMatchObject({ tag: 'a' });
  await page.keyboard.press('Enter');
  expect((await focused(page)).panel).toBe('advanceDecisions');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'viewer-by-source-all-margaret');
  await screenshot(page.locator('[data-panel="alerts"]'), 'viewer-by-source-alerts-margaret');
  await screenshot(page.locator('[data-panel="advanceDecisions"]'), 'viewer-by-source-advance-decisions-margaret');
  await screenshot(page.locator('[data-panel="demographics"]'), 'viewer-by-source-next-of-kin-margaret');
  await screenshot(page.locator('[data-panel="results"]'), 'viewer-by-source-reports-margaret');
  await screenshot(page.locator('[data-panel="medications"]'), 'viewer-by-source-dispenses-margaret');
  await page.context().close();
});

it('only what is current is listed as current: an ended alert, a withdrawn advance decision, a cancelled dispense and report and a next of kin no longer recorded are each in their history part, saying so', async () => {
  const nhsNumber = '9990016003';
  const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhsNumber } };
  const meta = { versionId: '1', lastUpdated: '2026-11-10T09:00:00Z' };
  const sct = (code: string, display: string) => ({ coding: [{ system: 'http://snomed.info/sct', code, display }] });
  const loinc = (code: string, display: string, text: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text });
  const warfarin = { coding: [{ system: 'https://dmd.nhs.uk', code: '42217511000001103', display: 'Warfarin 1mg tablets' }] };
  const relative = (id: string, given: string, active: boolean) => ({ resource: {
    resourceType: 'RelatedPerson', id, meta, active, patient, name: [{ use: 'official', family: 'Hartley', given: [given] }], telecom: [{ system: 'phone', value: '07700 900999' }],
    relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'SON', display: 'natural son' }] }, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] }],
  } });
  const decision = (id: string, status: string, made: string) => ({ resource: {
    resourceType: 'Consent', id, meta, status, patient, dateTime: made,
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr', display: 'Advanced Care Directive' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'acd', display: 'Advance Directive' }] }],
    policy: [{ uri: 'https://www.legislation.gov.uk/ukpga/2005/9/section/24' }],
    sourceAttachment: { title: status === 'active' ? 'ReSPECT form (2026)' : 'Advance decision to refuse treatment (2023, withdrawn)' },
    provision: { type: 'deny', code: [sct('89666000', 'Cardiopulmonary resuscitation')] },
  } });
  await registerTestPatient({ id: 'by-source-history', nhsNumber, family: 'Hartley', given: 'Edith', gender: 'female', birthDate: '1939-02-11' }, { attendedAe: 'by-source-history-ae' });
  await sendBatch('gp', 'P83005', [
    relative('nok-now', 'Robert', true),
    relative('nok-before', 'Michael', false),
    { resource: { resourceType: 'Flag', id: 'alert-ended', meta, status: 'inactive', subject: patient, code: { ...sct('105529008', 'Lives alone'), text: 'Lives alone (moved in with her son since)' }, period: { start: '2023-01-10', end: '2025-06-30' } } },
    decision('adrt-withdrawn', 'inactive', '2023-03-01'),
    decision('respect-now', 'active', '2026-02-14'),
    { resource: {
      resourceType: 'MedicationDispense', id: 'supply-cancelled', meta, status: 'cancelled', subject: patient, medicationCodeableConcept: warfarin,
      statusReasonCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '182856006', display: 'Drug not available - out of stock' }] },
      quantity: { value: 28, unit: 'tablet' }, whenPrepared: '2026-10-01T09:00:00Z', dosageInstruction: [{ sequence: 1, text: 'As directed by the anticoagulation clinic' }],
    } },
    { resource: {
      resourceType: 'MedicationDispense', id: 'supply-given', meta, status: 'completed', subject: patient, medicationCodeableConcept: warfarin,
      quantity: { value: 56, unit: 'tablet' }, whenPrepared: '2026-10-02T09:00:00Z', whenHandedOver: '2026-10-02T10:00:00Z', dosageInstruction: [{ sequence: 1, text: 'As directed by the anticoagulation clinic' }],
    } },
    { resource: { resourceType: 'DiagnosticReport', id: 'inr-preliminary', meta, status: 'preliminary', subject: patient, code: loinc('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 'INR'), issued: '2026-11-09T10:00:00Z', conclusion: 'Awaiting the laboratory\'s confirmation.' } },
  ]);
  await sendBatch('acute', 'RM3', [
    { resource: { resourceType: 'DiagnosticReport', id: 'lft-cancelled', meta, status: 'cancelled', subject: patient, code: loinc('24325-3', 'Hepatic function panel', 'Liver function tests'), issued: '2026-11-08T14:00:00Z' } },
    { resource: { resourceType: 'Flag', id: 'hospital-alert-ended', meta, status: 'inactive', subject: patient, code: { ...sct('129839007', 'At risk for falls'), text: 'Falls risk on the ward' }, period: { start: '2026-10-01', end: '2026-10-20' } } },
  ]);

  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, nhsNumber);
  await panelsSettled(page);
  await page.getByRole('button', { name: 'View by source' }).click();
  await page.locator('[data-panel="alerts"]').waitFor();
  await panelsSettled(page);

  // An ended alert is never listed as current, and says when it ended; its section says why it is apart.
  const alerts = await section(page, 'alerts', 'alerts');
  expect(alerts).toMatchObject({ state: 'data', current: [], historyHeading: 'Ended GP alerts' });
  expect(alerts.text).toContain('Nothing current recorded.');
  expect(alerts.history).toEqual([['Lives alone (moved in with her son since)', 'Ended 30 Jun 2025', '10 Jan 2023', '']]);
  expect(await section(page, 'alerts', 'hospitalAlerts')).toMatchObject({ current: [], historyHeading: 'Ended hospital alerts', history: [['Falls risk on the ward', 'Ended 20 Oct 2026', '1 Oct 2026', '']] });

  // The ReSPECT form in force; the withdrawn advance decision in the history part.
  const decisions = await section(page, 'advanceDecisions', 'advanceDecisions');
  expect(decisions.current.map((r) => [r[0], r[2]])).toEqual([['ReSPECT form (2026)', 'In force']]);
  expect(decisions.historyHeading).toBe('GP advance decisions no longer in force');
  expect(decisions.history.map((r) => [r[0], r[1], r[2]])).toEqual([['Advance decision to refuse treatment (2023, withdrawn)', 'Refuses: Cardiopulmonary resuscitation', 'No longer in force (withdrawn or ended)']]);

  // The supply handed over is current; the one cancelled is history, saying why nothing was supplied.
  const dispenses = await section(page, 'medications', 'gpMedicationDispenses');
  expect(dispenses.current.map((r) => [r[0], r[3]])).toEqual([['Warfarin 1mg tablets', 'Supplied']]);
  expect(dispenses.historyHeading).toBe('Cancelled, declined and stopped GP dispenses');
  expect(dispenses.history.map((r) => [r[0], r[3]])).toEqual([['Warfarin 1mg tablets', 'Not supplied (cancelled: Drug not available - out of stock)']]);

  // A preliminary report says so; a cancelled one is history.
  expect((await section(page, 'results', 'gpTestReports')).current.map((r) => [r[0], r[1], r[3]])).toEqual([['INR', 'Preliminary (to be confirmed)', 'Awaiting the laboratory\'s confirmation.']]);
  const hospitalReports = await section(page, 'results', 'testReports');
  expect(hospitalReports).toMatchObject({ current: [], historyHeading: 'Cancelled hospital reports and reports of unknown status' });
  expect(hospitalReports.history.map((r) => [r[0], r[1]])).toEqual([['Liver function tests', 'Cancelled']]);

  // The son now recorded as next of kin is current; the one no longer recorded is history.
  const nextOfKin = await section(page, 'demographics', 'gpRelatedPeople');
  expect(nextOfKin.current.map((r) => [r[0], r[3]])).toEqual([['Robert Hartley', 'Recorded']]);
  expect(nextOfKin.historyHeading).toBe('No longer recorded by the GP practice');
  expect(nextOfKin.history.map((r) => [r[0], r[3]])).toEqual([['Michael Hartley', 'No longer recorded']]);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="alerts"]'), 'viewer-by-source-alerts-history');
  await page.context().close();
});

it('a healthcare student (no contact details) embeds the panels: the next of kin sections say "Restricted for your role" and no next of kin is on the page; the alerts panel shows the general alert and restricts safeguarding; no error page', async () => {
  const student = { userId: 'e2e-student-by-source', name: 'Sam Student', odsCode: 'P83005', jobRole: 'R8004', roleName: 'Healthcare Student Access Role' };
  const page = await freshPage();
  await page.goto(stackInfo().exampleUrl);
  await page.getByLabel('Access token').fill(userToken(student));
  await page.getByRole('button', { name: 'Use this token' }).click();
  const tags = ['sfy-demographics', 'sfy-alerts', 'sfy-advance-decisions', 'sfy-social-care'];
  await page.evaluate(
    async ({ tags, nhsNumber, gatewayUrl }) => {
      const doc = (globalThis as any).document;
      doc.querySelector('sfy-medications')?.remove();
      for (const tag of tags) {
        await (globalThis as any).customElements.whenDefined(tag);
        const element = doc.createElement(tag);
        for (const [name, value] of Object.entries({ 'nhs-number': nhsNumber, 'gateway-url': gatewayUrl, 'token-provider': 'hostToken' })) element.setAttribute(name, value);
        doc.querySelector('main').append(element);
      }
    },
    { tags, nhsNumber: MARGARET(), gatewayUrl: stackInfo().gatewayUrl },
  );
  await page.waitForFunction((tags) => tags.every((tag: string) => {
    const root = (globalThis as any).document.querySelector(tag)?.shadowRoot;
    return root && !root.querySelector('[aria-busy="true"]') && root.querySelector('[data-section]');
  }), tags, { timeout: 30_000 });

  for (const name of ['contacts', 'gpRelatedPeople', 'hospitalRelatedPeople', 'mentalHealthRelatedPeople', 'communityRelatedPeople']) {
    const s = await section(page, 'demographics', name);
    expect({ name, state: s.state, text: s.text }).toEqual({ name, state: 'restricted', text: expect.stringContaining('Restricted for your role.') });
  }
  // Who she is still shows; her daughter's name and number nowhere.
  expect((await section(page, 'demographics', 'name')).state).toBe('data');
  const everything = await page.evaluate((tags) => tags.map((tag: string) => (globalThis as any).document.querySelector(tag).shadowRoot.textContent).join('\n'), tags);
  expect(everything).not.toContain('Susan Kenyon');
  expect(everything).not.toContain('07700 900214');
  expect(everything).not.toMatch(/could not be loaded|could not load/i);
  expect(await page.evaluate((tags) => tags.filter((tag: string) => (globalThis as any).document.querySelector(tag).shadowRoot.querySelector('[data-state="patient-error"], [data-state="could-not-load"]')), tags)).toEqual([]);
  // Alerts are the student's to see; safeguarding and mental health risk are not, and are said so.
  expect((await section(page, 'alerts', 'alerts')).current.map((r) => r[1])).toEqual(['Active']);
  for (const name of ['gpSafeguardingAlerts', 'gpRiskAlerts']) expect({ name, state: (await section(page, 'alerts', name)).state }).toEqual({ name, state: 'restricted' });
  expect((await section(page, 'socialCare', 'socialCareRiskAlerts')).state).toBe('restricted');
  expect((await section(page, 'advanceDecisions', 'advanceDecisions')).current.map((r) => r[2])).toEqual(['In force']);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'panels-student-next-of-kin-restricted');
  await page.context().close();
});
