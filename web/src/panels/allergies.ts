import { AllergiesDocument, type AllergiesQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { allergyStatus, statusWords } from './statusWords';

/**
 * <sfy-allergies nhs-number="..."> — fields in allergies.graphql. Only allergies the record says
 * are current (`current`) are listed as current ("Unconfirmed" when suspected); resolved, inactive
 * and refuted ones are history, saying which.
 */
export class AllergiesPanel extends RecordPanel<AllergiesQuery> {
  protected heading = 'Allergies and adverse reactions';
  protected document = AllergiesDocument;
  protected sections: Section[] = [
    {
      title: 'Allergies and adverse reactions',
      path: ['patient', 'allergies'],
      source: 'gpSource',
      current: { history: 'Past and ruled-out allergies' },
      columns: [col('Allergy', (a) => a.code.display), col('Status', allergyStatus), col('Reaction', (a) => a.reaction), col('Criticality', (a) => statusWords(a.criticality)), col('Recorded', (a) => formatDate(a.recordedDate))],
    },
  ];
}

customElements.get('sfy-allergies') ?? customElements.define('sfy-allergies', AllergiesPanel);
