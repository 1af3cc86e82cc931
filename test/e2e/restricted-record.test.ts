/// <reference types="fhir" />
import { browserPages, openRecord, panelsSettled, screenshot, seriousViolations, signInAs } from '../support/browser';
import { asUser, database } from '../support/clients';
import { NHS_NUMBER_SYSTEM, patientReference, registerTestPatient, sendBatch } from '../support/testPatient';
import { stackInfo } from '../support/stackInfo';
import { sendBundle } from '../../tools/src/feeds/feedClient';

/**
 * A restricted record (clinical safety H130): the demographics source marks the patient's record
 * restricted (the Personal Demographics Service's sensitive flag, Patient.meta.security R from
 * v3-Confidentiality). The record keeps the flag, says it in the banner in words, and shows nobody
 * where the patient lives or how to reach them, whatever the role; the trace gives no postcode.
 * Nor the patient's relatives at any organisation (H165): the GP's, the hospital's and the council's
 * next of kin and carers lead straight to her, so they are withheld from every role, break-glass too.
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
  // Her relatives as each organisation records them: the GP's and the hospital's next of kin, the council's carer.
  await sendBatch('gp', 'P83005', [relative(NHS_NUMBER, 'nok-gp', 'Jean', '07700 900741')]);
  await sendBatch('acute', 'RM3', [relative(NHS_NUMBER, 'nok-hospital', 'Paul', '07700 900742')]);
  await sendBatch('social-care', 'LA351', [relative(NHS_NUMBER, 'carer-council', 'Lynne', '07700 900743')]);
});

/** A relative (FHIR RelatedPerson) named Haworth, with a phone and an address that would lead to the patient. */
function relative(nhsNumber: string, id: string, given: string, phone: string) {
  return {
    resource: {
      resourceType: 'RelatedPerson',
      id,
      meta: { versionId: '1', lastUpdated: '2026-10-02T09:00:00Z' },
      active: true,
      patient: patientReference(nhsNumber),
      name: [{ use: 'official', family: 'Haworth', given: [given] }],
      telecom: [{ system: 'phone', value: phone }],
      address: [{ line: ['12 Hidden Lane'], city: 'Bury', postalCode: 'BL8 1XX' }],
      relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] }],
    },
  };
}
/** Anything of a relative in an answer. */
const RELATIVES_LEAK = /Haworth|07700 90074|Hidden Lane|BL8 1XX/;

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

describe("a restricted record's relatives at every organisation (H165)", () => {
  const RELATIVES = ['gpRelatedPeople', 'hospitalRelatedPeople', 'mentalHealthRelatedPeople', 'communityRelatedPeople', 'carers'];
  const relativesQuery = (operation: string) => `query ${operation}($n: String!) { patient(nhsNumber: $n) { nhsNumber restricted ${RELATIVES.map((f) => `${f} { name phone relationships { text } }`).join(' ')} } }`;
  const RELATIVES_QUERY = relativesQuery('RestrictedRelatives');
  const withheldPaths = (errors: Array<{ path?: Array<string | number>; extensions?: Record<string, any> }> | undefined) =>
    (errors ?? []).filter((e) => e.extensions?.reason === 'restricted-record').map((e) => e.path?.join('.')).sort();

  it.each([
    ['gp', RELATIVES],
    // The receptionist may not see social care at all: the council's carers are refused for her role first.
    ['receptionist', RELATIVES.filter((f) => f !== 'carers')],
  ])('%s: every organisation\'s next of kin and carers withheld (FORBIDDEN_FIELD, restricted-record, saying why), nothing of them anywhere in the answer', async (user, withheld) => {
    const { data, errors } = await asUser(user).query(RELATIVES_QUERY, { n: NHS_NUMBER });
    expect(data?.patient).toMatchObject({ nhsNumber: NHS_NUMBER, restricted: true });
    for (const field of RELATIVES) expect(data?.patient?.[field]).toBeNull();
    expect(withheldPaths(errors)).toEqual(withheld.map((f) => `patient.${f}`).sort());
    for (const e of (errors ?? []).filter((e) => e.extensions?.reason === 'restricted-record')) {
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN_FIELD', field: `Patient.${e.path?.[1]}` });
      expect(e.message).toMatch(/^Withheld: this is a restricted record, so the patient's relatives and how to reach them/);
    }
    expect(JSON.stringify({ data, errors })).not.toMatch(RELATIVES_LEAK);
  });

  it('break-glass shows them to nobody either: an A&E locum with no care relationship declares an emergency and is still refused them', async () => {
    const locum = asUser('ae-locum');
    const declared = await locum.query('mutation($n: String!) { declareBreakGlass(nhsNumber: $n, reason: EMERGENCY_CARE, detail: "Unconscious on arrival, no history available") { id } }', { n: NHS_NUMBER });
    expect(declared.errors).toBeUndefined();
    const { data, errors } = await locum.query(RELATIVES_QUERY, { n: NHS_NUMBER });
    expect(data?.patient).toMatchObject({ nhsNumber: NHS_NUMBER, restricted: true });
    expect(withheldPaths(errors)).toEqual(RELATIVES.map((f) => `patient.${f}`).sort());
    expect(JSON.stringify({ data, errors })).not.toMatch(RELATIVES_LEAK);
  });

  it('the audit trail holds each withholding as a denial of that field, at each organisation, and none as viewed', async () => {
    const since = new Date(Date.now() - 1000);
    const { errors } = await asUser('gp').query(relativesQuery('RestrictedRelativesAudited'), { n: NHS_NUMBER });
    expect(withheldPaths(errors)).toHaveLength(RELATIVES.length);
    const events = await (await database('audit'))
      .collection('auditEvents')
      .find({ nhsNumber: NHS_NUMBER, operationName: /^RestrictedRelativesAudited/, 'user.id': 'demo-gp-aisha-rahman', at: { $gte: since } })
      .toArray();
    const denials = events.flatMap((e) => (e.denials as Array<{ coordinate: string; reason: string }>).map((d) => `${e.subgraph} ${d.coordinate} ${d.reason}`)).sort();
    expect(denials).toEqual(
      ['acute Patient.hospitalRelatedPeople', 'community Patient.communityRelatedPeople', 'gp Patient.gpRelatedPeople', 'mental-health Patient.mentalHealthRelatedPeople', 'social-care Patient.carers'].map((d) => `${d} FORBIDDEN_FIELD`),
    );
    expect(events.filter((e) => e.denied).map((e) => e.subgraph).sort()).toEqual(['acute', 'community', 'gp', 'mental-health', 'social-care']);
    expect(events.flatMap((e) => e.viewed as string[]).filter((c) => RELATIVES.some((f) => c === `Patient.${f}`))).toEqual([]);
  });

  it('the FHIR summary ($summary) gives none of her relatives either', async () => {
    const fhirBase = stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir');
    const response = await fetch(`${fhirBase}/Patient/${NHS_NUMBER}/$summary`, { headers: { authorization: `Bearer ${asUser('gp').token}`, accept: 'application/fhir+json' } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain(NHS_NUMBER);
    expect(text).not.toMatch(RELATIVES_LEAK);
    expect(text).not.toMatch(/BL9 7QZ|Refuge Row|07700 90073/);
  });

  it("an unrestricted patient's next of kin still show, at the GP and the hospital, to the same GP", async () => {
    const nhsNumber = '9990016518';
    await registerTestPatient({ id: 'nok-unrestricted', nhsNumber, family: 'Pickup', given: 'Arthur', gender: 'male', birthDate: '1951-06-02' });
    await sendBatch('gp', 'P83005', [relative(nhsNumber, 'nok-unrestricted-gp', 'Carol', '07700 900751')]);
    await sendBatch('acute', 'RM3', [relative(nhsNumber, 'nok-unrestricted-hospital', 'Dennis', '07700 900752')]);
    const { data, errors } = await asUser('gp').query(RELATIVES_QUERY, { n: nhsNumber });
    expect(errors).toBeUndefined();
    expect(data?.patient).toMatchObject({ restricted: false, gpRelatedPeople: [{ name: 'Carol Haworth', phone: '07700 900751' }], hospitalRelatedPeople: [{ name: 'Dennis Haworth', phone: '07700 900752' }] });
  });

  it('the flag follows the demographics source: turned off (a transaction without the label) her next of kin show again; turned on again (a batch) they are withheld again', async () => {
    const nhsNumber = '9990016526';
    const patientEntry = (version: string, lastUpdated: string, restricted: boolean) => ({
      fullUrl: 'urn:uuid:6f4d2c1a-9b3e-4f70-8a55-16526000000' + version,
      resource: {
        resourceType: 'Patient',
        id: 'pat-restriction-turns',
        meta: { versionId: version, lastUpdated, ...(restricted ? { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }] } : {}) },
        identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhsNumber }],
        name: [{ use: 'official', family: 'Greenhalgh', given: ['Molly'] }],
        gender: 'female',
        birthDate: '1979-12-20',
        address: [{ use: 'home', line: ['3 Mill Street'], city: 'Bury', postalCode: 'BL9 0AA' }],
        generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
      },
      request: { method: 'PUT', url: 'Patient/pat-restriction-turns' },
    });
    const look = async () => {
      const { data, errors } = await asUser('gp').query(`{ patient(nhsNumber: "${nhsNumber}") { restricted address { postcode } gpRelatedPeople { name phone } } }`);
      return { patient: data?.patient, withheld: withheldPaths(errors) };
    };
    await sendBatch('registry', 'P83005', [patientEntry('1', '2026-10-01T09:00:00Z', true)]);
    await sendBatch('gp', 'P83005', [relative(nhsNumber, 'nok-turns', 'Derek', '07700 900761')]);
    expect(await look()).toEqual({ patient: { restricted: true, address: null, gpRelatedPeople: null }, withheld: ['patient.address', 'patient.gpRelatedPeople'] });

    const env = { ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) };
    const off = await sendBundle('registry', 'P83005', JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: [patientEntry('2', '2026-10-05T09:00:00Z', false)] }), env);
    expect(off.status).toBe(200);
    expect(await look()).toEqual({ patient: { restricted: false, address: { postcode: 'BL9 0AA' }, gpRelatedPeople: [{ name: 'Derek Haworth', phone: '07700 900761' }] }, withheld: [] });

    await sendBatch('registry', 'P83005', [patientEntry('3', '2026-10-09T09:00:00Z', true)]);
    expect(await look()).toEqual({ patient: { restricted: true, address: null, gpRelatedPeople: null }, withheld: ['patient.address', 'patient.gpRelatedPeople'] });
    // An older version sent late changes nothing.
    await sendBatch('registry', 'P83005', [patientEntry('2', '2026-10-05T09:00:00Z', false)]);
    expect((await look()).withheld).toEqual(['patient.address', 'patient.gpRelatedPeople']);

    // A record stored before the access record kept the flag: not known, so withheld, saying so; an
    // older version sent late then gives the index's flag (restricted), never its own.
    await (await database('registry')).collection('patientAccess').updateOne({ _id: nhsNumber as never }, { $unset: { restriction: '' } });
    const unknown = await asUser('gp').query(`{ patient(nhsNumber: "${nhsNumber}") { gpRelatedPeople { name } } }`);
    expect(unknown.data?.patient.gpRelatedPeople).toBeNull();
    expect(unknown.errors?.map((e) => [e.extensions?.reason, e.extensions?.restriction, e.message.slice(0, 58)])).toEqual([['restricted-record', 'unknown', 'Withheld: whether this record is restricted is not known y']]);
    await sendBatch('registry', 'P83005', [patientEntry('1', '2026-10-01T09:00:00Z', false)]);
    const stored = await (await database('registry')).collection('patientAccess').findOne({ _id: nhsNumber as never });
    expect(stored?.restriction).toEqual({ restricted: true, versionKey: expect.stringMatching(/^2026-10-09T09:00:00.000Z\|/) });
    expect((await look()).withheld).toEqual(['patient.address', 'patient.gpRelatedPeople']);
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
    expect(text).not.toMatch(/BL9 7QZ|Refuge Row|07700 90073|Haworth|07700 90074/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(banner, 'viewer-banner-restricted');
    await screenshot(demographics, 'panel-demographics-restricted');
    await page.context().close();
  });
});
