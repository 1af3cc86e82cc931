/// <reference types="fhir" />
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../support/feedMapping';

/**
 * The GP feed mapping, pure. Fixtures follow the FHIR R4 definitions and the UK Core profiles
 * (UKCore-AllergyIntolerance, UKCore-MedicationRequest with Extension-UKCore-MedicationRepeatInformation,
 * UKCore-Condition), not the synthetic generator.
 */

const { map, problemOf } = feedMapping(gpFeed);
const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const sct = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });

const amoxicillinAllergy: fhir4.AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'ai-1',
  meta: META,
  clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active', display: 'Active' }] },
  verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed', display: 'Confirmed' }] },
  type: 'allergy',
  category: ['medication'],
  criticality: 'high',
  code: {
    coding: [
      { system: SNOMED, code: '372687004', display: 'Amoxicillin' },
      { system: 'http://read.info/readv2', code: 'TJ00.', display: 'Adverse reaction to penicillins' },
    ],
    text: 'Amoxicillin allergy',
  },
  patient: NHS,
  onsetString: 'childhood',
  recordedDate: '2019-12-10T13:00:00+00:00',
  lastOccurrence: '2023-06',
  reaction: [
    { manifestation: [sct('247472004', 'Urticarial rash'), sct('267038008', 'Oedema')], severity: 'moderate', onset: '2019-12-09' },
    { substance: sct('27658006', 'Amoxicillin'), manifestation: [sct('39579001', 'Anaphylaxis')], severity: 'severe', exposureRoute: sct('26643006', 'Oral route') },
  ],
};

describe('gp feed: AllergyIntolerance kept whole', () => {
  it('keeps every coding with the text, every reaction with its manifestations and severity, onset and last occurrence', () => {
    const { fields } = map(amoxicillinAllergy)!;
    expect(fields).toMatchObject({
      code: {
        system: SNOMED,
        code: '372687004',
        display: 'Amoxicillin',
        text: 'Amoxicillin allergy',
        coding: [
          { system: SNOMED, code: '372687004', display: 'Amoxicillin' },
          { system: 'http://read.info/readv2', code: 'TJ00.', display: 'Adverse reaction to penicillins' },
        ],
      },
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      current: true,
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      reaction: 'Urticarial rash, Oedema; Anaphylaxis',
      onset: { start: null, end: null, age: null, text: 'childhood' },
      lastOccurrence: '2023-06',
      recordedDate: '2019-12-10T13:00:00+00:00',
    });
    expect(fields.reactions).toEqual([
      expect.objectContaining({ manifestations: [expect.objectContaining({ code: '247472004' }), expect.objectContaining({ code: '267038008' })], severity: 'moderate', onset: '2019-12-09', substance: null }),
      expect.objectContaining({ substance: expect.objectContaining({ code: '27658006' }), manifestations: [expect.objectContaining({ display: 'Anaphylaxis' })], severity: 'severe', exposureRoute: expect.objectContaining({ code: '26643006' }) }),
    ]);
  });

  it('a text-only code (a degraded GP2GP record) keeps what the clinician wrote', () => {
    const { fields } = map({ ...amoxicillinAllergy, code: { text: 'Penicillin - hives as a child' } })!;
    expect(fields.code).toEqual({ system: 'text', code: '', display: 'Penicillin - hives as a child', coding: [], text: 'Penicillin - hives as a child' });
  });

  it.each([
    ['refuted (even when the source left it active)', 'active', 'refuted', false],
    ['resolved', 'resolved', 'confirmed', false],
    ['inactive', 'inactive', 'confirmed', false],
    ['unconfirmed (still current, shown as unconfirmed)', 'active', 'unconfirmed', true],
  ])('status: %s', (_name, clinical, verification, current) => {
    const { fields } = map({
      ...amoxicillinAllergy,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: clinical }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: verification }] },
    })!;
    expect({ current: fields.current, verificationStatus: fields.verificationStatus }).toEqual({ current, verificationStatus: verification });
  });
});

describe('gp feed: MedicationRequest and MedicationStatement', () => {
  const repeat: fhir4.MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: 'mr-1',
    meta: META,
    extension: [
      {
        url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation',
        extension: [
          { url: 'numberOfPrescriptionsIssued', valueUnsignedInt: 3 },
          { url: 'authorisationExpiryDate', valueDateTime: '2026-09-10T19:00:00.000Z' },
        ],
      },
    ],
    status: 'active',
    intent: 'order',
    medicationReference: { reference: '#med' },
    contained: [{ resourceType: 'Medication', id: 'med', code: { coding: [{ system: DMD, code: '39720311000001101', display: 'Metformin 500mg tablets' }] } } as fhir4.Medication],
    subject: NHS,
    authoredOn: '2026-03-01',
    requester: { reference: 'Practitioner/pr-1' },
    courseOfTherapyType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', code: 'continuous', display: 'Continuous long term therapy' }] },
    dosageInstruction: [
      { sequence: 2, text: 'Then one tablet twice a day', timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } },
      { sequence: 1, text: 'One tablet once a day for a week', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', duration: 7, durationUnit: 'd' } }, route: sct('26643006', 'Oral route'), doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] },
    ],
    dispenseRequest: { numberOfRepeatsAllowed: 6, validityPeriod: { start: '2026-03-01', end: '2026-09-01' } },
  };
  const practitioner: fhir4.Practitioner = { resourceType: 'Practitioner', id: 'pr-1', name: [{ family: 'Rahman', given: ['Aisha'], prefix: ['Dr'] }] };

  it('a repeat prescription: contained medicine, intent, course of therapy, UK Core repeat information, every dosage line in sequence, prescriber from the bundle', () => {
    const { fields } = map(repeat, [{ resource: practitioner }])!;
    expect(fields).toMatchObject({
      medication: { code: '39720311000001101', display: 'Metformin 500mg tablets' },
      kind: 'request',
      status: 'active',
      current: true,
      intent: 'order',
      courseOfTherapyType: { code: 'continuous' },
      repeat: { numberOfRepeatsAllowed: 6, numberOfPrescriptionsIssued: 3, authorisationExpiryDate: '2026-09-10T19:00:00.000Z' },
      dosage: 'One tablet once a day for a week',
      startDate: '2026-03-01',
      endDate: '2026-09-01',
      prescriber: 'Dr Aisha Rahman',
    });
    expect(fields.dosageInstructions).toEqual([
      expect.objectContaining({ sequence: 1, timing: 'once a day for 7 days', structuredText: '1 tablet once a day for 7 days, by Oral route', route: expect.objectContaining({ code: '26643006' }), dose: '1 tablet' }),
      expect.objectContaining({ sequence: 2, text: 'Then one tablet twice a day', timing: 'twice a day' }),
    ]);
  });

  it('medicationReference to a Medication elsewhere in the bundle, by urn:uuid', () => {
    const medication: fhir4.Medication = { resourceType: 'Medication', id: 'm2', code: { coding: [{ system: DMD, code: '42206511000001102', display: 'Atorvastatin 20mg tablets' }] } };
    const { fields } = map({ ...repeat, contained: undefined, medicationReference: { reference: 'urn:uuid:5e0c2d7a-9a3b-4f0e-8f51-1c1f3a9b2d10' } }, [{ fullUrl: 'urn:uuid:5e0c2d7a-9a3b-4f0e-8f51-1c1f3a9b2d10', resource: medication }])!;
    expect(fields.medication).toMatchObject({ code: '42206511000001102' });
  });

  it('a medicationReference that resolves nowhere and has no display is refused naming the path', () => {
    expect(problemOf({ ...repeat, contained: undefined, medicationReference: { reference: 'Medication/elsewhere' } }).path).toBe('MedicationRequest.medicationReference');
  });

  it.each([
    ['completed', false],
    ['stopped', false],
    ['on-hold', true],
    ['cancelled', false],
  ])('status %s: current %s', (status, current) => {
    expect(map({ ...repeat, status: status as fhir4.MedicationRequest['status'] })!.fields.current).toBe(current);
  });
});

describe('gp feed: Condition', () => {
  const condition: fhir4.Condition = {
    resourceType: 'Condition',
    id: 'c-1',
    meta: META,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'remission' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
    severity: sct('24484000', 'Severe'),
    code: sct('35489007', 'Depressive disorder'),
    bodySite: [sct('12738006', 'Brain structure')],
    subject: NHS,
    onsetAge: { value: 52, unit: 'years', system: 'http://unitsofmeasure.org', code: 'a' },
    abatementPeriod: { start: '2024-01', end: '2024-06-30' },
  };

  it('onset and abatement in every form, category, severity, body site; remission is not current', () => {
    expect(map(condition)!.fields).toMatchObject({
      clinicalStatus: 'remission',
      current: false,
      category: [expect.objectContaining({ code: 'problem-list-item' })],
      severity: expect.objectContaining({ code: '24484000' }),
      bodySite: [expect.objectContaining({ code: '12738006' })],
      onsetDate: null,
      onset: { start: null, end: null, age: '52 years', text: null },
      abatement: { start: '2024-01', end: '2024-06-30', age: null, text: null },
    });
  });

  it('an encounter diagnosis may have no clinicalStatus (FHIR con-3 is for problem-list items): accepted, not current', () => {
    const diagnosis = { ...condition, clinicalStatus: undefined, category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }] };
    expect(map(diagnosis)!.fields).toMatchObject({ clinicalStatus: null, current: false });
  });

  it('refuted is never current, even when the source left it active', () => {
    const refuted = { ...condition, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] } };
    expect(map(refuted)!.fields).toMatchObject({ current: false, verificationStatus: 'refuted' });
  });

  it('provisional and differential are shown as such and stay current', () => {
    for (const code of ['provisional', 'differential']) {
      const fields = map({ ...condition, clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }] } })!.fields;
      expect({ current: fields.current, verificationStatus: fields.verificationStatus }).toEqual({ current: true, verificationStatus: code });
    }
  });
});

describe('gp feed: Immunization', () => {
  it('occurrence as a string is accepted (FHIR allows occurrenceString); not-done keeps its reason', () => {
    const fields = map({
      resourceType: 'Immunization',
      id: 'imm-1',
      meta: META,
      status: 'not-done',
      statusReason: sct('591000119102', 'Vaccine refused by patient'),
      vaccineCode: sct('1119349007', 'COVID-19 mRNA vaccine'),
      patient: NHS,
      occurrenceString: 'Autumn 2023 campaign',
      lotNumber: 'AB1234',
      protocolApplied: [{ doseNumberPositiveInt: 3 }],
    })!.fields;
    expect(fields).toMatchObject({ status: 'not-done', date: null, occurrence: { text: 'Autumn 2023 campaign' }, statusReason: expect.objectContaining({ code: '591000119102' }), lotNumber: 'AB1234', doseNumber: '3' });
  });
});

describe('codes of required value sets are checked, not only their type (FHIR_CODE)', () => {
  const repeatRequest: fhir4.MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: 'mr-code',
    meta: META,
    status: 'active',
    intent: 'order',
    subject: NHS,
    medicationCodeableConcept: { coding: [{ system: DMD, code: '42206511000001102', display: 'Atorvastatin 20mg tablets' }] },
  };
  it('a MedicationRequest.intent outside medicationrequest-intent is refused naming the path; a valid one is kept', () => {
    expect(map(repeatRequest)!.fields.intent).toBe('order');
    expect(problemOf({ ...repeatRequest, intent: 'wish' as never }).path).toBe('MedicationRequest.intent');
  });
  it('an allergy criticality or reaction severity outside its value set is refused naming the path', () => {
    expect(problemOf({ ...amoxicillinAllergy, criticality: 'very' as never }).path).toBe('AllergyIntolerance.criticality');
    expect(problemOf({ ...amoxicillinAllergy, reaction: [{ ...amoxicillinAllergy.reaction![0], severity: 'bad' as never }] }).path).toBe('AllergyIntolerance.reaction[0].severity');
  });
});
