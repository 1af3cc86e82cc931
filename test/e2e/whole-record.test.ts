import { AISHA, asUser, closeDatabases, DANIEL, MARGARET } from '../support/clients';

/**
 * The content a new user sees at `npm start`: the demo patients' synthetic feeds, seeded through
 * the real feed endpoints, read back through the gateway by the users who care for them. The
 * generator's unit tests check the FHIR; this checks that it arrives in the panels the viewer reads.
 */

afterAll(closeDatabases);

const CONCEPT = 'code { system code display }';
/** Every coding: the record leads with SNOMED CT where a source sends it beside LOINC. */
const CODINGS = 'code { code coding { system code } }';
const hasCode = (o: { code: { coding: { code: string }[] } }, code: string) => o.code.coding.some((c) => c.code === code);

describe('the whole record of the demo patients, through the gateway', () => {
  it('Margaret: her GP and the hospital both hold the penicillin allergy under one code; the hospital’s diagnosis and the hip replacement done for it', async () => {
    const response = await asUser('gp').query(
      `query Whole($nhsNumber: String!) {
        patient(nhsNumber: $nhsNumber) {
          allergies { ${CONCEPT} criticality current provenance { odsCode } }
          hospitalAllergies { ${CONCEPT} criticality reaction current provenance { odsCode } }
          hospitalDiagnoses { id ${CONCEPT} current category { code } bodySite { code text } }
          hospitalProcedures { ${CONCEPT} status performedDate performers reasons { code display } bodySite { code text } provenance { odsCode } }
        }
      }`,
      { nhsNumber: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    const gpPenicillin = patient.allergies.find((a: any) => a.code.code === '91936005');
    expect(gpPenicillin).toMatchObject({ criticality: 'high', current: true, provenance: { odsCode: 'P83005' } });
    expect(patient.hospitalAllergies).toEqual([
      { code: gpPenicillin.code, criticality: 'high', reaction: 'Anaphylaxis', current: true, provenance: { odsCode: 'RM3' } },
    ]);
    expect(patient.hospitalDiagnoses).toEqual([
      expect.objectContaining({ code: expect.objectContaining({ code: '5913000' }), current: true, category: [{ code: 'encounter-diagnosis' }], bodySite: [{ code: '29836001', text: 'Left hip' }] }),
    ]);
    expect(patient.hospitalProcedures).toEqual([
      {
        code: { system: 'http://snomed.info/sct', code: '52734007', display: 'Total hip replacement' },
        status: 'completed',
        performedDate: '2026-10-30T14:10:00Z',
        performers: ['Mr J Hargreaves'],
        // The reason the hospital sent as a reference to its diagnosis, read as that diagnosis.
        reasons: [{ code: '5913000', display: 'Fracture of neck of femur' }],
        bodySite: [{ code: '29836001', text: 'Left hip' }],
        provenance: { odsCode: 'RM3' },
      },
    ]);
  });

  it('Margaret: blood pressure readings with systolic and diastolic components, weights in kg and her smoking status among the GP’s observations', async () => {
    const response = await asUser('gp').query(
      `query Observations($nhsNumber: String!) {
        patient(nhsNumber: $nhsNumber) {
          observations { ${CODINGS} category effectiveDate value unit codeIsFinding components { code { code } value { text } } result { concept { code display } } }
        }
      }`,
      { nhsNumber: MARGARET() },
    );
    expect(response.errors).toBeUndefined();
    const observations: any[] = response.data.patient.observations;
    const pressures = observations.filter((o) => hasCode(o, '85354-9')).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
    expect(pressures.map((o) => [o.category, o.value, o.components.map((c: any) => `${c.code.code} ${c.value.text}`)])).toEqual([
      ['Vital Signs', null, ['8480-6 148 mmHg', '8462-4 84 mmHg']],
      ['Vital Signs', null, ['8480-6 142 mmHg', '8462-4 80 mmHg']],
      ['Vital Signs', null, ['8480-6 138 mmHg', '8462-4 78 mmHg']],
    ]);
    const weights = observations.filter((o) => hasCode(o, '29463-7')).map((o) => `${o.value} ${o.unit}`).sort();
    expect(weights).toEqual(['58.9 kg', '60.4 kg', '61.2 kg']);
    expect(observations.filter((o) => hasCode(o, '72166-2')).map((o) => [o.category, o.result.concept])).toEqual([
      ['Social History', { code: '266919005', display: 'Never smoked tobacco' }],
    ]);
  });

  it('Daniel: the mental health trust’s diagnosis of depressive disorder and his PHQ-9 scores', async () => {
    const response = await asUser('mh-clinician').query(
      `query MentalHealth($nhsNumber: String!) {
        patient(nhsNumber: $nhsNumber) {
          mentalHealthDiagnoses { ${CONCEPT} current provenance { odsCode } }
          mentalHealthObservations { ${CODINGS} category value effectiveDate }
        }
      }`,
      { nhsNumber: DANIEL() },
    );
    expect(response.errors).toBeUndefined();
    const patient = response.data.patient;
    expect(patient.mentalHealthDiagnoses).toEqual([{ code: { system: 'http://snomed.info/sct', code: '35489007', display: 'Depressive disorder' }, current: true, provenance: { odsCode: 'RT2' } }]);
    const scores = [...patient.mentalHealthObservations].sort((a: any, b: any) => a.effectiveDate.localeCompare(b.effectiveDate));
    expect(scores.map((o: any) => [o.code.coding.map((c: any) => `${c.system} ${c.code}`), o.category, o.value, o.effectiveDate.slice(0, 10)])).toEqual(
      [
        ['21', '2024-11-18'],
        ['16', '2025-06-02'],
        ['12', '2026-10-12'],
      ].map(([value, date]) => [['http://loinc.org 44261-6', 'http://snomed.info/sct 720433000'], 'Survey', value, date]),
    );
  });

  it('Aisha: "no known allergies" from her GP is a statement the record shows, never an allergy', async () => {
    // The trust's A&E doctor may open her record: she has an outpatient booking there.
    const response = await asUser('ae-doctor').query(
      `query Allergies($nhsNumber: String!) {
        patient(nhsNumber: $nhsNumber) {
          allergies { id }
          noKnownAllergies { ${CONCEPT} scope current provenance { odsCode } }
        }
      }`,
      { nhsNumber: AISHA() },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.patient.allergies).toEqual([]);
    expect(response.data.patient.noKnownAllergies).toEqual([
      { code: { system: 'http://snomed.info/sct', code: '716186003', display: 'No known allergy' }, scope: 'all', current: true, provenance: { odsCode: 'P85004' } },
    ]);
  });
});
