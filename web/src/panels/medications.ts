import { MedicationsDocument, type MedicationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { html, nothing } from 'lit';
import { disagreementWords } from './combinedWords';
import {
  administeredDose,
  administrationOutcome,
  dispenseOutcome,
  dosageLines,
  medicineRowDosage,
  medicineRowEnded,
  medicineRowStarted,
  medicineRowStatus,
  medicineRows,
  quantity,
  type MedicineRow,
} from './medicineText';
import { listStatementSections } from './listStatements';

// A statement and the prescription it is based on are one medicine: one row (medicineRows), every entry's dosage and status said, the
// source's own disagreement between them under the name (H180-H182).
const medicineName = (m: MedicineRow) =>
  html`${m.medication.display ?? m.medication.text ?? ''}${m.courseDisagreement ? html`<p class="disagreement" data-role="disagreement">${disagreementWords(m.courseDisagreement)}</p>` : nothing}`;
const sourceMedicineColumns = [
  col('Medication', medicineName),
  col('Dosage', (m: MedicineRow) => medicineRowDosage(m)),
  col('Status', (m: MedicineRow) => medicineRowStatus(m, formatDate)),
  col('Started', (m: MedicineRow) => formatDate(medicineRowStarted(m))),
  col('Ended', (m: MedicineRow) => formatDate(medicineRowEnded(m))),
];
// Doses given (MedicationAdministration), each source's apart: every dose its own row, "Given" or "Not given: <why>", never a medicine the patient is on (H153).
const givenColumns = [col('Medication', (a: any) => a.medication.display), col('Dose', (a: any) => administeredDose(a.dosage)), col('Given', (a: any) => administrationOutcome(a)), col('When', (a: any) => formatDate(a.effective))];
// Medicines supplied (MedicationDispense), each source's apart: "Supplied" only when handed over, else why not; a cancelled, declined or stopped supply in the history part.
const dispenseColumns = [col('Medication', (d: any) => d.medication.display), col('Dosage', (d: any) => dosageLines(d.dosageInstructions)), col('Quantity', (d: any) => quantity(d.quantity)), col('Supplied', (d: any) => dispenseOutcome(d)), col('Handed over', (d: any) => formatDate(d.whenHandedOver ?? d.whenPrepared))];

/** <sfy-medications nhs-number="..."> — fields in medications.graphql. The GP's current medicines, then stopped and past ones; the hospital's prescriptions and the mental health trust's medicines, each apart; the hospital's and the GP practice's dispensed; the doses each source gave; each source's "No current medications" statements. */
export class MedicationsPanel extends RecordPanel<MedicationsQuery> {
  protected heading = 'Medications';
  protected document = MedicationsDocument;
  protected sections: Section[] = [
    {
      title: 'Medications',
      path: ['patient', 'medications'],
      source: 'gpSource',
      // `current` from the record decides, not the source's status: an active statement whose course has ended is past.
      current: { history: 'Stopped and past medications' },
      rows: medicineRows,
      columns: sourceMedicineColumns,
    },
    { title: 'Prescribed in hospital', path: ['patient', 'hospitalPrescriptions'], source: 'acuteSource', current: { history: 'Stopped and past hospital prescriptions' }, rows: medicineRows, columns: sourceMedicineColumns },
    { title: 'Mental health trust medicines', path: ['patient', 'mentalHealthMedications'], source: 'mentalHealthSource', current: { history: 'Stopped and past mental health medicines' }, rows: medicineRows, columns: sourceMedicineColumns },
    { title: 'Community services medicines', path: ['patient', 'communityMedications'], source: 'communitySource', current: { history: 'Stopped and past community medicines' }, rows: medicineRows, columns: sourceMedicineColumns },
    { title: 'Social care medicines (home care)', path: ['patient', 'socialCareMedications'], source: 'socialCareSource', current: { history: 'Stopped and past social care medicines' }, rows: medicineRows, columns: sourceMedicineColumns },
    { title: 'Dispensed in hospital', path: ['patient', 'medicationDispenses'], source: 'acuteSource', current: { history: 'Cancelled, declined and stopped hospital dispenses' }, columns: dispenseColumns },
    { title: 'Dispensed by the GP practice', path: ['patient', 'gpMedicationDispenses'], source: 'gpSource', current: { history: 'Cancelled, declined and stopped GP dispenses' }, columns: dispenseColumns },
    { title: 'Given at the GP practice', path: ['patient', 'gpMedicationAdministrations'], source: 'gpSource', columns: givenColumns },
    { title: 'Given in hospital', path: ['patient', 'medicationAdministrations'], source: 'acuteSource', columns: givenColumns },
    { title: 'Given by the mental health trust', path: ['patient', 'mentalHealthMedicationAdministrations'], source: 'mentalHealthSource', columns: givenColumns },
    { title: 'Given by community services', path: ['patient', 'communityMedicationAdministrations'], source: 'communitySource', columns: givenColumns },
    { title: 'Given by home care (social care)', path: ['patient', 'socialCareMedicationAdministrations'], source: 'socialCareSource', columns: givenColumns },
    // Each source's "No current medications" statements (a medications List sent empty because nothing is known), apart from its medicines (H123-H125).
    ...listStatementSections('No current medications', 'noCurrentMedications'),
  ];
}

customElements.get('sfy-medications') ?? customElements.define('sfy-medications', MedicationsPanel);
