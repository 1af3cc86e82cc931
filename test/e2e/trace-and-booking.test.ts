import { randomUUID } from 'node:crypto';
import { AISHA, asUser, closeDatabases, database, gatewayPost, MARGARET } from '../support/clients';

afterAll(closeDatabases);
import { findDemoUser } from '../../tools/src/demo/users';

describe('a patient trace is audited as a disclosure', () => {
  it('records each NHS number it returned, with the identifying fields, against the user', async () => {
    const requestId = `trace-${randomUUID()}`;
    const user = asUser('receptionist');
    const response = await gatewayPost(
      { authorization: `Bearer ${user.token}`, 'x-request-id': requestId },
      '{ patientSearch(familyName: "ashworth", birthDate: "1944-03-12", postcode: "BL9 6PJ") { nhsNumber name { text } birthDate postcode } }',
    );
    expect(response.errors).toBeUndefined();
    const disclosed = (response.data.patientSearch as Array<{ nhsNumber: string }>).map((m) => m.nhsNumber);
    expect(disclosed).toContain(MARGARET());

    const events = await (await database('audit')).collection('auditEvents').find({ requestId, subgraph: 'registry' }).toArray();
    const receptionist = findDemoUser('receptionist');
    for (const nhsNumber of disclosed) {
      const event = events.find((e) => e.nhsNumber === nhsNumber);
      expect(event).toBeDefined();
      expect(event!.user.id).toBe(receptionist.userId);
      expect(event!.viewed).toEqual(expect.arrayContaining(['PatientMatch.nhsNumber', 'PatientMatch.name', 'PersonName.text', 'PatientMatch.birthDate', 'PatientMatch.postcode']));
    }
    // The search itself stays recorded too, with no patient attached.
    expect(events.some((e) => e.nhsNumber === null && e.viewed.includes('Query.patientSearch'))).toBe(true);
  });
});

describe('demo data forms the relationships the README promises', () => {
  it('the outpatient booking at the trust lets its A&E doctor open Aisha Begum', async () => {
    const response = await asUser('ae-doctor').query(`{ patient(nhsNumber: "${AISHA()}") { name { text } careRelationships { organisation { odsCode } kind } outpatientAppointments { id } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.careRelationships).toContainEqual({ organisation: { odsCode: 'RM3' }, kind: 'outpatient' });
    expect(response.data.patient.outpatientAppointments.length).toBeGreaterThan(0);
  });
});
