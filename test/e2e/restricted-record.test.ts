/// <reference types="fhir" />
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { asUser, database } from '../support/clients';
import { NHS_NUMBER_SYSTEM, sendBatch } from '../support/testPatient';
import { stackInfo } from '../support/stackInfo';

/**
 * A restricted record (clinical safety H130): the demographics source marks the patient's record
 * restricted (the Personal Demographics Service's sensitive flag, Patient.meta.security R from
 * v3-Confidentiality). The record keeps the flag, says it in the banner in words, and shows nobody
 * where the patient lives or how to reach them, whatever the role; the trace gives no postcode.
 */

const NHS_NUMBER = '9990001928';
const POSTCODE = 'BL9 7QZ';
const PHONE = '07700 900731';
const CONTACT_PHONE = '07700 900732';

beforeAll(async () => {
  await sendBatch('registry', 'P83005', [
    {
      resource: {
        resourceType: 'Patient',
        id: 'pat-restricted',
        meta: { versionId: '1', lastUpdated: '2026-10-01T09:00:00Z', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }] },
        identifier: [{ system: NHS_NUMBER_SYSTEM, value: NHS_NUMBER }],
        name: [{ use: 'official', family: 'Ormerod', given: ['Kirsty', 'Anne'] }],
        gender: 'female',
        birthDate: '1988-04-09',
        address: [{ use: 'home', line: ['7 Refuge Row'], city: 'Bury', postalCode: POSTCODE }],
        telecom: [{ system: 'phone', value: PHONE, use: 'mobile' }],
        contact: [
          {
            relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] }],
            name: { family: 'Ormerod', given: ['Jean'] },
            telecom: [{ system: 'phone', value: CONTACT_PHONE }],
          },
        ],
        generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
      },
      request: { method: 'PUT', url: 'Patient/pat-restricted' },
    },
  ]);
});

const WITHHELD = ['address', 'addresses', 'phone', 'telecom', 'contacts'];
const QUERY = `query($n: String!) { patient(nhsNumber: $n) { nhsNumber name { text } birthDate restricted address { postcode } addresses { postcode } phone telecom { value } contacts { name telecom { value } } } }`;

describe('the restricted flag carried through', () => {
  it('the registry keeps the source\'s flag; the address and phone are stored (the privacy office\'s monitoring matches addresses), never served', async () => {
    const stored = await (await database('registry')).collection('patients').findOne({ _id: NHS_NUMBER as never });
    expect(stored?.restricted).toBe(true);
    expect(stored?.addresses?.[0]?.postcode).toBe(POSTCODE);
  });

  it.each(['gp', 'receptionist'])('%s: restricted true, who the patient is, and every field saying where they live or how to reach them withheld (FORBIDDEN_FIELD, restricted-record)', async (user) => {
    const { data, errors } = await asUser(user).query(QUERY, { n: NHS_NUMBER });
    expect(data?.patient).toMatchObject({ nhsNumber: NHS_NUMBER, name: { text: 'Kirsty Anne ORMEROD' }, birthDate: '1988-04-09', restricted: true });
    for (const field of WITHHELD) expect(data?.patient?.[field]).toBeNull();
    const withheld = (errors ?? []).filter((e) => e.extensions?.reason === 'restricted-record');
    expect(withheld.map((e) => e.path?.join('.')).sort()).toEqual(WITHHELD.map((f) => `patient.${f}`).sort());
    for (const e of withheld) expect(e.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', category: 'contactDetails' });
    expect(JSON.stringify({ data, errors })).not.toMatch(/BL9 7QZ|Refuge|07700 90073/);
  });

  it('the FHIR API marks the Patient restricted as PDS does (meta.security R), so a receiving system withholds the whereabouts too', async () => {
    const fhirBase = stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir');
    const read = async (nhsNumber: string) => {
      const response = await fetch(`${fhirBase}/Patient/${nhsNumber}`, { headers: { authorization: `Bearer ${asUser('gp').token}` } });
      return (await response.json()) as fhir4.Patient;
    };
    expect((await read(NHS_NUMBER)).meta).toEqual({ security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }] });
    expect((await read('9993133701')).meta).toBeUndefined();
  });

  it('an unrestricted record still shows its address (the rule is the flag, not the field)', async () => {
    const { data } = await asUser('gp').query(`{ patient(nhsNumber: "9993133701") { restricted address { postcode } } }`);
    expect(data?.patient.restricted).toBe(false);
    expect(data?.patient.address?.postcode).toBeTruthy();
  });

  it('the trace finds her with no postcode, saying the record is restricted', async () => {
    const { data, errors } = await asUser('gp').query(`{ patientSearch(familyName: "Ormerod", birthDate: "1988-04-09") { nhsNumber postcode restricted } }`);
    expect(errors).toBeUndefined();
    expect(data?.patientSearch).toEqual([{ nhsNumber: NHS_NUMBER, postcode: null, restricted: true }]);
  });
});

describe('in the viewer', () => {
  const freshPage = browserPages();

  it('the banner says "Restricted record" in words, the demographics panel says why the contact details are empty, and neither address nor phone is anywhere on the page', async () => {
    const page = await freshPage();
    await signInAs(page, 'gp');
    await openRecord(page, NHS_NUMBER);
    const banner = page.locator('[data-role="patient-banner"]');
    await banner.waitFor();
    expect(await banner.locator('[data-role="patient-name"]').textContent()).toBe('ORMEROD, Kirsty Anne');
    const flag = banner.locator('[data-role="restricted"]');
    expect(await flag.textContent()).toMatch(/^Restricted record: the patient's address and contact details are withheld from everyone\./);
    // Inside the banner's alert list, which is named for assistive technology.
    expect(await banner.getByRole('list', { name: 'Alerts about this record' }).getByRole('listitem').allTextContents()).toEqual([await flag.textContent()]);
    await panelsSettled(page);
    const demographics = page.locator('[data-panel="demographics"]');
    for (const section of ['address', 'contacts']) {
      const part = demographics.locator(`[data-section="${section}"]`);
      expect(await part.getAttribute('data-state')).toBe('restricted');
      expect(await part.getAttribute('data-reason')).toBe('restricted-record');
      expect(await part.textContent()).toContain('Withheld: this is a restricted record, so where the patient lives and how to reach them are shown to nobody.');
    }
    expect(await demographics.locator('[data-section="name"] td').allTextContents()).toContain('Yes: address and contact details withheld');
    const text = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      return [doc.body.innerText, ...[...doc.querySelectorAll('*')].filter((e: any) => e.shadowRoot).map((e: any) => e.shadowRoot.textContent)].join('\n');
    });
    expect(text).not.toMatch(/BL9 7QZ|Refuge Row|07700 90073/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(banner, 'viewer-banner-restricted');
    await screenshot(demographics, 'panel-demographics-restricted');
    await page.context().close();
  });
});
