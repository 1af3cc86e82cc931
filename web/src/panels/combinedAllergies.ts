import { CombinedAllergiesDocument, type CombinedAllergiesQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { allergyStatus, statusWords } from './statusWords';
import { eachSourceSays, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';
import { scopeWords } from './combinedWords';

/** The allergies section of the combined record, and the emergency summary's allergies: the same columns. */
export const combinedAllergyColumns = [
  nameCol('Allergy', (a) => a.code),
  sourcesStatusCol(allergyStatus),
  col('Reaction', (a) => eachSourceSays(a, (s) => s.reaction)),
  col('Criticality', (a) => statusWords(a.criticality)),
  sourcesCol(allergyStatus),
];

const statementStatus = (s: { current: boolean; clinicalStatus?: string | null; verificationStatus?: string | null }) =>
  s.current ? 'Stands' : s.verificationStatus === 'refuted' ? 'Refuted (withdrawn)' : `Withdrawn (${statusWords(s.clinicalStatus) || 'no longer current'})`;

/**
 * <sfy-combined-allergies nhs-number="..."> — fields in combinedAllergies.graphql. One item per
 * allergy across every source, each source with its status and as-of, a disagreement
 * said; a source not read named. "No known allergies" statements are apart, never in the allergy
 * list, each with its source and date; a statement beside a current allergy is a warning (H85).
 */
export class CombinedAllergiesPanel extends RecordPanel<CombinedAllergiesQuery> {
  protected heading = 'Allergies and adverse reactions';
  protected document = CombinedAllergiesDocument;
  protected sections: Section[] = [
    combinedSection('combinedAllergies', {
      title: 'Allergies',
      name: 'allergies',
      warnings: ['patient', 'combinedAllergies', 'conflicts'],
      current: { history: 'Past and ruled-out allergies' },
      columns: combinedAllergyColumns,
    }),
    {
      title: '“No known allergies” statements',
      name: 'noKnownAllergies',
      path: ['patient', 'combinedAllergies', 'noKnownAllergies'],
      current: { history: 'Withdrawn statements' },
      columns: [
        col('Statement', (s) => s.code.display ?? s.code.text),
        col('Covers', (s) => scopeWords(s.scope)),
        col('Source', (s) => s.provenance.organisationName),
        col('Recorded', (s) => formatDate(s.recordedDate)),
        col('Status', statementStatus),
      ],
    },
  ];
}

customElements.get('sfy-combined-allergies') ?? customElements.define('sfy-combined-allergies', CombinedAllergiesPanel);
