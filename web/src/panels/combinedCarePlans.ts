import { html } from 'lit';
import { CombinedCarePlansDocument, type CombinedCarePlansQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { disagreementWords } from './combinedWords';
import { eachSourceSays, firstDate, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

const status = (p: { status?: string | null }) => statusWords(p.status);

/**
 * <sfy-combined-care-plans nhs-number="..."> — fields in combinedCarePlans.graphql. Care plans from
 * the GP, the hospital, the mental health trust (not its crisis plans) and community services, each plan its own item (never merged); plans in force as current, the
 * rest in the history part with their status in words.
 */
export class CombinedCarePlansPanel extends RecordPanel<CombinedCarePlansQuery> {
  protected heading = 'Care plans';
  protected document = CombinedCarePlansDocument;
  protected sections: Section[] = [
    combinedSection('combinedCarePlans', {
      title: 'Care plans',
      name: 'carePlans',
      current: { history: 'Care plans no longer in force' },
      columns: [
        // A plan's head is its title (a string, not a concept); a disagreement said under it as in every combined section.
        { label: 'Plan', value: (p) => html`${p.title ?? 'Untitled plan'}${p.disagreement ? html`<p class="disagreement" data-role="disagreement">${disagreementWords(p.disagreement)}</p>` : ''}` },
        col('Details', (p) => eachSourceSays(p, (s) => s.description)),
        col('Author', (p) => eachSourceSays(p, (s) => s.author)),
        sourcesStatusCol(status),
        col('Since', (p) => firstDate(p, (s) => s.start)),
        sourcesCol(status),
      ],
    }),
  ];
}

customElements.get('sfy-combined-care-plans') ?? customElements.define('sfy-combined-care-plans', CombinedCarePlansPanel);
