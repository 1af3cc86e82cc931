import { administeredDose, administrationOutcome, dispenseOutcome, dosageLines } from '../../web/src/panels/medicineText';

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
