/**
 * Statuses as people read them, never as enum codes (on_hold -> "On hold"). Pure, so the wording
 * is unit-tested: a refuted problem reads "Refuted (ruled out)", never "active"; a provisional one
 * says so; a medicine whose course has ended reads "Ended", whatever the source's status.
 */

const SAID_OTHERWISE: Record<string, string> = {
  noshow: 'Did not attend',
  remission: 'In remission',
  refuted: 'Refuted (ruled out)',
  unable_to_assess: 'Unable to assess',
  entered_in_error: 'Entered in error',
};

/** Any FHIR status code in words: "on_hold" -> "On hold", "in_progress" -> "In progress". */
export function statusWords(code: unknown): string {
  if (code == null || code === '') return '';
  const text = String(code);
  if (SAID_OTHERWISE[text]) return SAID_OTHERWISE[text];
  const words = text.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CONDITION_VERIFICATION: Record<string, string> = {
  unconfirmed: 'unconfirmed',
  provisional: 'provisional (working diagnosis)',
  differential: 'differential (one of several possible diagnoses)',
};

interface Problem {
  clinicalStatus?: string | null;
  verificationStatus?: string | null;
  current: boolean;
}

/** A problem's status: a current one with its certainty ("Active, provisional (working diagnosis)"); a past one why it is past. */
export function problemStatus(p: Problem): string {
  if (p.verificationStatus === 'refuted') return SAID_OTHERWISE.refuted;
  const clinical = statusWords(p.clinicalStatus) || (p.current ? 'Current' : 'Not current');
  const certainty = CONDITION_VERIFICATION[p.verificationStatus ?? ''];
  const said = certainty ? `${clinical}, ${certainty}` : clinical;
  // The API's `current` decides; a source status that still reads active on a past item says so.
  return !p.current && ['active', 'recurrence', 'relapse'].includes(p.clinicalStatus ?? '') ? `No longer current (${said.toLowerCase()} at the source)` : said;
}

interface Allergy {
  clinicalStatus?: string | null;
  verificationStatus?: string | null;
  current: boolean;
}

/** An allergy's status: current ones "Confirmed", "Unconfirmed" or "Active"; past ones "Resolved", "Inactive", "Refuted (ruled out)". */
export function allergyStatus(a: Allergy): string {
  if (a.verificationStatus === 'refuted') return SAID_OTHERWISE.refuted;
  if (!a.current) return a.clinicalStatus === 'resolved' || a.clinicalStatus === 'inactive' ? statusWords(a.clinicalStatus) : 'No longer current';
  if (a.verificationStatus === 'unconfirmed') return 'Unconfirmed';
  return a.verificationStatus === 'confirmed' ? 'Confirmed' : 'Active';
}

interface Medicine {
  status: string;
  current: boolean;
  endDate?: string | null;
  /** Set when the statement and the prescription it is based on differ and the newer ended this one (H181). */
  courseDisagreement?: string | null;
}

/** A medicine's status: current "Active" / "On hold"; past "Stopped", "Completed", or "Ended" when the course ran out though the source still says active. */
export function medicationStatus(m: Medicine, formatDate: (value: string | null | undefined) => string): string {
  if (m.current || !['active', 'on_hold', 'intended', 'unknown'].includes(m.status)) return statusWords(m.status);
  // Ended by the newer entry of the same medicine (a stopped statement over its "active" prescription), not by a date.
  if (m.courseDisagreement) return `${statusWords(m.status)} at the source, not current`;
  const ended = formatDate(m.endDate);
  return ended ? `Ended ${ended}` : 'Ended';
}

interface Concept {
  display?: string | null;
  text?: string | null;
}
const conceptWords = (c: Concept | null | undefined) => c?.text ?? c?.display ?? '';

interface Administration {
  status: string;
  notGiven?: boolean | null;
  statusReasons?: Concept[] | null;
}

/**
 * A dose's status (MedicationAdministration): "Given" only when the source says completed; a dose
 * not given says "Not given" with why, and never reads as given; one being given says so.
 */
export function administrationStatus(a: Administration): string {
  const why = (a.statusReasons ?? []).map(conceptWords).filter(Boolean).join(', ');
  const withWhy = (words: string) => (why ? `${words}: ${why}` : words);
  if (a.notGiven || a.status === 'not_done') return withWhy('Not given');
  switch (a.status) {
    case 'completed':
      return 'Given';
    case 'in_progress':
      return 'Being given (in progress)';
    case 'on_hold':
      return withWhy('On hold, not all given yet');
    case 'stopped':
      return withWhy('Stopped before all of it was given');
    default:
      return withWhy('Not known whether given');
  }
}

const APPOINTMENT_WORDS: Record<string, string> = {
  proposed: 'Proposed (no time agreed yet)',
  pending: 'Awaiting confirmation',
  booked: 'Booked',
  arrived: 'Arrived',
  checked_in: 'Checked in',
  fulfilled: 'Attended',
  cancelled: 'Cancelled',
  noshow: 'Did not attend',
  waitlist: 'On the waiting list',
};

/** An appointment's status as people say it: "Attended", "Did not attend", "Cancelled: <reason>"; never a bare code. */
export function appointmentStatus(a: { status: string; cancellationReason?: Concept | null }): string {
  const words = APPOINTMENT_WORDS[a.status] ?? statusWords(a.status);
  const why = a.status === 'cancelled' ? conceptWords(a.cancellationReason) : '';
  return why ? `${words}: ${why}` : words;
}

const REPORT_WORDS: Record<string, string> = {
  registered: 'Registered (no results yet)',
  partial: 'Partial (some results still to come)',
  preliminary: 'Preliminary (to be confirmed)',
  final: 'Final',
  amended: 'Amended (changed after it was final)',
  corrected: 'Corrected (after it was final)',
  appended: 'Appended (added to after it was final)',
  cancelled: 'Cancelled',
  unknown: 'Status not known',
};

/** A report's status (DiagnosticReport) as people read it: a preliminary or amended report says so, never only "Final" or a bare code. */
export function reportStatus(r: { status: string }): string {
  return REPORT_WORDS[r.status] ?? statusWords(r.status);
}

/** An alert's status (Flag): "Active" only while the record says it is in force; an ended one says when, whatever the source's status. */
export function alertStatus(a: { status: string; current: boolean; end?: string | null }, formatDate: (value: string | null | undefined) => string): string {
  if (a.current) return 'Active';
  const ended = formatDate(a.end);
  return ended ? `Ended ${ended}` : 'No longer in force';
}

const ADVANCE_DECISION_WORDS: Record<string, string> = {
  draft: 'Draft (not in force)',
  proposed: 'Proposed (not in force)',
  rejected: 'Rejected (never in force)',
  inactive: 'No longer in force (withdrawn or ended)',
};

/** An advance decision's status (Consent): "In force" only while the record says so; one whose period has ended, withdrawn, or never agreed says which. */
export function advanceDecisionStatus(a: { status: string; current: boolean }): string {
  if (a.current) return 'In force';
  return ADVANCE_DECISION_WORDS[a.status] ?? 'No longer in force (its period has ended)';
}

/** A next of kin's status (RelatedPerson.active, served as `current`): still recorded by the source, or no longer. */
export function nextOfKinStatus(k: { current: boolean }): string {
  return k.current ? 'Recorded' : 'No longer recorded';
}
