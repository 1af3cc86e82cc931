import { ImmunisationsDocument, type ImmunisationsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

const columns = [col('Vaccine', (i) => i.vaccine.display), col('Date', (i) => formatDate(i.date)), col('Status', (i) => statusWords(i.status))];

/** <sfy-immunisations nhs-number="..."> — fields in immunisations.graphql. The practice's, the hospital's, the mental health trust's, community services' and those the council knows of, each apart. */
export class ImmunisationsPanel extends RecordPanel<ImmunisationsQuery> {
  protected heading = 'Immunisations';
  protected document = ImmunisationsDocument;
  protected sections: Section[] = [
    { title: 'Immunisations', path: ['patient', 'immunisations'], source: 'gpSource', columns },
    { title: 'Immunisations given in hospital', path: ['patient', 'hospitalImmunisations'], source: 'acuteSource', columns },
    { title: 'Immunisations given by the mental health trust', path: ['patient', 'mentalHealthImmunisations'], source: 'mentalHealthSource', columns },
    { title: 'Immunisations given by community services', path: ['patient', 'communityImmunisations'], source: 'communitySource', columns },
    { title: 'Immunisations known to social care', path: ['patient', 'socialCareImmunisations'], source: 'socialCareSource', columns },
  ];
}

customElements.get('sfy-immunisations') ?? customElements.define('sfy-immunisations', ImmunisationsPanel);
