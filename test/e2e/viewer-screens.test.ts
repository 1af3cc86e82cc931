import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../tools/src/paths';
import { browserPages, panelsSettled, seriousViolations, signInAs } from '../support/browser';
import { DANIEL, MARGARET, PETER } from '../support/clients';
import { stackInfo } from '../support/stackInfo';
import { NHS_NUMBER_SYSTEM, sendBatch } from '../support/testPatient';
import { ageText, ukDay } from '../../web/src/viewer/patientBannerWords';

/**
 * The viewer's screens that stand between a clinician and the wrong patient (issue #19): the
 * patient banner (clinical safety H100), the NHS number field's check before anything is asked, and
 * the break-glass dialog that names the patient. In Chromium, by keyboard, with axe.
 */

const freshPage = browserPages();

/** What the window shows (not the whole page: the point is what is above the fold), or one part; docs/images with SHAREFORYOU_SCREENSHOTS=docs, as the other viewer tests. */
async function shot(target: Page | Locator, name: string, fullPage = false) {
  const dir = process.env.SHAREFORYOU_SCREENSHOTS === 'docs' ? join(REPO_ROOT, 'docs', 'images') : join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  await ('goto' in target ? target.screenshot({ path: join(dir, `${name}.png`), fullPage }) : target.screenshot({ path: join(dir, `${name}.png`) }));
}

/** The page at the size of a common ward laptop (1366×768). */
async function laptop(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Every request the page sends to the gateway from now on. */
function gatewayRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(stackInfo().gatewayUrl) && request.method() === 'POST') seen.push(request.postData() ?? '');
  });
  return seen;
}

/** How many times words appear on the page, its panels' shadow roots included. */
function occurrences(page: Page, words: string) {
  return page.evaluate((needle) => {
    const doc = (globalThis as any).document;
    const texts = [doc.body.innerText as string, ...[...doc.querySelectorAll('*')].filter((e: any) => e.shadowRoot).map((e: any) => e.shadowRoot.textContent as string)];
    return texts.reduce((n, text) => n + (text.split(needle).length - 1), 0);
  }, words);
}

const activeId = (page: Page) => page.evaluate(() => (globalThis as any).document.activeElement?.id ?? '');

async function submitNhsNumber(page: Page, value: string) {
  await page.getByLabel('NHS number', { exact: true }).fill(value);
  await page.getByLabel('NHS number', { exact: true }).press('Enter');
}

describe('the patient banner', () => {
  it('the GP opens Margaret: her banner (ASHWORTH, Margaret Joan; born with age; Female; 999 313 3701) is the first thing on the screen and stays while the record scrolls', async () => {
    const page = await freshPage();
    await laptop(page);
    await signInAs(page, 'gp');
    await submitNhsNumber(page, MARGARET().replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3'));
    const banner = page.locator('[data-role="patient-banner"]');
    await banner.waitFor();
    expect(await banner.locator('[data-role="patient-name"]').textContent()).toBe('ASHWORTH, Margaret Joan');
    expect(await banner.locator('[data-role="born"]').textContent()).toBe(`12 Mar 1944 (${ageText('1944-03-12', ukDay())})`);
    expect(await banner.locator('[data-role="born"]').textContent()).toMatch(/^12 Mar 1944 \(\d+ years\)$/);
    expect(await banner.locator('[data-role="gender"]').textContent()).toBe('Female');
    expect(await banner.locator('[data-role="nhs-number"]').textContent()).toBe('999 313 3701');
    // Alive, no emergency access: no alerts.
    expect(await banner.locator('[data-role="patient-alerts"]').count()).toBe(0);
    // The record's heading is the patient's name, focused for the keyboard and a screen reader.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ASHWORTH, Margaret Joan');
    expect(await activeId(page)).toBe('record-heading');
    // Above the fold at 1366×768, whole.
    const box = (await banner.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    await panelsSettled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-banner-margaret-1366');
    // Read down the record: the banner stays at the top of the window.
    await page.locator('[data-panel="combinedResults"]').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 2000);
    await page.waitForFunction(() => (globalThis as any).scrollY > 1000);
    const scrolled = (await banner.boundingBox())!;
    expect(scrolled.y).toBeGreaterThanOrEqual(0);
    expect(scrolled.y).toBeLessThan(5);
    await shot(page, 'viewer-banner-margaret-scrolled');
    await page.context().close();
  });
});

describe('the patient banner of a patient who has died', () => {
  const NHS_NUMBER = '9990000816';
  beforeAll(async () => {
    // Registered at the GP's practice, the practice recording her death (Patient.deceasedDateTime).
    await sendBatch('registry', 'P83005', [
      {
        resource: {
          resourceType: 'Patient',
          id: 'pat-banner-deceased',
          meta: { versionId: '1', lastUpdated: '2026-10-01T09:00:00Z' },
          identifier: [{ system: NHS_NUMBER_SYSTEM, value: NHS_NUMBER }],
          name: [{ use: 'official', family: 'Greenhalgh', given: ['Edna', 'May'] }],
          gender: 'female',
          birthDate: '1931-11-20',
          deceasedDateTime: '2026-11-02T14:30:00Z',
          generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
        },
        request: { method: 'PUT', url: 'Patient/pat-banner-deceased' },
      },
    ]);
  });

  it('the banner flags her as deceased with the date, and gives her age at death', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await submitNhsNumber(page, NHS_NUMBER);
    const banner = page.locator('[data-role="patient-banner"]');
    await banner.waitFor();
    expect(await banner.locator('[data-role="patient-name"]').textContent()).toBe('GREENHALGH, Edna May');
    expect(await banner.locator('[data-role="born"]').textContent()).toBe('20 Nov 1931 (aged 94 years at death)');
    expect(await banner.locator('[data-role="deceased"]').textContent()).toBe('Deceased: died 2 Nov 2026');
    await panelsSettled(page);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(banner, 'viewer-banner-deceased');
    await page.context().close();
  });
});

describe('the NHS number field', () => {
  it('a number failing the Modulus 11 check gets the design system’s error summary and inline message, focus moves to the summary, and nothing is sent', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    const sent = gatewayRequests(page);
    await submitNhsNumber(page, '999 313 3702');
    const summary = page.locator('[data-role="error-summary"]');
    await summary.waitFor();
    expect(await summary.getByRole('heading').textContent()).toBe('There is a problem');
    expect(await summary.getByRole('link').textContent()).toMatch(/^Enter a valid NHS number/);
    expect(await activeId(page)).toBe('nhs-number-error-summary');
    // The inline message, linked to the field.
    expect(await page.locator('#nhs-number-error').textContent()).toMatch(/Error:\s+Enter a valid NHS number/);
    const field = page.locator('#nhs-number');
    expect(await field.getAttribute('aria-describedby')).toContain('nhs-number-error');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.nhsuk-form-group--error #nhs-number').count()).toBe(1);
    // Nothing asked of the record, no record or panel on the page, no server message anywhere.
    expect(sent).toEqual([]);
    expect(await page.locator('#record, [data-panel]').count()).toBe(0);
    expect(await occurrences(page, 'BAD_USER_INPUT')).toBe(0);
    expect(await occurrences(page, 'is not a valid NHS number')).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-nhs-number-error');
    // By keyboard: the summary's link puts the cursor in the field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent ?? '')).toMatch(/^Enter a valid NHS number/);
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('nhs-number');
    // Too short: its own words.
    await submitNhsNumber(page, '999 313 370');
    await page.locator('#nhs-number-error', { hasText: 'NHS number must be 10 digits: you entered 9' }).waitFor();
    expect(sent).toEqual([]);
    // A valid number clears the error and opens the record.
    await submitNhsNumber(page, MARGARET());
    await page.locator('[data-role="patient-banner"]').waitFor();
    expect(await page.locator('[data-role="error-summary"], #nhs-number-error').count()).toBe(0);
    expect(await page.locator('#nhs-number').getAttribute('aria-invalid')).toBe('false');
    expect(sent.length).toBeGreaterThan(0);
    await page.context().close();
  });

  it('an invalid number typed while a record is open closes that record rather than leave it under the new number', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await submitNhsNumber(page, MARGARET());
    await page.locator('[data-role="patient-banner"]').waitFor();
    await submitNhsNumber(page, '9993133709');
    await page.locator('[data-role="error-summary"]').waitFor();
    expect(await page.locator('[data-role="patient-banner"], [data-panel]').count()).toBe(0);
    await page.context().close();
  });
});

describe('the break-glass dialog', () => {
  // The district nurse has no care relationship with Daniel, and no other test declares emergency access as her
  // (viewer.test.ts does as the A&E locum, access.test.ts as the A&E doctor): on one shared stack, the dialog is hers to see.
  const dialogOf = (page: Page) => page.getByRole('dialog', { name: /No care relationship/ });

  it('names the patient by NHS number; the no-relationship explanation is said once, no panel repeats it; after Escape or Cancel, Open record (or the button left on the page) opens it again', async () => {
    const page = await freshPage();
    await signInAs(page, 'community-nurse', 'Nurse Access Role\\s*R8001 at NR5');
    await submitNhsNumber(page, DANIEL());
    const dialog = dialogOf(page);
    await dialog.waitFor();
    // Before access the name is not the user's to see: the dialog names the NHS number.
    expect(await page.locator('#break-glass-title').textContent()).toBe('No care relationship: emergency access to NHS number 999 796 0807');
    expect(await page.locator('[data-role="break-glass-patient"]').textContent()).toMatch(/NHS number\s*999 796 0807/);
    expect(await dialog.textContent()).toMatch(/logged, and a privacy officer reviews this access/);
    expect(await occurrences(page, 'no recorded care relationship')).toBe(1);
    expect(await page.locator('[data-panel]').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-break-glass-dialog-named');
    // Escape closes it; the page says why once and offers the declaration later.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('[data-role="no-relationship"]').textContent()).toContain('no recorded care relationship');
    expect(await page.getByRole('button', { name: 'Open the emergency access form' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-break-glass-cancelled', true);
    // Open record again, by keyboard: the dialog is back.
    await page.getByRole('button', { name: 'Open record' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    // Cancel, then the button on the page.
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Open the emergency access form' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await occurrences(page, 'no recorded care relationship')).toBe(1);
    await page.context().close();
  });

  it('found by a trace, the dialog names the patient as the trace showed them; after the declaration the banner names him and flags the emergency access', async () => {
    const page = await freshPage();
    await signInAs(page, 'community-nurse', 'Nurse Access Role\\s*R8001 at NR5');
    await page.getByLabel('Family name').fill('Kowalski');
    // The design system's date input, day first: never the browser's month-first picker.
    const sent = gatewayRequests(page);
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year').fill('1991');
    await page.getByRole('button', { name: 'Trace' }).click();
    const summary = page.locator('#trace-error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').textContent()).toBe('Date of birth must be a real date');
    expect(await activeId(page)).toBe('trace-error-summary');
    expect(await page.locator('#birth-date-error').textContent()).toMatch(/Error:\s+Date of birth must be a real date/);
    expect(sent).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-trace-date-error');
    await page.getByLabel('Day').fill('23');
    await page.getByLabel('Month').fill('7');
    await page.getByRole('button', { name: 'Trace' }).click();
    await page.getByRole('button', { name: /^Open Daniel KOWALSKI/i }).click();
    const dialog = dialogOf(page);
    await dialog.waitFor();
    expect(await page.locator('#break-glass-title').textContent()).toBe('No care relationship: emergency access to KOWALSKI, Daniel (NHS number 999 796 0807)');
    expect(await page.locator('[data-role="break-glass-patient"]').textContent()).toMatch(/Name\s*KOWALSKI, Daniel\s*Born\s*23 Jul 1991\s*NHS number\s*999 796 0807/);
    await page.getByLabel('The patient is unconscious or otherwise unable to consent').check();
    await page.getByLabel('Details (required)').fill('Brought in unconscious; needs medication history');
    await dialog.getByRole('button', { name: 'Declare emergency access' }).click();
    const banner = page.locator('[data-role="patient-banner"]');
    await banner.waitFor();
    expect(await banner.locator('[data-role="patient-name"]').textContent()).toBe('KOWALSKI, Daniel');
    expect(await banner.locator('[data-role="gender"]').textContent()).toBe('Male');
    expect(await banner.locator('[data-role="break-glass-banner"]').textContent()).toMatch(/emergency access \(break-glass\) until/);
    await panelsSettled(page);
    // Said once, in the banner: no panel repeats the emergency access.
    expect(await page.evaluate(() => [...(globalThis as any).document.querySelectorAll('[data-panel]')].filter((p: any) => p.shadowRoot?.querySelector('[data-state="break-glass"]')).length)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'viewer-break-glass-banner-named');
    await page.context().close();
  });
});

describe('the banner never names the patient opened before', () => {
  it('Margaret asked for, then Peter before Margaret’s answer came: the banner and the panels are Peter’s, and stay so when Margaret’s late answer arrives (H100)', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    const margaretsBanner = (body: string | null) => !!body && body.includes('query PatientBanner') && body.includes(MARGARET());
    // Margaret's banner answer is held back until Peter's record is open (both registered at the GP's practice).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(stackInfo().gatewayUrl, async (route) => {
      if (margaretsBanner(route.request().postData())) await held;
      await route.continue();
    });
    await submitNhsNumber(page, MARGARET());
    await page.locator('[data-role="patient-loading"]').waitFor();
    await submitNhsNumber(page, PETER());
    const name = page.locator('[data-role="patient-banner"] [data-role="patient-name"]');
    await name.waitFor();
    expect(await name.textContent()).toBe('HOLROYD, Peter');
    const late = page.waitForResponse((response) => margaretsBanner(response.request().postData()));
    release();
    await late;
    // A frame after the late answer: still Peter, and every panel asked about Peter alone.
    await page.evaluate(() => new Promise((resolve) => (globalThis as any).requestAnimationFrame(resolve)));
    expect(await name.textContent()).toBe('HOLROYD, Peter');
    expect(await page.locator('[data-role="nhs-number"]').textContent()).toBe('999 761 5018');
    await panelsSettled(page);
    expect(await page.evaluate(() => [...new Set([...(globalThis as any).document.querySelectorAll('[data-panel]')].map((p: any) => p.nhsNumber))])).toEqual([PETER()]);
    await page.context().close();
  });
});

describe('moving through the record', () => {
  /** Elements (shadow roots included) whose right edge passes the window's: what may make a page scroll sideways. */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const doc = (globalThis as any).document;
      const width = doc.documentElement.clientWidth;
      const found: string[] = [];
      const visit = (root: any, where: string) => {
        for (const e of root.querySelectorAll('*')) {
          const box = e.getBoundingClientRect();
          if (box.right > width + 0.5 && box.width > 0) found.push(`${where}${e.localName}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} ${Math.round(box.right)}`);
          if (e.shadowRoot) visit(e.shadowRoot, `${e.localName} > `);
        }
      };
      visit(doc, '');
      return found.slice(0, 15);
    });

  it('on a phone (390 px wide) Margaret’s record does not scroll sideways; a contents link moves focus to its section, below the banner', async () => {
    const page = await freshPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, 'gp');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await submitNhsNumber(page, MARGARET());
    await page.locator('[data-role="patient-banner"]').waitFor();
    await panelsSettled(page);
    // A wide table scrolls inside its own panel; the page never does. When it does, say what pokes out.
    const scrollWidth = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth);
    if (scrollWidth > 390) expect({ scrollWidth, overflowing: await overflowing(page) }).toEqual({ scrollWidth: 390, overflowing: [] });
    await shot(page, 'viewer-margaret-390');
    // By keyboard: a contents link, Enter, and focus is on that section, named as it.
    await page.getByRole('link', { name: 'Medications', exact: true }).focus();
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => {
      const a = (globalThis as any).document.activeElement;
      return { panel: a.getAttribute('data-panel'), role: a.getAttribute('role'), label: a.getAttribute('aria-label'), top: a.getBoundingClientRect().top };
    });
    expect(focused).toMatchObject({ panel: 'combinedMedications', role: 'group', label: 'Medications' });
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('results read as results', () => {
  it('by source, each of Margaret’s hospital results outside its range says so in letters and words ("L (Low)", "H (High)"), not by colour alone', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await submitNhsNumber(page, MARGARET());
    await page.getByRole('button', { name: 'View by source' }).click();
    await page.locator('[data-panel="results"]').waitFor();
    await panelsSettled(page);
    const rows = await page.locator('[data-panel="results"]').evaluate((panel) =>
      [...(panel.shadowRoot!.querySelectorAll('[data-section="testResults"] tbody tr') as any)].map((tr: any) => ({
        test: tr.cells[0].textContent.trim(),
        coloured: !!tr.cells[1].querySelector('.flag'),
        flag: tr.cells[1].querySelector('[data-role="result-flag"]')?.textContent.trim() ?? '',
      })),
    );
    const flagged = rows.filter((r) => r.coloured);
    expect(flagged.length).toBeGreaterThan(0);
    // Every coloured result carries its flag in words.
    for (const r of flagged) expect(r).toEqual({ ...r, flag: expect.stringMatching(/^(H \(High\)|L \(Low\)|HH \(Critically high\)|LL \(Critically low\)|Abnormal)/) });
    expect(flagged.map((r) => r.flag)).toEqual(expect.arrayContaining(['L (Low)', 'H (High)']));
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page.locator('[data-panel="results"]'), 'viewer-results-flags-margaret');
    await page.context().close();
  });

  it('combined, the same results carry the same flags in letters and words, with their ranges', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await submitNhsNumber(page, MARGARET());
    await page.locator('[data-panel="combinedResults"]').waitFor();
    await panelsSettled(page);
    const rows = await page.locator('[data-panel="combinedResults"]').evaluate((panel) =>
      [...(panel.shadowRoot!.querySelectorAll('[data-section="results"] tbody tr') as any)].map((tr: any) => ({
        test: tr.cells[0].textContent.trim(),
        coloured: !!tr.cells[1].querySelector('.flag'),
        flag: tr.cells[1].querySelector('[data-role="result-flag"]')?.textContent.trim() ?? '',
        range: tr.cells[2].textContent.trim(),
      })),
    );
    const flagged = rows.filter((r) => r.coloured);
    for (const r of flagged) expect(r).toEqual({ ...r, flag: expect.stringMatching(/^(H \(High\)|L \(Low\)|HH \(Critically high\)|LL \(Critically low\)|Abnormal)/) });
    expect(flagged.map((r) => r.flag)).toEqual(expect.arrayContaining(['L (Low)', 'H (High)']));
    expect(flagged.every((r) => r.range.length > 0)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page.locator('[data-panel="combinedResults"]'), 'viewer-combined-results-flags-margaret');
    await page.context().close();
  });
});
