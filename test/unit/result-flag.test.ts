import { resultFlag } from '../../web/src/panels/resultFlag';

/** An abnormal result is said in letters and words, never by colour alone (issue #19, point 4). */

it('the laboratory’s flag in letters and words', () => {
  expect(resultFlag({ abnormal: true, interpretation: { code: 'H', display: 'High' } })).toBe('H (High)');
  expect(resultFlag({ abnormal: true, interpretation: { code: 'L', display: 'Low' } })).toBe('L (Low)');
  expect(resultFlag({ abnormal: true, interpretation: { code: 'HH', display: 'Critical high' } })).toBe('HH (Critically high)');
  expect(resultFlag({ abnormal: true, interpretation: { code: 'll', display: '' } })).toBe('LL (Critically low)');
  expect(resultFlag({ abnormal: true, interpretation: { code: 'A', display: 'Abnormal' } })).toBe('Abnormal');
});

it('flagged abnormal without a code we know: "Abnormal", with the source’s words when it gave some', () => {
  expect(resultFlag({ abnormal: true })).toBe('Abnormal');
  expect(resultFlag({ abnormal: true, interpretation: { code: 'XYZ', display: 'outside local limits' } })).toBe('Abnormal (Outside local limits)');
});

it('normal or not flagged: nothing', () => {
  expect(resultFlag({ abnormal: false, interpretation: { code: 'N', display: 'Normal' } })).toBe('');
  expect(resultFlag({ abnormal: null })).toBe('');
  expect(resultFlag({})).toBe('');
});
