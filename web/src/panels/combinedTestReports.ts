import { CombinedTestReportsDocument, type CombinedTestReportsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { reportStatus } from './statusWords';
import { reportResults } from './reportText';
import { eachSourceSays, firstDate, sourceNameCol, sourcesCol, sourcesStatusCol, combinedSection } from './combinedColumns';

/**
 * <sfy-combined-test-reports nhs-number="..."> — fields in combinedTestReports.graphql. Reports of
 * investigations (FHIR DiagnosticReport) from the GP and the hospital: an imaging report's
 * conclusion, a laboratory report with the results issued in it. The same report held by both is one
 * row naming both, each with its status; a cancelled report or one of unknown status is history.
 */
export class CombinedTestReportsPanel extends RecordPanel<CombinedTestReportsQuery> {
  protected heading = 'Test reports';
  protected document = CombinedTestReportsDocument;
  protected sections: Section[] = [
    combinedSection('combinedTestReports', {
      title: 'Test reports',
      name: 'testReports',
      current: { history: 'Cancelled reports and reports of unknown status' },
      columns: [
        sourceNameCol('Report', (s) => ({ ...s.code, text: s.name })),
        col('Results in it', (r) => eachSourceSays(r, reportResults)),
        col('Conclusion', (r) => eachSourceSays(r, (s) => s.conclusion)),
        col('Date', (r) => firstDate(r, (s) => s.effectiveDate ?? s.issued)),
        sourcesStatusCol(reportStatus),
        sourcesCol(reportStatus),
      ],
    }),
  ];
}

customElements.get('sfy-combined-test-reports') ?? customElements.define('sfy-combined-test-reports', CombinedTestReportsPanel);
