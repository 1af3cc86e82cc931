import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { userToken } from '../../tools/src/demo/tokens';
import { browserPages, screenshot, seriousViolations, signInAs } from '../support/browser';
import { asUser, DANIEL, gatewayPost, MARGARET } from '../support/clients';
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

  it('monitoring opens with the findings and the staff-link reports; unusual volume and out of hours run on demand by keyboard, export, and a run that fails says why and tries again', async () => {
    // A member of staff who looks at two patients: over a threshold of 1, unusual volume lists them.
    const busy = { userId: `console-volume-${randomUUID()}`, name: 'Dr Console Volume', odsCode: 'P83005', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role' };
    for (const n of [MARGARET(), DANIEL()]) await gatewayPost({ authorization: `Bearer ${userToken(busy)}` }, 'query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n });

    const page = await freshPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url() === stackInfo().gatewayUrl && request.method() === 'POST') asked.push(request.postData() ?? '');
    });
    // The unusual volume run is held until "Running…" has been seen; out of hours answers as the audit service at its time limit does, until let through.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let outOfHoursFails = true;
    await page.route(stackInfo().gatewayUrl, async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query ConsoleUnusualVolume')) await held;
      if (body.includes('query ConsoleOutOfHours') && outOfHoursFails) {
        const message = "The audit source did not answer (no answer within its time limit (3000 ms) or the request's deadline); its part of the record is missing from this response.";
        await route.fulfill({
          status: 200,
          headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(stackInfo().viewerUrl).origin, 'access-control-allow-credentials': 'true', vary: 'Origin' },
          body: JSON.stringify({ data: null, errors: [{ message, path: ['outOfHoursAccess'], extensions: { code: 'SOURCE_UNAVAILABLE', serviceName: 'audit', reason: 'timeout', paths: ['outOfHoursAccess'] } }] }),
        });
        return;
      }
      await route.continue();
    });
    await signInAs(page, 'privacy-officer', undefined, 'privacy');
    const monitoring = page.locator('#monitoring');

    // On load: the findings and the two staff-link reports, and neither heavy report asked for.
    for (const title of ['Access to own record', "Access where the user shares the patient's surname or address"]) await monitoring.getByRole('heading', { name: title, level: 3 }).waitFor();
    expect(asked.some((body) => body.includes('query ConsoleMonitoring'))).toBe(true);
    expect(asked.filter((body) => /unusualVolume|outOfHoursAccess/.test(body))).toEqual([]);
    const volume = monitoring.locator('sfy-unusual-volume');
    const outOfHours = monitoring.locator('sfy-out-of-hours');
    for (const [report, title] of [[volume, 'Unusual volume of access'], [outOfHours, 'Out-of-hours access']] as const) {
      await report.getByRole('heading', { name: title, level: 3 }).waitFor();
      expect(await report.locator('[data-role="looked-for"]').textContent()).toMatch(/^Looks for: Every (user|look)/);
      expect(await report.locator('table, [data-role="report-empty"]').count()).toBe(0);
    }
    // The period starts as the last 31 days, today included.
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date()).split('/');
    expect([await volume.getByLabel('Day', { exact: true }).nth(1).inputValue(), await volume.getByLabel('Month', { exact: true }).nth(1).inputValue(), await volume.getByLabel('Year', { exact: true }).nth(1).inputValue()]).toEqual(today.map(Number).map(String));
    // Headings stay in order: Monitoring (h2), then each report (h3).
    const headings = await monitoring.locator('h2, h3, h4').evaluateAll((hs) => hs.map((h) => h.localName));
    expect(headings).toEqual(['h2', ...headings.slice(1).map(() => 'h3')]);
    expect(headings.length).toBe(6);

    // Unusual volume by keyboard: the threshold, Tab to "Run report", Enter.
    await volume.getByLabel('More than how many different patients').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Run report: Unusual volume of access');
    await page.keyboard.press('Enter');
    await volume.locator('[data-role="status"]', { hasText: /^Running…/ }).waitFor();
    expect(await volume.locator('[data-role="status"]').getAttribute('aria-live')).toBe('polite');
    expect(await volume.locator('table').count()).toBe(0);
    release();
    await volume.locator('[data-role="status"]', { hasText: /^\d+ users? looked at the records of more than 1 different patient from \d+ \w+ \d{4} to \d+ \w+ \d{4}\.$/ }).waitFor();
    const row = volume.locator('[data-report="unusualVolume"] tbody tr', { hasText: busy.userId });
    await row.waitFor();
    expect(await row.textContent()).toContain('Dr Console Volume');
    expect(await row.textContent()).toContain('Bury Central Medical Practice (P83005)');
    // Focus stayed on the button pressed; the answer is announced and follows it.
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('unusualVolume-run');
    expect(await volume.locator('[data-role="ran-period"]').textContent()).toMatch(/^Ran over \d+ \w+ \d{4} to \d+ \w+ \d{4}\.$/);

    // Its CSV: the same period and threshold.
    const download = page.waitForEvent('download');
    await volume.getByRole('button', { name: 'Export Unusual volume of access CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^unusualVolume-.*\.csv$/);
    const csv = parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(csv.some((r) => Object.values(r).includes(busy.userId))).toBe(true);
    await volume.locator('[data-role="status"]', { hasText: /^Exported as unusualVolume-/ }).waitFor();

    // Out of hours, when the audit service does not answer in time: said plainly, no table, "Try again".
    await outOfHours.getByRole('button', { name: /^Run report\W+Out-of-hours access$/ }).focus();
    await page.keyboard.press('Enter');
    const problem = outOfHours.locator('[data-role="problem"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('The out-of-hours access report did not finish: the audit service did not answer within its time limit (3 seconds). Nothing is known about this period yet. Try again, or choose a shorter period.');
    expect(await outOfHours.locator('table, [data-role="report-empty"], [data-role="ran-period"]').count()).toBe(0);
    const tryAgain = outOfHours.getByRole('button', { name: /^Try again\W+Out-of-hours access$/ });
    await tryAgain.waitFor();
    expect(await violations(page)).toEqual([]);
    await outOfHours.scrollIntoViewIfNeeded();
    await screenshot(outOfHours, 'privacy-console-report-failed');

    // Try again by keyboard, the audit service answering now: its table, or that it found nothing, for the period.
    outOfHoursFails = false;
    await tryAgain.focus();
    await page.keyboard.press('Enter');
    await outOfHours.locator('[data-report="outOfHoursAccess"], [data-role="report-empty"]').first().waitFor();
    expect(await problem.count()).toBe(0);
    expect(await outOfHours.locator('[data-role="try-again"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('outOfHoursAccess-run');
    expect(await outOfHours.locator('[data-role="status"]').textContent()).toMatch(/out of hours from \d+ \w+ \d{4} to \d+ \w+ \d{4}\.$/);
    // What was found is said once, in the status line; an empty report says only that it has no rows.
    const empty = outOfHours.locator('[data-role="report-empty"]');
    if (await empty.count()) expect(await empty.textContent()).toBe('No rows: nothing in this period matched.');

    expect(await violations(page)).toEqual([]);
    await screenshot(monitoring, 'privacy-console-monitoring');
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
