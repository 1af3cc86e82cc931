import { CombinedAlertsDocument, type CombinedAlertsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { alertStatus } from './statusWords';
import { formatDate } from './fhirTime';
import { combinedSection, eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol } from './combinedColumns';

/** Each source's alert "Active" only while the record says it is in force, else "Ended <date>": never the source's "active" on a flag past its end (H164, H170). */
const status = (a: { status: string; current: boolean; end?: string | null }) => alertStatus(a, formatDate);

/** The combined alerts' columns, shared with the emergency summary. */
export const alertColumns = [
  nameCol('Alert', (a) => a.code),
  col('Details', (a) => eachSourceSays(a, (s) => s.description)),
  sourcesStatusCol(status),
  col('Since', (a) => firstDate(a, (s) => s.start)),
  sourcesCol(status),
];

/**
 * <sfy-combined-alerts nhs-number="..."> — fields in combinedAlerts.graphql. Alerts from the GP, the
 * hospital, the mental health trust and the council, the same alert over overlapping time once; safeguarding alerts and
 * mental health risk alerts (every source's: the trust's and the council's risk-coded flags too) apart, each in its own
 * section: sensitive categories, so a role without one sees that section as restricted (never as
 * nothing recorded). Ended alerts of each are its history part.
 */
export class CombinedAlertsPanel extends RecordPanel<CombinedAlertsQuery> {
  protected heading = 'Alerts, safeguarding and risk';
  protected document = CombinedAlertsDocument;
  protected sections: Section[] = [
    combinedSection('combinedAlerts', { title: 'Alerts', name: 'alerts', current: { history: 'Alerts no longer in force' }, columns: alertColumns }),
    combinedSection('combinedSafeguardingAlerts', { title: 'Safeguarding alerts', name: 'safeguardingAlerts', current: { history: 'Safeguarding alerts no longer in force' }, columns: alertColumns }),
    combinedSection('combinedRiskAlerts', { title: 'Mental health risk alerts', name: 'riskAlerts', current: { history: 'Mental health risk alerts no longer in force' }, columns: alertColumns }),
  ];
}

customElements.get('sfy-combined-alerts') ?? customElements.define('sfy-combined-alerts', CombinedAlertsPanel);
