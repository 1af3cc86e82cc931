/// <reference types="fhir" />
import { asUser, closeDatabases } from '../support/clients';
import { stackInfo } from '../support/stackInfo';
import { findDemoUser } from '../../tools/src/demo/users';
import { userToken } from '../../tools/src/demo/tokens';
import { basedOnBundle } from '../support/basedOnBundle';
import { registerTestPatient, sendBatch } from '../support/testPatient';

/**
 * A statement and the prescription it is based on are one medicine (H180-H182), through the real
 * GP feed, the GP subgraph, the combined record and the gateway's FHIR API. A GP extract sends each
 * repeat as a MedicationRequest (the authorisation) and a MedicationStatement whose basedOn names it
 * (the course): the record must not show two medicines. Ramipril the practice stopped in October
 * (the statement, changed last) while its authorisation still reads "active": one medicine, not
 * current, the difference said. Omeprazole: a statement based on its prescription by urn:uuid, the
 * two giving different dosage words: one current medicine carrying both. Amlodipine: a statement
 * whose basedOn names a prescription the record does not hold: stays as it was.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990012008';
const GP = 'Bury Central Medical Practice';

const id = (type: string, sourceId: string) => `P83005/${type}/${sourceId}`;
const MEDICINE = 'id kind status current dosage basedOn priorPrescription sameMedicineAs courseDisagreement medication { code }';
const QUERY = `query($n: String!) { patient(nhsNumber: $n) {
  medications { ${MEDICINE} }
  combinedMedications { items { id medication { code } current disagreement sources { ${MEDICINE} } } }
} }`;

describe('a GP extract with prescriptions and the statements based on them', () => {
  beforeAll(async () => {
    await registerTestPatient({ id: 'pat-based-on-e2e', nhsNumber: NHS_NUMBER, family: 'Ashworth', given: 'Harold', gender: 'male', birthDate: '1949-04-02' });
    await sendBatch('gp', 'P83005', basedOnBundle(NHS_NUMBER));
  });

  it("the GP's list keeps every entry, links each pair as one medicine, and reads the pair's current from the newer entry", async () => {
    const response = await asUser('gp').query(QUERY, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const byId = new Map<string, any>(response.data.patient.medications.map((m: any) => [m.id, m]));
    expect([...byId.keys()].sort()).toEqual([id('MedicationRequest', 'omep-auth'), id('MedicationRequest', 'ram-auth'), id('MedicationStatement', 'aml-course'), id('MedicationStatement', 'omep-course'), id('MedicationStatement', 'ram-course')].sort());
    // basedOn resolved to the item id it names: by Type/id, by urn:uuid in the bundle, and to a prescription not held.
    expect(byId.get(id('MedicationStatement', 'ram-course')).basedOn).toEqual([id('MedicationRequest', 'ram-auth')]);
    expect(byId.get(id('MedicationStatement', 'omep-course')).basedOn).toEqual([id('MedicationRequest', 'omep-auth')]);
    expect(byId.get(id('MedicationStatement', 'aml-course'))).toMatchObject({ basedOn: [id('MedicationRequest', 'aml-auth-not-sent')], sameMedicineAs: [], current: true, courseDisagreement: null });
    // Ramipril: stopped by the newer statement; the authorisation still "active" at the source, not current.
    expect(byId.get(id('MedicationStatement', 'ram-course'))).toMatchObject({ status: 'stopped', current: false, sameMedicineAs: [id('MedicationRequest', 'ram-auth')] });
    expect(byId.get(id('MedicationRequest', 'ram-auth'))).toMatchObject({ status: 'active', current: false, sameMedicineAs: [id('MedicationStatement', 'ram-course')] });
    expect(byId.get(id('MedicationRequest', 'ram-auth')).courseDisagreement).toBe(
      `${GP} records one medicine twice and they differ: the statement (stopped, as of 20 Oct 2026), the prescription it is based on (active, as of 1 Mar 2026); the statement is newer and decides: not current`,
    );
    // Omeprazole: current, both entries, each with its own dosage.
    expect(byId.get(id('MedicationRequest', 'omep-auth'))).toMatchObject({ current: true, dosage: 'One capsule twice a day for four weeks', sameMedicineAs: [id('MedicationStatement', 'omep-course')], courseDisagreement: null });
    // Each pair listed together.
    const order = response.data.patient.medications.map((m: any) => m.id);
    expect(Math.abs(order.indexOf(id('MedicationRequest', 'ram-auth')) - order.indexOf(id('MedicationStatement', 'ram-course')))).toBe(1);
    expect(Math.abs(order.indexOf(id('MedicationRequest', 'omep-auth')) - order.indexOf(id('MedicationStatement', 'omep-course')))).toBe(1);
  });

  it('the combined medications: one item per medicine, with both entries and both dosages; the stopped pair not current, the difference said', async () => {
    const response = await asUser('gp').query(QUERY, { n: NHS_NUMBER });
    expect(response.errors).toBeUndefined();
    const items = response.data.patient.combinedMedications.items;
    expect(items.map((i: any) => [i.medication.code, i.current, i.sources.map((s: any) => s.kind)])).toEqual([
      ['317249006', true, ['statement', 'request']],
      ['319283006', true, ['statement']],
      ['318896004', false, ['statement', 'request']],
    ]);
    const omeprazole = items[0];
    expect(omeprazole.sources.map((s: any) => s.dosage)).toEqual(['One capsule twice a day', 'One capsule twice a day for four weeks']);
    expect(omeprazole.disagreement).toBeNull();
    const ramipril = items[2];
    expect(ramipril.sources.map((s: any) => [s.status, s.dosage])).toEqual([['stopped', 'One capsule in the morning'], ['active', 'One capsule once a day']]);
    expect(ramipril.disagreement).toBe(`${GP} records one medicine twice and they differ: the statement (stopped, as of 20 Oct 2026), the prescription it is based on (active, as of 1 Mar 2026); the statement is newer and decides: not current`);
  });

  it('the FHIR API: the statement names the prescription it is one medicine with (basedOn), and the summary says so', async () => {
    const base = stackInfo().gatewayUrl.replace(/\/graphql$/, '/fhir');
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${userToken(findDemoUser('gp'))}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as fhir4.Bundle;
    };
    const statements = await get(`/MedicationStatement?patient=${NHS_NUMBER}`);
    const requests = await get(`/MedicationRequest?patient=${NHS_NUMBER}`);
    const requestIds = new Map((requests.entry ?? []).map((e) => [(e.resource as fhir4.MedicationRequest).medicationCodeableConcept?.coding?.[0].code, e.resource!.id]));
    const ramipril = (statements.entry ?? []).map((e) => e.resource as fhir4.MedicationStatement).find((s) => s.medicationCodeableConcept?.coding?.[0].code === '318896004')!;
    expect(ramipril.status).toBe('stopped');
    expect(ramipril.basedOn).toEqual([{ reference: `MedicationRequest/${requestIds.get('318896004')}` }]);
    const amlodipine = (statements.entry ?? []).map((e) => e.resource as fhir4.MedicationStatement).find((s) => s.medicationCodeableConcept?.coding?.[0].code === '319283006')!;
    expect(amlodipine.basedOn).toBeUndefined();

    // The authorisation the newer statement stopped: its status the source's own ("active"), the record's reading said beside it,
    // in the resource (a note) and in the search answer (an outcome warning naming it), so an "active" search never reads it as current alone.
    const disagreement = `${GP} records one medicine twice and they differ: the statement (stopped, as of 20 Oct 2026), the prescription it is based on (active, as of 1 Mar 2026); the statement is newer and decides: not current`;
    expect(ramipril.note).toEqual([{ text: disagreement }]);
    const active = await get(`/MedicationRequest?patient=${NHS_NUMBER}&status=active`);
    const matched = (active.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource as fhir4.MedicationRequest);
    const ramAuth = matched.find((r) => r.medicationCodeableConcept?.coding?.[0].code === '318896004')!;
    expect(ramAuth).toMatchObject({ status: 'active', note: [{ text: disagreement }] });
    const outcome = (active.entry ?? []).find((e) => e.search?.mode === 'outcome')?.resource as fhir4.OperationOutcome;
    expect(outcome.issue).toEqual([{ severity: 'warning', code: 'business-rule', diagnostics: `MedicationRequest/${ramAuth.id}: ${disagreement}` }]);
    // The omeprazole pair agrees: no note, no warning.
    expect(matched.find((r) => r.medicationCodeableConcept?.coding?.[0].code === '317249006')?.note).toBeUndefined();

    const summary = await get(`/Patient/${NHS_NUMBER}/$summary`);
    const medicines = (summary.entry![0].resource as fhir4.Composition).section!.find((s) => s.code?.coding?.[0].code === '10160-0')!;
    expect(medicines.text!.div).toContain('the statement of one medicine recorded as a statement and the prescription it is based on');
    expect(medicines.text!.div).toContain('the statement is newer and decides: not current');
  });
});
