import { CombinedAlertsDocument, type CombinedAlertsQuery } from '../generated/graphql';
import { RecordPanel, type Section } from './recordPanel';
import { col } from './columns';
import { statusWords } from './statusWords';
import { eachSourceSays, firstDate, nameCol, sourcesCol, sourcesStatusCol } from './combinedColumns';

const status = (a: { status?: string | null }) => statusWords(a.status);

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
 * hospital, the mental health trust and the council, the same alert over overlapping time once; safeguarding alerts apart, in their own
 * section: a sensitive category, so a role without it sees that section as restricted (never as
 * nothing recorded).
 */
export class CombinedAlertsPanel extends RecordPanel<CombinedAlertsQuery> {
  protected heading = 'Alerts and safeguarding';
  protected document = CombinedAlertsDocument;
  protected sections: Section[] = [
    {
      title: 'Alerts',
      name: 'alerts',
      path: ['patient', 'combinedAlerts', 'items'],
      notRead: ['patient', 'combinedAlerts', 'notRead'],
      current: { history: 'Alerts no longer in force' },
      columns: alertColumns,
    },
    {
      title: 'Safeguarding alerts',
      name: 'safeguardingAlerts',
      path: ['patient', 'combinedSafeguardingAlerts', 'items'],
      notRead: ['patient', 'combinedSafeguardingAlerts', 'notRead'],
      current: { history: 'Safeguarding alerts no longer in force' },
      columns: alertColumns,
    },
  ];
}

customElements.get('sfy-combined-alerts') ?? customElements.define('sfy-combined-alerts', CombinedAlertsPanel);
