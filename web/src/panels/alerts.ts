import { html } from 'lit';
import { AlertsDocument, type AlertsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';
import { alertStatus } from './statusWords';

const columns = [col('Alert', (a: any) => a.description), col('Status', (a: any) => alertStatus(a, formatDate)), col('Raised', (a: any) => formatDate(a.start)), col('Raised by', (a: any) => a.author)];
// A safeguarding or risk alert stands out as a flag, in words too (its section's title says what it is).
const flaggedColumns = [col('Alert', (a: any) => html`<span class="flag">${a.description}</span>`), ...columns.slice(1)];

/**
 * <sfy-alerts nhs-number="..."> — fields in alerts.graphql. Each source apart: the GP's, the hospital's and
 * community services' alerts (Flag), each with its safeguarding alerts and mental health risk alerts in
 * sections of their own (sensitive: a role without them sees "Restricted for your role"). Only alerts the
 * record says are in force (`current`) are listed as current; ended ones are in each section's history
 * part, saying when they ended. The mental health trust's and the council's alerts, their risk alerts
 * (H173, H174) among them, are in their own panels, so "View by source" lists each alert once; the
 * combined alerts (and the emergency summary) hold every source's.
 */
export class AlertsPanel extends RecordPanel<AlertsQuery> {
  protected heading = 'Alerts';
  protected document = AlertsDocument;
  protected sections: Section[] = [
    { title: 'GP alerts', path: ['patient', 'alerts'], source: 'gpSource', current: { history: 'Ended GP alerts' }, columns },
    { title: 'GP safeguarding alerts', path: ['patient', 'gpSafeguardingAlerts'], source: 'gpSource', current: { history: 'Ended GP safeguarding alerts' }, columns: flaggedColumns },
    { title: 'GP mental health risk alerts', path: ['patient', 'gpRiskAlerts'], source: 'gpSource', current: { history: 'Ended GP mental health risk alerts' }, columns: flaggedColumns },
    { title: 'Hospital alerts', path: ['patient', 'hospitalAlerts'], source: 'acuteSource', current: { history: 'Ended hospital alerts' }, columns },
    { title: 'Hospital safeguarding alerts', path: ['patient', 'hospitalSafeguardingAlerts'], source: 'acuteSource', current: { history: 'Ended hospital safeguarding alerts' }, columns: flaggedColumns },
    { title: 'Hospital mental health risk alerts', path: ['patient', 'hospitalRiskAlerts'], source: 'acuteSource', current: { history: 'Ended hospital mental health risk alerts' }, columns: flaggedColumns },
    { title: 'Community services alerts', path: ['patient', 'communityAlerts'], source: 'communitySource', current: { history: 'Ended community services alerts' }, columns },
    { title: 'Community services safeguarding alerts', path: ['patient', 'communitySafeguardingAlerts'], source: 'communitySource', current: { history: 'Ended community services safeguarding alerts' }, columns: flaggedColumns },
    { title: 'Community services mental health risk alerts', path: ['patient', 'communityRiskAlerts'], source: 'communitySource', current: { history: 'Ended community services mental health risk alerts' }, columns: flaggedColumns },
  ];
}

customElements.get('sfy-alerts') ?? customElements.define('sfy-alerts', AlertsPanel);
