import { html } from 'lit';
import { EmergencySummaryDocument, type EmergencySummaryQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-emergency-summary nhs-number="..."> — fields in emergencySummary.graphql. */
export class EmergencySummaryPanel extends RecordPanel<EmergencySummaryQuery> {
  protected heading = 'Emergency summary';
  protected document = EmergencySummaryDocument;
  protected sections: Section[] = [
    { title: 'Allergies and reactions', path: ['patient', 'allergies'], source: 'gpSource', columns: [col('Allergy', (a) => a.code.display), col('Reaction', (a) => a.reaction), col('Criticality', (a) => a.criticality)] },
    { title: 'Current medications', path: ['patient', 'medications'], source: 'gpSource', filter: (m) => m.current, columns: [col('Medication', (m) => m.medication.display), col('Dosage', (m) => m.dosage)] },
    { title: 'Safeguarding', path: ['patient', 'safeguardingAlerts'], source: 'socialCareSource', filter: (s) => s.current, columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`), col('Category', (s) => s.category)] },
    { title: 'Safeguarding (mental health)', path: ['patient', 'mentalHealthSafeguardingAlerts'], source: 'mentalHealthSource', filter: (s) => s.current, columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`)] },
    { title: 'Crisis plan', path: ['patient', 'crisisPlan'], source: 'mentalHealthSource', filter: (c) => c.current, columns: [col('Plan', (c) => c.title), col('What helps', (c) => c.whatHelps), col('Contacts', (c) => c.contacts)] },
    { title: 'Last admission', path: ['patient', 'admissions'], source: 'acuteSource', limit: 1, columns: [col('Admitted', (a) => formatDate(a.admitted)), col('Reason', (a) => a.reason?.display), col('Ward', (a) => a.ward), col('Discharged', (a) => formatDate(a.discharged) || 'Still in hospital')] },
  ];
}

customElements.get('sfy-emergency-summary') ?? customElements.define('sfy-emergency-summary', EmergencySummaryPanel);
