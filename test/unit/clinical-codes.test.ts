import { readFileSync } from 'node:fs';
import { carePlanKindOf, CLINICAL_CODES_PATH, flagMeaningOf, loadClinicalCodes, parseClinicalCodes } from '../../schema/src/clinicalCodes';

/** The code lists that decide where a Flag or CarePlan lands (schema/clinical-codes.yaml), loaded and checked whole. */

const text = readFileSync(CLINICAL_CODES_PATH, 'utf8');
const SNOMED = 'http://snomed.info/sct';

describe('clinical code lists', () => {
  it('the committed lists load, each naming real systems and codes', () => {
    const codes = loadClinicalCodes();
    expect(codes.flags.safeguarding.codes).toEqual(expect.arrayContaining([{ system: SNOMED, code: '224353004', display: 'Child protection finding' }]));
    expect(codes.flags.safeguarding.codes).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS' })]));
    expect(codes.flags.mentalHealthRisk.codes).toEqual(expect.arrayContaining([expect.objectContaining({ system: SNOMED, code: '225444004' })]));
    expect(codes.carePlans.crisisPlan.codes).toEqual([{ system: SNOMED, code: '736253002', display: 'Mental health crisis plan' }]);
  });

  it('reads a Flag by every coding of its code and categories, never by its text', () => {
    expect(flagMeaningOf([{ coding: [{ system: 'https://example.org/x', code: '1' }, { system: SNOMED, code: '224353004' }] }])).toBe('safeguarding');
    expect(flagMeaningOf([{ coding: [{ system: SNOMED, code: '225444004' }] }])).toBe('mentalHealthRisk');
    expect(flagMeaningOf([{ text: 'Safeguarding' } as never, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety' }] }])).toBe('general');
    expect(flagMeaningOf([undefined, null])).toBe('general');
    // The same code in another system means nothing here.
    expect(flagMeaningOf([{ coding: [{ system: 'https://example.org/x', code: '224353004' }] }])).toBe('general');
  });

  it('a flag coded both safeguarding and risk is safeguarding (the stricter audience)', () => {
    expect(flagMeaningOf([{ coding: [{ system: SNOMED, code: '225444004' }] }, { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory', code: 'CP-IS' }] }])).toBe('safeguarding');
  });

  it('reads a CarePlan by its category codes', () => {
    expect(carePlanKindOf([{ coding: [{ system: SNOMED, code: '736253002' }] }])).toBe('crisisPlan');
    expect(carePlanKindOf([{ text: 'Crisis plan' } as never])).toBe('other');
  });

  it('refuses a list with a code in two meanings, an unquoted or missing code, a list it does not route by, or a missing list', () => {
    expect(() => parseClinicalCodes(text.replace('code: "225444004"', 'code: "224353004"'))).toThrow(/224353004 is already in flags.safeguarding/);
    expect(() => parseClinicalCodes(text.replace('code: "225444004"', 'code: 225444004'))).toThrow(/code must be a non-empty string/);
    expect(() => parseClinicalCodes(text.replace('system: "http://snomed.info/sct", code: "736253002"', 'system: "snomed", code: "736253002"'))).toThrow(/system must be a URI/);
    expect(() => parseClinicalCodes(text.replace('  mentalHealthRisk:', '  mentalHealthRisks:'))).toThrow(/flags.mentalHealthRisks is not a list this record routes by[\s\S]*flags.mentalHealthRisk: label is required/);
    expect(() => parseClinicalCodes('flags: {}\n')).toThrow(/carePlans must map/);
  });
});
