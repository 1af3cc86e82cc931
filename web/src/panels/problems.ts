import { ProblemsDocument, type ProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { problemStatus } from './statusWords';

const ended = (p: { abatement?: { start?: string | null; age?: string | null; text?: string | null } | null }) => formatDate(p.abatement?.start) || p.abatement?.text || p.abatement?.age || '';

const columns = [col('Problem', (p: any) => p.code.display), col('Status', problemStatus), col('Since', (p: any) => formatDate(p.onsetDate)), col('Ended', ended)];

/**
 * <sfy-problems nhs-number="..."> — fields in problems.graphql. Each source apart: the GP's problems, the hospital's, the mental
 * health trust's and community services' diagnoses. Only problems the record says are
 * current (`current`) are listed as current, with their certainty (provisional, differential,
 * unconfirmed); refuted, resolved, inactive and in remission ones are history, saying which.
 */
export class ProblemsPanel extends RecordPanel<ProblemsQuery> {
  protected heading = 'Problems and diagnoses';
  protected document = ProblemsDocument;
  protected sections: Section[] = [
    { title: 'Problems and diagnoses', path: ['patient', 'problems'], source: 'gpSource', current: { history: 'Past and ruled-out problems' }, columns },
    { title: 'Hospital diagnoses', path: ['patient', 'hospitalDiagnoses'], source: 'acuteSource', current: { history: 'Past and ruled-out hospital diagnoses' }, columns },
    { title: 'Mental health diagnoses', path: ['patient', 'mentalHealthDiagnoses'], source: 'mentalHealthSource', current: { history: 'Past and ruled-out mental health diagnoses' }, columns },
    { title: 'Community services diagnoses', path: ['patient', 'communityDiagnoses'], source: 'communitySource', current: { history: 'Past and ruled-out community diagnoses' }, columns },
  ];
}

customElements.get('sfy-problems') ?? customElements.define('sfy-problems', ProblemsPanel);
