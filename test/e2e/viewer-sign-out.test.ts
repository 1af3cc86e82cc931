import { browserPages, screenshot, seriousViolations, signInAs } from '../support/browser';

/**
 * Sign-in and sign-out close the loop (issue #19.6), in Chromium: the header names the user and
 * their organisation; sign-out ends the session at the provider on a page in the sign-in pages'
 * style whose two choices both sign out of the record and say so, and returns to the viewer's own
 * signed-out page; a user of an organisation not party to the sharing agreement is told why and can
 * sign out. Axe clean on every page, the provider's included.
 */

const freshPage = browserPages();

it('the header names the GP and her practice; sign-out, by keyboard, passes the styled provider page and lands on the signed-out page; axe clean throughout', async () => {
  const page = await freshPage();
  await signInAs(page, 'gp');
  expect(await page.locator('[data-role="user-name"]').textContent()).toBe('Dr Aisha Rahman');
  expect(await page.locator('[data-role="organisation"]').textContent()).toBe('Bury Central Medical Practice');
  await page.getByRole('button', { name: 'Sign out' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Sign out' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'provider-sign-out');
  await page.getByRole('button', { name: 'Sign out of everything' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  expect(new URL(page.url()).search).toBe('');
  expect(await page.locator('[data-role="signed-in"]').count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as any).sessionStorage.length)).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'viewer-signed-out');
  // Signing in again asks who you are: the provider's session ended too.
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.context().close();
});

it('"Sign out of the care record only" signs out of the record too, as it says', async () => {
  const page = await freshPage();
  await signInAs(page, 'ae-doctor');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out of the care record only' }).click();
  await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  expect(await page.locator('[data-role="signed-in"]').count()).toBe(0);
  await page.context().close();
});

it('a doctor at a clinic not party to the agreement is told why, and signs out from there', async () => {
  const page = await freshPage();
  await page.goto((await import('../support/stackInfo')).stackInfo().viewerUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel(/^Dr Sam Jones/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'You cannot use the shared care record in this role' }).waitFor();
  expect(await page.getByRole('alert').textContent()).toMatch(/not .*part|party|agreement|framework/i);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'viewer-non-party');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign out of everything' }).click();
  await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  await page.context().close();
});

it('the viewer opened at localhost instead of 127.0.0.1 signs in and opens a record (both are its redirect URIs and allowed origins)', async () => {
  const { stackInfo } = await import('../support/stackInfo');
  const { MARGARET } = await import('../support/clients');
  const { openRecord } = await import('../support/browser');
  const page = await freshPage();
  const atLocalhost = new URL(stackInfo().viewerUrl);
  atLocalhost.hostname = 'localhost';
  await page.goto(atLocalhost.toString());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel(/^Dr Aisha Rahman/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('[data-role="signed-in"]').waitFor();
  expect(new URL(page.url()).hostname).toBe('localhost');
  await openRecord(page, MARGARET());
  // The banner asks the gateway (another origin, allowed for localhost too) who she is.
  await page.locator('#record-heading', { hasText: /ASHWORTH/ }).waitFor();
  await page.context().close();
});
