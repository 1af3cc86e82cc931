import { html } from 'lit';
import { AccessHistoryDocument, type AccessHistoryQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { col } from './columns';

/** <sfy-access-history nhs-number="..."> — fields in accessHistory.graphql. */
export class AccessHistoryPanel extends RecordPanel<AccessHistoryQuery> {
  protected heading = 'Who has looked at this record';
  protected document = AccessHistoryDocument;
  protected sections: Section[] = [
    { title: 'Access by organisation and role', path: ['recordAccessSummary'], columns: [col('Organisation', (a) => a.odsCode), col('Role', (a) => a.jobRole), col('First', (a) => formatDate(a.firstAccess)), col('Last', (a) => formatDate(a.lastAccess)), col('Requests', (a) => a.requests), col('Break-glass', (a) => (a.breakGlass ? html`<span class="flag">Yes</span>` : 'No'))] },
  ];
}

customElements.get('sfy-access-history') ?? customElements.define('sfy-access-history', AccessHistoryPanel);
