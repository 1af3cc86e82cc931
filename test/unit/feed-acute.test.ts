/// <reference types="fhir" />
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { narrativeOf } from '../../subgraphs/kit/src/catalogue/narrative';
import { acuteResources, LOINC, SNOMED, supportingEntries } from '../fixtures/acute/ukCore';
import { medicineEntries, medicineResources } from '../fixtures/acute/medicines';
import { feedMapping, META, NHS } from '../support/feedMapping';
import { generateFeeds } from '../../tools/src/synthetic';

/**
 * The acute feed mapping, pure. Fixtures (test/fixtures/acute/ukCore.ts) follow the FHIR R4
 * definitions and the UK Core profiles and examples, not the synthetic generator.
 */

const { map, problemOf } = feedMapping(acuteFeed);
const r = acuteResources(NHS);
const bundle = supportingEntries();
const fields = (resource: fhir4.FhirResource) => map(resource, bundle)!.fields;
const RM3: FeedingOrganisation = { odsCode: 'RM3', name: 'Northern Care Alliance NHS Foundation Trust', kind: 'acute-trust', sharingStatus: 'active', sourceSystem: 'Allscripts Sunrise' };

describe('acute feed: the UK Core fixtures are valid FHIR R4 and every one is accepted', () => {
  it('a batch of every fixture with its supporting resources: no issue, every clinical entry prepared', () => {
    const target = sliceFeedTarget('acute', acuteFeed, null as never);
    const resources = Object.values(r).map((resource) => ({ resource }));
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...bundle, ...resources] }, RM3);
    expect(prepared.issues).toEqual([]);
    expect([...prepared.byPatient.values()].flat()).toHaveLength(resources.length);
  });
});

describe('acute feed: Observation kept whole', () => {
  it('a blood pressure is one result with two components, each with its code, quantity, flags and range', () => {
    const bp = fields(r.bloodPressure);
    expect(bp).toMatchObject({ value: null, result: null, status: 'final', current: true, abnormal: true, category: 'Vital Signs', performer: ['Dr Sandra Gose'], bodySite: { code: '40983000' } });
    expect(bp.components).toEqual([
      {
        code: expect.objectContaining({ system: SNOMED, code: '72313002', coding: [expect.objectContaining({ code: '72313002' }), expect.objectContaining({ system: LOINC, code: '8480-6' })] }),
        value: expect.objectContaining({ type: 'Quantity', text: '168 millimeter of mercury', quantity: { value: 168, comparator: null, unit: 'millimeter of mercury', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }),
        dataAbsentReason: null,
        interpretations: [expect.objectContaining({ code: 'H' })],
        referenceRanges: [expect.objectContaining({ text: '<= 140 millimeter of mercury', high: expect.objectContaining({ value: 140 }) })],
      },
      expect.objectContaining({ code: expect.objectContaining({ code: '1091811000000102' }), value: expect.objectContaining({ text: '92 millimeter of mercury' }), interpretations: [], referenceRanges: [] }),
    ]);
  });

  it('a full blood count panel carries its members (hasMember) instead of a value', () => {
    expect(fields(r.fullBloodCount)).toMatchObject({ memberSourceIds: ['obs-hb', 'obs-wcc'], result: null, components: [], abnormal: null });
  });

  it('every reference range and flag is kept, not only the first', () => {
    const hb = fields(r.haemoglobin);
    expect(hb).toMatchObject({ value: '102', unit: 'g/L', referenceRange: '130 - 180 g/L', abnormal: true, issued: '2025-04-28T16:40:00Z', effectiveDate: '2025-04-28T15:00:00Z' });
    expect(hb.referenceRanges).toEqual([
      expect.objectContaining({ text: '130 - 180 g/L', appliesTo: [expect.objectContaining({ code: '248153007' })] }),
      expect.objectContaining({ text: '115 - 165 g/L', low: expect.objectContaining({ value: 115 }), appliesTo: [expect.objectContaining({ code: '248152002' })] }),
    ]);
  });

  it('effective[x] may be missing where issued is present (FHIR R4): accepted, effectiveDate empty, issued kept', () => {
    expect(fields(r.whiteCells)).toMatchObject({ effectiveDate: null, effective: null, issued: '2025-04-28T16:40:00Z' });
  });

  it('dataAbsentReason instead of a value is kept, with the text the laboratory wrote', () => {
    expect(fields(r.potassium)).toMatchObject({ result: null, value: null, dataAbsentReason: { code: 'error', text: 'Sample haemolysed' } });
  });

  const base: fhir4.Observation = { resourceType: 'Observation', id: 'o', meta: META, status: 'final', code: { coding: [{ system: LOINC, code: '5778-6' }] }, subject: NHS, effectiveDateTime: '2025-04-28' };
  const q = (value: number, unit = 'mg/L') => ({ value, unit, system: 'http://unitsofmeasure.org', code: unit });
  it.each<[string, Partial<fhir4.Observation>, Record<string, unknown>]>([
    ['Quantity with comparator and UCUM code', { valueQuantity: { ...q(5), comparator: '<' } }, { type: 'Quantity', text: '<5 mg/L', quantity: { value: 5, comparator: '<', unit: 'mg/L', system: 'http://unitsofmeasure.org', code: 'mg/L' } }],
    ['CodeableConcept with its codes', { valueCodeableConcept: { coding: [{ system: SNOMED, code: '10828004', display: 'Positive' }], text: 'Positive' } }, { type: 'CodeableConcept', text: 'Positive', concept: expect.objectContaining({ code: '10828004' }) }],
    ['string', { valueString: 'Straw coloured, clear' }, { type: 'string', text: 'Straw coloured, clear' }],
    ['boolean', { valueBoolean: false }, { type: 'boolean', text: 'No', boolean: false }],
    ['integer', { valueInteger: 3 }, { type: 'integer', text: '3', integer: 3 }],
    ['Range', { valueRange: { low: q(4.5, 'mmol/L'), high: q(5.5, 'mmol/L') } }, { type: 'Range', text: '4.5 - 5.5 mmol/L', low: expect.objectContaining({ value: 4.5 }), high: expect.objectContaining({ value: 5.5 }) }],
    ['Ratio (a titre)', { valueRatio: { numerator: { value: 1 }, denominator: { value: 64 } } }, { type: 'Ratio', text: '1:64', numerator: expect.objectContaining({ value: 1 }), denominator: expect.objectContaining({ value: 64 }) }],
    ['Period', { valuePeriod: { start: '2025-04-01', end: '2025-04-14' } }, { type: 'Period', text: '2025-04-01 to 2025-04-14', start: '2025-04-01', end: '2025-04-14' }],
    ['dateTime', { valueDateTime: '2025-04-28T09:00:00+01:00' }, { type: 'dateTime', start: '2025-04-28T09:00:00+01:00' }],
    ['time', { valueTime: '07:30:00' }, { type: 'time', text: '07:30:00' }],
    ['SampledData, as text', { valueSampledData: { origin: { value: 0, unit: 'mV' }, period: 4, dimensions: 1, data: '2 4 8 4 2' } }, { type: 'SampledData', text: 'Sampled data: every 4 ms, 1 dimension, origin 0 mV: 2 4 8 4 2' }],
  ])('value[x] %s', (_name, value, expected) => {
    expect(fields({ ...base, ...value } as fhir4.Observation).result).toMatchObject(expected);
  });

  it.each([
    ['cancelled', false],
    ['unknown', false],
    ['preliminary', true],
    ['amended', true],
    ['corrected', true],
  ])('status %s: current %s', (status, current) => {
    const result = fields({ ...base, status: status as fhir4.Observation['status'], valueString: 'x' });
    expect({ status: result.status, current: result.current }).toEqual({ status, current });
  });

  it('refuses what it cannot show, naming the FHIR path', () => {
    expect(problemOf({ ...base, effectiveDateTime: undefined, valueString: 'x' }).path).toBe('Observation.effective[x]');
    expect(problemOf({ ...base, code: {}, valueString: 'x' }).path).toBe('Observation.code');
    expect(problemOf({ ...base, valueQuantity: { unit: 'mg/L' } }).path).toBe('Observation.valueQuantity.value');
    expect(problemOf({ ...base, hasMember: [{ reference: 'urn:uuid:0d7b2f4c-0000-4000-8000-000000000000' }] }).path).toBe('Observation.hasMember[0]');
  });
});

describe('acute feed: DiagnosticReport', () => {
  it('status, categories, conclusion and its codes, the presented form as a titled link (never bytes), the results by source id', () => {
    expect(fields(r.report)).toEqual(
      expect.objectContaining({
        name: 'Full blood count',
        status: 'final',
        current: true,
        categories: [expect.objectContaining({ code: 'HM' })],
        conclusion: 'Mild normocytic anaemia with a raised white cell count.',
        conclusionCodes: [expect.objectContaining({ code: '271737000', display: 'Anaemia' })],
        presentedForms: [{ title: 'Full blood count report', contentType: 'application/pdf', language: null, url: 'https://results.example-trust.nhs.uk/reports/rep-fbc.pdf', size: null, creation: '2025-04-28T16:45:00Z', inline: false }],
        resultSourceIds: ['obs-fbc', 'obs-hb', 'obs-wcc'],
        performer: ['Haematology, Fairfield General Hospital'],
      }),
    );
  });

  it('a result referenced by urn:uuid resolves to the Observation in the same bundle', () => {
    const mapped = map({ ...r.report, result: [{ reference: 'urn:uuid:6a1e9d0c-1b2f-4c3d-8e4f-5a6b7c8d9e0f' }] }, [{ fullUrl: 'urn:uuid:6a1e9d0c-1b2f-4c3d-8e4f-5a6b7c8d9e0f', resource: r.haemoglobin }])!;
    expect(mapped.fields.resultSourceIds).toEqual(['obs-hb']);
  });

  it('a cancelled report is not current', () => {
    expect(fields({ ...r.report, status: 'cancelled' }).current).toBe(false);
  });
});

describe('acute feed: Encounter by class, per the table of organisation kinds', () => {
  it('an inpatient spell (IMP): class, type, every participant with role, every location with status, UK Core admission and discharge methods', () => {
    const mapped = map(r.admission, bundle)!;
    expect(mapped.panel).toBe('admissions');
    expect(mapped.fields).toMatchObject({
      status: 'finished',
      current: false,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
      type: [expect.objectContaining({ code: '185212007' })],
      admitted: '2025-04-28T14:10:00Z',
      discharged: '2025-05-03T09:00:00Z',
      reason: expect.objectContaining({ code: '1912002' }),
      otherReasons: [expect.objectContaining({ code: '5913000' })],
      specialty: expect.objectContaining({ code: '394801008' }),
      ward: 'Ward 7, Fairfield General Hospital',
      consultant: 'Dr Sandra Gose, Dr A Patel',
      admissionSource: 'Usual place of residence',
      dischargeDestination: 'Discharged home',
      hospitalisation: {
        admitSource: expect.objectContaining({ code: '19' }),
        admissionMethod: expect.objectContaining({ code: '21' }),
        dischargeDisposition: expect.objectContaining({ code: '19', text: 'Discharged home' }),
        dischargeMethod: expect.objectContaining({ code: '1' }),
        emergencyCareDischargeStatus: null,
        outcomeOfAttendance: null,
      },
    });
    expect(mapped.fields.participants).toEqual([
      { type: [expect.objectContaining({ code: 'ATND' })], individual: 'Dr Sandra Gose', start: null, end: null },
      { type: [expect.objectContaining({ code: 'ADM' })], individual: 'Dr A Patel', start: '2025-04-28T14:10:00Z', end: '2025-04-28T18:00:00Z' },
    ]);
    expect(mapped.fields.locations).toEqual([
      { location: 'Acute Medical Unit, Fairfield General Hospital', status: 'completed', physicalType: null, start: '2025-04-28T14:10:00Z', end: '2025-04-29T10:00:00Z' },
      { location: 'Ward 7, Fairfield General Hospital', status: 'completed', physicalType: expect.objectContaining({ code: 'wa' }), start: '2025-04-29T10:00:00Z', end: '2025-05-03T09:00:00Z' },
    ]);
  });

  it.each([
    ['ACUTE', 'admissions'],
    ['NONAC', 'admissions'],
    ['EMER', 'aeAttendances'],
    ['AMB', 'otherEncounters'],
    ['VR', 'otherEncounters'],
  ])('class %s lands in %s', (code, panel) => {
    expect(map({ ...r.admission, class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code } }, bundle)!.panel).toBe(panel);
  });

  it('an outpatient attendance (AMB) keeps its class, clinician, clinic and the UK Core outcome of attendance', () => {
    expect(fields(r.outpatientAttendance)).toMatchObject({
      class: { code: 'AMB' },
      start: '2025-06-10T09:30:00Z',
      participants: [expect.objectContaining({ individual: 'Dr Sandra Gose' })],
      locations: [expect.objectContaining({ location: 'Orthopaedic Outpatients, Rochdale Infirmary' })],
      hospitalisation: expect.objectContaining({ outcomeOfAttendance: expect.objectContaining({ code: '1' }) }),
    });
  });

  it.each([
    ['in-progress', true],
    ['onleave', true],
    ['finished', false],
    ['cancelled', false],
    ['planned', false],
  ])('status %s: current %s', (status, current) => {
    expect(fields({ ...r.admission, status: status as fhir4.Encounter['status'] }).current).toBe(current);
  });

  it('the ward is the active location, else the last', () => {
    const locations = [{ location: { display: 'Bay 3' }, status: 'active' as const }, { location: { display: 'Ward 9' }, status: 'planned' as const }];
    expect(fields({ ...r.admission, location: locations }).ward).toBe('Bay 3');
  });

  it('refuses an encounter without a start or a class, naming the element', () => {
    expect(problemOf({ ...r.admission, period: { end: '2025-05-03T09:00:00Z' } }, bundle).path).toBe('Encounter.period.start');
    expect(problemOf({ ...r.admission, class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode' } }, bundle).path).toBe('Encounter.class.code');
  });
});

describe('acute feed: Appointment', () => {
  it('every participant with its kind and status; the site is the Location, the clinician the practitioner, never the other way round', () => {
    const appointment = fields(r.appointment);
    expect(appointment).toMatchObject({
      status: 'booked',
      current: true,
      start: '2025-06-10T09:30:00Z',
      end: '2025-06-10T09:50:00Z',
      specialty: expect.objectContaining({ code: '394801008' }),
      serviceTypes: [expect.objectContaining({ text: 'Fracture clinic' })],
      appointmentType: expect.objectContaining({ code: 'FOLLOWUP' }),
      reasons: [expect.objectContaining({ display: 'Fracture of neck of femur' })],
      clinic: 'Fracture clinic',
      site: 'Orthopaedic Outpatients, Rochdale Infirmary',
      clinician: 'Dr Sandra Gose',
      patientInstruction: 'Please bring your walking aid.',
      bookedOn: '2025-04-01',
    });
    expect((appointment.participants as any[]).map((p) => [p.actorType, p.actor, p.status])).toEqual([
      ['Patient', null, 'accepted'],
      ['Practitioner', 'Dr Sandra Gose', 'accepted'],
      ['Location', 'Orthopaedic Outpatients, Rochdale Infirmary', 'accepted'],
    ]);
  });

  it.each([
    ['noshow', false],
    ['cancelled', false],
    ['fulfilled', false],
    ['waitlist', true],
    ['checked-in', true],
  ])('status %s: current %s', (status, current) => {
    expect(fields({ ...r.appointment, status: status as fhir4.Appointment['status'] }).current).toBe(current);
  });

  it('a booked appointment needs its start (FHIR app-3); a cancelled one may lack it', () => {
    expect(problemOf({ ...r.appointment, start: undefined, end: undefined }, bundle).path).toBe('Appointment.start');
    expect(fields({ ...r.appointment, status: 'cancelled', start: undefined, end: undefined, cancelationReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason', code: 'pat', display: 'Patient' }] } })).toMatchObject({
      start: null,
      current: false,
      cancellationReason: expect.objectContaining({ code: 'pat' }),
    });
  });
});

describe('acute feed: documents', () => {
  it('a Composition keeps its sections as sections and its tables as rows', () => {
    const summary = fields(r.dischargeSummary);
    expect(summary).toMatchObject({ title: 'Inpatient discharge summary', status: 'final', docStatus: 'final', current: true, author: 'Dr Sandra Gose', custodian: 'Northern Care Alliance NHS Foundation Trust', admitted: '2025-04-28T14:10:00Z' });
    expect(summary.authors).toEqual(['Dr Sandra Gose', 'Northern Care Alliance NHS Foundation Trust']);
    expect(summary.sections).toEqual([
      { title: 'Diagnoses', code: expect.objectContaining({ code: 'diagnoses' }), level: 1, text: null, tables: [{ rows: [{ cells: ['Diagnosis name', 'Fracture of neck of femur'] }, { cells: ['Comment', 'Fall at home'] }] }], entries: [] },
      {
        title: 'Medications and medical devices',
        code: null,
        level: 1,
        text: 'Changes made in hospital:',
        tables: [
          { rows: [{ cells: ['Medication name', 'Alendronic acid 70mg tablets'] }, { cells: ['Dose directions description', 'One tablet once a week'] }, { cells: ['Status', 'Started'] }] },
          { rows: [{ cells: ['Medication name', 'Ramipril 2.5mg tablets'] }, { cells: ['Status', 'Continued'] }] },
        ],
        entries: [],
      },
      { title: 'Information and advice given', code: null, level: 1, text: 'Advised on falls prevention.\nPhysiotherapy at home & a walking frame.', tables: [], entries: [] },
    ]);
    expect(summary.summary).toContain('Medication name: Alendronic acid 70mg tablets\nDose directions description: One tablet once a week');
  });

  it('a DocumentReference held at the source: titled, linked, docStatus kept, current; never inline bytes', () => {
    expect(fields(r.letter)).toMatchObject({
      title: 'Fracture clinic letter',
      status: 'current',
      docStatus: 'final',
      current: true,
      summary: 'Fracture clinic follow-up letter',
      attachments: [{ title: 'Fracture clinic letter', contentType: 'application/pdf', language: null, url: 'https://documents.example-trust.nhs.uk/letters/doc-letter.pdf', size: 48213, creation: '2025-06-11T08:30:00Z', inline: false }],
      author: 'Dr Sandra Gose',
      custodian: 'Northern Care Alliance NHS Foundation Trust',
      category: [expect.objectContaining({ code: '734163000' })],
    });
  });

  it('a superseded document is not current; its plain-text content is read as the summary', () => {
    expect(fields(r.supersededLetter)).toMatchObject({ status: 'superseded', current: false, summary: 'Draft letter.', attachments: [expect.objectContaining({ inline: true, title: 'Fracture clinic letter (draft)' })] });
  });

  it('docStatus entered-in-error is a delete, as status entered-in-error is', () => {
    const target = sliceFeedTarget('acute', acuteFeed, null as never);
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [{ resource: { ...r.letter, docStatus: 'entered-in-error' } }] }, RM3);
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.method)).toEqual(['delete']);
  });

  it('narrative: entities decoded, line breaks kept, tables apart from the text', () => {
    expect(narrativeOf('<div xmlns="http://www.w3.org/1999/xhtml">Line one<br/>Line &lt;two&gt;<table><tr><td>a</td><td>b</td></tr></table>after</div>')).toEqual({ text: 'Line one\nLine <two>\nafter', tables: [{ rows: [{ cells: ['a', 'b'] }] }] });
  });

  it('refuses a document without a type, naming the element', () => {
    expect(problemOf({ ...r.letter, type: undefined }).path).toBe('DocumentReference.type');
  });
});

describe('acute feed: the synthetic generator writes what the mapping accepts', () => {
  it('every acute feed of 60 synthetic patients is accepted whole, blood pressures with their components', () => {
    const target = sliceFeedTarget('acute', acuteFeed, null as never);
    const feeds = [...generateFeeds({ patients: 60 })].filter((f) => f.target === 'acute');
    expect(feeds.length).toBeGreaterThan(5);
    let pressures = 0;
    for (const feed of feeds) {
      const prepared = prepareBundle(target, feed.bundle, { ...RM3, odsCode: feed.odsCode });
      expect(prepared.issues).toEqual([]);
      for (const { prepared: p } of [...prepared.byPatient.values()].flat()) {
        if ('item' in p && p.panel === 'testResults' && (p.item.components as unknown[]).length === 2) pressures += 1;
      }
    }
    expect(pressures).toBeGreaterThan(0);
  });
});

describe('acute feed: MedicationDispense and MedicationAdministration kept whole, status told truly', () => {
  const m = medicineResources(NHS);
  const medicineFields = (resource: fhir4.FhirResource) => map(resource, medicineEntries())!.fields;

  it('the fixtures are valid FHIR R4 and every one is accepted, with their supporting resources', () => {
    const target = sliceFeedTarget('acute', acuteFeed, null as never);
    const resources = Object.values(m).map((resource) => ({ resource }));
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...medicineEntries(), ...resources] }, RM3);
    expect(prepared.issues).toEqual([]);
    const panels = [...prepared.byPatient.values()].flat().map(({ prepared: p }) => ('panel' in p ? p.panel : null));
    expect(panels).toEqual(['medicationDispenses', 'medicationDispenses', 'medicationAdministrations', 'medicationAdministrations', 'medicationAdministrations']);
  });

  it('a dispense keeps every dosage instruction line in sequence order, not only the first', () => {
    const dispense = medicineFields(m.dischargeDispense);
    expect(dispense.dosageInstructions).toHaveLength(2);
    expect(dispense.dosageInstructions).toEqual([
      expect.objectContaining({ sequence: 1, text: 'Two tablets in the morning with breakfast', dose: '2 tablet', timing: 'once a day (with breakfast)', route: expect.objectContaining({ code: '26643006' }) }),
      expect.objectContaining({ sequence: 2, text: 'One tablet in the evening with food', dose: '1 tablet', timing: 'once a day (with the evening meal)' }),
    ]);
  });

  it('a handed-over dispense: the contained Medication, quantities, times, performer, prescription, substitution', () => {
    expect(medicineFields(m.dischargeDispense)).toMatchObject({
      medication: { system: 'https://dmd.nhs.uk', code: '39720311000001101', display: 'Metformin 500mg tablets' },
      status: 'completed',
      supplied: true,
      current: true,
      category: { code: 'discharge' },
      type: { code: 'DF' },
      quantity: { value: 56, unit: 'tablet', code: '428673006' },
      daysSupply: { value: 28, unit: 'day', system: 'http://unitsofmeasure.org', code: 'd' },
      whenPrepared: '2025-05-02T09:30:00+01:00',
      whenHandedOver: '2025-05-02T10:45:00+01:00',
      performers: [{ function: expect.objectContaining({ code: 'finalchecker' }), actor: 'Grace Okafor' }],
      prescriptions: ['Metformin 500mg tablets, inpatient prescription 28 Apr 2025'],
      substitution: { wasSubstituted: false, type: null, reasons: [] },
      notes: ['Counselled on taking with food.'],
    });
  });

  it('a cancelled dispense is not supplied and not current, with its reason', () => {
    expect(medicineFields(m.cancelledDispense)).toMatchObject({
      status: 'cancelled',
      supplied: false,
      current: false,
      statusReason: expect.objectContaining({ code: 'outofstock' }),
      medication: expect.objectContaining({ code: '387517004', text: 'Paracetamol 500mg tablets' }),
      whenHandedOver: null,
      dosageInstructions: [expect.objectContaining({ asNeeded: true })],
    });
    for (const status of ['declined', 'stopped', 'in-progress', 'preparation', 'on-hold', 'unknown'] as const) {
      expect(medicineFields({ ...m.cancelledDispense, status }).supplied).toBe(false);
    }
  });

  it('an administration not done is never given: notGiven, with why', () => {
    expect(medicineFields(m.notGiven)).toMatchObject({
      status: 'not-done',
      given: false,
      notGiven: true,
      statusReasons: [expect.objectContaining({ code: '182895007', display: 'Drug declined by patient' })],
      effective: '2025-04-29T22:00:00+01:00',
      prescription: 'Paracetamol 1g four times a day',
      dosage: null,
    });
    for (const status of ['stopped', 'on-hold', 'in-progress', 'unknown'] as const) {
      expect(medicineFields({ ...m.givenDose, status })).toMatchObject({ given: false, notGiven: false });
    }
  });

  it('a given dose: the Medication in the bundle, route, dose and rate, who gave it, the prescription', () => {
    expect(medicineFields(m.givenDose)).toMatchObject({
      medication: expect.objectContaining({ code: '372687004', text: 'Amoxicillin 1g powder for solution for injection vials' }),
      status: 'completed',
      given: true,
      notGiven: false,
      category: { code: 'inpatient' },
      effective: '2025-04-29T08:00:00+01:00',
      effectiveEnd: null,
      dosage: { text: '1 g IV over 30 minutes', route: expect.objectContaining({ code: '47625008' }), method: expect.objectContaining({ code: '422145002' }), site: null, dose: { value: 1, comparator: null, unit: 'g', system: 'http://unitsofmeasure.org', code: 'g' }, rate: '100 mL/h' },
      performers: [{ function: expect.objectContaining({ code: 'performer' }), actor: 'Megan Hughes' }],
      reasons: [expect.objectContaining({ code: '233604007' })],
      prescription: 'MedicationRequest/mr-amoxicillin',
    });
  });

  it('an infusion under way: effectivePeriod start kept, its rate a ratio', () => {
    expect(medicineFields(m.infusion)).toMatchObject({ status: 'in-progress', given: false, effective: '2025-04-30T05:00:00Z', effectiveEnd: null, dosage: expect.objectContaining({ rate: '10 mg per 24 h', dose: null }) });
  });

  it('the medicine must be named: a medicationReference that resolves nowhere and has no display is refused, naming the element', () => {
    expect(problemOf({ ...m.givenDose, medicationReference: { reference: 'Medication/elsewhere' } }).path).toBe('MedicationAdministration.medicationReference');
  });

  it('entered-in-error dispenses and administrations are deletes, as for every resource', () => {
    const target = sliceFeedTarget('acute', acuteFeed, null as never);
    const entries = [{ resource: { ...m.dischargeDispense, status: 'entered-in-error' } }, { resource: { ...m.givenDose, status: 'entered-in-error' } }];
    const prepared = prepareBundle(target, { resourceType: 'Bundle', type: 'batch', entry: [...medicineEntries(), ...entries] }, RM3);
    expect([...prepared.byPatient.values()].flat().map((p) => p.entry.method)).toEqual(['delete', 'delete']);
  });
});

it('an Encounter.location.status outside encounter-location-status is refused naming the path (the fuzz found it stored, then unreadable)', () => {
  expect(problemOf({ ...r.admission, location: [{ location: { display: 'Bay 3' }, status: 'gone' as never }] }, bundle).path).toBe('Encounter.location[0].status');
  expect(fields({ ...r.admission, location: [{ location: { display: 'Bay 3' }, status: 'active' }] }).locations).toEqual([expect.objectContaining({ location: 'Bay 3', status: 'active' })]);
});
