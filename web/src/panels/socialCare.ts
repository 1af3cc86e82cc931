import { html } from 'lit';
import { SocialCareDocument, type SocialCareQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-social-care nhs-number="..."> — fields in socialCare.graphql. */
export class SocialCarePanel extends RecordPanel<SocialCareQuery> {
  protected heading = 'Social care';
  protected document = SocialCareDocument;
  protected sections: Section[] = [
    { title: 'Allocated worker', path: ['patient', 'allocatedWorker'], source: 'socialCareSource', columns: [col('Name', (w) => w.name), col('Role', (w) => w.role), col('Team', (w) => w.team), col('Phone', (w) => w.phone)] },
    { title: 'Safeguarding', path: ['patient', 'safeguardingAlert'], source: 'socialCareSource', columns: [col('Alert', (s) => html`<span class="flag">${s.description}</span>`), col('Status', (s) => s.status)] },
    { title: 'Care packages', path: ['patient', 'carePackages'], source: 'socialCareSource', columns: [col('Service', (p) => p.service), col('Hours a week', (p) => p.hoursPerWeek), col('Status', (p) => p.status), col('From', (p) => formatDate(p.start))] },
    { title: 'Assessments', path: ['patient', 'socialCareAssessments'], source: 'socialCareSource', columns: [col('Assessment', (a) => a.type), col('Date', (a) => formatDate(a.date)), col('Outcome', (a) => a.outcome)] },
    { title: 'Carers', path: ['patient', 'carers'], source: 'socialCareSource', columns: [col('Name', (c) => c.name), col('Relationship', (c) => c.relationship?.display), col('Phone', (c) => c.phone)] },
  ];
}

customElements.get('sfy-social-care') ?? customElements.define('sfy-social-care', SocialCarePanel);
