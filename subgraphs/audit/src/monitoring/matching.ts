/**
 * Pure rules of the automatic monitoring: does a look by a member of staff at a patient's record
 * deserve a privacy officer's attention? Names and addresses are compared in a normal form (case,
 * spaces and punctuation ignored), never fuzzily: a finding must be explainable in one sentence.
 */

export type FindingKind = 'OWN_RECORD' | 'SAME_ADDRESS' | 'SAME_SURNAME';

/** How much a kind of finding weighs; MONITORING_ALERT_THRESHOLD compares against it. */
export const FINDING_SCORE: Record<FindingKind, number> = { OWN_RECORD: 3, SAME_ADDRESS: 2, SAME_SURNAME: 1 };
/** Findings scoring this or more raise an alert unless MONITORING_ALERT_THRESHOLD says otherwise. */
const DEFAULT_ALERT_THRESHOLD = 2;

export const FINDING_MEANING: Record<FindingKind, string> = {
  OWN_RECORD: 'the member of staff looked at their own record (the staff feed gives their NHS number)',
  SAME_ADDRESS: 'the member of staff lives at the patient\'s address (staff feed address against the patient index)',
  SAME_SURNAME: 'the member of staff shares the patient\'s family name (from their sign-in against the patient index)',
};

export interface PatientIdentity {
  nhsNumber: string;
  familyName: string | null;
  address: { lines: string[]; postcode: string | null } | null;
}

export interface StaffIdentity {
  staffId: string;
  familyName: string | null;
  nhsNumber: string | null;
  address: { lines: string[]; postcode: string | null } | null;
}

/** Upper-case letters only: "O'Brien" and "OBRIEN" are one name, "Smith-Jones" is "SMITHJONES". */
export function nameKey(name: string | null | undefined): string | null {
  const key = (name ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]/g, '');
  return key.length >= 2 ? key : null;
}

/** The first address line and the postcode, in a normal form; null when either is missing. */
export function addressKey(address: { lines: string[]; postcode: string | null } | null | undefined): string | null {
  const line = (address?.lines?.[0] ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  const postcode = (address?.postcode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return line && postcode ? `${line}|${postcode}` : null;
}

export function alertThreshold(value = process.env.MONITORING_ALERT_THRESHOLD): number {
  const threshold = Number(value ?? DEFAULT_ALERT_THRESHOLD);
  return Number.isFinite(threshold) && threshold >= 0 ? threshold : DEFAULT_ALERT_THRESHOLD;
}

/**
 * What one look found. The user's family name from their sign-in wins over the staff feed's;
 * either may be missing. Own record is not also a same-surname or same-address finding.
 */
export function findingsForLook(look: { userFamilyName: string | null; patient: PatientIdentity; staff: StaffIdentity | null }): FindingKind[] {
  const { patient, staff } = look;
  if (staff?.nhsNumber && staff.nhsNumber === patient.nhsNumber) return ['OWN_RECORD'];
  const found: FindingKind[] = [];
  const staffAddress = addressKey(staff?.address);
  if (staffAddress && staffAddress === addressKey(patient.address)) found.push('SAME_ADDRESS');
  const surname = nameKey(look.userFamilyName ?? staff?.familyName);
  if (surname && surname === nameKey(patient.familyName)) found.push('SAME_SURNAME');
  return found;
}
