import { html } from 'lit';
import { ResultsDocument, type ResultsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { reportStatus, statusWords } from './statusWords';
import { col } from './columns';
import { resultText } from './resultText';
import { resultFlag } from './resultFlag';
import { reportResults } from './reportText';

const observationColumns = [col('Observation', (r: any) => r.code.display ?? r.code.text), col('Result', (r: any) => resultText(r)), col('Kind', (r: any) => r.category), col('Status', (r: any) => (r.status === 'final' ? '' : statusWords(r.status))), col('Date', (r: any) => formatDate(r.effectiveDate ?? r.issued))];
// A report (DiagnosticReport): its name, status in words, the results issued in it, the reporter's conclusion, when it was issued.
const reportColumns = [col('Report', (r: any) => r.name), col('Status', (r: any) => reportStatus(r)), col('Results in it', (r: any) => reportResults(r)), col('Conclusion', (r: any) => r.conclusion), col('Issued', (r: any) => formatDate(r.issued ?? r.effectiveDate))];

/**
 * <sfy-results nhs-number="..."> — fields in results.graphql. Each source apart: the GP's observations (vital signs, smoking), the hospital's results, the mental health trust's, community services' and the council's observations;
 * then the GP's and the hospital's reports, each with its status and the results issued in it (a cancelled or unknown-status report in the history part).
 */
export class ResultsPanel extends RecordPanel<ResultsQuery> {
  protected heading = 'Test results';
  protected document = ResultsDocument;
  protected sections: Section[] = [
    { title: 'Observations at the GP practice', path: ['patient', 'observations'], source: 'gpSource', columns: observationColumns },
    { title: 'Test results', path: ['patient', 'testResults'], source: 'acuteSource', columns: [col('Test', (r) => r.code.display), col('Result', (r) => (resultFlag(r) ? html`<span class="flag">${resultText(r)}</span> <strong class="flag" data-role="result-flag">${resultFlag(r)}</strong>` : resultText(r))), col('Range', (r) => r.referenceRange), col('Status', (r) => (r.status === 'final' ? '' : statusWords(r.status))), col('Date', (r) => formatDate(r.effectiveDate ?? r.issued))] },
    { title: 'Mental health observations', path: ['patient', 'mentalHealthObservations'], source: 'mentalHealthSource', columns: observationColumns },
    { title: 'Community services observations', path: ['patient', 'communityObservations'], source: 'communitySource', columns: observationColumns },
    { title: 'Social care observations', path: ['patient', 'socialCareObservations'], source: 'socialCareSource', columns: observationColumns },
    { title: 'GP reports', path: ['patient', 'gpTestReports'], source: 'gpSource', current: { history: 'Cancelled GP reports and reports of unknown status' }, columns: reportColumns },
    { title: 'Hospital reports', path: ['patient', 'testReports'], source: 'acuteSource', current: { history: 'Cancelled hospital reports and reports of unknown status' }, columns: reportColumns },
  ];
}

customElements.get('sfy-results') ?? customElements.define('sfy-results', ResultsPanel);
