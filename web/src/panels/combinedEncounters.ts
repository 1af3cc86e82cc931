import { CombinedEncountersDocument, type CombinedEncountersQuery } from '../generated/graphql';
import { combinedSection } from './combinedColumns';
import { RecordPanel, type Section } from './recordPanel';
import { col, statusCol } from './columns';
import { formatDate } from './fhirTime';

const KIND_WORDS: Record<string, string> = {
  consultation: 'GP consultation',
  admission: 'Hospital admission',
  emergency: 'A&E attendance',
  hospital: 'Hospital encounter',
  communityVisit: 'Community visit',
  mentalHealthContact: 'Mental health contact',
  socialCareContact: 'Social care visit or contact',
};
const conceptWords = (c: { display?: string | null; text?: string | null }) => c.text ?? c.display ?? '';

/**
 * <sfy-combined-encounters nhs-number="..."> — fields in combinedEncounters.graphql. Every source's
 * encounters (GP consultations, hospital admissions and A&E attendances, community visits) in one
 * list, each named by its organisation: under way as current, the rest as past encounters.
 */
export class CombinedEncountersPanel extends RecordPanel<CombinedEncountersQuery> {
  protected heading = 'Encounters';
  protected document = CombinedEncountersDocument;
  protected sections: Section[] = [
    combinedSection('combinedEncounters', {
      title: 'Encounters',
      name: 'encounters',
      current: { history: 'Past encounters' },
      columns: [
        col('Encounter', (e) => (e.description === KIND_WORDS[e.kind] ? e.description : `${KIND_WORDS[e.kind] ?? 'Encounter'}: ${e.description}`)),
        col('Reason', (e) => (e.reasons as Array<{ display?: string | null; text?: string | null }>).map(conceptWords).filter(Boolean).join('; ')),
        col('From', (e) => formatDate(e.start)),
        col('Until', (e) => (e.end ? formatDate(e.end) : e.current ? 'Under way' : '')),
        col('Where', (e) => e.place),
        col('Who', (e) => e.clinician),
        statusCol(),
        col('Source', (e) => `${e.provenance.organisationName}, as of ${formatDate(e.provenance.lastUpdated)}`),
      ],
    }),
  ];
}

customElements.get('sfy-combined-encounters') ?? customElements.define('sfy-combined-encounters', CombinedEncountersPanel);
