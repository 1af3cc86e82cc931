import { isWithheld } from '../../subgraphs/kit/src/ingest/withheldCodes';

/** Sensitive information national summaries withhold is never stored (kit ingest/withheldCodes.ts). */

const SNOMED = 'http://snomed.info/sct';

describe('withheld sensitive codes', () => {
  it.each([
    ['52637005', 'In vitro fertilization'],
    ['8098009', 'Sexually transmitted infectious disease'],
    ['386639001', 'Termination of pregnancy'],
  ])('withholds SNOMED CT %s (%s) wherever it sits in the mapped fields', (code, display) => {
    expect(isWithheld({ code: { system: SNOMED, code, display: 'x' } })).toBe(true);
    expect(isWithheld({ reasons: [{ note: 'n' }, { coding: { system: SNOMED, code, display } }] })).toBe(true);
  });

  it('withholds a local code whose display says what it is', () => {
    for (const display of ['IVF treatment cycle', 'Gender reassignment surgery', 'Referral: termination of pregnancy']) {
      expect(isWithheld({ problem: { system: 'https://local.example/codes', code: 'L1', display } })).toBe(true);
    }
  });

  it('keeps ordinary clinical content', () => {
    expect(isWithheld({ problem: { system: SNOMED, code: '195967001', display: 'Asthma' }, note: 'IVF mentioned only in free text is not a coding' })).toBe(false);
    expect(isWithheld(null)).toBe(false);
    expect(isWithheld([{ system: SNOMED, code: '22298006', display: 'Myocardial infarction' }])).toBe(false);
  });
});
