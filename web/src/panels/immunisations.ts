import { ImmunisationsDocument, type ImmunisationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

/** <sfy-immunisations nhs-number="..."> — fields in immunisations.graphql. */
export class ImmunisationsPanel extends RecordPanel<ImmunisationsQuery> {
  protected heading = 'Immunisations';
  protected document = ImmunisationsDocument;
  protected sections: Section[] = [
    { title: 'Immunisations', path: ['patient', 'immunisations'], source: 'gpSource', columns: [col('Vaccine', (i) => i.vaccine.display), col('Date', (i) => formatDate(i.date)), col('Status', (i) => statusWords(i.status))] },
  ];
}

customElements.get('sfy-immunisations') ?? customElements.define('sfy-immunisations', ImmunisationsPanel);
