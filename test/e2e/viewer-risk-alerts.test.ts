import type { Page } from 'playwright-core';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { DANIEL, MARGARET } from '../support/clients';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * H170 in Chromium against the real stack: the emergency summary (what A&E sees first) shows the
 * mental health risk alerts in force from every source that raises them, naming each organisation,
 * and leaves out the ended one; it shows the mental health trust's risk summary while it stands; the
 * combined view lists the ended alert as history beside the alerts; a role without the
 * mentalHealthRisk category sees both summary sections "Restricted for your role", never an error page
 * or "Nothing recorded"; by keyboard; axe clean. H173: the trust's flag of the same risk as the GP's
 * alert, over the same time, is one risk alert naming both organisations, never a second entry in the
 * trust's risk summary: the summary shows it once.
 */

const freshPage = browserPages();

/** One section of one panel: its state, text, rows (cells' text) of each part and its source lines. */
function section(page: Page, panel: string, name: string) {
  return page.locator(`[data-panel="${panel}"]`).evaluate((element, name) => {
    const s = (element as any).shadowRoot.querySelector(`[data-section="${name}"]`);
    const cellText = (td: any) => { const copy = td.cloneNode(true); copy.querySelectorAll('details').forEach((d: any) => d.remove()); return copy.textContent.trim().replace(/\s+/g, ' '); };
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map(cellText));
    const all = (role: string) => [...(s?.querySelectorAll(`[data-role="${role}"]`) ?? [])].map((e: any) => e.textContent.trim().replace(/\s+/g, ' '));
    return { state: s?.getAttribute('data-state'), text: (s?.textContent ?? '').replace(/\s+/g, ' '), current: rows('current'), history: rows('history'), sources: all('sources'), source: all('source').join(' | '), notRead: all('not-read') };
  }, name);
}

const GP = 'Bury Central Medical Practice';
const HOSPITAL = 'Northern Care Alliance NHS Foundation Trust';
const TRUST = 'Pennine Care NHS Foundation Trust';

const NHS_NUMBER = '9990004439';
const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const meta = { versionId: '1', lastUpdated: '2026-11-01T09:00:00Z' };
const suicide = (text: string) => ({ coding: [{ system: 'http://snomed.info/sct', code: '225444004', display: 'At risk for suicide' }], text });
const riskFlag = (id: string, text: string, status: 'active' | 'inactive', period: { start: string; end?: string }) => ({
  resource: { resourceType: 'Flag', id, meta, subject: patient, status, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical' }] }], code: suicide(text), period },
});

beforeAll(async () => {
  await registerTestPatient({ id: 'risk-viewer', nhsNumber: NHS_NUMBER, family: 'Sutcliffe', given: 'Rhys', gender: 'male', birthDate: '1990-04-03' }, { attendedAe: 'risk-viewer-ae' });
  await sendBatch('gp', 'P83005', [riskFlag('rv-gp-risk', 'At risk of suicide: see the crisis plan', 'active', { start: '2026-09-07' })]);
  await sendBatch('acute', 'RM3', [riskFlag('rv-ae-ended', 'Overdose in January 2025 (ended)', 'inactive', { start: '2025-01-10', end: '2025-03-01' })]);
  // The trust's flag of the same risk, raised after its assessment: before H173 the summary showed it twice (a risk alert no, its risk summary yes, beside the GP's alert).
  await sendBatch('mental-health', 'RT2', [{
    resource: { resourceType: 'Flag', id: 'rv-mh-flag', meta, subject: patient, status: 'active', code: suicide('Suicide risk: home treatment team visiting daily'), period: { start: '2026-10-25' } },
  }, {
    resource: {
      resourceType: 'RiskAssessment', id: 'rv-risk', meta, status: 'final', subject: patient, occurrenceDateTime: '2026-10-20T11:00:00Z',
      prediction: [{ outcome: { text: 'Self-harm' }, qualitativeRisk: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/risk-probability', code: 'high', display: 'High likelihood' }] }, rationale: 'Recent attempt; lives alone.' }],
      mitigation: 'Daily contact from the home treatment team.', note: [{ text: 'High risk of self-harm since his overdose attempt in October.' }],
    },
  }]);
});

it('the emergency summary shows the GP’s risk alert in force naming the practice, leaves out the hospital’s ended one, shows the trust’s risk summary; the combined view has the ended one as history; by keyboard; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, NHS_NUMBER);
  await panelsSettled(page);

  const risk = await section(page, 'emergencySummary', 'riskAlerts');
  expect(risk.state).toBe('data');
  expect(risk.current).toHaveLength(1);
  expect(risk.current[0].join(' | ')).toContain('At risk of suicide: see the crisis plan');
  expect(risk.current[0].join(' | ')).toContain('Active');
  expect(risk.sources.join(' ')).toContain(GP);
  // The trust's flag of the same risk over the same time is this one item, naming the trust beside the practice (H173).
  expect(risk.current[0].join(' | ')).toContain('Suicide risk: home treatment team visiting daily');
  expect(risk.sources.join(' ')).toContain(TRUST);
  // The ended one is left out of the summary, not listed as in force nor as history.
  expect(risk.text).not.toContain('Overdose in January 2025');
  expect(risk.history).toEqual([]);
  expect(risk.notRead).toEqual([]);
  // Its "as of" names each source it is computed from that holds this patient's record, each with its own date.
  expect(risk.source).toMatch(new RegExp(`${GP} · as of \\d{1,2} \\w{3,4} \\d{4}`));
  expect(risk.source).toContain(HOSPITAL);

  const summary = await section(page, 'emergencySummary', 'riskSummary');
  expect(summary.state).toBe('data');
  expect(summary.current.map((r) => r.join(' | '))).toEqual([expect.stringContaining('High risk of self-harm since his overdose attempt in October.')]);
  expect(summary.current[0].join(' | ')).toContain('Daily contact from the home treatment team.');
  expect(summary.source).toContain(TRUST);
  // Never twice: the trust's flag is not its risk summary too; the whole summary names it once.
  expect(summary.text).not.toContain('home treatment team visiting daily');
  const summaryText = await page.locator('[data-panel="emergencySummary"]').evaluate((e) => ((e as any).shadowRoot.textContent as string));
  expect(summaryText.split('Suicide risk: home treatment team visiting daily').length - 1).toBe(1);

  // The combined view: the GP's in force, the hospital's ended one in the history part, saying when it ended.
  const combined = await section(page, 'combinedAlerts', 'riskAlerts');
  expect(combined.state).toBe('data');
  expect(combined.current.map((r) => r[0])).toEqual(['At risk for suicide']);
  expect(combined.history.map((r) => r.join(' | '))).toEqual([expect.stringContaining('Overdose in January 2025 (ended)')]);
  expect(combined.history[0].join(' | ')).toContain('Ended 1 Mar 2025');
  expect(combined.sources.join(' ')).toContain(HOSPITAL);
  expect(combined.text).toContain('Mental health risk alerts no longer in force');

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'viewer-emergency-summary-risk');
  await screenshot(page.locator('[data-panel="combinedAlerts"]'), 'viewer-combined-alerts-risk');

  // Keyboard alone: the contents link to the combined alerts, by Tab from the record's heading, moves focus to the panel.
  await page.locator('#record-heading').focus();
  const reached: string[] = [];
  for (let i = 0; i < 30 && !reached.includes('a:Alerts, safeguarding and risk'); i += 1) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => { const a = (globalThis as any).document.activeElement; return `${a.localName}:${a.textContent.trim()}`; }));
  }
  expect(reached).toContain('a:Emergency summary');
  expect(reached).toContain('a:Alerts, safeguarding and risk');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute('data-panel'))).toBe('combinedAlerts');
  await page.context().close();
});

it('Daniel (the demo): his practice’s alert that he is at risk of suicide and the trust’s risk summary are in his emergency summary; the 2024 alert only in the combined view’s history', async () => {
  const page = await freshPage();
  await signInAs(page, 'other-gp');
  await openRecord(page, DANIEL());
  await panelsSettled(page);
  const risk = await section(page, 'emergencySummary', 'riskAlerts');
  expect(risk.state).toBe('data');
  expect(risk.current.map((r) => r.join(' | '))).toEqual([expect.stringContaining('crisis in September 2026')]);
  expect(risk.text).not.toContain('self-harm in March 2024');
  expect((await section(page, 'emergencySummary', 'riskSummary')).text).toContain('History of self-harm when distressed');
  expect((await section(page, 'combinedAlerts', 'riskAlerts')).history.map((r) => r.join(' | '))).toEqual([expect.stringContaining('self-harm in March 2024')]);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'viewer-emergency-summary-daniel');
  await page.context().close();
});

it('a social worker (no mentalHealthRisk) sees the risk alerts and the risk summary "Restricted for your role": never an error page, never "Nothing recorded", no risk on the page', async () => {
  const page = await freshPage();
  await signInAs(page, 'social-worker');
  await openRecord(page, MARGARET());
  await panelsSettled(page);
  expect(await page.locator('[data-state="patient-error"]').count()).toBe(0);
  for (const [panel, name] of [['emergencySummary', 'riskAlerts'], ['emergencySummary', 'riskSummary'], ['combinedAlerts', 'riskAlerts']]) {
    const s = await section(page, panel, name);
    expect({ panel, name, state: s.state, text: s.text }).toEqual({ panel, name, state: 'restricted', text: expect.stringContaining('Restricted for your role.') });
    expect(s.text).not.toContain('Nothing recorded');
  }
  // The rest of the summary still arrives: her alerts in force (the council's key safe).
  expect((await section(page, 'emergencySummary', 'alerts')).state).toBe('data');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="emergencySummary"]'), 'viewer-emergency-summary-risk-restricted');
  await page.context().close();
});
