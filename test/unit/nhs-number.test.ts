import { formatNhsNumber, isValidNhsNumber, nhsNumberCheckDigit } from '../../subgraphs/kit/src/nhsNumber';

describe('NHS number (Modulus 11)', () => {
  it('accepts valid numbers, with or without the printed spaces', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });

  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
    expect(isValidNhsNumber('94347659I9')).toBe(false);
    expect(isValidNhsNumber('')).toBe(false);
  });

  it('never issues a number whose check digit would be 10', () => {
    // 1000000010: weights give remainder 1, check 10 -> no valid number starts with these nine digits
    const firstNine = '100000001';
    expect(nhsNumberCheckDigit(firstNine)).toBeNull();
    for (let d = 0; d <= 9; d += 1) expect(isValidNhsNumber(`${firstNine}${d}`)).toBe(false);
  });

  it('prints as clinicians read it', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
