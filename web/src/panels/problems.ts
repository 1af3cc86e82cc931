import { ProblemsDocument, type ProblemsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { problemStatus, statusWords } from './statusWords';
import { conditionWords } from './combinedFamilyHistory';
import { listStatementSections } from './listStatements';

const ended = (p: { abatement?: { start?: string | null; age?: string | null; text?: string | null } | null }) => formatDate(p.abatement?.start) || p.abatement?.text || p.abatement?.age || '';

const familyHistoryColumns = [col('Relative', (r: any) => r.relationship?.display ?? r.relationship?.text), col('Conditions', (r: any) => (r.conditions ?? []).map(conditionWords).join('; ')), col('Recorded', (r: any) => formatDate(r.recordedDate))];
const deviceColumns = [col('Device', (d: any) => d.device?.display ?? d.device?.text ?? d.deviceName), col('Status', (d: any) => statusWords(d.status)), col('Since', (d: any) => formatDate(d.timing?.start ?? d.recordedOn))];

const columns = [col('Problem', (p: any) => p.code.display), col('Status', problemStatus), col('Since', (p: any) => formatDate(p.onsetDate)), col('Ended', ended)];

/**
 * <sfy-problems nhs-number="..."> — fields in problems.graphql. Each source apart: the GP's problems, the hospital's, the mental
 * health trust's and community services' diagnoses, the conditions the council knows of, and each
 * source's "No known problems" statements; then each source's family history and devices. Only problems the record says are
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
    { title: 'Conditions known to social care', path: ['patient', 'socialCareDiagnoses'], source: 'socialCareSource', current: { history: 'Past and ruled-out conditions (social care)' }, columns },
    // Each source's "No known problems" statements, apart from its problems (H123-H125).
    ...listStatementSections('No known problems', 'noKnownProblems'),
    // Family history and devices beside the problem list (UK GP systems keep them so): relatives' conditions, never the patient's.
    { title: 'Family history (GP)', path: ['patient', 'familyHistory'], source: 'gpSource', columns: familyHistoryColumns },
    { title: 'Family history (hospital)', path: ['patient', 'hospitalFamilyHistory'], source: 'acuteSource', columns: familyHistoryColumns },
    { title: 'Family history (mental health)', path: ['patient', 'mentalHealthFamilyHistory'], source: 'mentalHealthSource', columns: familyHistoryColumns },
    { title: 'Family history (community)', path: ['patient', 'communityFamilyHistory'], source: 'communitySource', columns: familyHistoryColumns },
    { title: 'Medical devices (GP)', path: ['patient', 'medicalDevices'], source: 'gpSource', current: { history: 'Devices no longer in use' }, columns: deviceColumns },
    { title: 'Medical devices (hospital)', path: ['patient', 'hospitalMedicalDevices'], source: 'acuteSource', current: { history: 'Devices no longer in use (hospital)' }, columns: deviceColumns },
    { title: 'Medical devices (mental health)', path: ['patient', 'mentalHealthMedicalDevices'], source: 'mentalHealthSource', current: { history: 'Devices no longer in use (mental health)' }, columns: deviceColumns },
    { title: 'Medical devices (community)', path: ['patient', 'communityMedicalDevices'], source: 'communitySource', current: { history: 'Devices no longer in use (community)' }, columns: deviceColumns },
    { title: 'Equipment (social care)', path: ['patient', 'socialCareEquipment'], source: 'socialCareSource', current: { history: 'Equipment no longer in use (social care)' }, columns: deviceColumns },
  ];
}

customElements.get('sfy-problems') ?? customElements.define('sfy-problems', ProblemsPanel);
