import { CombinedImmunisationsDocument, type CombinedImmunisationsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

/** A dose's status in words: "Completed" (given), "Not done" with its reason when one is given. */
const status = (i: { status?: string | null; statusReason?: { display?: string | null; text?: string | null } | null }) => {
  const words = statusWords(i.status);
  const reason = i.statusReason?.display ?? i.statusReason?.text;
  return reason ? `${words} (${reason})` : words;
};

/**
 * <sfy-combined-immunisations nhs-number="..."> — fields in combinedImmunisations.graphql. The same
 * vaccine on the same day once, every source named; "current" means given, so a dose not given (or
 * entered in error) is never listed as given: it is in the history part, its status in words.
 */
export class CombinedImmunisationsPanel extends RecordPanel<CombinedImmunisationsQuery> {
  protected heading = 'Immunisations';
  protected document = CombinedImmunisationsDocument;
  protected sections: Section[] = [
    combinedSection('combinedImmunisations', {
      title: 'Immunisations',
      name: 'immunisations',
      current: { history: 'Not given, or not given as recorded' },
      columns: [
        nameCol('Vaccine', (i) => i.vaccine),
        col('Date', (i) => firstDate(i, (s) => s.date ?? s.occurrence?.start)),
        col('Dose', (i) => eachSourceSays(i, (s) => s.doseNumber)),
        sourcesStatusCol(status),
        sourcesCol(status),
      ],
    }),
  ];
}

customElements.get('sfy-combined-immunisations') ?? customElements.define('sfy-combined-immunisations', CombinedImmunisationsPanel);
