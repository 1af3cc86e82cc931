/// <reference types="fhir" />
import { medicineCourses, sameMedicine, withMedicineCourses } from '../../../subgraphs/kit/src/catalogue/medicineCourses';
import { medicineItem } from '../../../subgraphs/kit/src/slice/catalogueLists';
import { combinedMedications } from '../../../subgraphs/combined/src/sections';
import { gpFeed } from '../../../subgraphs/gp/src/feed';
import { feedMapping, META, NHS } from '../../support/feedMapping';

/**
 * A statement and the prescription it is based on are one medicine (H180-H182). Fixtures follow
 * FHIR R4 MedicationStatement.basedOn (Reference(MedicationRequest | CarePlan | ServiceRequest)),
 * MedicationRequest.basedOn and .priorPrescription (Reference(MedicationRequest)), as UK Core
 * sends them: a GP's repeat authorisation and the statement that summarises the course.
 */

const { map } = feedMapping(gpFeed);
const DMD = 'https://dmd.nhs.uk';
const omeprazole = { coding: [{ system: DMD, code: '317249006', display: 'Omeprazole 20mg gastro-resistant capsules' }] };

const request: fhir4.MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'omep-auth-2',
  meta: META,
  status: 'active',
  intent: 'order',
  subject: NHS,
  authoredOn: '2026-01-10',
  medicationCodeableConcept: omeprazole,
  courseOfTherapyType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', code: 'continuous', display: 'Continuous long term therapy' }] },
  dosageInstruction: [{ text: 'One capsule twice a day' }],
  priorPrescription: { reference: 'MedicationRequest/omep-auth-1' },
};
const statement: fhir4.MedicationStatement = {
  resourceType: 'MedicationStatement',
  id: 'omep-course',
  meta: META,
  status: 'active',
  subject: NHS,
  medicationCodeableConcept: omeprazole,
  basedOn: [{ reference: 'MedicationRequest/omep-auth-2' }],
  effectivePeriod: { start: '2025-06-01' },
  dosage: [{ text: 'One capsule once a day' }],
};

describe('the mapping keeps basedOn and priorPrescription, resolved to what they name', () => {
  it('a statement based on a prescription by Type/id keeps "MedicationRequest/<id>"; read, it is the item id of the same organisation', () => {
    const fields = map(statement)!.fields;
    expect(fields.basedOnRefs).toEqual(['MedicationRequest/omep-auth-2']);
    const read = medicineItem({ id: 'P83005/MedicationStatement/omep-course', ...fields, current: true, provenance: { odsCode: 'P83005', sourceId: 'omep-course' } } as never);
    expect(read.basedOn).toEqual(['P83005/MedicationRequest/omep-auth-2']);
    expect(read.sameMedicineAs).toEqual([]);
  });

  it('a basedOn by urn:uuid to a request of the same bundle names that request by its id', () => {
    const fields = map({ ...statement, basedOn: [{ reference: 'urn:uuid:6f4a0c1e-3b1d-4a55-9a2b-0c8d5e7f1a20' }] }, [{ fullUrl: 'urn:uuid:6f4a0c1e-3b1d-4a55-9a2b-0c8d5e7f1a20', resource: request }])!.fields;
    expect(fields.basedOnRefs).toEqual(['MedicationRequest/omep-auth-2']);
  });

  it('a #contained request is no item of this record: not named', () => {
    const fields = map({ ...statement, contained: [{ ...request, id: 'c1', meta: undefined, subject: NHS } as fhir4.MedicationRequest], basedOn: [{ reference: '#c1' }] })!.fields;
    expect(fields.basedOnRefs).toEqual([]);
  });

  it("a prescription's priorPrescription and basedOn are kept", () => {
    const fields = map({ ...request, basedOn: [{ reference: 'CarePlan/plan-1' }] })!.fields;
    expect(fields.priorPrescriptionRef).toBe('MedicationRequest/omep-auth-1');
    expect(fields.basedOnRefs).toEqual(['CarePlan/plan-1']);
    const read = medicineItem({ id: 'P83005/MedicationRequest/omep-auth-2', ...fields, current: true, provenance: { odsCode: 'P83005', sourceId: 'omep-auth-2' } } as never);
    expect(read.priorPrescription).toBe('P83005/MedicationRequest/omep-auth-1');
    expect(read.basedOn).toEqual(['P83005/CarePlan/plan-1']);
  });
});

// --- the pairing rule, on items as a slice serves them

const GP = (lastUpdated: string) => ({ odsCode: 'P83005', organisationName: 'Bury Central Medical Practice', lastUpdated });
const med = (display: string, code: string | null) => (code ? { system: DMD, code, display, text: null, coding: [{ system: DMD, code }] } : { system: 'text', code: null, display: null, text: display, coding: [] });
const OMEPRAZOLE = med('Omeprazole 20mg gastro-resistant capsules', '317249006');
const theRequest = { id: 'P83005/MedicationRequest/omep-auth-2', kind: 'request', status: 'active', current: true, medication: OMEPRAZOLE, basedOn: [], dosage: 'One capsule twice a day', startDate: '2026-01-10', endDate: null, provenance: GP('2026-01-10T09:00:00Z') };
const theStatement = { id: 'P83005/MedicationStatement/omep-course', kind: 'statement', status: 'active', current: true, medication: OMEPRAZOLE, basedOn: [theRequest.id], dosage: 'One capsule once a day', startDate: '2025-06-01', endDate: null, provenance: GP('2026-01-10T09:00:00Z') };

describe('the pairing rule (medicineCourses)', () => {
  it('a statement and the prescription it is based on: one course, both entries kept, each naming the other', () => {
    const courses = medicineCourses([theRequest, theStatement]);
    expect(courses).toHaveLength(1);
    expect(courses[0].entries.map((e) => e.id)).toEqual([theStatement.id, theRequest.id]);
    expect(courses[0]).toMatchObject({ current: true, disagreement: null });
    const listed = withMedicineCourses([theRequest, theStatement]);
    expect(listed.map((m) => [m.id, m.sameMedicineAs, m.dosage])).toEqual([
      [theStatement.id, [theRequest.id], 'One capsule once a day'],
      [theRequest.id, [theStatement.id], 'One capsule twice a day'],
    ]);
  });

  it('statement stopped (newer) + request active: one item, not current, the disagreement said', () => {
    const stopped = { ...theStatement, status: 'stopped', current: false, endDate: '2026-03-03', provenance: GP('2026-03-03T11:00:00Z') };
    const [course] = medicineCourses([theRequest, stopped]);
    expect(course.current).toBe(false);
    expect(course.decidedBy.id).toBe(stopped.id);
    expect(course.disagreement).toBe(
      'Bury Central Medical Practice records one medicine twice and they differ: the statement (stopped, as of 3 Mar 2026), the prescription it is based on (active, as of 10 Jan 2026); the statement is newer and decides: not current',
    );
    const listed = withMedicineCourses([theRequest, stopped]);
    expect(listed.map((m) => [m.id, m.current, m.status])).toEqual([
      [stopped.id, false, 'stopped'],
      [theRequest.id, false, 'active'],
    ]);
    expect(listed.every((m) => m.courseDisagreement === course.disagreement)).toBe(true);
  });

  it('on the same day the statement (the course) decides; a newer stopped prescription ends an older active statement', () => {
    const stoppedSameTime = { ...theStatement, status: 'stopped', current: false };
    expect(medicineCourses([theRequest, stoppedSameTime])[0].current).toBe(false);
    const requestStopped = { ...theRequest, status: 'stopped', current: false, provenance: GP('2026-04-01T08:00:00Z') };
    const course = medicineCourses([requestStopped, theStatement])[0];
    expect(course).toMatchObject({ current: false });
    expect(course.disagreement).toMatch(/the prescription is newer and decides: not current$/);
    // Never made current against its own word: the statement stays "active" but not current.
    expect(withMedicineCourses([requestStopped, theStatement]).find((m) => m.id === theStatement.id)!.current).toBe(false);
  });

  it('a statement based on two prescriptions, the older one completed and the newer active: current', () => {
    const older = { ...theRequest, id: 'P83005/MedicationRequest/omep-auth-1', status: 'completed', current: false, provenance: GP('2026-05-01T00:00:00Z') };
    const statementOfTwo = { ...theStatement, basedOn: [older.id, theRequest.id] };
    const [course, ...rest] = medicineCourses([statementOfTwo, older, theRequest]);
    expect(rest).toEqual([]);
    expect(course.current).toBe(true);
    expect(course.entries).toHaveLength(3);
  });

  it('different medicines are never paired, even when basedOn says so', () => {
    const lansoprazole = { ...theRequest, medication: med('Lansoprazole 30mg capsules', '317300005') };
    expect(medicineCourses([lansoprazole, theStatement])).toHaveLength(2);
    expect(withMedicineCourses([lansoprazole, theStatement]).map((m) => m.sameMedicineAs)).toEqual([[], []]);
    // Text only on both sides: the same words pair, other words do not; a code and text never.
    expect(sameMedicine(med('Omeprazole 20mg capsules', null), med('omeprazole 20mg  capsules', null))).toBe(true);
    expect(sameMedicine(med('Omeprazole 20mg capsules', null), med('Lansoprazole 30mg capsules', null))).toBe(false);
    expect(sameMedicine(OMEPRAZOLE, med('Omeprazole 20mg gastro-resistant capsules', null))).toBe(false);
  });

  it('basedOn to a request not in the record: the items stay as they were', () => {
    const elsewhere = { ...theStatement, status: 'stopped', current: false, basedOn: ['P83005/MedicationRequest/not-held'] };
    const listed = withMedicineCourses([theRequest, elsewhere]);
    expect(listed.map((m) => [m.id, m.current, m.sameMedicineAs, m.courseDisagreement])).toEqual([
      [theRequest.id, true, [], null],
      [elsewhere.id, false, [], null],
    ]);
  });

  it("another organisation's request of the same id is never paired (an item id names its organisation)", () => {
    const hospitals = { ...theRequest, provenance: { ...GP('2026-01-10T09:00:00Z'), odsCode: 'RM3' } };
    expect(medicineCourses([hospitals, theStatement])).toHaveLength(2);
  });
});

describe('the combined medications section: the pair is one medicine with both entries', () => {
  const parent = (gp: object[], hospital: object[] = []) => ({ medications: gp, hospitalPrescriptions: hospital, mentalHealthMedications: [], communityMedications: [], socialCareMedications: [], noCurrentMedications: [], hospitalNoCurrentMedications: [], mentalHealthNoCurrentMedications: [], communityNoCurrentMedications: [], socialCareNoCurrentMedications: [] });

  it('one item listing the statement and the prescription, each with its own dosage; not current when the newer statement stopped it', () => {
    const stopped = { ...theStatement, status: 'stopped', current: false, endDate: '2026-03-03', provenance: GP('2026-03-03T11:00:00Z') };
    // As the GP's slice serves them (current and links already read).
    const served = withMedicineCourses([theRequest, stopped]);
    const section = combinedMedications(parent(served));
    expect(section.items).toHaveLength(1);
    const [item] = section.items;
    expect(item.current).toBe(false);
    expect(item.sources.map((s) => s.dosage)).toEqual(['One capsule once a day', 'One capsule twice a day']);
    expect(item.disagreement).toBe(served[0].courseDisagreement);
  });

  it("the pair whose periods do not overlap is still one; the hospital's overlapping prescription joins it, the disagreement between sources said with the pair's voice", () => {
    const oldRequest = { ...theRequest, startDate: '2024-01-10', endDate: '2024-07-10', current: false, status: 'completed' };
    const statementNow = { ...theStatement, startDate: '2025-06-01', basedOn: [oldRequest.id] };
    const served = withMedicineCourses([oldRequest, statementNow]);
    const hospital = { ...theRequest, id: 'RM3/MedicationRequest/omep', basedOn: [], status: 'stopped', current: false, startDate: '2026-02-01', endDate: '2026-02-10', provenance: { odsCode: 'RM3', organisationName: 'Northern Care Alliance NHS Foundation Trust', lastUpdated: '2026-02-10T00:00:00Z' } };
    const section = combinedMedications(parent(served, [hospital]));
    expect(section.items).toHaveLength(1);
    expect(section.items[0].current).toBe(true);
    expect(section.items[0].sources.map((s) => s.id).sort()).toEqual([hospital.id, oldRequest.id, statementNow.id].sort());
    expect(section.items[0].disagreement).toBe('Sources disagree: active at Bury Central Medical Practice; stopped at Northern Care Alliance NHS Foundation Trust');
  });
});
