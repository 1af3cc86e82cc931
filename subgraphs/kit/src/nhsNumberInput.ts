import { badUserInput } from './errors';
import { isValidNhsNumber, normaliseNhsNumber } from './nhsNumber';

/** Validates an NHS number argument before anything touches the database. */
export function nhsNumberArgument(input: string, argument = 'nhsNumber'): string {
  if (!isValidNhsNumber(input)) {
    throw badUserInput(`"${argument}" is not a valid NHS number: it must be 10 digits with a valid Modulus 11 check digit.`, {
      argument,
    });
  }
  return normaliseNhsNumber(input);
}
