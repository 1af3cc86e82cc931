import { CombinedProblemsDocument, type CombinedProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { problemStatus } from './statusWords';
import { firstDate, nameCol, sourcesCol, sourcesStatusCol, listStatementSection, combinedSection } from './combinedColumns';

/**
 * <sfy-combined-problems nhs-number="..."> — fields in combinedProblems.graphql. Problems and
 * diagnoses from the GP, hospital, mental health trust and community services, the same condition
 * once. "No known problems" statements (a problems List sent empty because nothing is known) are
 * apart, never rows of the problem list, each with its source and date; a statement beside a
 * current problem is a warning above the list (H125).
 */
export class CombinedProblemsPanel extends RecordPanel<CombinedProblemsQuery> {
  protected heading = 'Problems and diagnoses';
  protected document = CombinedProblemsDocument;
  protected sections: Section[] = [
    combinedSection('combinedProblems', {
      title: 'Problems and diagnoses',
      name: 'problems',
      warnings: ['patient', 'combinedProblems', 'conflicts'],
      current: { history: 'Past and ruled-out problems' },
      columns: [nameCol('Problem', (p) => p.code), sourcesStatusCol(problemStatus), col('Since', (p) => firstDate(p, (s) => s.onsetDate ?? s.recordedDate)), sourcesCol(problemStatus)],
    }),
    listStatementSection('combinedProblems', 'noKnownProblems', 'No known problems'),
  ];
}

customElements.get('sfy-combined-problems') ?? customElements.define('sfy-combined-problems', CombinedProblemsPanel);
