import { medicationStatus } from './statusWords';

/**
 * How the medications panel words the medicines, dispensed and administered medicines. Pure (no
 * DOM), so the wording rules are unit-tested: every dosage line shown, a dispense supplied only
 * when handed over, a dose not given never read as given, a statement and the prescription it is
 * based on one medicine (one row), every entry's status and dosage still said.
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


// --- A statement and the prescription it is based on: one medicine (clinical safety H180-H182)

export interface MedicineEntry {
  id: string;
  kind?: string | null;
  medication: { display?: string | null; text?: string | null };
  dosage?: string | null;
  status: string;
  current: boolean;
  startDate?: string | null;
  endDate?: string | null;
  sameMedicineAs?: string[] | null;
  courseDisagreement?: string | null;
  provenance: { organisationName: string; lastUpdated?: string | null };
}

export interface MedicineRow extends MedicineEntry {
  /** Every entry of the medicine: the statement and the prescription(s) it is based on, or the one item. */
  entries: MedicineEntry[];
}

type DateWords = (value: string | null | undefined) => string;

const KIND_WORDS: Record<string, string> = { statement: 'statement', request: 'prescription' };
const kindWords = (kind: string | null | undefined) => KIND_WORDS[kind ?? ''] ?? 'entry';
const paired = (m: MedicineEntry) => Boolean(m.sameMedicineAs?.length);

/**
 * The rows of a source's medicines list: the entries the server says are one medicine
 * (sameMedicineAs) one row, current when the medicine is (the server already read the course's
 * current onto each entry), in the list's order of the first entry. Nothing is dropped: the row
 * keeps every entry.
 */
export function medicineRows<T extends MedicineEntry>(items: T[]): MedicineRow[] {
  const byId = new Map(items.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const rows: MedicineRow[] = [];
  for (const item of items) {
    if (seen.has(item.id)) continue;
    const entries = [item, ...(item.sameMedicineAs ?? []).map((id) => byId.get(id)).filter((m): m is T => Boolean(m) && !seen.has(m!.id) && m!.id !== item.id)];
    entries.forEach((e) => seen.add(e.id));
    rows.push({
      ...item,
      current: entries.some((e) => e.current),
      courseDisagreement: entries.map((e) => e.courseDisagreement).find(Boolean) ?? null,
      entries,
    });
  }
  return rows;
}

/** One entry's status, named by its kind when it is one of a pair: "Stopped (statement)", "Active at the source, not current (prescription)". */
export const medicineEntryStatus = (m: MedicineEntry, formatDate: DateWords) => `${medicationStatus(m, formatDate)}${paired(m) ? ` (${kindWords(m.kind)})` : ''}`;

/** A row's status: every entry's, each named by its kind. */
export const medicineRowStatus = (row: MedicineRow, formatDate: DateWords) => row.entries.map((e) => medicineEntryStatus(e, formatDate)).join('; ');

/**
 * The dosage of a medicine's entries (a row's, or a combined item's sources): each different
 * dosage once, in order; when they differ, an entry of a statement-and-prescription pair is named
 * by its kind ("One capsule once a day (statement); One capsule twice a day (prescription)"). A
 * difference is never hidden.
 */
export function medicineDosage(entries: MedicineEntry[]): string {
  const byText = new Map<string, MedicineEntry[]>();
  for (const e of entries) if (e.dosage) byText.set(e.dosage, [...(byText.get(e.dosage) ?? []), e]);
  if (byText.size <= 1) return [...byText.keys()][0] ?? '';
  return [...byText]
    .map(([text, sayers]) => {
      const kinds = [...new Set(sayers.filter(paired).map((e) => kindWords(e.kind)))];
      return kinds.length ? `${text} (${kinds.join(' and ')})` : text;
    })
    .join('; ');
}

export const medicineRowDosage = (row: MedicineRow) => medicineDosage(row.entries);

/** The earliest start, and the end the statement gives (else any entry's): the course's dates. */
const instant = (value: string | null | undefined) => (value ? Date.parse(value) : NaN);
export const medicineRowStarted = (row: MedicineRow) =>
  row.entries.map((e) => e.startDate).filter((d): d is string => Boolean(d) && !Number.isNaN(instant(d))).sort((a, b) => instant(a) - instant(b))[0] ?? row.startDate ?? null;
export const medicineRowEnded = (row: MedicineRow) => (row.entries.find((e) => e.kind !== 'request' && e.endDate) ?? row.entries.find((e) => e.endDate))?.endDate ?? null;
