import { devUserIssuer } from '@shareforyou/kit';
import { browserPages, panelsSettled, screenshot, seriousViolations } from '../support/browser';
import { MARGARET } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * SMART on FHIR EHR launch (issue #22.2), in Chromium against the real stack: the development
 * provider's launch simulator plays the clinician's own clinical system; "Open the shared record"
 * goes to the viewer's /launch with iss and launch, the viewer completes the authorisation code flow
 * with PKCE, the provider signs in the clinical system's user in the chosen role and names the
 * patient, and the viewer opens that record directly. By keyboard, axe clean. A launch naming
 * another FHIR server is refused by the viewer; a launch used once opens nothing again.
 */

const freshPage = browserPages();
const simulator = () => `${devUserIssuer({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) })}/launch-simulator`;

it("the A&E doctor's clinical system opens Margaret's record in the viewer: no sign-in page, no NHS number typed; her banner, the doctor's role; by keyboard; axe clean on both pages", async () => {
  const page = await freshPage();
  await page.goto(simulator());
  await page.getByRole('heading', { name: 'Launch from a clinical system' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'smart-launch-simulator');
  // By keyboard: the role, the patient, the button.
  await page.getByLabel(/^Dr Tom Whitworth/).focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Patient open in the clinical system').focus();
  await page.getByLabel('Patient open in the clinical system').selectOption(MARGARET());
  await page.getByRole('button', { name: 'Open the shared record' }).focus();
  await page.keyboard.press('Enter');

  await page.locator('[data-role="signed-in"]').waitFor({ timeout: 60_000 });
  await page.locator('#record-heading').waitFor({ timeout: 60_000 });
  expect(new URL(page.url()).pathname).toBe('/');
  // The heading names the patient once the banner's query has answered.
  await page.locator('#record-heading', { hasText: /ASHWORTH, Margaret/i }).waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-role="signed-in"]').textContent()).toMatch(/RM3|Northern Care Alliance/);
  // The launch chose the patient, and this sign-in opens no other: no search, no trace, the way to another said.
  const launched = page.locator('[data-role="launched-for"]');
  expect(await launched.textContent()).toMatch(/Opened from your clinical system for NHS number 999 313 3701\. This sign-in opens only this patient's record/);
  expect(await page.getByLabel('NHS number', { exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Trace' }).count()).toBe(0);
  await panelsSettled(page);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'smart-launch-record');
  await page.context().close();
});

it('a launch used once opens nothing again: the provider says so and names the fix', async () => {
  const page = await freshPage();
  await page.goto(simulator());
  await page.getByLabel(/^Dr Aisha Rahman/).check();
  // Keep the launch URL instead of following it twice.
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/launch?')), page.getByRole('button', { name: 'Open the shared record' }).click()]);
  const launchUrl = response.url();
  await page.locator('[data-role="signed-in"]').waitFor({ timeout: 60_000 });
  const again = await page.context().newPage();
  await again.goto(launchUrl);
  await again.getByRole('heading', { name: 'Sign-in failed' }).waitFor({ timeout: 30_000 });
  expect(await again.textContent('main')).toMatch(/unknown, used or expired .* open the record again from your clinical system/);
  expect(await seriousViolations(again)).toEqual([]);
  await page.context().close();
});

it('a launch naming another FHIR server is refused by the viewer before any sign-in, saying why', async () => {
  const page = await freshPage();
  const url = new URL('/launch', stackInfo().viewerUrl);
  url.search = new URLSearchParams({ iss: 'https://fhir.elsewhere.invalid/r4', launch: 'anything' }).toString();
  await page.goto(url.toString());
  await page.getByText(/names https:\/\/fhir\.elsewhere\.invalid\/r4 as its record, not this care record/).waitFor();
  expect(new URL(page.url()).origin).toBe(new URL(stackInfo().viewerUrl).origin);
  expect(await page.locator('[data-role="signed-in"]').count()).toBe(0);
  await page.context().close();
});
