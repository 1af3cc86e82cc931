/**
 * Synthetic NHS numbers: ten digits starting "999" (the range the NHS sets aside for test data),
 * a valid Modulus 11 check digit, one per patient index, never repeated.
 *
 * The first eight digits are "999" plus a five-digit block; the ninth digit is chosen among the
 * values that give a valid check digit (at most one of the ten cannot, remainder 10). Index i uses
 * block scramble(i mod 100000) and the (i div 100000)-th usable ninth digit, so the first 100,000
 * patients all sit in different blocks and 900,000 patients fit without a collision.
 */

import { nhsNumberCheckDigit } from '../../../subgraphs/kit/src/nhsNumber';

const BLOCKS = 100_000;
/** Nine usable ninth digits in every block (ten minus at most one invalid). */
const MAX_SYNTHETIC_PATIENTS = BLOCKS * 9;

/** A bijection on 0..99999 (48271 is coprime with 100000), so consecutive patients do not get consecutive numbers. */
function scrambleBlock(block: number): number {
  return (block * 48271 + 31337) % BLOCKS;
}

export function syntheticNhsNumber(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_SYNTHETIC_PATIENTS) {
    throw new RangeError(`patient index must be an integer in 0..${MAX_SYNTHETIC_PATIENTS - 1}`);
  }
  const firstEight = '999' + String(scrambleBlock(index % BLOCKS)).padStart(5, '0');
  let slot = Math.floor(index / BLOCKS);
  for (let ninth = 0; ninth <= 9; ninth++) {
    const firstNine = firstEight + String(ninth);
    const check = nhsNumberCheckDigit(firstNine);
    if (check === null) continue;
    if (slot === 0) return firstNine + String(check);
    slot--;
  }
  // Unreachable: every block has at least nine usable ninth digits.
  throw new Error(`no NHS number for index ${index}`);
}
