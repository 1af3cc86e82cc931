import { html } from 'lit';
import { SocialCareDocument, type SocialCareQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col, statusCol } from './columns';

/**
 * <sfy-social-care nhs-number="..."> — fields in socialCare.graphql. Only items the record
 * says are current (`current`) are listed as current; the rest are in each section's history part. A flag is a safeguarding alert only when
 * coded so, a risk alert when its code is a mental health risk (H174); the council's other alerts have their own section.
 */
export class SocialCarePanel extends RecordPanel<SocialCareQuery> {
  protected heading = 'Social care';
  protected document = SocialCareDocument;
  protected sections: Section[] = [
    { title: 'Allocated worker', path: ['patient', 'allocatedWorker'], source: 'socialCareSource', columns: [col('Name', (w) => w.name), col('Role', (w) => w.role), col('Team', (w) => w.team), col('Phone', (w) => w.phone)] },
    { title: 'Safeguarding', path: ['patient', 'safeguardingAlerts'], source: 'socialCareSource', current: { history: 'Ended safeguarding alerts' }, columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`), statusCol(), col('Raised', (s) => formatDate(s.start))] },
    // The council's risk-coded flags (H174): risk alerts, as in the combined risk alerts and the emergency summary.
    { title: 'Risk alerts', path: ['patient', 'socialCareRiskAlerts'], source: 'socialCareSource', current: { history: 'Ended risk alerts' }, columns: [col('Alert', (a) => html`<span class="flag">${a.description}</span>`), statusCol(), col('Raised', (a) => formatDate(a.start))] },
    { title: 'Alerts', path: ['patient', 'socialCareAlerts'], source: 'socialCareSource', current: { history: 'Ended alerts' }, columns: [col('Alert', (a) => a.description), statusCol(), col('Raised', (a) => formatDate(a.start))] },
    { title: 'Care packages', path: ['patient', 'carePackages'], source: 'socialCareSource', current: { history: 'Ended care packages' }, columns: [col('Service', (p) => p.service), col('Hours a week', (p) => p.hoursPerWeek), statusCol(), col('From', (p) => formatDate(p.start)), col('To', (p) => formatDate(p.end))] },
    { title: 'Cases', path: ['patient', 'socialCareCases'], source: 'socialCareSource', current: { history: 'Closed cases' }, columns: [col('Case', (c) => c.caseType), col('Team', (c) => c.team), col('Worker', (c) => c.worker), statusCol(), col('Opened', (c) => formatDate(c.start)), col('Closed', (c) => formatDate(c.end))] },
    { title: 'Assessments', path: ['patient', 'socialCareAssessments'], source: 'socialCareSource', columns: [col('Assessment', (a) => a.type), statusCol(), col('Date', (a) => formatDate(a.date)), col('Outcome', (a) => a.outcome)] },
    { title: 'Carers', path: ['patient', 'carers'], source: 'socialCareSource', columns: [col('Name', (c) => c.name), col('Relationship', (c) => c.relationship?.display), col('Phone', (c) => c.phone)] },
  ];
}

customElements.get('sfy-social-care') ?? customElements.define('sfy-social-care', SocialCarePanel);
