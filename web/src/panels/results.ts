import { html } from 'lit';
import { ResultsDocument, type ResultsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

type Result = NonNullable<NonNullable<ResultsQuery['patient']>['testResults']>[number];

/** The value as read; a blood pressure's parts; why a value is missing; a panel points at its members. */
function resultText(r: Result): string {
  if (r.value) return r.value;
  if (r.components.length) return r.components.map((c) => `${c.code.text ?? c.code.display} ${c.value?.text ?? `not available (${c.dataAbsentReason?.display ?? 'no value'})`}`).join('; ');
  if (r.dataAbsentReason) return `Not available: ${r.dataAbsentReason.text ?? r.dataAbsentReason.display}`;
  if (r.memberIds.length) return `Panel of ${r.memberIds.length} results (listed with it)`;
  return '';
}

/** <sfy-results nhs-number="..."> — fields in results.graphql. */
export class ResultsPanel extends RecordPanel<ResultsQuery> {
  protected heading = 'Test results';
  protected document = ResultsDocument;
  protected sections: Section[] = [
    { title: 'Test results', path: ['patient', 'testResults'], source: 'acuteSource', columns: [col('Test', (r) => r.code.display), col('Result', (r) => html`<span class=${r.abnormal ? 'flag' : ''}>${resultText(r)}</span>`), col('Range', (r) => r.referenceRange), col('Status', (r) => (r.status === 'final' ? '' : statusWords(r.status))), col('Date', (r) => formatDate(r.effectiveDate ?? r.issued))] },
  ];
}

customElements.get('sfy-results') ?? customElements.define('sfy-results', ResultsPanel);
