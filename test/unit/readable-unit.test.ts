import { readableUnit } from '../../web/src/panels/readableUnit';
import { resultText } from '../../web/src/panels/resultText';

describe('a unit as a clinician reads it', () => {
  it.each([
    ['10*9/L', '× 10⁹/L'],
    ['10*12/L', '× 10¹²/L'],
    ['mm[Hg]', 'mmHg'],
    ['Cel', '°C'],
    ['kg/m2', 'kg/m²'],
    ['umol/L', 'µmol/L'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['{beats}/min', 'beats/min'],
    ['mmol/L', 'mmol/L'],
    ['mg', 'mg'],
    ['breaths per minute', 'breaths per minute'],
  ])('%s reads as %s', (unit, words) => {
    expect(readableUnit(unit)).toBe(words);
  });

  it('a result says its value with the readable unit, and a score says no unit', () => {
    const result = { components: [], memberIds: [] };
    expect(resultText({ ...result, value: '7.2', unit: '10*9/L' })).toBe('7.2 × 10⁹/L');
    expect(resultText({ ...result, value: '3', unit: '{score}' })).toBe('3');
    expect(resultText({ ...result, value: '140 mm[Hg]', unit: 'mm[Hg]' })).toBe('140 mm[Hg]');
  });
});
