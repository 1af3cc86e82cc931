import { ProblemsDocument, type ProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { problemStatus } from './statusWords';

const ended = (p: { abatement?: { start?: string | null; age?: string | null; text?: string | null } | null }) => formatDate(p.abatement?.start) || p.abatement?.text || p.abatement?.age || '';

/**
 * <sfy-problems nhs-number="..."> — fields in problems.graphql. Only problems the record says are
 * current (`current`) are listed as current, with their certainty (provisional, differential,
 * unconfirmed); refuted, resolved, inactive and in remission ones are history, saying which.
 */
export class ProblemsPanel extends RecordPanel<ProblemsQuery> {
  protected heading = 'Problems and diagnoses';
  protected document = ProblemsDocument;
  protected sections: Section[] = [
    {
      title: 'Problems and diagnoses',
      path: ['patient', 'problems'],
      source: 'gpSource',
      current: { history: 'Past and ruled-out problems' },
      columns: [col('Problem', (p) => p.code.display), col('Status', problemStatus), col('Since', (p) => formatDate(p.onsetDate)), col('Ended', ended)],
    },
  ];
}

customElements.get('sfy-problems') ?? customElements.define('sfy-problems', ProblemsPanel);
