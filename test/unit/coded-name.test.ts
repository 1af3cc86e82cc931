import { sourceCodes, sourceName, sourceNames, systemName } from '../../web/src/panels/codedName';

/**
 * A result's name as its source gave it, with the code on demand (issue #19.4): the source's text,
 * else its first coding's display; never the code system's own display in place of the source's words.
 */

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';

describe('the name a source gave', () => {
  it('is the concept\'s text first, even when a coding carries the code system\'s display', () => {
    expect(sourceName({ display: 'Hemoglobin [Mass/volume] in Blood', text: 'Haemoglobin', coding: [{ system: LOINC, code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }] })).toBe('Haemoglobin');
  });
  it('without text, the source\'s first coding that has a display', () => {
    expect(sourceName({ display: 'Body weight', coding: [{ system: SNOMED, code: '27113001', display: 'Body weight' }, { system: LOINC, code: '29463-7', display: 'Body weight Measured' }] })).toBe('Body weight');
    expect(sourceName({ display: 'x', coding: [{ system: LOINC, code: '1', display: '' }, { system: SNOMED, code: '2', display: 'Second' }] })).toBe('Second');
  });
  it('falls back to the preferred display, and is empty for nothing', () => {
    expect(sourceName({ display: 'Only display', coding: [] })).toBe('Only display');
    expect(sourceName(null)).toBe('');
  });
  it('two sources with their own words are both said, once each', () => {
    const sources = [{ code: { text: 'Haemoglobin' } }, { code: { text: 'Hb' } }, { code: { text: 'Haemoglobin' } }];
    expect(sourceNames(sources, (s) => s.code)).toEqual(['Haemoglobin', 'Hb']);
  });
});

describe('the codes on demand', () => {
  it('every source\'s codes once each, the system by the name clinicians know it by', () => {
    const sources = [
      { code: { coding: [{ system: LOINC, code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }] } },
      { code: { coding: [{ system: LOINC, code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' }, { system: SNOMED, code: '1022431000000105', display: 'Haemoglobin estimation' }] } },
    ];
    expect(sourceCodes(sources, (s) => s.code)).toEqual([
      { system: 'LOINC', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood' },
      { system: 'SNOMED CT', code: '1022431000000105', display: 'Haemoglobin estimation' },
    ]);
  });
  it('a concept given as text only has no code', () => {
    expect(sourceCodes([{ code: { text: 'Bloods', coding: [{ system: 'text', code: '', display: 'Bloods' }] } }], (s) => s.code)).toEqual([]);
  });
  it('an unknown system is named by its URI', () => {
    expect(systemName('https://example.org/lab-codes')).toBe('https://example.org/lab-codes');
  });
});
