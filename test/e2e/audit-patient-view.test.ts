import { patientToken } from '../../tools/src/demo/tokens';
import { asUser, DANIEL, gatewayPost, MARGARET } from '../support/clients';

/** The patient's own view: who has looked at my record, for a patient token only (issue 13.7). */

const asPatient = (nhsNumber: string, query: string) => gatewayPost({ authorization: `Bearer ${patientToken(nhsNumber)}` }, query);
const MINE = '{ myRecordAccess { organisation role firstLook lastLook looks whatWasSeen emergencyAccess summary } }';

describe('a patient sees who has looked at their own record', () => {
  beforeAll(async () => {
    // Looks at both records, so each patient has something of their own and something to be kept from.
    expect((await asUser('gp').query('query($n: String!) { patient(nhsNumber: $n) { name { text } medications { id } } }', { n: MARGARET() })).errors).toBeUndefined();
    const daniel = await asUser('other-gp').query('query($n: String!) { patient(nhsNumber: $n) { name { text } } }', { n: DANIEL() });
    expect(daniel.data).toBeDefined();
  });

  it('lists organisations and roles in plain words, without staff names', async () => {
    const response = await asPatient(MARGARET(), MINE);
    expect(response.errors).toBeUndefined();
    const rows = response.data.myRecordAccess as any[];
    const gp = rows.find((r) => r.organisation === 'Bury Central Medical Practice' && r.role === 'Clinical Practitioner Access Role');
    expect(gp.whatWasSeen).toContain('Medications');
    expect(gp.summary).toMatch(/^Someone at Bury Central Medical Practice \(Clinical Practitioner Access Role\) looked at your record/);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Rahman');
    expect(text).not.toContain('demo-gp');
  });

  it('sees only their own record\'s looks: the same organisations and roles the privacy office sees for them', async () => {
    for (const nhsNumber of [MARGARET(), DANIEL()]) {
      const mine = ((await asPatient(nhsNumber, MINE)).data.myRecordAccess as any[]).map((r) => `${r.organisation}|${r.role}|${r.looks}`).sort();
      const summary = (await asUser('privacy-officer').query('query($n: String!) { recordAccessSummary(nhsNumber: $n) { organisationName roleName requests } }', { n: nhsNumber })).data.recordAccessSummary as any[];
      // The privacy officer's question just now is itself a look at the patient's audit, so compare before it.
      const office = summary.filter((r) => r.roleName !== 'Privacy Officer').map((r) => `${r.organisationName}|${r.roleName}|${r.requests}`).sort();
      expect(mine.filter((row) => !row.includes('|Privacy Officer|'))).toEqual(office);
    }
  });

  it('gets nothing else: not the record, not the access log; and staff cannot ask as a patient', async () => {
    const record = await asPatient(MARGARET(), `{ patient(nhsNumber: "${MARGARET()}") { name { text } } }`);
    expect(['FORBIDDEN_FIELD', 'FORBIDDEN_ACTION']).toContain(record.errors?.[0].extensions?.code);
    const log = await asPatient(MARGARET(), '{ accessLog { events { id } } }');
    expect(log.errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
    const staff = await asUser('privacy-officer').query(MINE);
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN_FIELD');
  });
});
