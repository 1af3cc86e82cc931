import { EmergencySummaryDocument, type EmergencySummaryQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { combinedAllergyColumns } from './combinedAllergies';
import { combinedMedicationColumns } from './combinedMedications';
import { alertColumns } from './combinedAlerts';
import { combinedSection } from './combinedColumns';
import { advanceDecisionColumns } from './combinedFamilyHistory';
import { statusWords } from './statusWords';

/** A summary shows what applies now: items the record says are not current are left out (the full panels list them as history). */
const NOW = { history: 'left out' } as const;

/**
 * <sfy-emergency-summary nhs-number="..."> — fields in emergencySummary.graphql. Only current allergies, medicines, advance decisions, alerts,
 * safeguarding alerts and mental health risk alerts (each combined across every source), the mental health trust's risk assessment in force,
 * the crisis plan and the last admission.
 */
export class EmergencySummaryPanel extends RecordPanel<EmergencySummaryQuery> {
  protected heading = 'Emergency summary';
  protected document = EmergencySummaryDocument;
  protected sections: Section[] = [
    // From the combined section: an allergy recorded only in A&E is here too; a source not read is named; a no-known-allergies statement beside a current allergy is a warning (H86).
    combinedSection('combinedAllergies', { title: 'Allergies and reactions', name: 'allergies', warnings: ['patient', 'combinedAllergies', 'conflicts'], current: NOW, columns: combinedAllergyColumns }),
    // From the combined section too: the hospital's prescriptions and the mental health trust's depot beside the GP's repeats, each once.
    // A "no current medications" statement beside a medicine in force is a warning here too (H125).
    combinedSection('combinedMedications', { title: 'Current medications', name: 'medications', warnings: ['patient', 'combinedMedications', 'conflicts'], current: NOW, columns: combinedMedicationColumns }),
    // Advance decisions in force (a refusal of treatment, a ReSPECT form) and alerts in force: what the treating clinician must know now.
    combinedSection('combinedAdvanceDirectives', { title: 'Advance decisions', name: 'advanceDirectives', current: NOW, columns: advanceDecisionColumns }),
    combinedSection('combinedAlerts', { title: 'Alerts', name: 'alerts', current: NOW, columns: alertColumns }),
    // Safeguarding alerts in force from every source (the GP's and the hospital's CP-IS flags too), apart from general alerts: a role without the safeguarding category sees this section as restricted.
    combinedSection('combinedSafeguardingAlerts', { title: 'Safeguarding', name: 'safeguardingAlerts', current: NOW, columns: alertColumns }),
    // Mental health risk alerts in force from every source (H170; the mental health trust's risk flags and the council's too, H173, H174): a risk
    // of suicide or to others is what A&E must know first; the same risk raised by the GP and the trust is one item naming both. Sensitive (mentalHealthRisk): a role without it sees this section and the next as restricted, never as nothing recorded.
    combinedSection('combinedRiskAlerts', { title: 'Mental health risk alerts', name: 'riskAlerts', current: NOW, columns: alertColumns }),
    // The mental health trust's own risk summary (its latest risk assessment), only while it stands. Its risk-coded flags are in the risk alerts above, never here too (H173).
    {
      title: 'Mental health risk summary',
      name: 'riskSummary',
      path: ['patient', 'riskSummary'],
      source: 'mentalHealthSource',
      current: NOW,
      columns: [
        col('Risk of', (r) => r.riskOf),
        col('Level', (r) => statusWords(r.level)),
        col('Summary', (r) => r.summary),
        col('What is being done', (r) => r.mitigation),
        col('Assessed', (r) => [formatDate(r.date), r.assessedBy].filter(Boolean).join(', ')),
      ],
    },
    { title: 'Crisis plan', path: ['patient', 'crisisPlan'], source: 'mentalHealthSource', current: NOW, columns: [col('Plan', (c) => c.title), col('What helps', (c) => c.whatHelps), col('Contacts', (c) => c.contacts)] },
    { title: 'Last admission', path: ['patient', 'admissions'], source: 'acuteSource', limit: 1, columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Reason', (a) => a.reason?.display), col('Ward', (a) => a.ward), col('Discharged', (a) => formatDate(a.discharged) || 'Still in hospital')] },
  ];
}

customElements.get('sfy-emergency-summary') ?? customElements.define('sfy-emergency-summary', EmergencySummaryPanel);
