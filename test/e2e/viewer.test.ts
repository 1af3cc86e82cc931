import type { Page } from 'playwright-core';
import { userToken } from '../../tools/src/demo/tokens';
import { findDemoUser } from '../../tools/src/demo/users';
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { DANIEL, MARGARET } from '../support/clients';
import { gatewayWithout } from '../support/gatewayWithout';
import { stackInfo } from '../support/stackInfo';

/** The clinician viewer and an embedded panel, in Chromium, against the real stack. */

const freshPage = browserPages();

/** Every section's state and source line, across the panels' shadow roots. */
function sections(page: Page) {
  return page.evaluate(() =>
    [...((globalThis as any).document.querySelectorAll('[data-panel], sfy-medications') as any[])].flatMap((panel) =>
      [...((panel.shadowRoot?.querySelectorAll('[data-section]') ?? []) as any[])].map((s) => ({
        panel: panel.getAttribute('data-panel') ?? panel.localName,
        section: s.getAttribute('data-section'),
        state: s.getAttribute('data-state'),
        source: s.querySelector('[data-role="source"]')?.textContent ?? '',
        text: s.textContent ?? '',
      })),
    ),
  );
}

describe('the clinician viewer in a browser', () => {
  it('the GP signs in through the provider page, opens Margaret Ashworth and sees every organisation that holds part of her record, each with source and as-of', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    expect(await seriousViolations(page)).toEqual([]);
    await openRecord(page, MARGARET());
    await panelsSettled(page);
    const found = await sections(page);
    expect(found[0].panel).toBe('emergencySummary');
    const withData = found.filter((s) => s.state === 'data' && s.source !== 'From the patient register');
    expect(withData.length).toBeGreaterThan(10);
    for (const s of withData) expect(s.source).toMatch(/From .+ · as of \d{1,2} \w{3,4} \d{4}/);
    // A combined section names each source with its own as-of: "From A · as of X; B · as of Y".
    const organisations = new Set(withData.flatMap((s) => s.source.replace(/^From /, '').split('; ').flatMap((part: string) => part.split(' · ')[0].split(', '))));
    // Margaret's record is held by four organisations (no mental health care): each must show.
    for (const name of ['Bury Central Medical Practice', 'Northern Care Alliance NHS Foundation Trust', 'North East Sector Community Health Services', 'Bury Council Adult and Children’s Social Care']) {
      expect(organisations).toContain(name);
    }
    expect(found.filter((s) => s.state === 'restricted' || s.state === 'unavailable' || s.state === 'could-not-load')).toEqual([]);
    // Statuses in words, never enum codes.
    for (const s of found) expect(s.text).not.toMatch(/\b(on_hold|in_progress|entered_in_error|not_done)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-gp-margaret');
    // Her next of kin, from the practice's Patient.contact, in the demographics panel.
    const demographics = found.filter((s) => s.panel === 'demographics');
    expect(demographics.find((s) => s.section === 'contacts')).toMatchObject({ state: 'data', text: expect.stringContaining('Susan Kenyon') });
    expect(demographics.find((s) => s.section === 'contacts')?.text).toMatch(/Next-of-Kin, natural daughter/);
    await screenshot(page.locator('[data-panel="demographics"]'), 'viewer-demographics-margaret');
    await page.context().close();
  });

  it('the receptionist sees demographics, and "restricted for your role" where the policy says', async () => {
    const page = await freshPage();
    await signInAs(page, 'receptionist');
    await openRecord(page, MARGARET());
    await panelsSettled(page);
    const found = await sections(page);
    expect(found.find((s) => s.section === 'name')).toMatchObject({ state: 'data' });
    expect(found.find((s) => s.section === 'name')!.text).toContain('Margaret Joan ASHWORTH');
    const restricted = found.filter((s) => s.state === 'restricted');
    // Mental health care and encounters are not the administrative profile's; the allocated worker (care team) is.
    expect(restricted.map((s) => s.section)).toEqual(expect.arrayContaining(['careCoordinator', 'admissions', 'consultations']));
    expect(found.find((s) => s.section === 'allocatedWorker')?.state).not.toBe('restricted');
    for (const s of restricted) expect(s.text).toContain('Restricted for your role');
    expect(found.some((s) => s.panel === 'medications')).toBe(false);
    // Her appointments put the encounters panel in view, but not the referrals or care plans computed beside it (categories she does not hold).
    expect(found.some((s) => s.panel === 'encounters')).toBe(true);
    for (const panel of ['combinedEncounters', 'combinedReferrals', 'combinedCarePlans', 'combinedAlerts', 'combinedImmunisations', 'combinedFamilyHistory']) expect({ panel, shown: found.some((s) => s.panel === panel) }).toEqual({ panel, shown: false });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-receptionist-margaret');
    await page.context().close();
  });

  it('the psychiatrist sees Daniel’s crisis plan (a CarePlan coded as one, titled "Staying well plan") and his risk summary, each with its status', async () => {
    const page = await freshPage();
    await signInAs(page, 'mh-clinician');
    await openRecord(page, DANIEL());
    await panelsSettled(page);
    const found = (await sections(page)).filter((s) => s.panel === 'mentalHealth');
    expect(found.find((s) => s.section === 'crisisPlans')).toMatchObject({ state: 'data', text: expect.stringMatching(/Staying well plan\s*Active/) });
    expect(found.find((s) => s.section === 'riskSummaries')).toMatchObject({ state: 'data', text: expect.stringContaining('Final') });
    expect(found.find((s) => s.section === 'mentalHealthEpisodes')?.text).toContain('Open');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page.locator('[data-panel="mentalHealth"]'), 'viewer-mental-health-daniel');
    await page.context().close();
  });

  it('the social worker sees Margaret’s key safe as a council alert, not as a safeguarding alert', async () => {
    const page = await freshPage();
    await signInAs(page, 'social-worker');
    await openRecord(page, MARGARET());
    await panelsSettled(page);
    const found = (await sections(page)).filter((s) => s.panel === 'socialCare');
    expect(found.find((s) => s.section === 'socialCareAlerts')).toMatchObject({ state: 'data', text: expect.stringContaining('Key safe by the front door') });
    expect(found.find((s) => s.section === 'safeguardingAlerts')).toMatchObject({ state: 'empty' });
    expect(found.find((s) => s.section === 'carePackages')?.text).toMatch(/Active/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page.locator('[data-panel="socialCare"]'), 'viewer-social-care-margaret');
    await page.context().close();
  });

  describe('with the hospital source down', () => {
    let gateway: Awaited<ReturnType<typeof gatewayWithout>> | undefined;
    let url = '';
    beforeAll(async () => {
      gateway = await gatewayWithout('acute', 600);
      url = gateway.url;
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('the hospital sections say so and the rest of the record arrives', async () => {
      const page = await freshPage();
      // The viewer's calls to the gateway are answered by the gateway whose acute source is down.
      await page.route(stackInfo().gatewayUrl, (route) => route.continue({ url }));
      await signInAs(page, 'gp');
      await openRecord(page, MARGARET());
      await panelsSettled(page);
      const found = await sections(page);
      const hospital = found.filter((s) => ['admissions', 'aeAttendances', 'outpatientAppointments', 'dischargeSummaries'].includes(s.section!));
      expect(hospital.length).toBeGreaterThanOrEqual(4);
      for (const s of hospital) {
        expect(s.state).toBe('unavailable');
        expect(s.text).toContain('Not available from the hospital just now');
      }
      // The combined sections keep the GP's part and name the hospital's as not read, never "Nothing recorded" (H83).
      const allergies = found.find((s) => s.panel === 'combinedAllergies' && s.section === 'allergies')!;
      expect(allergies.text).toContain('Allergy to penicillin');
      expect(allergies.text).toMatch(/Not available from [^:]+: /);
      const procedures = found.find((s) => s.panel === 'combinedProcedures')!;
      expect(procedures).toMatchObject({ state: 'partial', text: expect.stringMatching(/Not available from [^:]+: /) });
      expect(procedures.text).not.toMatch(/Nothing recorded/);
      expect(found.find((s) => s.panel === 'combinedMedications')).toMatchObject({ state: 'data' });
      // Referrals, care plans and alerts (safeguarding too) are the GP's and the hospital's: none recorded at the GP is not "Nothing recorded".
      for (const [panel, name] of [['combinedReferrals', 'referrals'], ['combinedCarePlans', 'carePlans'], ['combinedAlerts', 'alerts'], ['combinedAlerts', 'safeguardingAlerts']]) {
        const s = found.find((f) => f.panel === panel && f.section === name);
        // Partial when nothing came from the sources that answered; with the GP's items (Margaret's referral, alert) it shows them, still naming the hospital.
        expect({ name, state: s?.state, text: s?.text }).toEqual({ name, state: expect.stringMatching(/^(partial|data)$/), text: expect.stringMatching(/Not available from [^:]+: /) });
        expect(s!.text).not.toMatch(/Nothing recorded/);
      }
      // The hospital holds immunisations too now: the GP's (her flu vaccination) still show, the hospital's named as not read.
      const immunisations = found.find((s) => s.panel === 'combinedImmunisations')!;
      expect(immunisations.text).toMatch(/influenza/i);
      expect(immunisations.text).toMatch(/Not available from [^:]+: /);
      expect(immunisations.text).not.toMatch(/Nothing recorded/);
      expect(found.find((s) => s.panel === 'community')).toMatchObject({ state: 'data' });
      await screenshot(page, 'viewer-hospital-down');
      // By source, the hospital's own sections say it did not answer.
      await page.getByRole('button', { name: 'View by source' }).click();
      await page.locator('[data-panel="results"]').waitFor();
      await panelsSettled(page);
      const bySource = await sections(page);
      for (const name of ['testResults', 'hospitalAllergies', 'hospitalProcedures', 'hospitalDiagnoses']) expect(bySource.find((s) => s.section === name)).toMatchObject({ state: 'unavailable' });
      expect(bySource.find((s) => s.panel === 'medications' && s.section === 'medications')).toMatchObject({ state: 'data' });
      await page.context().close();
    });
  });

  it('the A&E doctor opens Daniel Kowalski, gets the break-glass dialog, declares, and sees the record with the banner', async () => {
    const page = await freshPage();
    // A colleague of the demo A&E doctor: her declaration must not change what other tests see.
    await signInAs(page, 'ae-locum');
    await openRecord(page, DANIEL());
    const dialog = page.getByRole('dialog', { name: /No care relationship/ });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-break-glass-dialog');
    // Keyboard only: the reason by arrow keys, the detail typed, the form sent with Enter on the button.
    await page.getByLabel('The patient is unconscious or otherwise unable to consent').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Details (required)').fill('Brought in unconscious after a fall; needs medication history');
    await page.getByRole('button', { name: 'Declare emergency access' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-role="break-glass-banner"]').waitFor();
    expect(await page.locator('[data-role="break-glass-banner"]').textContent()).toMatch(/emergency access \(break-glass\) until/);
    await panelsSettled(page);
    const found = await sections(page);
    expect(found.find((s) => s.panel === 'combinedMedications')).toMatchObject({ state: expect.stringMatching(/data|empty/) });
    // The patient banner carries the emergency access flag for the whole record; no panel repeats it.
    expect(await page.locator('[data-role="patient-banner"] [data-role="break-glass-banner"]').count()).toBe(1);
    expect(await page.locator('sfy-emergency-summary').evaluate((el) => el.shadowRoot?.querySelector('[data-state="break-glass"]') ?? null)).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'viewer-break-glass-banner');
    await page.context().close();
  });

  it('a panel embedded in a plain host page on another origin works (one script tag, one element)', async () => {
    const page = await freshPage();
    await page.goto(stackInfo().exampleUrl);
    expect(new URL(stackInfo().exampleUrl).origin).not.toBe(new URL(stackInfo().viewerUrl).origin);
    await page.getByLabel('Access token').fill(userToken(findDemoUser('gp')));
    await page.getByRole('button', { name: 'Use this token' }).click();
    await panelsSettled(page);
    const found = await sections(page);
    expect(found).toEqual([
      expect.objectContaining({ panel: 'sfy-medications', section: 'medications', state: 'data', source: expect.stringMatching(/From Bury Central Medical Practice · as of/) }),
      // The hospital's prescriptions and the mental health trust's medicines, each apart.
      expect.objectContaining({ panel: 'sfy-medications', section: 'hospitalPrescriptions', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From Northern Care Alliance NHS Foundation Trust · as of/) }),
      expect.objectContaining({ panel: 'sfy-medications', section: 'mentalHealthMedications', state: 'empty' }),
      // Community services' medicines (a district nurse's injections), apart too, naming the provider even when empty.
      expect.objectContaining({ panel: 'sfy-medications', section: 'communityMedications', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From .*Community Health Services · as of/) }),
      // The council's home care medicines (issue #18: social care holds the catalogue's types), apart, naming the council even when empty.
      expect.objectContaining({ panel: 'sfy-medications', section: 'socialCareMedications', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From .*Council.* · as of/) }),
      // The hospital's dispensed and administered medicines, in the same element.
      // An empty section still names whom it is from, by name, not by ODS code.
      expect.objectContaining({ panel: 'sfy-medications', section: 'medicationDispenses', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From Northern Care Alliance NHS Foundation Trust · as of/) }),
      // The GP practice's dispensed beside the hospital's (H161): Margaret's warfarin, supplied by her practice.
      expect.objectContaining({ panel: 'sfy-medications', section: 'gpMedicationDispenses', state: 'data', source: expect.stringMatching(/^From Bury Central Medical Practice · as of/), text: expect.stringContaining('Warfarin 1mg tablets') }),
      // Doses given, each source's apart (H153: never a current medicine): the practice's, the hospital's, the mental health trust's, a district nurse's, a home care worker's.
      expect.objectContaining({ panel: 'sfy-medications', section: 'gpMedicationAdministrations', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From Bury Central Medical Practice · as of/) }),
      expect.objectContaining({ panel: 'sfy-medications', section: 'medicationAdministrations', state: expect.stringMatching(/data|empty/) }),
      expect.objectContaining({ panel: 'sfy-medications', section: 'mentalHealthMedicationAdministrations', state: 'empty' }),
      expect.objectContaining({ panel: 'sfy-medications', section: 'communityMedicationAdministrations', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From .*Community Health Services · as of/) }),
      expect.objectContaining({ panel: 'sfy-medications', section: 'socialCareMedicationAdministrations', state: expect.stringMatching(/data|empty/), source: expect.stringMatching(/^From .*Council.* · as of/) }),
      // Each source's "No current medications" statements, apart from its medicines (H125).
      ...['noCurrentMedications', 'hospitalNoCurrentMedications', 'mentalHealthNoCurrentMedications', 'communityNoCurrentMedications', 'socialCareNoCurrentMedications'].map((section) => expect.objectContaining({ panel: 'sfy-medications', section, state: expect.stringMatching(/data|empty/) })),
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'embedded-panel');
    await page.context().close();
  });
});

