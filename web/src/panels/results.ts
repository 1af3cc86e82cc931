import { html } from 'lit';
import { ResultsDocument, type ResultsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-results nhs-number="..."> — fields in results.graphql. */
export class ResultsPanel extends RecordPanel<ResultsQuery> {
  protected heading = 'Test results';
  protected document = ResultsDocument;
  protected sections: Section[] = [
    { title: 'Test results', path: ['patient', 'testResults'], source: 'acuteSource', columns: [col('Test', (r) => r.code.display), col('Result', (r) => html`<span class=${r.abnormal ? 'flag' : ''}>${[r.value, r.unit].filter(Boolean).join(' ')}</span>`), col('Range', (r) => r.referenceRange), col('Date', (r) => formatDate(r.effectiveDate))] },
  ];
}

customElements.get('sfy-results') ?? customElements.define('sfy-results', ResultsPanel);
