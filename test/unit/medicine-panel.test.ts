import {
  administeredDose,
  administrationOutcome,
  dispenseOutcome,
  dosageLines,
  medicineDosage,
  medicineRowEnded,
  medicineRows,
  medicineRowStarted,
  medicineRowStatus,
  type MedicineEntry,
} from '../../web/src/panels/medicineText';
import { formatDate } from '../../web/src/panels/fhirTime';

/** How the medications panel words the hospital's dispensed and administered medicines (web/src/panels/medicineText.ts). */

describe('medications panel: dispensed and given in hospital', () => {
  it('a dose not given reads "Not given" with its reasons, never as given; one under way is not completed', () => {
    expect(administrationOutcome({ given: false, notGiven: true, status: 'not_done', statusReasons: [{ display: 'Drug declined by patient' }] })).toBe('Not given: Drug declined by patient');
    expect(administrationOutcome({ given: false, notGiven: true, status: 'not_done', statusReasons: [] })).toBe('Not given');
    expect(administrationOutcome({ given: true, notGiven: false, status: 'completed', statusReasons: [] })).toBe('Given');
    expect(administrationOutcome({ given: false, notGiven: false, status: 'in_progress', statusReasons: [] })).toBe('Not completed (in progress)');
  });

  it('every dosage line of a dispense is shown, in order, not only the first', () => {
    expect(dosageLines([{ text: 'Two tablets in the morning with breakfast' }, { text: null, dose: '1 tablet', timing: '1 time every 1 day (CV)' }])).toBe('Two tablets in the morning with breakfast; 1 tablet 1 time every 1 day (CV)');
  });

  it('a dispense is "Supplied" only when handed over; otherwise what happened and why', () => {
    expect(dispenseOutcome({ supplied: true, status: 'completed' })).toBe('Supplied');
    expect(dispenseOutcome({ supplied: false, status: 'cancelled', statusReason: { display: 'drug not available - out of stock' } })).toBe('Not supplied (cancelled: drug not available - out of stock)');
    expect(dispenseOutcome({ supplied: false, status: 'in_progress' })).toBe('Not supplied (in progress)');
  });

  it('an administered dose shows its amount, route and rate', () => {
    expect(administeredDose({ dose: { value: 1, unit: 'g' }, route: { display: 'Intravenous route' }, rate: '100 mL/h' })).toBe('1 g, Intravenous route, at 100 mL/h');
    expect(administeredDose(null)).toBe('');
  });
});

describe('medications panel: a statement and the prescription it is based on are one row (H180-H182)', () => {
  const provenance = { organisationName: 'Bury Central Medical Practice', lastUpdated: '2026-10-20T14:00:00Z' };
  const med = { display: 'Ramipril 5mg capsules' };
  const statement: MedicineEntry = { id: 'P83005/MedicationStatement/s', kind: 'statement', medication: med, dosage: 'One capsule in the morning', status: 'stopped', current: false, startDate: '2025-01-10', endDate: '2026-10-20', sameMedicineAs: ['P83005/MedicationRequest/r'], courseDisagreement: 'differ', provenance };
  const request: MedicineEntry = { id: 'P83005/MedicationRequest/r', kind: 'request', medication: med, dosage: 'One capsule once a day', status: 'active', current: false, startDate: '2026-03-01', endDate: null, sameMedicineAs: [statement.id], courseDisagreement: 'differ', provenance };
  const other: MedicineEntry = { id: 'P83005/MedicationStatement/a', kind: 'statement', medication: { display: 'Amlodipine 5mg tablets' }, dosage: 'One tablet once a day', status: 'active', current: true, sameMedicineAs: [], provenance };

  it('the pair is one row keeping both entries; an unpaired medicine its own row', () => {
    const rows = medicineRows([other, statement, request]);
    expect(rows.map((r) => [r.id, r.entries.map((e) => e.id), r.current, r.courseDisagreement])).toEqual([
      [other.id, [other.id], true, null],
      [statement.id, [statement.id, request.id], false, 'differ'],
    ]);
  });

  it("the row says every entry's status by its kind, both dosages where they differ, the course's dates", () => {
    const [row] = medicineRows([statement, request]);
    expect(medicineRowStatus(row, formatDate)).toBe('Stopped (statement); Active at the source, not current (prescription)');
    expect(medicineDosage(row.entries)).toBe('One capsule in the morning (statement); One capsule once a day (prescription)');
    expect(medicineDosage([statement, { ...request, dosage: statement.dosage }])).toBe('One capsule in the morning');
    expect(medicineRowStarted(row)).toBe('2025-01-10');
    expect(medicineRowEnded(row)).toBe('2026-10-20');
  });

  it('a row is current when any entry is (the server read the course onto each)', () => {
    const [row] = medicineRows([{ ...statement, status: 'active', current: true, courseDisagreement: null }, { ...request, current: true, courseDisagreement: null }]);
    expect(row.current).toBe(true);
    expect(medicineRowStatus(row, formatDate)).toBe('Active (statement); Active (prescription)');
  });
});
