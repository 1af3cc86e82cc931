import { ImmunisationsDocument, type ImmunisationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

const columns = [col('Vaccine', (i) => i.vaccine.display), col('Date', (i) => formatDate(i.date)), col('Status', (i) => statusWords(i.status))];

/** <sfy-immunisations nhs-number="..."> — fields in immunisations.graphql. The practice's, the mental health trust's and community services' immunisations, each apart. */
export class ImmunisationsPanel extends RecordPanel<ImmunisationsQuery> {
  protected heading = 'Immunisations';
  protected document = ImmunisationsDocument;
  protected sections: Section[] = [
    { title: 'Immunisations', path: ['patient', 'immunisations'], source: 'gpSource', columns },
    { title: 'Immunisations given by the mental health trust', path: ['patient', 'mentalHealthImmunisations'], source: 'mentalHealthSource', columns },
    { title: 'Immunisations given by community services', path: ['patient', 'communityImmunisations'], source: 'communitySource', columns },
  ];
}

customElements.get('sfy-immunisations') ?? customElements.define('sfy-immunisations', ImmunisationsPanel);
