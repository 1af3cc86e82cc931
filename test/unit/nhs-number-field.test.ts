import { nhsNumberProblem } from '../../web/src/viewer/nhsNumberField';

/** The viewer's NHS number field: what is never sent to the record, and what it says instead (the kit's Modulus 11 check). */

it('a valid number passes, with or without the printed spaces', () => {
  expect(nhsNumberProblem('9993133701')).toBe('');
  expect(nhsNumberProblem('999 313 3701')).toBe('');
  expect(nhsNumberProblem(' 999 313 3701 ')).toBe('');
});

it('a number that fails the Modulus 11 check is refused with a message that says so', () => {
  expect(nhsNumberProblem('9993133702')).toMatch(/^Enter a valid NHS number: .*check digit/);
  expect(nhsNumberProblem('999 313 3709')).toMatch(/^Enter a valid NHS number/);
  // Nine digits whose check would be 10: no valid number starts with them.
  expect(nhsNumberProblem('1000000010')).toMatch(/^Enter a valid NHS number/);
});

it('empty, the wrong length or other characters each say what to do', () => {
  expect(nhsNumberProblem('')).toBe('Enter the patient’s NHS number');
  expect(nhsNumberProblem('   ')).toBe('Enter the patient’s NHS number');
  expect(nhsNumberProblem('999313370')).toBe('NHS number must be 10 digits: you entered 9');
  expect(nhsNumberProblem('99931337011')).toBe('NHS number must be 10 digits: you entered 11');
  expect(nhsNumberProblem('999-313-3701')).toBe('NHS number must contain only numbers (spaces are allowed)');
  expect(nhsNumberProblem('999313370I')).toBe('NHS number must contain only numbers (spaces are allowed)');
});
