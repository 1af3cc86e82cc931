import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { userToken } from '../../tools/src/demo/tokens';
import { browserPages, screenshot, seriousViolations, signInAs } from '../support/browser';
import { asUser, gatewayPost, MARGARET } from '../support/clients';
import { pollUntil } from '../support/polling';
import { stackInfo } from '../support/stackInfo';

/**
 * The privacy console in Chromium against the real stack: the privacy officer signs in through the
 * provider's page, finds the GP's look at Margaret Ashworth in the access log (names beside codes),
 * exports that view to CSV, reviews a break-glass declaration made in this run by keyboard and
 * finds it in the history; a clinician does not get the console.
 */

// UK clock time, as the console's time filters and every time it shows are.
const freshPage = browserPages();

/** Every axe finding, of any impact (the console's bar). */
const violations = (page: Page) => seriousViolations(page, true);

/** A review by keyboard only: the outcome by Space, Tab to the note and type it, Tab to the button, Enter. */
async function reviewByKeyboard(page: Page, outcome: Locator, note: string): Promise<void> {
  await outcome.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type(note);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Record the review');
  await page.keyboard.press('Enter');
}

/** A time as a datetime-local input takes it, in England's clock time. */
const londonInputValue = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at).replace(' ', 'T');

describe('the privacy console in a browser', () => {
  it('the privacy officer filters the log to the GP’s look at Margaret, exports it, reviews a break-glass declaration by keyboard and finds it in the history', async () => {
    const since = new Date(Date.now() - 60_000);
    // The GP looks at Margaret, and a clinician with no care relationship declares break-glass and looks under it.
    const look = await asUser('gp').query('query PrivacyConsoleGpLook($n: String!) { patient(nhsNumber: $n) { name { text } medications { id } } }', { n: MARGARET() });
    expect(look.errors).toBeUndefined();
    const doctor = { userId: `console-bg-${randomUUID()}`, name: 'Dr Console Reviewtest', odsCode: 'P86003', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    const asDoctor = (query: string, variables: Record<string, unknown>) => gatewayPost({ authorization: `Bearer ${userToken(doctor)}` }, query, variables);
    const detail = `Collapsed in the car park, history needed (${randomUUID().slice(0, 8)})`;
    const declared = await asDoctor('mutation($n: String!, $d: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: $d) { id } }', { n: MARGARET(), d: detail });
    expect(declared.errors).toBeUndefined();
    const breakGlassId = declared.data.declareBreakGlass.id as string;
    expect((await asDoctor('query($n: String!) { patient(nhsNumber: $n) { medications { id } } }', { n: MARGARET() })).errors).toBeUndefined();

    const page = await freshPage();
    await signInAs(page, 'privacy-officer');
    await page.getByRole('link', { name: 'Open the privacy console' }).click();
    await page.getByRole('heading', { name: 'Privacy console', level: 1 }).waitFor();

    // The access log, filtered to the GP's look at Margaret in this run.
    const log = page.locator('#access-log');
    await log.getByLabel('Patient NHS number').fill(MARGARET());
    await log.getByLabel('User name (or part of it)').fill('rahman');
    await log.getByLabel('Organisation name (or part of it)').fill('bury central');
    await log.getByLabel('From (UK time, inclusive)').fill(londonInputValue(since));
    await log.getByRole('button', { name: 'Show events' }).click();
    await log.locator('[data-role="status"]', { hasText: /^Page 1: \d+ events? \(NHS number .*, user “rahman”, organisation “bury central”, from / }).waitFor();
    const row = log.locator('[data-role="access-log"] tbody tr', { hasText: 'PrivacyConsoleGpLook' }).first();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Dr Aisha Rahman (uid demo-gp-aisha-rahman)');
    expect(text).toContain('Bury Central Medical Practice (P83005)');
    expect(text).toContain('Clinical Practitioner Access Role (R8000)');
    expect(text).toContain(MARGARET().replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'));
    // Every row on the page is the filter's: the GP (by her id: a look made with a token without her
    // name, by another test in the last minute, is hers too) at Margaret's record.
    const rows = await log.locator('[data-role="access-log"] tbody tr').allTextContents();
    for (const r of rows) {
      expect(r).toContain('(uid demo-gp-aisha-rahman)');
      expect(r).toContain(MARGARET().replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3'));
    }
    const requestId = (await row.getAttribute('data-request-id'))!;
    expect(await violations(page)).toEqual([]);
    await screenshot(log, 'privacy-console-access-log');

    // The same view as CSV, through the gateway with the officer's token.
    const download = page.waitForEvent('download');
    await log.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^accessLog-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const exported = csv.filter((r) => r.requestId === requestId);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported[0]).toMatchObject({ clientOperation: 'PrivacyConsoleGpLook', userName: 'Dr Aisha Rahman', userId: 'demo-gp-aisha-rahman', organisationName: 'Bury Central Medical Practice', odsCode: 'P83005', nhsNumber: MARGARET() });
    expect(csv.every((r) => r.nhsNumber === MARGARET() && r.userId === 'demo-gp-aisha-rahman')).toBe(true);
    await log.locator('[data-role="status"]', { hasText: /Exported this view/ }).waitFor();

    // Who has looked at Margaret's record: by organisation and role, names beside codes.
    const who = page.locator('#who-looked');
    await who.getByLabel('Patient NHS number').fill(MARGARET());
    await who.getByRole('button', { name: 'Show who has looked' }).click();
    const practice = who.locator('[data-role="who-looked"] tbody tr', { hasText: 'Bury Central Medical Practice (P83005)' }).filter({ hasText: 'Clinical Practitioner Access Role (R8000)' });
    await practice.waitFor();
    expect(await practice.textContent()).toContain('Medications (medications)');
    await screenshot(who, 'privacy-console-who-looked');

    // The break-glass declaration made in this run, in the queue with everything a reviewer needs.
    const reviews = page.locator('#break-glass-reviews');
    const card = reviews.locator(`[data-role="break-glass-queue"] [data-break-glass-id="${breakGlassId}"]`);
    // On failure, what the section said instead (a time limit, another page of the queue) is the clue.
    await card.waitFor().catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe section said: ${(await reviews.textContent())?.replace(/\s+/g, ' ').slice(0, 1500)}`);
    });
    const cardText = await card.textContent();
    for (const expected of ['Dr Console Reviewtest (uid console-bg-', 'Rochdale Road Surgery (P86003)', '(EMERGENCY_CARE)', detail, 'Declared', 'Expires', 'Medications (medications)']) expect(cardText).toContain(expected);
    await card.scrollIntoViewIfNeeded();
    await screenshot(card, 'privacy-console-break-glass-queue');

    await reviewByKeyboard(page, card.getByLabel(/^Appropriate/), 'Confirmed with the surgery: the patient collapsed on site.');
    await reviews.locator('[data-role="status"]', { hasText: /Review recorded .*: Appropriate\. It is now in the history of closed reviews\./ }).waitFor();
    await card.waitFor({ state: 'detached' });
    const closed = reviews.locator(`[data-role="break-glass-history"] tr[data-break-glass-id="${breakGlassId}"]`);
    await closed.waitFor();
    const closedText = await closed.textContent();
    for (const expected of ['Dr Console Reviewtest', detail, 'Appropriate', 'Confirmed with the surgery', 'by Priya Desai (uid demo-po-priya-desai)']) expect(closedText).toContain(expected);
    await closed.scrollIntoViewIfNeeded();
    await screenshot(closed, 'privacy-console-history-row');

    // The chain's state shows, and a verification runs from the console.
    const chain = page.locator('#audit-chain');
    await chain.locator('[data-role="chain-state"]').waitFor();
    await chain.getByRole('button', { name: 'Run a verification now' }).click();
    await chain.locator('[data-role="status"]', { hasText: /^Verified: every link|^Verification found/ }).waitFor({ timeout: 60_000 });
    expect(await chain.locator('[data-role="chain-state"]').textContent()).toMatch(/last verified .* by Priya Desai/);
    await screenshot(chain, 'privacy-console-chain');

    // Monitoring reports say what they looked for and over what period (once the section has answered:
    // on a store the whole suite has filled it can take a moment, which is not what this test is about).
    await page.locator('#monitoring [data-role="looked-for"]').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('#monitoring [data-role="looked-for"]').count()).toBeGreaterThanOrEqual(5);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'privacy-console');
    await page.context().close();
    // A whole working session in one browser (two axe scans, a verification of every chain): on a busy machine, more than the default minute.
  }, 180_000);

  it('a clinician who signs in does not get the console: no link, a clear message at /privacy, and the API refuses', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp', undefined, 'privacy');
    // Sign-in returned to /privacy, and the console is not there.
    expect(new URL(page.url()).pathname).toBe('/privacy');
    await page.getByRole('heading', { name: 'The privacy console is for privacy officers' }).waitFor();
    expect(await page.locator('sfy-privacy-console, #access-log').count()).toBe(0);
    expect(await violations(page)).toEqual([]);
    await screenshot(page, 'privacy-console-refused');
    await page.goto(stackInfo().viewerUrl);
    await page.getByLabel('NHS number').waitFor();
    expect(await page.getByRole('link', { name: 'Open the privacy console' }).count()).toBe(0);
    const refused = await asUser('gp').query('{ accessLog(first: 1) { events { id } } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
    await page.context().close();
  });

  it('the privacy officer reviews a monitoring finding (same surname) by keyboard, and it closes', async () => {
    const relative = { userId: `console-surname-${randomUUID()}`, name: 'Dr Console Ashworth', familyName: 'Ashworth', odsCode: 'P83005', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    expect((await gatewayPost({ authorization: `Bearer ${userToken(relative)}` }, 'query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: MARGARET() })).errors).toBeUndefined();
    const findingId = await pollUntil('the same-surname finding', async () => {
      const rows = (await asUser('privacy-officer').query('{ monitoringFindings(reviewed: false) { rows { id user { id } } } }')).data.monitoringFindings.rows as Array<{ id: string; user: { id: string } }>;
      return rows.find((r) => r.user.id === relative.userId)?.id;
    }, 20_000);

    const page = await freshPage();
    await signInAs(page, 'privacy-officer', undefined, 'privacy');
    const monitoring = page.locator('#monitoring');
    const row = monitoring.locator(`[data-role="findings"] tr[data-finding-id="${findingId}"]`);
    await row.waitFor().catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe section said: ${(await monitoring.textContent())?.replace(/\s+/g, ' ').slice(0, 1500)}`);
    });
    for (const expected of ['SAME_SURNAME', 'Dr Console Ashworth (uid console-surname-', 'Bury Central Medical Practice (P83005)']) expect(await row.textContent()).toContain(expected);
    await row.getByRole('button', { name: /^Review the SAME_SURNAME finding on Dr Console Ashworth/ }).focus();
    await page.keyboard.press('Enter');
    // The review form opens below the table, its heading focused.
    const heading = monitoring.getByRole('heading', { name: /^Review: SAME_SURNAME finding/ });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
    await reviewByKeyboard(page, monitoring.getByLabel(/^Appropriate/), 'Same family name only; no relation, looked at for a referral.');
    await monitoring.locator('[data-role="status"]', { hasText: /^Review recorded for the SAME_SURNAME finding on Dr Console Ashworth: Appropriate\./ }).waitFor();
    await row.waitFor({ state: 'detached' });
    const closed = (await asUser('privacy-officer').query('{ monitoringFindings(reviewed: true) { rows { id latestReview { outcome } } } }')).data.monitoringFindings.rows as Array<{ id: string; latestReview: { outcome: string } }>;
    expect(closed.find((r) => r.id === findingId)?.latestReview.outcome).toBe('APPROPRIATE');
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an alert’s link opens the console at that alert', async () => {
    const doctor = { userId: `console-alert-${randomUUID()}`, name: 'Dr Alert Link', odsCode: 'P86003', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    const declared = await gatewayPost({ authorization: `Bearer ${userToken(doctor)}` }, 'mutation($n: String!) { declareBreakGlass(nhsNumber: $n, reason: RISK_OF_HARM, detail: "Threatened self-harm in the waiting room") { id } }', { n: MARGARET() });
    expect(declared.errors).toBeUndefined();
    const alertId = `break-glass:${declared.data.declareBreakGlass.id}`;
    const link = await pollUntil('the break-glass alert', async () => {
      const alerts = (await asUser('privacy-officer').query('{ alerts(first: 200, kind: BREAK_GLASS) { id link } }')).data.alerts as Array<{ id: string; link: string }>;
      return alerts.find((a) => a.id === alertId)?.link;
    }, 20_000);
    expect(new URL(link).origin).toBe(new URL(stackInfo().viewerUrl).origin);
    const page = await freshPage();
    await signInAs(page, 'privacy-officer', undefined, new URL(link).pathname.slice(1));
    const selected = page.locator(`#alerts tr[aria-current="true"][data-alert-id="${alertId}"]`);
    await selected.waitFor();
    await page.locator('#alerts [data-role="status"]', { hasText: 'The alert you opened is highlighted below.' }).waitFor();
    await page.context().close();
  });
});
