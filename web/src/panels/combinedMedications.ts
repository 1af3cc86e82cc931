import { CombinedMedicationsDocument, type CombinedMedicationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { medicineDosage, medicineEntryStatus, type MedicineEntry } from './medicineText';
import { firstDate, nameCol, sourcesCol, sourcesStatusCol, listStatementSection, combinedSection } from './combinedColumns';

// Each source's entry in its words; a statement and the prescription it is based on (one medicine, one item) each named by its kind.
const status = (m: MedicineEntry) => medicineEntryStatus(m, formatDate);

/** The combined medications' columns, shared with the emergency summary. */
export const combinedMedicationColumns = [nameCol('Medication', (m) => m.medication), col('Dosage', (m) => medicineDosage(m.sources)), sourcesStatusCol(status), col('Started', (m) => firstDate(m, (s) => s.startDate)), sourcesCol(status)];

/**
 * <sfy-combined-medications nhs-number="..."> — fields in combinedMedications.graphql. The GP's, the
 * hospital's and the mental health trust's medicines, the same medicine over the same time once;
 * each source's dosage shown. "No current medications" statements (a medications List sent empty
 * because nothing is known) are apart, never rows of the medicines, each with its source and date;
 * a statement beside a current medicine is a warning above the list (H125).
 */
export class CombinedMedicationsPanel extends RecordPanel<CombinedMedicationsQuery> {
  protected heading = 'Medications';
  protected document = CombinedMedicationsDocument;
  protected sections: Section[] = [
    combinedSection('combinedMedications', {
      title: 'Medications',
      name: 'medications',
      warnings: ['patient', 'combinedMedications', 'conflicts'],
      current: { history: 'Stopped and past medications' },
      columns: combinedMedicationColumns,
    }),
    listStatementSection('combinedMedications', 'noCurrentMedications', 'No current medications'),
  ];
}

customElements.get('sfy-combined-medications') ?? customElements.define('sfy-combined-medications', CombinedMedicationsPanel);
