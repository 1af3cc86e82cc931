import { ProblemsDocument, type ProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { problemStatus, statusWords } from './statusWords';
import { conditionWords } from './combinedFamilyHistory';

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
    // The practice keeps family history and devices beside the problem list (UK GP systems do): relatives' conditions, never the patient's.
    {
      title: 'Family history (GP)',
      path: ['patient', 'familyHistory'],
      source: 'gpSource',
      columns: [col('Relative', (r) => r.relationship?.display ?? r.relationship?.text), col('Conditions', (r) => (r.conditions ?? []).map(conditionWords).join('; ')), col('Recorded', (r) => formatDate(r.recordedDate))],
    },
    {
      title: 'Medical devices (GP)',
      path: ['patient', 'medicalDevices'],
      source: 'gpSource',
      current: { history: 'Devices no longer in use' },
      columns: [col('Device', (d) => d.device?.display ?? d.device?.text ?? d.deviceName), col('Status', (d) => statusWords(d.status)), col('Since', (d) => formatDate(d.timing?.start ?? d.recordedOn))],
    },
  ];
}

customElements.get('sfy-problems') ?? customElements.define('sfy-problems', ProblemsPanel);
