import { html } from 'lit';
import { MentalHealthDocument, type MentalHealthQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col, statusCol } from './columns';
import { statusWords } from './statusWords';

/** The source's free text ("CPA", "cpa", "non-CPA") as a sentence, not a code. */
const cpaStatus = (status: string) => (/^cpa$/i.test(status) ? 'On the Care Programme Approach (CPA)' : /^non-?cpa$/i.test(status) ? 'Not on the Care Programme Approach' : status);

/**
 * <sfy-mental-health nhs-number="..."> — fields in mentalHealth.graphql. Only items the record
 * says are current (`current`) are listed as current; the rest are in each section's history part. Alerts are shown where their codes file
 * them: safeguarding, risk (the trust's risk-coded flags, apart from its risk assessments), or the trust's other alerts.
 */
export class MentalHealthPanel extends RecordPanel<MentalHealthQuery> {
  protected heading = 'Mental health';
  protected document = MentalHealthDocument;
  protected sections: Section[] = [
    { title: 'Care coordinator', path: ['patient', 'careCoordinator'], source: 'mentalHealthSource', columns: [col('Name', (c) => c.name), col('Team', (c) => c.team), col('Phone', (c) => c.phone), col('Since', (c) => formatDate(c.since))] },
    { title: 'Care programme approach', path: ['patient', 'careProgrammeStatus'], source: 'mentalHealthSource', columns: [col('Status', (c) => cpaStatus(c.status)), col('Since', (c) => formatDate(c.since))] },
    { title: 'Crisis plan', path: ['patient', 'crisisPlans'], source: 'mentalHealthSource', current: { history: 'Past crisis plans' }, columns: [col('Plan', (c) => c.title), statusCol(), col('Triggers', (c) => c.triggers), col('Early warning signs', (c) => c.earlyWarningSigns), col('What helps', (c) => c.whatHelps), col('Contacts', (c) => c.contacts)] },
    { title: 'Safeguarding', path: ['patient', 'mentalHealthSafeguardingAlerts'], source: 'mentalHealthSource', current: { history: 'Ended safeguarding alerts' }, columns: [col('Alert', (a) => html`<span class="flag">${a.description}</span>`), statusCol(), col('Raised', (a) => formatDate(a.start))] },
    { title: 'Risk summary', path: ['patient', 'riskSummaries'], source: 'mentalHealthSource', current: { history: 'Past risk summaries' }, columns: [col('Level', (r) => statusWords(r.level)), col('Summary', (r) => r.summary), statusCol(), col('Assessed', (r) => formatDate(r.date))] },
    // The trust's risk-coded flags (H173): risk alerts, as in the alerts panel and the combined risk alerts; no longer among the risk summaries.
    { title: 'Risk alerts', path: ['patient', 'mentalHealthRiskAlerts'], source: 'mentalHealthSource', current: { history: 'Ended risk alerts' }, columns: [col('Alert', (a) => html`<span class="flag">${a.description}</span>`), statusCol(), col('Raised', (a) => formatDate(a.start))] },
    { title: 'Alerts', path: ['patient', 'mentalHealthAlerts'], source: 'mentalHealthSource', current: { history: 'Ended alerts' }, columns: [col('Alert', (a) => a.description), statusCol(), col('Raised', (a) => formatDate(a.start))] },
    { title: 'Episodes of care', path: ['patient', 'mentalHealthEpisodes'], source: 'mentalHealthSource', current: { history: 'Closed episodes' }, columns: [col('Service', (e) => e.service), col('Team', (e) => e.team), statusCol(), col('From', (e) => formatDate(e.start)), col('To', (e) => formatDate(e.end) || (e.current ? 'Open' : ''))] },
    { title: 'Referrals', path: ['patient', 'mentalHealthReferrals'], source: 'mentalHealthSource', current: { history: 'Closed referrals' }, columns: [col('Referral', (r) => r.code?.display), col('Priority', (r) => statusWords(r.priority)), statusCol(), col('Referred by', (r) => r.requester), col('Made', (r) => formatDate(r.authoredOn))] },
    { title: 'Care plans', path: ['patient', 'mentalHealthCarePlans'], source: 'mentalHealthSource', current: { history: 'Past care plans' }, columns: [col('Plan', (p) => p.title), statusCol(), col('Summary', (p) => p.description), col('Written', (p) => formatDate(p.created))] },
  ];
}

customElements.get('sfy-mental-health') ?? customElements.define('sfy-mental-health', MentalHealthPanel);
