import type { Page } from 'playwright-core';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { registerTestPatient, sendBatch } from '../support/testPatient';
import { basedOnBundle } from '../support/basedOnBundle';

/**
 * A statement and the prescription it is based on are one medicine in the viewer too (H180-H182),
 * in Chromium against the real stack: the emergency summary lists omeprazole once (not the stopped
 * ramipril), the combined medications list each medicine once with both entries' dosages and
 * statuses named by their kind, and "View by source" has one row per medicine, the GP's difference
 * between the stopped statement and its still "active" prescription said under the name. By
 * keyboard; axe clean.
 */

const freshPage = browserPages();
const NHS_NUMBER = '9990012016';

/** One section of one panel: its state, its rows (cells' text) of each part, its disagreements. */
function section(page: Page, panel: string, name: string) {
  return page.locator(`[data-panel="${panel}"], sfy-${panel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).first().evaluate((element, name) => {
    const s = (element as any).shadowRoot.querySelector(`[data-section="${name}"]`);
    const rows = (part: string) => [...(s?.querySelectorAll(`table[data-part="${part}"] tbody tr`) ?? [])].map((tr: any) => [...tr.querySelectorAll('td')].map((td: any) => td.textContent.trim().replace(/\s+/g, ' ')));
    return { state: s?.getAttribute('data-state') as string, current: rows('current'), history: rows('history'), disagreements: [...(s?.querySelectorAll('[data-role="disagreement"]') ?? [])].map((e: any) => e.textContent.trim()) };
  }, name);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    let a = (globalThis as any).document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return { tag: a?.localName as string, text: (a?.textContent ?? '').trim() as string };
  });

beforeAll(async () => {
  await registerTestPatient({ id: 'pat-viewer-based-on-e2e', nhsNumber: NHS_NUMBER, family: 'Ashworth', given: 'Edna', gender: 'female', birthDate: '1950-11-23' });
  // The same GP extract as the API test's (combined-medications.test.ts), for a patient of this file's own.
  await sendBatch('gp', 'P83005', basedOnBundle(NHS_NUMBER));
});

it('each medicine once: the summary, the combined list and the GP by source; both dosages, every status by its kind, the difference said; by keyboard; axe clean', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  await openRecord(page, NHS_NUMBER);
  await panelsSettled(page);

  // The emergency summary: what is current, each medicine once; the ramipril the newer statement stopped is not there.
  const summary = await section(page, 'emergencySummary', 'medications');
  expect(summary.current.map((r) => r[0])).toEqual(['Omeprazole 20mg gastro-resistant capsules', 'Amlodipine 5mg tablets']);

  // The combined view: one row per medicine; omeprazole with both dosages named by kind; ramipril as history, the difference said.
  const combined = await section(page, 'combinedMedications', 'medications');
  expect(combined.current.map((r) => r.slice(0, 3))).toEqual([
    ['Omeprazole 20mg gastro-resistant capsules', 'One capsule twice a day (statement); One capsule twice a day for four weeks (prescription)', 'Active (statement); Active (prescription)'],
    ['Amlodipine 5mg tablets', 'One tablet once a day', 'Active'],
  ]);
  expect(combined.history).toHaveLength(1);
  expect(combined.history[0][0]).toMatch(/^Ramipril 5mg capsules.*records one medicine twice and they differ: the statement \(stopped, as of 20 Oct 2026\), the prescription it is based on \(active, as of 1 Mar 2026\); the statement is newer and decides: not current/);
  expect(combined.history[0].slice(1, 3)).toEqual(['One capsule in the morning (statement); One capsule once a day (prescription)', 'Stopped (statement); Active at the source, not current (prescription)']);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="combinedMedications"]'), 'viewer-combined-medicine-based-on');

  // By keyboard: "View by source", Enter; the GP's medicines one row each.
  await page.locator('#record-heading').focus();
  for (let i = 0; i < 5 && (await focused(page)).text !== 'View by source'; i += 1) await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ tag: 'button', text: 'View by source' });
  await page.keyboard.press('Enter');
  await page.locator('[data-panel="medications"]').waitFor();
  await panelsSettled(page);
  const gp = await section(page, 'medications', 'medications');
  expect(gp.current.map((r) => r.slice(0, 3))).toEqual([
    ['Omeprazole 20mg gastro-resistant capsules', 'One capsule twice a day (statement); One capsule twice a day for four weeks (prescription)', 'Active (statement); Active (prescription)'],
    ['Amlodipine 5mg tablets', 'One tablet once a day', 'Active'],
  ]);
  expect(gp.history.map((r) => r.slice(1, 5))).toEqual([['One capsule in the morning (statement); One capsule once a day (prescription)', 'Stopped (statement); Active at the source, not current (prescription)', '10 Jan 2025', '20 Oct 2026']]);
  expect(gp.disagreements).toEqual([expect.stringContaining('the statement is newer and decides: not current')]);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page.locator('[data-panel="medications"]'), 'viewer-by-source-medicine-based-on');
  await page.context().close();
});
