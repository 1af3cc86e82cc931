/// <reference types="fhir" />
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { acuteResources, supportingEntries } from '../fixtures/acute/ukCore';
import { medicineEntries, medicineResources } from '../fixtures/acute/medicines';
import { asUser, closeDatabases } from '../support/clients';
import { stackInfo } from '../support/stackInfo';

/**
 * The hospital feed end to end: a UK Core bundle (test/fixtures/acute/ukCore.ts) through the real
 * acute feed endpoint, read back through the gateway by the A&E doctor, kept whole and with its
 * statuses told truly; then a correction (entered-in-error) and a cancellation.
 */

afterAll(closeDatabases);

const NHS_NUMBER = '9990000417';
const PATIENT = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER } };
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });
const batch = (entry: unknown[]) => JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry });
async function send(target: string, odsCode: string, entry: unknown[]) {
  const response = await sendBundle(target, odsCode, batch(entry), env());
  expect({ status: response.status, errors: response.issues.filter((i) => i.severity === 'error') }).toEqual({ status: 200, errors: [] });
  return response.summary;
}

const r = acuteResources(PATIENT, 'e2e-');
const bySource = (items: any[], sourceId: string) => items.find((i) => i.provenance.sourceId === sourceId);

const RECORD = `query($n: String!) { patient(nhsNumber: $n) {
  testResults { id status current value reportName abnormal effectiveDate issued memberIds
    components { code { code } value { type text quantity { value unit code } } interpretations { code } }
    dataAbsentReason { code text } referenceRanges { text } provenance { sourceId } }
  testReports { status current name conclusion conclusionCodes { code } presentedForms { title url inline } resultIds results { code { code } value } provenance { sourceId } }
  admissions { status current class { code } admitted discharged ward consultant
    participants { type { code } individual } locations { location status }
    hospitalisation { admissionMethod { code } dischargeMethod { code } dischargeDisposition { code } } provenance { sourceId } }
  otherEncounters { class { code } start hospitalisation { outcomeOfAttendance { code } } provenance { sourceId } }
  outpatientAppointments { status current site clinician participants { actorType actor status } provenance { sourceId } }
  dischargeSummaries { title status current docStatus summary sections { title text tables { rows { cells } } } attachments { url inline } provenance { sourceId } }
} }`;

async function openRecord() {
  const response = await asUser('ae-doctor').query(RECORD, { n: NHS_NUMBER });
  expect(response.errors).toBeUndefined();
  return response.data.patient;
}

describe('acute feed: UK Core resources through the feed and the gateway', () => {
  beforeAll(async () => {
    await send('registry', 'P83005', [
      {
        resource: {
          resourceType: 'Patient',
          id: 'pat-acute-e2e',
          meta: { versionId: '1', lastUpdated: '2025-04-01T09:00:00Z' },
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS_NUMBER }],
          name: [{ use: 'official', family: 'Wardley', given: ['Edith'] }],
          gender: 'female',
          birthDate: '1941-02-11',
          generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
        },
      },
    ]);
    // The spell the registry reads for the care relationship (the hospital's own feed to it).
    await send('registry', 'RM3', [{ resource: { ...r.admission, status: 'in-progress', period: { start: r.admission.period!.start } } }]);
    const accepted = await send('acute', 'RM3', [...supportingEntries(), ...Object.values(r).map((resource) => ({ resource }))]);
    expect(accepted).toMatch(/created 13/);
  });

  it('results: a blood pressure with its components, a panel with its members, an absent value with its reason, results under their report', async () => {
    const patient = await openRecord();
    expect(bySource(patient.testResults, 'e2e-obs-bp')).toMatchObject({
      status: 'final',
      current: true,
      value: null,
      abnormal: true,
      components: [
        { code: { code: '72313002' }, value: { type: 'Quantity', text: '168 millimeter of mercury', quantity: { value: 168, unit: 'millimeter of mercury', code: 'mm[Hg]' } }, interpretations: [{ code: 'H' }] },
        { code: { code: '1091811000000102' }, value: { text: '92 millimeter of mercury' }, interpretations: [] },
      ],
    });
    expect(bySource(patient.testResults, 'e2e-obs-fbc').memberIds).toEqual(['RM3/Observation/e2e-obs-hb', 'RM3/Observation/e2e-obs-wcc']);
    expect(bySource(patient.testResults, 'e2e-obs-hb')).toMatchObject({ value: '102', reportName: 'Full blood count', referenceRanges: [{ text: '130 - 180 g/L' }, { text: '115 - 165 g/L' }] });
    expect(bySource(patient.testResults, 'e2e-obs-wcc')).toMatchObject({ effectiveDate: null, issued: '2025-04-28T16:40:00Z' });
    expect(bySource(patient.testResults, 'e2e-obs-k')).toMatchObject({ value: null, dataAbsentReason: { code: 'error', text: 'Sample haemolysed' } });
    expect(bySource(patient.testReports, 'e2e-rep-fbc')).toEqual({
      status: 'final',
      current: true,
      name: 'Full blood count',
      conclusion: 'Mild normocytic anaemia with a raised white cell count.',
      conclusionCodes: [{ code: '271737000' }],
      presentedForms: [{ title: 'Full blood count report', url: 'https://results.example-trust.nhs.uk/reports/rep-fbc.pdf', inline: false }],
      resultIds: ['RM3/Observation/e2e-obs-fbc', 'RM3/Observation/e2e-obs-hb', 'RM3/Observation/e2e-obs-wcc'],
      results: [{ code: { code: '26604007' }, value: null }, { code: { code: '718-7' }, value: '102' }, { code: { code: '6690-2' }, value: '11.1' }],
      provenance: { sourceId: 'e2e-rep-fbc' },
    });
  });

  it('encounters: the spell with every participant, location and UK Core method; the outpatient attendance (AMB) apart', async () => {
    const patient = await openRecord();
    expect(bySource(patient.admissions, 'e2e-enc-spell')).toEqual({
      status: 'finished',
      current: false,
      class: { code: 'IMP' },
      admitted: '2025-04-28T14:10:00Z',
      discharged: '2025-05-03T09:00:00Z',
      ward: 'Ward 7, Fairfield General Hospital',
      consultant: 'Dr Sandra Gose, Dr A Patel',
      participants: [
        { type: [{ code: 'ATND' }], individual: 'Dr Sandra Gose' },
        { type: [{ code: 'ADM' }], individual: 'Dr A Patel' },
      ],
      locations: [
        { location: 'Acute Medical Unit, Fairfield General Hospital', status: 'completed' },
        { location: 'Ward 7, Fairfield General Hospital', status: 'completed' },
      ],
      hospitalisation: { admissionMethod: { code: '21' }, dischargeMethod: { code: '1' }, dischargeDisposition: { code: '19' } },
      provenance: { sourceId: 'e2e-enc-spell' },
    });
    expect(patient.otherEncounters).toEqual([{ class: { code: 'AMB' }, start: '2025-06-10T09:30:00Z', hospitalisation: { outcomeOfAttendance: { code: '1' } }, provenance: { sourceId: 'e2e-enc-amb' } }]);
  });

  it('appointments: the site is the location and the clinician the practitioner; a did-not-attend is not current', async () => {
    const patient = await openRecord();
    expect(bySource(patient.outpatientAppointments, 'e2e-appt-ortho')).toMatchObject({
      status: 'booked',
      current: true,
      site: 'Orthopaedic Outpatients, Rochdale Infirmary',
      clinician: 'Dr Sandra Gose',
      participants: [
        { actorType: 'Patient', actor: null, status: 'accepted' },
        { actorType: 'Practitioner', actor: 'Dr Sandra Gose', status: 'accepted' },
        { actorType: 'Location', actor: 'Orthopaedic Outpatients, Rochdale Infirmary', status: 'accepted' },
      ],
    });
    expect(bySource(patient.outpatientAppointments, 'e2e-appt-dna')).toMatchObject({ status: 'noshow', current: false });
  });

  it('documents: sections and tables kept; the superseded letter after the current one; then entered-in-error removes the letter and a cancelled result is no longer current', async () => {
    const patient = await openRecord();
    expect(bySource(patient.dischargeSummaries, 'e2e-comp-ds').sections[1]).toEqual({
      title: 'Medications and medical devices',
      text: 'Changes made in hospital:',
      tables: [
        { rows: [{ cells: ['Medication name', 'Alendronic acid 70mg tablets'] }, { cells: ['Dose directions description', 'One tablet once a week'] }, { cells: ['Status', 'Started'] }] },
        { rows: [{ cells: ['Medication name', 'Ramipril 2.5mg tablets'] }, { cells: ['Status', 'Continued'] }] },
      ],
    });
    expect(bySource(patient.dischargeSummaries, 'e2e-doc-letter')).toMatchObject({ status: 'current', current: true, docStatus: 'final', attachments: [{ url: 'https://documents.example-trust.nhs.uk/letters/doc-letter.pdf', inline: false }] });
    const order = (patient.dischargeSummaries as any[]).map((d) => d.current);
    expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)));
    expect(bySource(patient.dischargeSummaries, 'e2e-doc-letter-old')).toMatchObject({ status: 'superseded', current: false });

    const later = (resource: any, changes: object) => ({ resource: { ...resource, ...changes, meta: { versionId: '2', lastUpdated: '2025-06-12T09:00:00Z' } } });
    expect(await send('acute', 'RM3', [later(r.letter, { status: 'entered-in-error' }), later(r.potassium, { status: 'cancelled' })])).toMatch(/^Accepted: (deleted 1, updated 1|updated 1, deleted 1)\.$/);
    const after = await openRecord();
    expect(bySource(after.dischargeSummaries, 'e2e-doc-letter')).toBeUndefined();
    expect(bySource(after.testResults, 'e2e-obs-k')).toMatchObject({ status: 'cancelled', current: false });
    expect((after.testResults as any[]).at(-1).provenance.sourceId).toBe('e2e-obs-k');
  });
});

describe('acute feed: dispensed and administered medicines through the feed and the gateway', () => {
  const MEDICINES_PATIENT = '9990004226';
  const patient = { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: MEDICINES_PATIENT } };
  const m = medicineResources(patient, 'e2e-');
  const MEDICINES = `query($n: String!) { patient(nhsNumber: $n) {
    medicationDispenses { status supplied current statusReason { code } medication { code display } quantity { value unit } daysSupply { value unit }
      whenPrepared whenHandedOver dosageInstructions { sequence text dose timing route { code } } performers { function { code } actor } prescriptions
      substitution { wasSubstituted } notes provenance { sourceId } }
    medicationAdministrations { status given notGiven statusReasons { code display } medication { code } effective effectiveEnd
      dosage { text route { code } dose { value unit } rate } performers { actor } reasons { code } prescription provenance { sourceId } }
  } }`;
  async function openMedicines() {
    const response = await asUser('ae-doctor').query(MEDICINES, { n: MEDICINES_PATIENT });
    expect(response.errors).toBeUndefined();
    return response.data.patient;
  }

  beforeAll(async () => {
    await send('registry', 'P83005', [
      {
        resource: {
          resourceType: 'Patient',
          id: 'pat-acute-medicines-e2e',
          meta: { versionId: '1', lastUpdated: '2025-04-01T09:00:00Z' },
          identifier: [patient.identifier],
          name: [{ use: 'official', family: 'Pennington', given: ['Harold'] }],
          gender: 'male',
          birthDate: '1938-07-19',
          generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
        },
      },
    ]);
    await send('registry', 'RM3', [{ resource: { ...r.admission, id: 'e2e-adm-medicines', subject: patient, status: 'in-progress', period: { start: r.admission.period!.start } } }]);
    expect(await send('acute', 'RM3', [...medicineEntries(), ...Object.values(m).map((resource) => ({ resource }))])).toMatch(/created 5/);
  });

  it('a dispense with both its dosage lines, its quantities and who checked it; a cancelled one not supplied', async () => {
    const { medicationDispenses } = await openMedicines();
    expect(medicationDispenses.map((d: any) => d.provenance.sourceId)).toEqual(['e2e-md-metformin', 'e2e-md-cancelled']);
    expect(medicationDispenses[0]).toMatchObject({
      status: 'completed',
      supplied: true,
      current: true,
      medication: { code: '39720311000001101', display: 'Metformin 500mg tablets' },
      quantity: { value: 56, unit: 'tablet' },
      daysSupply: { value: 28, unit: 'day' },
      whenPrepared: '2025-05-02T09:30:00+01:00',
      whenHandedOver: '2025-05-02T10:45:00+01:00',
      dosageInstructions: [
        { sequence: 1, text: 'Two tablets in the morning with breakfast', dose: '2 tablet', timing: 'once a day (with breakfast)', route: { code: '26643006' } },
        { sequence: 2, text: 'One tablet in the evening with food', dose: '1 tablet', timing: 'once a day (with the evening meal)', route: { code: '26643006' } },
      ],
      performers: [{ function: { code: 'finalchecker' }, actor: 'Grace Okafor' }],
      prescriptions: ['Metformin 500mg tablets, inpatient prescription 28 Apr 2025'],
      substitution: { wasSubstituted: false },
      notes: ['Counselled on taking with food.'],
    });
    expect(medicationDispenses[1]).toMatchObject({ status: 'cancelled', supplied: false, current: false, statusReason: { code: 'outofstock' }, whenHandedOver: null });
  });

  it('administrations newest first: the infusion running, the dose not given with its reason, the dose given with route, dose and rate', async () => {
    const { medicationAdministrations } = await openMedicines();
    expect(medicationAdministrations.map((a: any) => [a.provenance.sourceId, a.status, a.given, a.notGiven])).toEqual([
      ['e2e-ma-morphine', 'in_progress', false, false],
      ['e2e-ma-declined', 'not_done', false, true],
      ['e2e-ma-amoxicillin', 'completed', true, false],
    ]);
    expect(medicationAdministrations[0]).toMatchObject({ effective: '2025-04-30T05:00:00Z', effectiveEnd: null, dosage: { rate: '10 mg per 24 h', dose: null, route: { code: '34206005' } } });
    expect(medicationAdministrations[1]).toMatchObject({ statusReasons: [{ code: '182895007', display: 'Drug declined by patient' }], prescription: 'Paracetamol 1g four times a day', dosage: null });
    expect(medicationAdministrations[2]).toMatchObject({
      medication: { code: '372687004' },
      effective: '2025-04-29T08:00:00+01:00',
      dosage: { text: '1 g IV over 30 minutes', route: { code: '47625008' }, dose: { value: 1, unit: 'g' }, rate: '100 mL/h' },
      performers: [{ actor: 'Megan Hughes' }],
      reasons: [{ code: '233604007' }],
      prescription: 'MedicationRequest/mr-amoxicillin',
    });
  });

  it('a correction: the given dose entered in error is removed; the dispense recorded as stopped is no longer supplied', async () => {
    const later = (resource: any, changes: object) => ({ resource: { ...resource, ...changes, meta: { versionId: '2', lastUpdated: '2025-06-12T09:00:00Z' } } });
    expect(await send('acute', 'RM3', [...medicineEntries(), later(m.givenDose, { status: 'entered-in-error' }), later(m.dischargeDispense, { status: 'stopped' })])).toMatch(/^Accepted: supporting 3, (deleted 1, updated 1|updated 1, deleted 1)\.$/);
    const after = await openMedicines();
    expect(after.medicationAdministrations.map((a: any) => a.provenance.sourceId)).toEqual(['e2e-ma-morphine', 'e2e-ma-declined']);
    expect(after.medicationDispenses.map((d: any) => [d.provenance.sourceId, d.status, d.supplied, d.current])).toEqual([
      ['e2e-md-metformin', 'stopped', false, false],
      ['e2e-md-cancelled', 'cancelled', false, false],
    ]);
  });
});
