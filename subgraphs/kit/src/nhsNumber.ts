/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit.
 * Validation happens before any database query: an invalid number is the caller's mistake.
 */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check digit for the first nine digits, or null when no valid number can end them (remainder 10). */
export function nhsNumberCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('nhsNumberCheckDigit needs exactly nine digits');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstNine[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** Spaces are tolerated ("943 476 5919") because that is how numbers are printed on letters. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  const check = nhsNumberCheckDigit(digits.slice(0, 9));
  return check !== null && check === Number(digits[9]);
}

/** "9434765919" → "943 476 5919", the format clinicians read. */
export function formatNhsNumber(nhsNumber: string): string {
  const d = normaliseNhsNumber(nhsNumber);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}
