/**
 * The NHS number field's rule, before anything is asked of the record: ten digits (the printed
 * spaces allowed) whose last is the Modulus 11 check digit. The check is the kit's, the one the
 * gateway and every subgraph apply (subgraphs/kit/src/nhsNumber.ts, a pure module): a number the
 * server would refuse as BAD_USER_INPUT is never sent. Pure, so each message is unit-tested.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../../subgraphs/kit/src/nhsNumber';

/** The error message for the field (the NHS design system's wording: what to do), or '' when the number may be a patient's. */
export function nhsNumberProblem(input: string): string {
  const digits = normaliseNhsNumber(input);
  if (!digits) return 'Enter the patient’s NHS number';
  if (!/^\d+$/.test(digits)) return 'NHS number must contain only numbers (spaces are allowed)';
  if (digits.length !== 10) return `NHS number must be 10 digits: you entered ${digits.length}`;
  if (!isValidNhsNumber(digits)) return 'Enter a valid NHS number: this one fails its check digit, so one of its digits is wrong';
  return '';
}
