import { CombinedProblemsDocument, type CombinedProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { problemStatus } from './statusWords';
import { firstDate, nameCol, sourcesCol, sourcesStatusCol } from './combinedColumns';
import { listStatementStatus, listStatementWords } from './combinedWords';

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
    {
      title: 'Problems and diagnoses',
      name: 'problems',
      path: ['patient', 'combinedProblems', 'items'],
      source: ['gpSource', 'acuteSource', 'mentalHealthSource', 'communitySource'],
      notRead: ['patient', 'combinedProblems', 'notRead'],
      warnings: ['patient', 'combinedProblems', 'conflicts'],
      current: { history: 'Past and ruled-out problems' },
      columns: [nameCol('Problem', (p) => p.code), sourcesStatusCol(problemStatus), col('Since', (p) => firstDate(p, (s) => s.onsetDate ?? s.recordedDate)), sourcesCol(problemStatus)],
    },
    {
      title: '“No known problems” statements',
      name: 'noKnownProblems',
      path: ['patient', 'combinedProblems', 'noKnownProblems'],
      source: ['gpSource', 'acuteSource'],
      current: { history: 'Withdrawn statements' },
      columns: [
        col('Statement', (s) => listStatementWords('No known problems', s)),
        col('Source', (s) => s.provenance.organisationName),
        col('Recorded', (s) => formatDate(s.recordedDate)),
        col('Status', listStatementStatus),
      ],
    },
  ];
}

customElements.get('sfy-combined-problems') ?? customElements.define('sfy-combined-problems', CombinedProblemsPanel);
