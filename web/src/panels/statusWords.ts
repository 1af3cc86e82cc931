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
}

/** A medicine's status: current "Active" / "On hold"; past "Stopped", "Completed", or "Ended" when the course ran out though the source still says active. */
export function medicationStatus(m: Medicine, formatDate: (value: string | null | undefined) => string): string {
  if (m.current || !['active', 'on_hold', 'intended', 'unknown'].includes(m.status)) return statusWords(m.status);
  const ended = formatDate(m.endDate);
  return ended ? `Ended ${ended}` : 'Ended';
}
