import { html } from 'lit';
import { EmergencySummaryDocument, type EmergencySummaryQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { allergyStatus, statusWords } from './statusWords';

/** A summary shows what applies now: items the record says are not current are left out (the full panels list them as history). */
const NOW = { history: 'left out' } as const;

/** <sfy-emergency-summary nhs-number="..."> — fields in emergencySummary.graphql. Only current allergies, medicines, alerts and plans. */
export class EmergencySummaryPanel extends RecordPanel<EmergencySummaryQuery> {
  protected heading = 'Emergency summary';
  protected document = EmergencySummaryDocument;
  protected sections: Section[] = [
    { title: 'Allergies and reactions', path: ['patient', 'allergies'], source: 'gpSource', current: NOW, columns: [col('Allergy', (a) => a.code.display), col('Status', allergyStatus), col('Reaction', (a) => a.reaction), col('Criticality', (a) => statusWords(a.criticality))] },
    { title: 'Current medications', path: ['patient', 'medications'], source: 'gpSource', current: NOW, columns: [col('Medication', (m) => m.medication.display), col('Dosage', (m) => m.dosage), col('Status', (m) => statusWords(m.status))] },
    { title: 'Safeguarding', path: ['patient', 'safeguardingAlerts'], source: 'socialCareSource', current: NOW, columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`), col('Category', (s) => s.category)] },
    { title: 'Safeguarding (mental health)', path: ['patient', 'mentalHealthSafeguardingAlerts'], source: 'mentalHealthSource', current: NOW, columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`)] },
    { title: 'Crisis plan', path: ['patient', 'crisisPlan'], source: 'mentalHealthSource', current: NOW, columns: [col('Plan', (c) => c.title), col('What helps', (c) => c.whatHelps), col('Contacts', (c) => c.contacts)] },
    { title: 'Last admission', path: ['patient', 'admissions'], source: 'acuteSource', limit: 1, columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Reason', (a) => a.reason?.display), col('Ward', (a) => a.ward), col('Discharged', (a) => formatDate(a.discharged) || 'Still in hospital')] },
  ];
}

customElements.get('sfy-emergency-summary') ?? customElements.define('sfy-emergency-summary', EmergencySummaryPanel);
