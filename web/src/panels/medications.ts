import { MedicationsDocument, type MedicationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-medications nhs-number="..."> — fields in medications.graphql. */
export class MedicationsPanel extends RecordPanel<MedicationsQuery> {
  protected heading = 'Medications';
  protected document = MedicationsDocument;
  protected sections: Section[] = [
    { title: 'Medications', path: ['patient', 'medications'], source: 'gpSource', columns: [col('Medication', (m) => m.medication.display), col('Dosage', (m) => m.dosage), col('Status', (m) => m.status), col('Started', (m) => formatDate(m.startDate)), col('Ended', (m) => formatDate(m.endDate))] },
  ];
}

customElements.get('sfy-medications') ?? customElements.define('sfy-medications', MedicationsPanel);
