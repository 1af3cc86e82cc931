import { AllergiesDocument, type AllergiesQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-allergies nhs-number="..."> — fields in allergies.graphql. */
export class AllergiesPanel extends RecordPanel<AllergiesQuery> {
  protected heading = 'Allergies and adverse reactions';
  protected document = AllergiesDocument;
  protected sections: Section[] = [
    { title: 'Allergies and adverse reactions', path: ['patient', 'allergies'], source: 'gpSource', columns: [col('Allergy', (a) => a.code.display), col('Reaction', (a) => a.reaction), col('Criticality', (a) => a.criticality), col('Recorded', (a) => formatDate(a.recordedDate))] },
  ];
}

customElements.get('sfy-allergies') ?? customElements.define('sfy-allergies', AllergiesPanel);
