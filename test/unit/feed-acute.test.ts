/// <reference types="fhir" />
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { feedMapping, META, NHS, organisationReference } from '../support/feedMapping';

const TRUST = organisationReference('RM3', 'Northern Care Alliance');

const { map, problemOf } = feedMapping(acuteFeed);

const admission: fhir4.Encounter = {
  resourceType: 'Encounter',
  id: 'adm-1',
  meta: META,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' },
  subject: NHS,
  participant: [{ individual: { display: 'Dr A Patel' } }],
  period: { start: '2025-04-28T14:10:00Z', end: '2025-05-03T09:00:00Z' },
  reasonCode: [
    { coding: [{ system: 'http://snomed.info/sct', code: '1912002', display: 'Fall' }] },
    { coding: [{ system: 'http://snomed.info/sct', code: '5913000', display: 'Fracture of neck of femur' }] },
  ],
  hospitalization: {
    admitSource: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/admit-source', code: 'emd', display: 'From accident/emergency department' }] },
    dischargeDisposition: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home', display: 'Home' }], text: 'Discharged home' },
  },
  location: [{ location: { display: 'Ward 7, Fairfield General Hospital' }, status: 'completed' }],
  serviceProvider: TRUST,
};

const attendance: fhir4.Encounter = {
  ...admission,
  id: 'ae-1',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER', display: 'emergency' },
  period: { start: '2025-04-28T10:02:00Z', end: '2025-04-28T14:00:00Z' },
  reasonCode: [{ coding: [{ system: 'http://snomed.info/sct', code: '29857009', display: 'Chest pain' }] }],
  hospitalization: { dischargeDisposition: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'other-hcf' }], text: 'Admitted to ward' } },
  location: [{ location: { display: 'Emergency Department, Fairfield General Hospital' } }],
};

describe('acute feed mapping', () => {
  it('maps an inpatient Encounter (class IMP) to an admission', () => {
    const mapped = map(admission)!;
    expect(mapped.panel).toBe('admissions');
    expect(mapped.fields).toMatchObject({
      status: 'finished',
      admitted: '2025-04-28T14:10:00Z',
      discharged: '2025-05-03T09:00:00Z',
      reason: { system: 'http://snomed.info/sct', code: '1912002', display: 'Fall' },
      otherReasons: [{ system: 'http://snomed.info/sct', code: '5913000', display: 'Fracture of neck of femur' }],
      ward: 'Ward 7, Fairfield General Hospital',
      consultant: 'Dr A Patel',
      admissionSource: 'From accident/emergency department',
      dischargeDestination: 'Discharged home',
    });
  });

  it('maps an emergency Encounter (class EMER) to an A&E attendance', () => {
    const mapped = map(attendance)!;
    expect(mapped.panel).toBe('aeAttendances');
    expect(mapped.fields).toMatchObject({
      arrival: '2025-04-28T10:02:00Z',
      departure: '2025-04-28T14:00:00Z',
      reason: { code: '29857009', display: 'Chest pain' },
      department: 'Emergency Department, Fairfield General Hospital',
      outcome: 'Admitted to ward',
    });
  });

  it('maps an Appointment to an outpatient appointment', () => {
    const mapped = map({
      resourceType: 'Appointment',
      id: 'appt-1',
      meta: META,
      status: 'booked',
      serviceType: [{ text: 'Heart failure clinic' }],
      specialty: [{ coding: [{ system: 'http://snomed.info/sct', code: '394579002', display: 'Cardiology' }] }],
      description: 'Heart failure clinic, Rochdale Infirmary',
      start: '2025-06-10T09:30:00Z',
      end: '2025-06-10T09:50:00Z',
      created: '2025-04-01',
      participant: [
        { actor: { ...NHS, type: 'Patient' }, status: 'accepted' },
        { actor: { display: 'Rochdale Infirmary' }, status: 'accepted' },
      ],
    })!;
    expect(mapped.panel).toBe('outpatientAppointments');
    expect(mapped.fields).toMatchObject({
      status: 'booked',
      start: '2025-06-10T09:30:00Z',
      specialty: { code: '394579002', display: 'Cardiology' },
      clinic: 'Heart failure clinic',
      site: 'Rochdale Infirmary',
      bookedOn: '2025-04-01',
    });
  });

  it('maps a DocumentReference to a discharge summary, reading the text attachment', () => {
    const text = 'Admitted with a fall. Hemiarthroplasty performed. GP actions: review analgesia.';
    const mapped = map({
      resourceType: 'DocumentReference',
      id: 'doc-1',
      meta: META,
      status: 'current',
      type: { coding: [{ system: 'http://snomed.info/sct', code: '373942005', display: 'Discharge summary' }] },
      subject: NHS,
      date: '2025-05-03T10:00:00Z',
      author: [TRUST, { display: 'Dr A Patel' }],
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', title: 'Discharge summary – 2025-05-03', data: Buffer.from(text).toString('base64') } }],
      context: { period: { start: '2025-04-28T14:10:00Z', end: '2025-05-03T09:00:00Z' } },
    })!;
    expect(mapped.panel).toBe('dischargeSummaries');
    expect(mapped.fields).toMatchObject({
      type: { code: '373942005' },
      title: 'Discharge summary – 2025-05-03',
      date: '2025-05-03T10:00:00Z',
      summary: text,
      author: 'Dr A Patel',
      discharged: '2025-05-03T09:00:00Z',
    });
  });

  it('maps a Composition to a discharge summary from its sections', () => {
    const mapped = map({
      resourceType: 'Composition',
      id: 'comp-1',
      meta: META,
      status: 'final',
      type: { coding: [{ system: 'http://snomed.info/sct', code: '373942005', display: 'Discharge summary' }] },
      subject: NHS,
      date: '2025-05-03T10:00:00Z',
      author: [{ display: 'Dr A Patel' }],
      title: 'Discharge summary',
      section: [{ title: 'GP actions', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Repeat U&amp;E in one week.</p></div>' } }],
    })!;
    expect(mapped.panel).toBe('dischargeSummaries');
    expect(mapped.fields).toMatchObject({ title: 'Discharge summary', summary: 'GP actions: Repeat U&E in one week.', author: 'Dr A Patel' });
  });

  it('maps an Observation to a test result with range and abnormal flag', () => {
    const mapped = map({
      resourceType: 'Observation',
      id: 'obs-1',
      meta: META,
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }] },
      subject: NHS,
      effectiveDateTime: '2025-04-28T15:00:00Z',
      valueQuantity: { value: 102, unit: 'g/L', system: 'http://unitsofmeasure.org', code: 'g/L' },
      interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'L', display: 'Low' }] }],
      referenceRange: [{ low: { value: 115, unit: 'g/L' }, high: { value: 165, unit: 'g/L' } }],
    })!;
    expect(mapped.panel).toBe('testResults');
    expect(mapped.fields).toMatchObject({
      code: { system: 'http://loinc.org', code: '718-7' },
      value: '102',
      unit: 'g/L',
      referenceRange: '115 - 165 g/L',
      interpretation: { code: 'L', display: 'Low' },
      abnormal: true,
      effectiveDate: '2025-04-28T15:00:00Z',
      category: 'Laboratory',
    });
  });

  it('maps a DiagnosticReport to the report that names its results', () => {
    const mapped = map({
      resourceType: 'DiagnosticReport',
      id: 'rep-1',
      meta: META,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '58410-2', display: 'CBC panel - Blood by Automated count' }], text: 'Full blood count' },
      subject: NHS,
      effectiveDateTime: '2025-04-28T15:00:00Z',
      result: [{ reference: 'Observation/obs-1' }, { reference: 'Observation/obs-2' }],
    })!;
    expect(mapped.panel).toBe('testReports');
    expect(mapped.fields).toMatchObject({ name: 'Full blood count', resultSourceIds: ['obs-1', 'obs-2'] });
  });

  it('refuses resources missing a required element, naming the element', () => {
    expect(problemOf({ ...admission, period: { end: '2025-05-03T09:00:00Z' } }).path).toBe('Encounter.period.start');
    expect(problemOf({ ...admission, class: { code: 'AMB' } }).path).toBe('Encounter.class.code');
    expect(problemOf({ resourceType: 'Appointment', id: 'a', status: 'booked', participant: [] }).path).toBe('Appointment.start');
    expect(
      problemOf({ resourceType: 'Observation', id: 'o', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '718-7' }] }, effectiveDateTime: '2025-04-28' }).path,
    ).toBe('Observation.value[x]');
    expect(problemOf({ resourceType: 'Observation', id: 'o', status: 'final', code: {}, valueString: 'x', effectiveDateTime: '2025-04-28' }).path).toBe('Observation.code');
    expect(problemOf({ resourceType: 'DocumentReference', id: 'd', status: 'current', content: [{ attachment: { title: 'x' } }] }).path).toBe('DocumentReference.type');
  });
});
