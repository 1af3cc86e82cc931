import { ProblemsDocument, type ProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-problems nhs-number="..."> — fields in problems.graphql. */
export class ProblemsPanel extends RecordPanel<ProblemsQuery> {
  protected heading = 'Problems and diagnoses';
  protected document = ProblemsDocument;
  protected sections: Section[] = [
    { title: 'Problems and diagnoses', path: ['patient', 'problems'], source: 'gpSource', columns: [col('Problem', (p) => p.code.display), col('Status', (p) => p.clinicalStatus), col('Since', (p) => formatDate(p.onsetDate))] },
  ];
}

customElements.get('sfy-problems') ?? customElements.define('sfy-problems', ProblemsPanel);
