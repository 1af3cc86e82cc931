import { CombinedResultsDocument, CombinedSocialHistoryDocument, CombinedVitalSignsDocument, type CombinedResultsQuery, type CombinedSocialHistoryQuery, type CombinedVitalSignsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, sourceNameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';
import { html } from 'lit';
import { resultText } from './resultText';
import { resultFlag } from './resultFlag';

/**
 * What each source says the result is, once per distinct value; a value outside its range in the
 * error colour and with its flag in letters and words ("H (High)"), never colour alone (H-result flags).
 */
function resultsSaid(item: { sources: any[] }) {
  const said = new Map<string, string>();
  for (const source of item.sources) {
    const text = resultText(source);
    if (text && !said.has(text)) said.set(text, resultFlag(source));
  }
  return [...said].map(([text, flag], i) => html`${i ? '; ' : ''}${flag ? html`<span class="flag">${text}</span> <strong class="flag" data-role="result-flag">${flag}</strong>` : text}`);
}

const status = (r: { status: string }) => statusWords(r.status);

/** An observation section of the combined record (results, vital signs, social history): newest first; a cancelled one is history. */
function observationSection(field: 'combinedResults' | 'combinedVitalSigns' | 'combinedSocialHistory', title: string, name: string, label: string): Section {
  return combinedSection(field, {
    title,
    name,
    current: { history: 'Cancelled or of unknown status' },
    // The name in each source's words with its codes on demand; every row's status (final,
    // preliminary, amended, corrected), not only inside its list of sources (issue #19.4).
    columns: [
      sourceNameCol(label, (s) => s.code),
      col('Result', resultsSaid),
      col('Range', (r) => eachSourceSays(r, (s) => s.referenceRange)),
      col('Date', (r) => firstDate(r, (s) => s.effectiveDate ?? s.issued)),
      sourcesStatusCol(status),
      sourcesCol(status),
    ],
  });
}

/** <sfy-combined-results nhs-number="..."> — fields in combinedResults.graphql. Laboratory, imaging and questionnaire results from every source. */
export class CombinedResultsPanel extends RecordPanel<CombinedResultsQuery> {
  protected heading = 'Test results';
  protected document = CombinedResultsDocument;
  protected sections = [observationSection('combinedResults', 'Test results', 'results', 'Test')];
}

/** <sfy-combined-vital-signs nhs-number="..."> — fields in combinedVitalSigns.graphql. Blood pressure, pulse, weight and the like from every source. */
export class CombinedVitalSignsPanel extends RecordPanel<CombinedVitalSignsQuery> {
  protected heading = 'Vital signs';
  protected document = CombinedVitalSignsDocument;
  protected sections = [observationSection('combinedVitalSigns', 'Vital signs', 'vitalSigns', 'Observation')];
}

/** <sfy-combined-social-history nhs-number="..."> — fields in combinedSocialHistory.graphql. Smoking, alcohol and the like from every source. */
export class CombinedSocialHistoryPanel extends RecordPanel<CombinedSocialHistoryQuery> {
  protected heading = 'Social history';
  protected document = CombinedSocialHistoryDocument;
  protected sections = [observationSection('combinedSocialHistory', 'Social history', 'socialHistory', 'Observation')];
}

customElements.get('sfy-combined-results') ?? customElements.define('sfy-combined-results', CombinedResultsPanel);
customElements.get('sfy-combined-vital-signs') ?? customElements.define('sfy-combined-vital-signs', CombinedVitalSignsPanel);
customElements.get('sfy-combined-social-history') ?? customElements.define('sfy-combined-social-history', CombinedSocialHistoryPanel);
