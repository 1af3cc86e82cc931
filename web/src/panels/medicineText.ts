/**
 * How the medications panel words the hospital's dispensed and administered medicines. Pure (no
 * DOM), so the wording rules are unit-tested: every dosage line shown, a dispense supplied only
 * when handed over, a dose not given never read as given.
 */

export const quantity = (q: { value: number; unit?: string | null } | null) => (q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : '');

/** Every dosage line, in order: a second line is never dropped. */
export const dosageLines = (lines: Array<{ text?: string | null; dose?: string | null; timing?: string | null }>) =>
  lines.map((l) => l.text ?? [l.dose, l.timing].filter(Boolean).join(' ')).filter(Boolean).join('; ');

const statusWords = (status: string) => status.replace(/_/g, ' ');

/** Supplied only when handed over; otherwise what happened, with the reason. */
export const dispenseOutcome = (d: { supplied: boolean; status: string; statusReason?: { display: string } | null }) =>
  d.supplied ? 'Supplied' : `Not supplied (${statusWords(d.status)}${d.statusReason ? `: ${d.statusReason.display}` : ''})`;

export const administeredDose = (dosage: { text?: string | null; dose?: { value: number; unit?: string | null } | null; route?: { display: string } | null; rate?: string | null } | null) =>
  dosage ? [dosage.text ?? quantity(dosage.dose ?? null), dosage.route?.display, dosage.rate && `at ${dosage.rate}`].filter(Boolean).join(', ') : '';

/** A not-done administration reads "Not given" with why, never as given. */
export const administrationOutcome = (a: { given: boolean; notGiven: boolean; status: string; statusReasons: Array<{ display: string }> }) =>
  a.notGiven
    ? `Not given${a.statusReasons.length ? `: ${a.statusReasons.map((r) => r.display).join(', ')}` : ''}`
    : a.given
      ? 'Given'
      : `Not completed (${statusWords(a.status)})`;

