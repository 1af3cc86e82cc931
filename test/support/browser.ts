import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findDemoUser } from '../../tools/src/demo/users';
import { REPO_ROOT } from '../../tools/src/paths';
import { stackInfo } from './stackInfo';

/**
 * A real browser for the viewer tests: Debian's Chromium through playwright-core (Playwright's own
 * browser download is not used). Sign-in goes through the provider's page as a person would.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * One browser for a test file (launched before, closed after), and a fresh context and page per
 * test, in UK clock time and language, at a desktop size.
 */
export function browserPages(): () => Promise<Page> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async () => (await browser!.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/London', locale: 'en-GB', acceptDownloads: true })).newPage();
}

/** Signs in from the viewer's page at `path` (e.g. privacy for the console), where sign-in returns. */
export async function signInAs(page: Page, userKey: string, roleName?: string, path = ''): Promise<void> {
  const user = findDemoUser(userKey);
  await page.goto(`${stackInfo().viewerUrl}${path}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel(new RegExp(`^${user.name}`)).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  if (roleName) {
    await page.getByLabel(new RegExp(`^${roleName}`)).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.locator('[data-role="signed-in"]').waitFor();
}

export async function openRecord(page: Page, nhsNumber: string): Promise<void> {
  // Exactly: the break-glass dialog's name also holds "NHS number".
  await page.getByLabel('NHS number', { exact: true }).fill(nhsNumber);
  await page.getByLabel('NHS number', { exact: true }).press('Enter');
  await page.locator('#record-heading').waitFor();
}

/** Waits until every panel on the page has an answer (no section still loading). */
export async function panelsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const panels = [...((globalThis as any).document.querySelectorAll('[data-panel], sfy-medications') as any[])];
    return panels.length > 0 && panels.every((p) => p.shadowRoot && !p.shadowRoot.querySelector('[aria-busy="true"]') && p.shadowRoot.querySelector('[data-state]'));
  }, undefined, { timeout: 60_000 });
}

/** axe-core's serious and critical findings (the bar: none), or with `every` its findings of any impact. */
export async function seriousViolations(page: Page, every = false): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => every || v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Screenshots go to docs/images when SHAREFORYOU_SCREENSHOTS=docs (to refresh the README), else test-results/. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  const dir = process.env.SHAREFORYOU_SCREENSHOTS === 'docs' ? join(REPO_ROOT, 'docs', 'images') : join(REPO_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // A whole page, or one part of it (a console section).
  await ('goto' in target ? target.screenshot({ path, fullPage: true }) : target.screenshot({ path }));
}
