import { MedicationsDocument, type MedicationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-medications nhs-number="..."> — fields in medications.graphql. */
export class MedicationsPanel extends RecordPanel<MedicationsQuery> {
  protected heading = 'Medications';
  protected document = MedicationsDocument;
  protected sections: Section[] = [
    { title: 'Medications', path: ['patient', 'medications'], source: 'gpSource', columns: [col('Medication', (m) => m.medication.display), col('Dosage', (m) => m.dosage), col('Status', (m) => m.status), col('Started', (m) => formatDate(m.startDate)), col('Ended', (m) => formatDate(m.endDate))] },
    { title: 'Dispensed in hospital', path: ['patient', 'medicationDispenses'], source: 'acuteSource', columns: [col('Medication', (d) => d.medication.display), col('Dosage', (d) => dosageLines(d.dosageInstructions)), col('Quantity', (d) => quantity(d.quantity)), col('Supplied', (d) => dispenseOutcome(d)), col('Handed over', (d) => formatDate(d.whenHandedOver ?? d.whenPrepared))] },
    { title: 'Given in hospital', path: ['patient', 'medicationAdministrations'], source: 'acuteSource', columns: [col('Medication', (a) => a.medication.display), col('Dose', (a) => administeredDose(a.dosage)), col('Given', (a) => administrationOutcome(a)), col('When', (a) => formatDate(a.effective))] },
  ];
}

const quantity = (q: { value: number; unit?: string | null } | null) => (q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : '');

/** Every dosage line, in order: a second line is never dropped. */
const dosageLines = (lines: Array<{ text?: string | null; dose?: string | null; timing?: string | null }>) =>
  lines.map((l) => l.text ?? [l.dose, l.timing].filter(Boolean).join(' ')).filter(Boolean).join('; ');

const statusWords = (status: string) => status.replace(/_/g, ' ');

/** Supplied only when handed over; otherwise what happened, with the reason. */
const dispenseOutcome = (d: { supplied: boolean; status: string; statusReason?: { display: string } | null }) =>
  d.supplied ? 'Supplied' : `Not supplied (${statusWords(d.status)}${d.statusReason ? `: ${d.statusReason.display}` : ''})`;

const administeredDose = (dosage: { text?: string | null; dose?: { value: number; unit?: string | null } | null; route?: { display: string } | null; rate?: string | null } | null) =>
  dosage ? [dosage.text ?? quantity(dosage.dose ?? null), dosage.route?.display, dosage.rate && `at ${dosage.rate}`].filter(Boolean).join(', ') : '';

/** A not-done administration reads "Not given" with why, never as given. */
const administrationOutcome = (a: { given: boolean; notGiven: boolean; status: string; statusReasons: Array<{ display: string }> }) =>
  a.notGiven
    ? `Not given${a.statusReasons.length ? `: ${a.statusReasons.map((r) => r.display).join(', ')}` : ''}`
    : a.given
      ? 'Given'
      : `Not completed (${statusWords(a.status)})`;

customElements.get('sfy-medications') ?? customElements.define('sfy-medications', MedicationsPanel);
